// Scan station (扫码采样). Every scan and every tube close goes into a queue on this device (IndexedDB) with a
// client-made id BEFORE anything is sent; a sender posts the queue in order and removes an item only when the
// server's answer for it has arrived. The server accepts each id once, so sending again after a lost answer
// is safe. The page keeps taking scans offline; a service worker serves the page and its files without network.
(() => {
  const root = document.getElementById('station');
  if (!root) {
    return;
  }
  const campaignId = Number(root.dataset.campaignId);
  const pointId = root.dataset.pointId ? Number(root.dataset.pointId) : null;
  const tubeSize = Number(root.dataset.tubeSize);
  const texts = document.getElementById('station-texts').dataset;
  const lang = document.documentElement.lang || 'zh-CN';
  const BATCH = 200;
  const MAX_BACKOFF_MS = 60_000;
  const $ = (id) => document.getElementById(id);

  function text(key, ...args) {
    return (texts[key] || key).replace(/\{(\d)}/g, (_, i) => (args[Number(i)] ?? ''));
  }

  function clockTime(iso) {
    return new Date(iso).toLocaleTimeString(lang, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  }

  function newId() {
    if (window.crypto && crypto.randomUUID) {
      return crypto.randomUUID();
    }
    // pages served without TLS have no randomUUID; random bytes in the same shape will do
    const b = crypto.getRandomValues(new Uint8Array(16));
    const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }

  function csrfHeaders() {
    try {
      return JSON.parse(document.body.getAttribute('hx-headers') || '{}');
    } catch (e) {
      return {};
    }
  }

  // ---- the device store: the queue (in scan order) and the people this device has scanned per campaign ----
  const store = (() => {
    let opened;
    function db() {
      opened = opened || new Promise((resolve, reject) => {
        const request = indexedDB.open('haolin-station', 1);
        request.onupgradeneeded = () => {
          request.result.createObjectStore('queue', { keyPath: 'seq', autoIncrement: true });
          request.result.createObjectStore('seen');
        };
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      return opened;
    }
    async function run(name, mode, work) {
      const database = await db();
      return new Promise((resolve, reject) => {
        const tx = database.transaction(name, mode);
        const result = work(tx.objectStore(name));
        tx.oncomplete = () => resolve(result && 'result' in result ? result.result : result);
        tx.onerror = () => reject(tx.error);
        tx.onabort = () => reject(tx.error);
      });
    }
    return {
      add: (item) => run('queue', 'readwrite', (s) => s.add(item)),
      count: () => run('queue', 'readonly', (s) => s.count()),
      first: (limit) => run('queue', 'readonly', (s) => s.getAll(null, limit)),
      remove: (seqs) => run('queue', 'readwrite', (s) => seqs.forEach((seq) => s.delete(seq))),
      seen: (key) => run('seen', 'readonly', (s) => s.get(key)),
      remember: (key, at) => run('seen', 'readwrite', (s) => s.put(at, key)),
    };
  })();

  // ---- what the page shows ----
  const outcomeClass = { RECORDED: 'outcome-ok', REPEAT: 'outcome-warn', LOCAL_REPEAT: 'outcome-warn',
    QUEUED: 'outcome-info', TUBE_OPENED: 'outcome-info', TUBE_CLOSED_HERE: 'outcome-info' };
  let latestClientId = null;

  // outcome: the server's word (RECORDED, REPEAT, ...) or the station's own (QUEUED, LOCAL_REPEAT, TUBE_OPENED, ...)
  function showResult(outcome, headline, detail) {
    const kind = outcomeClass[outcome] || 'outcome-bad';
    const box = $('result');
    box.hidden = false;
    box.className = 'station-result ' + kind;
    box.dataset.outcome = outcome;
    $('result-headline').textContent = headline;
    $('result-detail').textContent = detail || '';
  }

  function headlineOf(answer) {
    switch (answer.outcome) {
      case 'RECORDED': return text('recorded');
      case 'REPEAT': return text('repeat');
      case 'UNKNOWN_CODE': return text('unknown');
      default: return text('refused');
    }
  }

  function detailOf(answer) {
    const parts = [];
    if (answer.person) {
      parts.push(`${answer.person.maskedName} · ${answer.person.place}`);
    }
    if (answer.outcome !== 'RECORDED' && answer.message) {
      parts.push(answer.message); // the server's words: for a REPEAT, when and into which tube the first time
    } else if (answer.outcome === 'REPEAT' && answer.earlierAt) {
      parts.push(text('repeatAt', clockTime(answer.earlierAt)));
    }
    if (answer.tube) {
      parts.push(text('tubeLabel', answer.tube.code) + ' ' + text('tubePeople', answer.tube.people, answer.tube.capacity));
    }
    return parts.join(' — ');
  }

  function recentRow(clientId, kind, label, detail, at, outcome) {
    let row = document.querySelector(`#recent [data-client-id="${clientId}"]`);
    if (!row) {
      row = document.createElement('li');
      row.dataset.clientId = clientId;
      row.className = 'list-group-item';
      row.append(document.createElement('span'), document.createElement('span'));
      $('recent').prepend(row);
      while ($('recent').children.length > 30) {
        $('recent').lastElementChild.remove();
      }
    }
    row.classList.remove('outcome-ok', 'outcome-warn', 'outcome-bad', 'outcome-info');
    row.classList.add(kind);
    row.dataset.outcome = outcome;
    row.firstElementChild.textContent = `${clockTime(at)} ${detail}`;
    row.lastElementChild.textContent = label;
  }

  function showAnswer(item, answer) {
    const kind = outcomeClass[answer.outcome] || 'outcome-bad';
    const headline = headlineOf(answer);
    recentRow(item.clientId, kind, headline, detailOf(answer) || item.code || '', item.scannedAt, answer.outcome);
    if (item.clientId === latestClientId) {
      showResult(answer.outcome, headline, detailOf(answer));
    }
    if (answer.tube && tube.code === answer.tube.code && (answer.tube.closed || answer.outcome === 'TUBE_FULL'
        || answer.outcome === 'TUBE_CLOSED')) {
      setTube(null);
    }
  }

  async function showPending() {
    const count = await store.count();
    const badge = $('pending');
    badge.dataset.count = String(count);
    badge.textContent = text('pending', count);
  }

  function showNetwork() {
    $('network').textContent = navigator.onLine ? text('online') : text('offline');
  }

  // ---- the current tube, kept per campaign and point so a reload keeps it ----
  const tubeKey = `haolin-station-tube-${campaignId}-${pointId}`;
  let tube = JSON.parse(localStorage.getItem(tubeKey) || 'null') || { code: null, people: 0 };

  function setTube(code, people = 0) {
    tube = { code, people };
    localStorage.setItem(tubeKey, JSON.stringify(tube));
    drawTube();
  }

  function drawTube() {
    $('tube-code').textContent = tube.code || '—';
    $('tube-people').textContent = tube.code ? text('tubePeople', tube.people, tubeSize)
      : (tubeSize === 1 ? text('singleTubes') : text('noTube'));
    $('close-tube').disabled = !tube.code;
  }

  // ---- scanning ----
  async function scanned(value) {
    const code = value.trim();
    if (!code) {
      return;
    }
    if (!/^HL/i.test(code)) {
      setTube(code);
      showResult('TUBE_OPENED', text('tubeOpened', code), '');
      return;
    }
    await scanPerson({ code: code.toUpperCase(), residentId: null }, 'c:' + code.toUpperCase());
  }

  async function scanPerson(who, seenKey) {
    if (tubeSize > 1 && !tube.code) {
      showResult('NEED_TUBE', text('needTube'), '');
      return;
    }
    const item = {
      kind: 'scan', campaignId, clientId: newId(), pointId, code: who.code, residentId: who.residentId,
      tubeCode: tube.code, scannedAt: new Date().toISOString(), url: root.dataset.checkinsUrl,
    };
    latestClientId = item.clientId;
    const key = `${campaignId}|${seenKey}`;
    const earlier = await store.seen(key);
    await store.add(item); // on the device before anything is sent: a crash or a lost network loses nothing
    await store.remember(key, earlier || item.scannedAt);
    countIntoTube();
    const label = who.label || item.code;
    if (earlier) {
      showResult('LOCAL_REPEAT', text('localRepeat', clockTime(earlier)), label);
    } else {
      showResult('QUEUED', text('queued'), `${label} — ${text('queuedDetail')}`);
    }
    recentRow(item.clientId, 'outcome-info', text('waiting'), label, item.scannedAt, 'QUEUED');
    await showPending();
    sender.soon();
  }

  function countIntoTube() {
    if (!tube.code) {
      return;
    }
    // the server closes a tube at capacity by itself; the station starts a fresh one the same moment
    if (tube.people + 1 >= tubeSize) {
      const full = tube.code;
      setTube(null);
      $('tube-people').textContent = text('tubeClosed', full);
    } else {
      setTube(tube.code, tube.people + 1);
    }
  }

  async function closeTube() {
    if (!tube.code) {
      return;
    }
    const code = tube.code;
    await store.add({ kind: 'close', campaignId, clientId: newId(), pointId, tubeCode: code,
      scannedAt: new Date().toISOString(), url: root.dataset.closeUrl });
    setTube(null);
    showResult('TUBE_CLOSED_HERE', text('tubeClosed', code), '');
    await showPending();
    sender.soon();
    refocus();
  }

  // ---- the sender: the queue in order, scans in batches, a close on its own, retried with backoff ----
  const sender = (() => {
    let running = false;
    let backoff = 2000;
    let retryAfterMs = 0;
    let timer = null;

    function later(ms) {
      clearTimeout(timer);
      timer = setTimeout(flush, ms);
    }

    async function post(url, body) {
      const response = await fetch(url, {
        method: 'POST', credentials: 'same-origin', redirect: 'manual',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...csrfHeaders() },
        body: JSON.stringify(body),
      });
      const json = (response.headers.get('Content-Type') || '').includes('json');
      if (response.type === 'opaqueredirect' || response.status === 401 || response.status === 403 || (response.ok && !json)) {
        $('network').textContent = text('signedOut');
        return null;
      }
      if (response.status === 503 || response.status === 429) {
        // the server is shedding load: come back when it says, not sooner
        retryAfterMs = 1000 * Number(response.headers.get('Retry-After') || 0);
      }
      return response.ok ? response.json() : null;
    }

    function retryLater() {
      // a little jitter, so the devices of a whole point do not all come back in the same instant
      later(Math.max(backoff, retryAfterMs) + Math.random() * 1000);
      backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
      retryAfterMs = 0;
    }

    // the leading run of queue items that go in one request
    function nextGroup(items) {
      const first = items[0];
      if (first.kind === 'close') {
        return [first];
      }
      const group = [];
      for (const item of items) {
        if (item.kind !== 'scan' || item.url !== first.url) {
          break;
        }
        group.push(item);
      }
      return group;
    }

    async function sendGroup(group) {
      if (group[0].kind === 'close') {
        const { clientId, pointId: point, tubeCode } = group[0];
        const answer = await post(group[0].url, { clientId, pointId: point, tubeCode });
        if (answer) {
          await store.remove([group[0].seq]);
        }
        return Boolean(answer);
      }
      const scans = group.map(({ clientId, pointId: point, code, residentId, tubeCode, scannedAt }) =>
        ({ clientId, pointId: point, code, residentId, tubeCode, scannedAt }));
      const answer = await post(group[0].url, { scans });
      if (!answer || !Array.isArray(answer.results)) {
        return false;
      }
      const byId = new Map(answer.results.map((r) => [r.clientId, r]));
      const answered = group.filter((item) => byId.has(item.clientId));
      await store.remove(answered.map((item) => item.seq));
      answered.forEach((item) => showAnswer(item, byId.get(item.clientId)));
      return answered.length === group.length;
    }

    async function flush() {
      if (running || !navigator.onLine) {
        return;
      }
      running = true;
      try {
        for (;;) {
          const items = await store.first(BATCH);
          if (items.length === 0) {
            backoff = 2000;
            break;
          }
          if (!(await sendGroup(nextGroup(items)))) {
            retryLater();
            break;
          }
          backoff = 2000;
          await showPending();
        }
      } catch (e) {
        retryLater(); // no network, or the server went away mid-answer: the items are still queued
      } finally {
        running = false;
        await showPending();
      }
    }

    return { flush, soon: () => later(0) };
  })();

  // ---- camera: jsQR over video frames ----
  const camera = (() => {
    let stream = null;
    let lastCode = null;
    let lastAt = 0;

    async function start() {
      try {
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
      } catch (e) {
        showResult('CAMERA_FAILED', text('cameraFailed'), '');
        return;
      }
      const video = $('camera-video');
      video.srcObject = stream;
      $('camera').hidden = false;
      $('camera-start').hidden = true;
      await video.play();
      requestAnimationFrame(tick);
    }

    function stop() {
      if (stream) {
        stream.getTracks().forEach((t) => t.stop());
      }
      stream = null;
      $('camera').hidden = true;
      $('camera-start').hidden = false;
      refocus();
    }

    function tick() {
      if (!stream) {
        return;
      }
      const video = $('camera-video');
      if (video.readyState === video.HAVE_ENOUGH_DATA && window.jsQR) {
        const canvas = $('camera-canvas');
        canvas.width = video.videoWidth;
        canvas.height = video.videoHeight;
        const context = canvas.getContext('2d', { willReadFrequently: true });
        context.drawImage(video, 0, 0, canvas.width, canvas.height);
        const image = context.getImageData(0, 0, canvas.width, canvas.height);
        const found = window.jsQR(image.data, image.width, image.height, { inversionAttempts: 'dontInvert' });
        // a code stays in view for a while: take it once, not on every frame
        if (found && found.data && (found.data !== lastCode || Date.now() - lastAt > 3000)) {
          lastCode = found.data;
          lastAt = Date.now();
          scanned(found.data);
        }
      }
      requestAnimationFrame(tick);
    }

    return { start, stop };
  })();

  // ---- search by name or room (needs the network); tapping a person scans them ----
  async function search(q) {
    const list = $('search-results');
    list.replaceChildren();
    if (!navigator.onLine) {
      list.append(note(text('searchOffline')));
      return;
    }
    const url = `${root.dataset.searchUrl}?pointId=${pointId}&q=${encodeURIComponent(q)}`;
    let people;
    try {
      const response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
      people = response.ok ? await response.json() : [];
    } catch (e) {
      list.append(note(text('searchOffline')));
      return;
    }
    if (people.length === 0) {
      list.append(note(text('searchNone')));
    }
    people.forEach((person) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'list-group-item list-group-item-action py-3';
      button.dataset.residentId = person.residentId;
      button.textContent = `${person.maskedName} · ${person.place}${person.sampled ? ' · ' + text('sampled') : ''}`;
      button.addEventListener('click', () => {
        list.replaceChildren();
        scanPerson({ code: null, residentId: person.residentId, label: `${person.maskedName} · ${person.place}` },
          'r:' + person.residentId).catch(() => null).finally(refocus);
      });
      list.append(button);
    });
  }

  function note(message) {
    const item = document.createElement('div');
    item.className = 'list-group-item text-muted';
    item.textContent = message;
    return item;
  }

  // ---- keep the scanner's input focused: a handheld types into whatever has focus ----
  function refocus() {
    const input = $('scan-input');
    if (input && !$('search-q').matches(':focus')) {
      input.focus();
    }
  }

  // ---- offline: the service worker keeps the page, and the page stores its own files for it ----
  // The page, its scripts and styles kept on the device; only when every one is kept does the page say it can
  // work without network (a file missed because the network dropped is tried again when it returns).
  async function keepForOffline() {
    if (!('serviceWorker' in navigator) || root.dataset.offlineReady === 'true') {
      return;
    }
    try {
      await navigator.serviceWorker.register(root.dataset.workerUrl, { scope: root.dataset.workerScope });
      const files = [location.href,
        ...Array.from(document.querySelectorAll('script[src]'), (s) => s.src),
        ...Array.from(document.querySelectorAll('link[rel=stylesheet]'), (l) => l.href)];
      const cache = await caches.open('haolin-station-v1');
      const kept = await Promise.all(files.map((file) => cache.add(file).then(() => true, () => false)));
      if (kept.every(Boolean)) {
        root.dataset.offlineReady = 'true';
        $('offline-ready').hidden = false;
      }
    } catch (e) {
      // without a service worker the station still works online, and the queue still keeps every scan
    }
  }

  function wire() {
    if (pointId === null) {
      return;
    }
    $('scan-form').addEventListener('submit', (event) => {
      event.preventDefault();
      const input = $('scan-input');
      const value = input.value;
      input.value = '';
      scanned(value).catch(() => null).finally(refocus);
    });
    $('close-tube').addEventListener('click', closeTube);
    $('camera-start').addEventListener('click', camera.start);
    $('camera-stop').addEventListener('click', camera.stop);
    $('search-form').addEventListener('submit', (event) => {
      event.preventDefault();
      search($('search-q').value.trim());
    });
    $('search-q').addEventListener('blur', () => setTimeout(refocus, 0));
    // a tap on nothing in particular must not leave the handheld typing into the void
    document.addEventListener('click', (event) => {
      if (!event.target.closest('input, textarea, select, a, button, video')) {
        refocus();
      }
    });
    window.addEventListener('online', () => { showNetwork(); sender.flush(); keepForOffline(); });
    window.addEventListener('offline', showNetwork);
    setInterval(sender.flush, 15_000);
    drawTube();
    showNetwork();
    refocus();
    sender.flush();
  }

  showPending();
  wire();
  keepForOffline();
})();
