// Starts the Trunk-built wasm app from an external module. Trunk's default loader is an
// inline <script>, which our Content-Security-Policy (script-src 'self') would block;
// Trunk.toml's `pattern_script` emits a <script src="/boot.js"> tag instead, carrying the
// hashed file names in data attributes.
//
// Two builds of the app (scripts/build.sh, src/classroom/full_app.rs): the first-load
// build (data-wasm-js, data-wasm) has the whole lecture; the full build (data-full-js,
// data-full-wasm) adds the map of two parameters, the race of optimizers and typed
// formulas. The full one loads for an address with `?full` (the first-load build reloads
// into it when the lesson comes to need it), or when the share link in the address, else
// the saved work, needs it: the test of `Lesson::needs_full_app` in descent-core or a
// lesson of format version 2 or later, or for a walkthrough link (`#tour=N`). A lesson
// this test misses still opens: the first-load build then reloads into the full one.
const tag = document.querySelector('script[data-wasm-js]');

/**
 * Whether a lesson's JSON needs the full build: `Lesson::needs_full_app`, or a format of
 * version 2 or later (a race's settings, the map's view), which the first-load build does
 * not read (descent-core without `race`).
 */
function lessonNeedsFull(json) {
  const lesson = JSON.parse(json);
  return (
    (lesson.version ?? 1) >= 2 ||
    lesson.model === 'formula' ||
    (lesson.frozen ?? []).filter((frozen) => !frozen).length >= 2 ||
    (lesson.race?.racers?.length ?? 0) > 0
  );
}

function wantsFull() {
  if (!tag.dataset.fullJs) return false;
  if (new URLSearchParams(location.search).has('full')) return true;
  try {
    const hash = location.hash.replace(/^#/, '');
    // The walkthrough (`#tour=N`) is in the full build only.
    if (hash.startsWith('tour=')) return true;
    if (hash.startsWith('v1.')) {
      // A share link: `v1.` and the URL-safe base64 of the lesson's JSON.
      const base64 = hash.slice(3).replace(/-/g, '+').replace(/_/g, '/');
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      return lessonNeedsFull(new TextDecoder().decode(bytes));
    }
    const saved = localStorage.getItem('descent-lab/lesson/v1');
    return saved !== null && lessonNeedsFull(saved);
  } catch {
    // Unreadable: the first-load build reads it and says what is wrong.
    return false;
  }
}

/**
 * Adds full.css, the full build's own rules (the map, the race's settings and table, the
 * formula field, the walkthrough), which the first load does without; resolves once it has
 * loaded or failed, so the full build never draws those panels unstyled.
 */
function fullStyles() {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = new URL('full.css', import.meta.url).href;
  const settled = new Promise((resolve) => {
    link.onload = link.onerror = resolve;
  });
  document.head.append(link);
  return settled;
}

const full = wantsFull();
// A page with one build only (`trunk serve`, `trunk build`) has the full app in it.
const styled = full || !tag.dataset.fullJs ? fullStyles() : null;
const { default: init } = await import(full ? tag.dataset.fullJs : tag.dataset.wasmJs);
await styled;
const wasm = await init({ module_or_path: full ? tag.dataset.fullWasm : tag.dataset.wasm });
// The same event Trunk's own loader fires, so tests can wait for a started app.
dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm, full } }));

// The first-load build hands over to the full build by a reload (the Walkthrough button, a
// two-parameter example, an optimizer ticked, an own formula), which should not wait for
// the full build's files. Where service workers run, sw.js caches them when it installs
// (after the first load, below); elsewhere (plain http on a classroom's network) they are
// fetched into the HTTP cache once the first-load build is idle.
const workers = 'serviceWorker' in navigator && window.isSecureContext;
if (!full && tag.dataset.fullJs && !workers) {
  const prefetch = () => {
    for (const href of [tag.dataset.fullJs, tag.dataset.fullWasm]) {
      fetch(href).catch(() => {
        // Only a head start: the hand-over fetches them itself.
      });
    }
  };
  if ('requestIdleCallback' in window) requestIdleCallback(prefetch, { timeout: 5000 });
  else setTimeout(prefetch, 2000);
}

// Offline use: sw.js caches the app so it opens again without a network. Registered after
// the app has started, so its caching never competes with the first load. Service workers
// exist only in secure contexts (https, localhost); elsewhere the app simply stays online.
if ('serviceWorker' in navigator) {
  navigator.serviceWorker.register(new URL('sw.js', import.meta.url)).catch(() => {
    // Offline use is an extra: the app works the same without it.
  });
}
