// web/service-worker.js — keeps the app shell on the phone, so a returning
// resident can open Civic Desk and write a draft with no network (issue 8).
// Strategy: network first for the shell (a new build is picked up at once,
// and civic.js and civic.wasm never come from two different builds while
// online), the cached copy when the network fails. The GeoReport API and
// anything not in the shell is never cached here: tickets and catalogues
// are core's business (outbox, tracking), not the HTTP cache's.
// Limits: only same-origin GET requests for the SHELL files are touched.
'use strict';

const CACHE = 'civic-shell-v3';
const SHELL = [
  './', 'index.html', 'civic.js', 'civic.wasm', 'civic-page.js', 'civic.css',
  'manifest.webmanifest', 'icon.svg', 'fonts/civic-ui.ttf', 'fonts/civic-common.ttf',
];
// The photo code: fetched when the form first offers photos (civic-page.js
// warms it), not with the shell — most visits attach nothing — then kept
// like the shell, so a returning resident can attach photos offline. The
// voice recorder and the memo player likewise, once they have been used.
const LAZY = ['civic-photos.js', 'civic-media-worker.js', 'civic-media.js', 'civic-media.wasm', 'civic-recorder.js',
              'civic-player.js'];
const scopeUrl = new URL(self.registration.scope);
const shellUrls = new Set(SHELL.concat(LAZY).map((p) => new URL(p, scopeUrl).href));

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((c) => c.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const k of await caches.keys()) if (k !== CACHE) await caches.delete(k);
    await self.clients.claim();
  })());
});

function shellKey(request) {
  const u = new URL(request.url);
  u.search = '';
  u.hash = '';
  if (request.mode === 'navigate' && u.origin === scopeUrl.origin && u.pathname.startsWith(scopeUrl.pathname)) {
    // Client-side routes are the app too (the server falls back to index.html).
    const last = u.pathname.slice(u.pathname.lastIndexOf('/') + 1);
    if (!last.includes('.')) return new URL('index.html', scopeUrl).href;
  }
  if (shellUrls.has(u.href)) return u.href;
  // Slices of the rare-character font: fetched only when a name needs one,
  // then kept like the shell (a returning resident sees the name offline).
  if (u.origin === scopeUrl.origin && u.pathname.startsWith(scopeUrl.pathname + 'fonts/rare/')) return u.href;
  return null;
}

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET') return;
  const key = shellKey(req);
  if (!key) return;   // the API and everything else: straight to the network
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    try {
      const fresh = await fetch(req);
      if (fresh.ok && fresh.type === 'basic') await cache.put(key, fresh.clone());
      return fresh;
    } catch (err) {
      const cached = await cache.match(key);
      if (cached) return cached;
      throw err;
    }
  })());
});
