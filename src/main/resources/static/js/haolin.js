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

// The menu's unread badge polls every few seconds. It must not keep an abandoned page signed in for ever:
// after 25 idle minutes it stops asking, so the session's 30-minute idle limit still holds. Once the session
// has ended the answer is the login page, which must not land in the menu.
const badgeIdleLimitMs = 25 * 60 * 1000;
let lastActivity = Date.now();
['click', 'keydown', 'touchstart', 'scroll'].forEach((type) =>
  document.addEventListener(type, () => { lastActivity = Date.now(); }, { passive: true }));
document.addEventListener('htmx:beforeRequest', (event) => {
  if (event.detail.elt.id === 'inbox-badge' && Date.now() - lastActivity > badgeIdleLimitMs) {
    event.preventDefault();
  }
});
document.addEventListener('htmx:beforeSwap', (event) => {
  if (event.detail.target.id === 'inbox-badge' && !event.detail.xhr.responseURL.includes('/inbox/badge')) {
    event.detail.shouldSwap = false;
  }
});
