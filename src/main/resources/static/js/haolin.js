// Small behaviours without inline scripts (the content security policy forbids them).
document.addEventListener('click', (event) => {
  if (event.target.closest('[data-print]')) {
    window.print();
  }
});
