// Starts the Trunk-built wasm app from an external module. Trunk's default loader is an
// inline <script>, which our Content-Security-Policy (script-src 'self') would block;
// Trunk.toml's `pattern_script` emits a <script src="/boot.js"> tag instead, carrying the
// hashed file names in data attributes.
const tag = document.querySelector('script[data-wasm-js]');
const { default: init } = await import(tag.dataset.wasmJs);
const wasm = await init({ module_or_path: tag.dataset.wasm });
// The same event Trunk's own loader fires, so tests can wait for a started app.
dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));

// Offline use: sw.js caches the app so it opens again without a network. Registered after
// the app has started, so its caching never competes with the first load. Service workers
// exist only in secure contexts (https, localhost); elsewhere the app simply stays online.
if ('serviceWorker' in navigator) {
  navigator.serviceWorker.register(new URL('sw.js', import.meta.url)).catch(() => {
    // Offline use is an extra: the app works the same without it.
  });
}
