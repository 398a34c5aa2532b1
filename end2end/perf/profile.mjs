// Profiles one slider drag (or, with --play, three seconds of autoplay): where the main
// thread's time goes (trace events by name) and the hottest functions by self time.
//   node end2end/perf/profile.mjs --url URL [--links target/bench/links.json --data '10 000 points']
//                                 [--scale 1] [--play]
// Function names need a build that keeps them: wasm-opt drops the name section, so build
// without it into another folder and serve that, e.g.
//   sed 's/data-wasm-opt="z"/data-wasm-opt="0"/' index.html >index-profile.html
//   trunk build --release --dist /tmp/dist-prof index-profile.html; rm index-profile.html
//   python3 -m http.server 8765 --bind 127.0.0.1 --directory /tmp/dist-prof
// (target/bench/links.json is left by scripts/bench.sh.)
import { chromium } from 'playwright-core';
import { parseArgs } from 'node:util';
import { readFileSync } from 'node:fs';

const { values: opts } = parseArgs({
  options: {
    url: { type: 'string' },
    links: { type: 'string' },
    data: { type: 'string' },
    scale: { type: 'string', default: '1' },
    moves: { type: 'string', default: '120' },
    top: { type: 'string', default: '40' },
    play: { type: 'boolean', default: false },
  },
});
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
});
const context = await browser.newContext({
  viewport: { width: 1920, height: 1080 },
  deviceScaleFactor: Number(opts.scale),
});
const page = await context.newPage();
const link = opts.data ? JSON.parse(readFileSync(opts.links, 'utf8'))[opts.data] : '';
await page.goto(opts.url + (link ? `#${link}` : ''));
await page.waitForFunction(() => document.body.hasAttribute('data-drawn'), null, { timeout: 60000 });
const cdp = await context.newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
await cdp.send('Profiler.start');
const t0 = Date.now();
if (opts.play) {
  await page.getByTestId('learning-rate').fill('0.00000001');
  await page.getByTestId('speed-select').selectOption('60');
  await page.getByTestId('play-button').click();
  await page.waitForTimeout(3000);
  await page.getByTestId('play-button').click();
} else {
  const slider = page.getByTestId('slider-a');
  await slider.scrollIntoViewIfNeeded();
  const box = await slider.boundingBox();
  const y = box.y + box.height / 2;
  let x = box.x + box.width * 0.3;
  await page.mouse.move(x, y);
  await page.mouse.down();
  for (let i = 0; i < Number(opts.moves); i++) {
    x += i % 80 < 40 ? 3 : -3;
    await page.mouse.move(x, y);
  }
  await page.mouse.up();
}
const wall = Date.now() - t0;
const { profile } = await cdp.send('Profiler.stop');
const trace = JSON.parse((await browser.stopTracing()).toString());
await browser.close();

// Self time per function from the sampled profile.
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map();
const dts = profile.timeDeltas;
profile.samples.forEach((id, i) => {
  const n = byId.get(id);
  const name = `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url ? n.callFrame.url.split('/').pop() : ''}`;
  self.set(name, (self.get(name) || 0) + (dts[i + 1] || 0) / 1000);
});
const total = [...self.values()].reduce((a, b) => a + b, 0);
console.log(`wall ${wall} ms, profiled ${total.toFixed(0)} ms`);
console.log('--- self time by function (ms) ---');
[...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, Number(opts.top))
  .forEach(([k, v]) => console.log(v.toFixed(1).padStart(8), k.slice(0, 150)));
// Main-thread trace events: total duration by name (nested events counted in their parents too).
const events = (trace.traceEvents || trace).filter((e) => e.ph === 'X' && e.dur);
const mainTid = (() => {
  const c = new Map();
  events.filter((e) => e.name === 'FunctionCall').forEach((e) => c.set(`${e.pid}:${e.tid}`, (c.get(`${e.pid}:${e.tid}`) || 0) + 1));
  return [...c.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
})();
const dur = new Map();
events.filter((e) => `${e.pid}:${e.tid}` === mainTid).forEach((e) => {
  dur.set(e.name, (dur.get(e.name) || { ms: 0, n: 0 }));
  const d = dur.get(e.name); d.ms += e.dur / 1000; d.n += 1;
});
const byType = new Map();
events.filter((e) => `${e.pid}:${e.tid}` === mainTid && e.name === 'EventDispatch').forEach((e) => {
  const k = e.args?.data?.type || '?';
  const d = byType.get(k) || { ms: 0, n: 0 };
  d.ms += e.dur / 1000; d.n += 1; byType.set(k, d);
});
console.log('--- events dispatched (ms, count) ---');
[...byType.entries()].sort((a, b) => b[1].ms - a[1].ms)
  .forEach(([k, v]) => console.log(v.ms.toFixed(1).padStart(8), String(v.n).padStart(6), k));
// What runs inside the dispatch of an `input` event (time of nested events, by name).
const mainEvents = events.filter((e) => `${e.pid}:${e.tid}` === mainTid);
const inputs = mainEvents.filter((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'input');
const nested = new Map();
for (const outer of inputs) {
  for (const e of mainEvents) {
    if (e !== outer && e.ts >= outer.ts && e.ts + e.dur <= outer.ts + outer.dur) {
      const d = nested.get(e.name) || { ms: 0, n: 0 };
      d.ms += e.dur / 1000; d.n += 1; nested.set(e.name, d);
    }
  }
}
console.log('--- inside input dispatches (ms, count) ---');
[...nested.entries()].sort((a, b) => b[1].ms - a[1].ms).slice(0, 12)
  .forEach(([k, v]) => console.log(v.ms.toFixed(1).padStart(8), String(v.n).padStart(6), k));
console.log('--- main-thread trace events (ms, count) ---');
[...dur.entries()].sort((a, b) => b[1].ms - a[1].ms).slice(0, 25)
  .forEach(([k, v]) => console.log(v.ms.toFixed(1).padStart(8), String(v.n).padStart(6), k));
