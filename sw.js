// Descent Lab's service worker: once the app has been opened, it opens again without a
// network (classroom Wi-Fi fails), and browsers offer to install it.
//
// Trunk gives the wasm, JS and CSS files a content hash in their names, different in
// every build, so no list of them is written here. Instead:
// - on install, the worker reads the current index.html and caches every file it names
//   (the page was loaded before the worker existed, so nothing else would cache them);
// - a page load (navigation) goes to the network first, so a new deployment shows at
//   once, and falls back to the cached page when the network fails or hangs;
// - hashed files never change, so they come from the cache first;
// - other files (boot.js, the manifest, icons) come from the cache and are refreshed in
//   the background, so they are current on the next load.
// After a successful page load, hashed files the new page no longer names are deleted.
//
// Served from the site's root (Trunk copies it there), so its scope is the whole app.

const CACHE = 'descent-lab-v1';
// Resolved against this file's URL, so a deployment under a sub-path works too.
const SHELL = new URL('./', self.location).href;
// Files that are not named by index.html but belong to the app.
const EXTRAS = [
  'boot.js',
  'full.css',
  'public/manifest.webmanifest',
  'public/favicon.svg',
  'public/icon-192.png',
  'public/icon-512.png',
  'public/icon-maskable-512.png',
].map((path) => new URL(path, self.location).href);
// How long a page load waits for the network before the cached page is shown.
const NAVIGATION_TIMEOUT_MS = 4000;
// Trunk's content hash: "-" and 12–16 hex digits before the extension (or "_bg.wasm").
const HASHED = /-[0-9a-f]{12,16}(_bg)?\.[a-z0-9]+$/;

/**
 * The same-origin URLs an index.html names in href, src, data-wasm and data-wasm-js (the
 * first-load build), data-full-wasm and data-full-js (the full build, see boot.js: cached
 * too, so the map, the race and typed formulas also open without a network).
 */
function namedFiles(html, base) {
  // Trunk minifies index.html, so values may be unquoted.
  const attribute = /\b(?:href|src|data-wasm|data-wasm-js|data-full-wasm|data-full-js)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/g;
  const urls = new Set();
  for (const match of html.matchAll(attribute)) {
    const value = match[1] ?? match[2] ?? match[3];
    try {
      const url = new URL(value, base);
      if (url.origin === self.location.origin) {
        url.hash = '';
        urls.add(url.href);
      }
    } catch {
      // Not a URL (a data: icon is skipped by the origin test anyway).
    }
  }
  return urls;
}

/**
 * Caches a fresh index.html and returns the files it names; with `withFiles`, fetches and
 * caches those files too (on install: the page loaded them before the worker existed).
 * On later page loads the page's own requests cache them, so they are not fetched twice.
 */
async function cacheShell(cache, response, withFiles) {
  const html = await response.clone().text();
  const files = namedFiles(html, SHELL);
  await cache.put(SHELL, response);
  if (!withFiles) return files;
  await Promise.all(
    [...files, ...EXTRAS].map(async (url) => {
      if (await cache.match(url)) return;
      try {
        const file = await fetch(url);
        if (file.ok) await cache.put(url, file);
      } catch {
        // A missing extra must not stop the rest from being cached.
      }
    }),
  );
  return files;
}

/** Deletes cached hashed files the current page no longer names (an older build's). */
async function pruneOldBuilds(cache, named) {
  for (const request of await cache.keys()) {
    const url = new URL(request.url);
    if (HASHED.test(url.pathname) && !named.has(url.href)) await cache.delete(request);
  }
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      const response = await fetch(SHELL, { cache: 'no-cache' });
      if (response.ok) await cacheShell(cache, response, true);
      // Hashed files make an immediate take-over safe: an open page keeps its files.
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith('descent-lab-') && name !== CACHE) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

/** A page load: the network, unless it fails or takes too long; then the cached page. */
async function navigate(event) {
  const cache = await caches.open(CACHE);
  const network = fetch(event.request).then(async (response) => {
    if (response.ok) {
      const named = await cacheShell(cache, response.clone(), false);
      await pruneOldBuilds(cache, named);
    }
    return response;
  });
  // Keep the worker alive until the cache is updated, even after a cached answer.
  event.waitUntil(network.catch(() => undefined));
  const timeout = new Promise((resolve) => setTimeout(resolve, NAVIGATION_TIMEOUT_MS));
  try {
    const response = await Promise.race([network, timeout]);
    if (response) return response;
  } catch {
    // Offline: fall through to the cache.
  }
  const cached = await cache.match(SHELL);
  return cached ?? network;
}

/** A hashed file: the cache, else the network (and keep it). */
async function immutable(request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request, { ignoreSearch: true });
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

/** Any other file: the cache at once if there, refreshed from the network for next time. */
async function staleWhileRevalidate(event) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(event.request, { ignoreSearch: true });
  const network = fetch(event.request).then(async (response) => {
    if (response.ok) await cache.put(event.request, response.clone());
    return response;
  });
  event.waitUntil(network.catch(() => undefined));
  return cached ?? network;
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    event.respondWith(navigate(event));
  } else if (HASHED.test(url.pathname)) {
    event.respondWith(immutable(request));
  } else {
    event.respondWith(staleWhileRevalidate(event));
  }
});
