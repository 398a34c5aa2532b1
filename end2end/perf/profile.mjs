// Profiles one slider drag (or, with --play, three seconds of autoplay): where the main
// thread's time goes (trace events by name) and the hottest functions by self time.
//   node end2end/perf/profile.mjs --url URL [--links target/bench/links.json --data '10 000 points']
//                                 [--scale 1] [--play [--gamma 1e-8] | --race] [--css 'RULES']
// --race: three seconds of a race of all five optimizers on `lecture-ab` at the 60/s setting.
// --drag map|point: with the loss map shown (`lecture-ab`, or the --data link with the model
// switched to a·x + b), the point on the map dragged across the valley, or the first data
// point dragged up and down on the data chart (as bench.mjs's `surface` part does).
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
    race: { type: 'boolean', default: false },
    drag: { type: 'string' },
    focus: { type: 'string' },
    gamma: { type: 'string', default: '0.00000001' },
    css: { type: 'string' },
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
// --css: a style sheet added to the page, to see what a part of it costs (e.g. hiding a panel).
if (opts.css) await page.addStyleTag({ content: opts.css });
if (opts.race) {
  await page.getByTestId('preset-select').selectOption('lecture-ab');
  for (const id of ['nesterov', 'rmsprop', 'adam']) await page.getByTestId(`optimizer-${id}`).check();
  await page.getByTestId('speed-select').selectOption('60');
  await page.waitForTimeout(500);
}
let dragFrom = null;
if (opts.drag) {
  if (link) await page.getByTestId('model-select').selectOption('affine');
  else await page.getByTestId('preset-select').selectOption('lecture-ab');
  await page.waitForFunction(() => document.querySelector('[data-testid=chart-surface]')?.dataset.frame);
  const target = opts.drag === 'map' ? 'chart-surface' : 'chart-data';
  const canvas = page.getByTestId(target);
  await canvas.scrollIntoViewIfNeeded();
  await page.waitForTimeout(300);
  const [frame, view, box] = await Promise.all([
    canvas.getAttribute('data-frame'), canvas.getAttribute('data-view'), canvas.boundingBox()]);
  const [left, top, right, bottom] = frame.split(',').map(Number);
  const [x0, x1, y0, y1] = view.split(',').map(Number);
  const at = (x, y) => ({
    x: box.x + left + ((x - x0) / (x1 - x0)) * (right - left),
    y: box.y + bottom - ((y - y0) / (y1 - y0)) * (bottom - top),
  });
  const value = async (id) => Number((await page.getByTestId(id).inputValue()).replace(',', '.'));
  dragFrom = opts.drag === 'map'
    ? at(await value('param-a'), await value('param-b'))
    : at(await value('cell-0-x'), await value('cell-0-y'));
  dragFrom.low = opts.drag === 'map' ? -120 : Math.max(-60, box.y + top + 3 - dragFrom.y);
  dragFrom.high = opts.drag === 'map' ? 120 : Math.min(60, box.y + bottom - 3 - dragFrom.y);
  await page.mouse.move(dragFrom.x, dragFrom.y);
  await page.mouse.down();
}
const cdp = await context.newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
await cdp.send('Profiler.start');
const t0 = Date.now();
if (opts.drag) {
  let offset = 0;
  let direction = 1;
  for (let i = 0; i < Number(opts.moves); i++) {
    if (offset + direction * 3 > dragFrom.high || offset + direction * 3 < dragFrom.low) direction = -direction;
    offset += direction * 3;
    if (opts.drag === 'map') await page.mouse.move(dragFrom.x + offset, dragFrom.y + offset / 4);
    else await page.mouse.move(dragFrom.x, dragFrom.y + offset);
  }
  await page.mouse.up();
} else if (opts.race) {
  await page.getByTestId('play-button').click();
  await page.waitForTimeout(3000);
  await page.getByTestId('play-button').click();
} else if (opts.play) {
  await page.getByTestId('learning-rate').fill(opts.gamma);
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
// Inclusive time of our own functions (descent_lab, descent_core: a build with names):
// every sample whose stack passes through them, each function counted once a sample.
// With --focus NAME: only samples under a function whose name contains NAME, and every
// function under it (the browser's canvas calls too).
const parent = new Map();
profile.nodes.forEach((n) => (n.children || []).forEach((c) => parent.set(c, n.id)));
const inclusive = new Map();
profile.samples.forEach((id, i) => {
  const seen = new Set();
  const stack = [];
  for (let n = id; n !== undefined; n = parent.get(n)) stack.push(byId.get(n).callFrame.functionName);
  if (opts.focus && !stack.some((name) => name.includes(opts.focus))) return;
  for (const name of stack) {
    const ours = /descent_(lab|core)|__wbg_set_innerHTML|setItem/.test(name);
    if ((ours || opts.focus) && !seen.has(name)) {
      seen.add(name);
      inclusive.set(name, (inclusive.get(name) || 0) + (dts[i + 1] || 0) / 1000);
    }
  }
});
const total = [...self.values()].reduce((a, b) => a + b, 0);
console.log(`wall ${wall} ms, profiled ${total.toFixed(0)} ms`);
// Self time by kind: the app's wasm, its JS glue, the browser's own functions called from
// them (canvas drawing: drawImage, stroke, fill …), and the rest ((program): the browser's
// native work outside any script, raster and commit among it; (idle); GC).
const kinds = new Map();
profile.samples.forEach((id, i) => {
  const n = byId.get(id);
  const url = n.callFrame.url || '';
  const name = n.callFrame.functionName || '';
  const kind = url.endsWith('.wasm')
    ? 'wasm'
    : url.endsWith('.js')
      ? 'JS'
      : name.startsWith('(')
        ? name
        : 'browser built-ins (canvas, DOM)';
  kinds.set(kind, (kinds.get(kind) || 0) + (dts[i + 1] || 0) / 1000);
});
console.log('--- self time by kind (ms) ---');
[...kinds.entries()].sort((a, b) => b[1] - a[1])
  .forEach(([k, v]) => console.log(v.toFixed(1).padStart(8), k));
console.log('--- self time by function (ms) ---');
[...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, Number(opts.top))
  .forEach(([k, v]) => console.log(v.toFixed(1).padStart(8), k.slice(0, 150)));
console.log('--- inclusive time of our functions (ms) ---');
[...inclusive.entries()].sort((a, b) => b[1] - a[1]).slice(0, Number(opts.top))
  .forEach(([k, v]) => console.log(v.toFixed(1).padStart(8), k.replace(/::h[0-9a-f]{16}$/, '').slice(0, 150)));
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
// What runs inside the dispatch of an `input` event, a timer (autoplay's step) and an
// animation frame's callbacks (the charts' redraws): time of nested events, by name.
const mainEvents = events.filter((e) => `${e.pid}:${e.tid}` === mainTid);
const inside = (title, outers) => {
  const nested = new Map();
  for (const outer of outers) {
    for (const e of mainEvents) {
      if (e !== outer && e.ts >= outer.ts && e.ts + e.dur <= outer.ts + outer.dur) {
        const d = nested.get(e.name) || { ms: 0, n: 0 };
        d.ms += e.dur / 1000; d.n += 1; nested.set(e.name, d);
      }
    }
  }
  const own = outers.reduce((a, e) => a + e.dur / 1000, 0);
  console.log(`--- inside ${title} (${outers.length}, ${own.toFixed(1)} ms in all; nested ms, count) ---`);
  [...nested.entries()].sort((a, b) => b[1].ms - a[1].ms).slice(0, 12)
    .forEach(([k, v]) => console.log(v.ms.toFixed(1).padStart(8), String(v.n).padStart(6), k));
};
inside('input dispatches', mainEvents.filter((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'input'));
inside('pointermove dispatches', mainEvents.filter((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'pointermove'));
inside('timers', mainEvents.filter((e) => e.name === 'TimerFire'));
inside('animation frames', mainEvents.filter((e) => e.name === 'FireAnimationFrame'));
console.log('--- main-thread trace events (ms, count) ---');
[...dur.entries()].sort((a, b) => b[1].ms - a[1].ms).slice(0, 25)
  .forEach(([k, v]) => console.log(v.ms.toFixed(1).padStart(8), String(v.n).padStart(6), k));
// Per frame (a frame = one `Commit` to the compositor): the page's own script (our wasm,
// its JS glue and the DOM calls it makes; outermost `FunctionCall`s and microtasks) and
// the browser's rendering work on the main thread (style, layout, paint, commit).
{
  const frames = dur.get('Commit')?.n ?? 0;
  const outermost = (names) => {
    const spans = mainEvents.filter((e) => names.includes(e.name)).sort((a, b) => a.ts - b.ts);
    let total = 0;
    let end = -Infinity;
    for (const e of spans) {
      if (e.ts >= end) {
        total += e.dur / 1000;
        end = e.ts + e.dur;
      } else if (e.ts + e.dur > end) {
        total += (e.ts + e.dur - end) / 1000;
        end = e.ts + e.dur;
      }
    }
    return total;
  };
  const script = outermost(['FunctionCall', 'RunMicrotasks', 'EvaluateScript', 'V8.Execute']);
  const rendering = ['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit']
    .map((n) => [n, dur.get(n)?.ms ?? 0]);
  const renderTotal = rendering.reduce((a, [, v]) => a + v, 0);
  console.log(`--- per frame (${frames} frames in ${wall} ms: ${(frames / (wall / 1000)).toFixed(1)} /s) ---`);
  console.log(`script ${(script / frames).toFixed(1)} ms; browser rendering ${(renderTotal / frames).toFixed(1)} ms (${rendering.map(([n, v]) => `${n} ${(v / frames).toFixed(1)}`).join(', ')})`);
}
