// The register's service worker: keeps the built app shell so /pos/ opens with no network.
// Plain JavaScript on purpose (no bundler step): vite.config.ts copies this file to dist/sw.js and
// replaces PRECACHE_PLACEHOLDER with the hashed files of that build, and the build id, so every new
// build installs a fresh cache and drops the old one.
//
// Strategy: the shell (index.html, hashed JS/CSS, manifest, icon) is precached on install. Page
// navigations try the network first (a new build reaches the register as soon as it is online) and
// fall back to the cached index.html. Hashed assets are cache-first (their names change with their
// content). /api is never touched: the app itself decides what to do offline (IndexedDB queue).
const PRECACHE = /* PRECACHE_PLACEHOLDER */ { version: 'dev', files: [] };
const CACHE = `handla-pos-${PRECACHE.version}`;
const SCOPE = new URL(self.registration.scope);
const INDEX_URL = new URL('index.html', SCOPE).href;

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      await cache.addAll([INDEX_URL, ...PRECACHE.files.map((file) => new URL(file, SCOPE).href)]);
      // A register must not keep an old shell until every tab closes: take over now.
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith('handla-pos-') && name !== CACHE) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== SCOPE.origin || !url.pathname.startsWith(SCOPE.pathname)) return;

  if (request.mode === 'navigate') {
    event.respondWith(
      (async () => {
        try {
          const fresh = await fetch(request);
          if (fresh.ok) {
            const cache = await caches.open(CACHE);
            await cache.put(INDEX_URL, fresh.clone());
          }
          return fresh;
        } catch {
          const cached = await caches.match(INDEX_URL);
          return cached ?? Response.error();
        }
      })(),
    );
    return;
  }

  event.respondWith(
    (async () => {
      const cached = await caches.match(request);
      if (cached) return cached;
      const fresh = await fetch(request);
      // Cache on first fetch what the precache list could not know (e.g. lazily loaded chunks).
      if (fresh.ok) {
        const cache = await caches.open(CACHE);
        await cache.put(request, fresh.clone());
      }
      return fresh;
    })(),
  );
});
