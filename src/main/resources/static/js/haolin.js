// Small behaviours without inline scripts (the content security policy forbids them).
document.addEventListener('click', (event) => {
  if (event.target.closest('[data-print]')) {
    window.print();
  }
});

// Refusals (4xx) carry a message for the reader: let htmx show them in the target instead of dropping them.
document.addEventListener('htmx:beforeSwap', (event) => {
  const status = event.detail.xhr.status;
  if (status >= 400 && status < 500) {
    event.detail.shouldSwap = true;
    event.detail.isError = false;
  }
});
