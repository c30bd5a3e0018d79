// The visit form: an item's owner and due day matter only for a problem found, so they show only then, and a
// problem needs its description. Without this script every field simply stays visible; the server checks anyway.
(function () {
  function update(item) {
    var chosen = item.querySelector('input[type=radio]:checked');
    var finding = chosen != null && chosen.value === 'FINDING';
    item.querySelectorAll('.finding-only').forEach(function (el) { el.classList.toggle('d-none', !finding); });
    var description = item.querySelector('textarea');
    if (description) { description.required = finding; }
  }
  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('[data-inspection-item]').forEach(function (item) {
      update(item);
      item.addEventListener('change', function () { update(item); });
    });
  });
})();
