// The floor of a drag on the app's own page (bench.mjs, `PAGE_FLOOR`): what the browser
// needs to show the drag's changes to this page, without the app's script. Both functions
// run in the page (`page.evaluate`): `recordChanges` while the app is dragged, then
// `replayChanges` for the same drag with the app no longer hearing the pointer.

/**
 * In the app's page: from now on, at the end of every animation frame, what the frame
 * changed on the page (texts, attributes, elements' contents, inputs' values) and which
 * canvases it drew on, as node references kept in `window.__changes` (frames that changed
 * nothing are left out). `stopRecording` in the page ends it.
 */
export function recordChanges() {
  const frames = [];
  const values = new Map();
  for (const el of document.querySelectorAll('input, select, textarea')) values.set(el, el.value);
  let drawn = new Set();
  const proto = CanvasRenderingContext2D.prototype;
  const wrapped = ['clearRect', 'fillRect', 'drawImage', 'stroke', 'fill', 'fillText', 'putImageData'];
  const originals = wrapped.map((name) => proto[name]);
  wrapped.forEach((name, i) => {
    proto[name] = function (...args) {
      drawn.add(this.canvas);
      return originals[i].apply(this, args);
    };
  });
  const records = [];
  const observer = new MutationObserver((list) => records.push(...list));
  observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  let on = true;
  const take = () => {
    // The last change of each text, element's contents and attribute in the frame.
    const texts = new Set();
    const contents = new Set();
    const attributes = new Map();
    records.push(...observer.takeRecords());
    for (const m of records.splice(0)) {
      if (m.type === 'characterData') texts.add(m.target);
      else if (m.type === 'childList') contents.add(m.target);
      else {
        if (!attributes.has(m.target)) attributes.set(m.target, new Set());
        attributes.get(m.target).add(m.attributeName);
      }
    }
    const frame = [];
    for (const node of texts) frame.push({ node, kind: 'text', value: node.data });
    for (const node of contents) frame.push({ node, kind: 'html', value: node.innerHTML });
    for (const [node, names] of attributes) {
      for (const name of names) frame.push({ node, kind: 'attr', name, value: node.getAttribute(name) });
    }
    for (const [el, last] of values) {
      if (el.value !== last) {
        values.set(el, el.value);
        frame.push({ node: el, kind: 'value', value: el.value });
      }
    }
    if (frame.length || drawn.size) frames.push({ changes: frame, canvases: [...drawn] });
    drawn = new Set();
  };
  const tick = () => {
    if (!on) return;
    scheduler.postTask(take, { priority: 'user-blocking' });
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  window.__changes = frames;
  window.stopRecording = () => {
    on = false;
    take();
    observer.disconnect();
    wrapped.forEach((name, i) => {
      proto[name] = originals[i];
    });
    const kinds = {};
    for (const f of frames) for (const c of f.changes) kinds[c.kind] = (kinds[c.kind] || 0) + 1;
    return { frames: frames.length, kinds, canvases: frames.reduce((n, f) => n + f.canvases.length, 0) };
  };
}

/**
 * In the app's page, after `recordChanges`: the app stops hearing the pointer and keys (a
 * listener that runs before all of its own, after the bench's), and each pointer move with
 * a button down on `target` makes the next animation frame apply the next recorded frame's
 * changes (in a loop) and draw on the canvases it drew on with `line` (`floorLine`, passed
 * in since a function handed to the page takes nothing of this module with it). What is left is what the
 * browser needs to show the same changes on the same page: the floor under the app.
 */
export function replayChanges(target, line) {
  const frames = window.__changes;
  let k = 0;
  let pending = false;
  const apply = () => {
    pending = false;
    const frame = frames[k % frames.length];
    k += 1;
    for (const c of frame.changes) {
      if (c.kind === 'text') c.node.data = c.value;
      else if (c.kind === 'html') c.node.innerHTML = c.value;
      else if (c.kind === 'value') c.node.value = c.value;
      else if (c.value === null) c.node.removeAttribute(c.name);
      else c.node.setAttribute(c.name, c.value);
    }
    for (const c of frame.canvases) line(c, (k % 60) / 60, c.classList.contains('layer'));
    dispatchEvent(new Event('chartdrawn'));
  };
  addEventListener('pointermove', (ev) => {
    if (ev.buttons === 0 || pending || ev.target?.dataset?.testid !== target) return;
    pending = true;
    requestAnimationFrame(apply);
  }, true);
  for (const type of ['pointermove', 'pointerdown', 'pointerup', 'mousemove', 'mousedown', 'mouseup',
    'click', 'input', 'change', 'keydown', 'keyup', 'wheel', 'lostpointercapture']) {
    addEventListener(type, (ev) => ev.stopImmediatePropagation(), true);
  }
}

/**
 * A floor page's drawing on one canvas in one frame: the canvas cleared (`clear`, a layer)
 * or filled white, and one line whose slope `t` (0–1) sets. Runs in the page.
 */
export function floorLine(c, t, clear) {
  const g = c.getContext('2d');
  g.setTransform(1, 0, 0, 1, 0, 0);
  if (clear) g.clearRect(0, 0, c.width, c.height);
  else {
    g.fillStyle = '#fff';
    g.fillRect(0, 0, c.width, c.height);
  }
  g.strokeStyle = '#0072b2';
  g.lineWidth = 2 * devicePixelRatio;
  g.beginPath();
  g.moveTo(0, c.height);
  g.lineTo(c.width, c.height * (1 - t));
  g.stroke();
}
