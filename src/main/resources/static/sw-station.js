// Scan station service worker (scope: the campaign pages). The station page is fetched from the network when
// there is one and kept, so it reloads without network; its scripts, styles and the QR decoder come from the
// cache first. Nothing else is cached, and no POST is touched: scans are queued by the page itself.
const CACHE = 'haolin-station-v1';
const STATION_PAGE = /\/campaigns\/\d+\/station$/;
const ASSETS = /\/(js|css|webjars)\//;

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') {
    return;
  }
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) {
    return;
  }
  if (request.mode === 'navigate' && STATION_PAGE.test(url.pathname)) {
    event.respondWith(pageFromNetworkOrCache(request));
  } else if (ASSETS.test(url.pathname)) {
    event.respondWith(assetFromCacheOrNetwork(request));
  }
});

async function pageFromNetworkOrCache(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    // a signed-out answer is the login page: show it, but never keep it as the station
    if (response.ok && !response.redirected) {
      await cache.put(request, response.clone());
    }
    return response;
  } catch (e) {
    return (await cache.match(request)) || (await cache.match(request, { ignoreSearch: true })) || Response.error();
  }
}

async function assetFromCacheOrNetwork(request) {
  const cache = await caches.open(CACHE);
  const kept = await cache.match(request);
  if (kept) {
    return kept;
  }
  const response = await fetch(request);
  if (response.ok) {
    await cache.put(request, response.clone());
  }
  return response;
}
