import type { Page } from '@playwright/test';
import { expect, test } from '../lesson-test';
import { projectorOn } from './layout';

// The charts' texts as the browser draws them: every fillText is recorded with the box the
// canvas itself measures for it (measureText, with the font, alignment and baseline in
// force), so these tests see exactly what a student sees. Labels never overlap one another
// or run off the canvas, a long message wraps inside the chart, and a long column name ends
// with "…" (issue 14, item 7).

/** One drawn text: its canvas, its chart (the test id of the chart's canvas, whether it was drawn on
 *  that canvas or on a layer stacked above it; "layer" for a canvas in no chart's box), its
 *  words, its ink box in canvas pixels, and its canvas's size. */
interface DrawnText {
  /** Which canvas element it was drawn on (a number per canvas). */
  el: number;
  canvas: string;
  text: string;
  box: [number, number, number, number];
  width: number;
  height: number;
}

test.beforeEach(async ({ lesson, page }) => {
  await page.addInitScript(() => {
    type Box = [number, number, number, number];
    type Drawn = { el: number; canvas: string; box: Box };
    const w = window as unknown as {
      __texts: (Drawn & Record<string, unknown>)[];
      __backdrops: Drawn[];
    };
    w.__texts = [];
    w.__backdrops = [];
    // Each canvas of a chart's stack (charts::canvas::stack) is its own record: a canvas
    // cleared whole, or given a size (which clears it), starts a new drawing of it, and what
    // was recorded for it before belongs to an earlier frame.
    let canvases = 0;
    const keyOf = (canvas: HTMLCanvasElement) =>
      ((canvas as unknown as { __key?: number }).__key ??= ++canvases);
    const forget = (canvas: HTMLCanvasElement) => {
      const key = keyOf(canvas);
      w.__texts = w.__texts.filter((t) => t.el !== key);
      w.__backdrops = w.__backdrops.filter((b) => b.el !== key);
    };
    // A moving layer may cover only a part of its chart (the full build's `Window`), drawn
    // through a translation: what is drawn on it is in the chart's own canvas's pixels.
    const ownOf = (canvas: HTMLCanvasElement) =>
      canvas.dataset?.testid
        ? canvas
        : (canvas.parentElement?.querySelector<HTMLCanvasElement>('canvas[data-testid]') ?? canvas);
    const chartOf = (canvas: HTMLCanvasElement) =>
      canvas.dataset?.testid ??
      canvas.parentElement?.querySelector<HTMLCanvasElement>('canvas[data-testid]')?.dataset
        .testid ??
      'layer';
    for (const side of ['width', 'height'] as const) {
      const size = Object.getOwnPropertyDescriptor(HTMLCanvasElement.prototype, side)!;
      Object.defineProperty(HTMLCanvasElement.prototype, side, {
        ...size,
        set(this: HTMLCanvasElement, value: number) {
          forget(this);
          size.set!.call(this, value);
        },
      });
    }
    const proto = CanvasRenderingContext2D.prototype;
    const clearRect = proto.clearRect;
    proto.clearRect = function (x: number, y: number, rw: number, rh: number) {
      const canvas = this.canvas as HTMLCanvasElement;
      if (x <= 0 && y <= 0 && x + rw >= canvas.width && y + rh >= canvas.height) forget(canvas);
      return clearRect.call(this, x, y, rw, rh);
    };
    const fillText = proto.fillText;
    proto.fillText = function (text: string, x: number, y: number, ...rest: [number?]) {
      const m = this.measureText(text);
      const left = x - m.actualBoundingBoxLeft;
      const right = x + m.actualBoundingBoxRight;
      const canvas = this.canvas as HTMLCanvasElement;
      w.__texts.push({
        el: keyOf(canvas),
        canvas: chartOf(canvas),
        text: String(text),
        box: [left, y - m.actualBoundingBoxAscent, right, y + m.actualBoundingBoxDescent],
        width: ownOf(canvas).width,
        height: ownOf(canvas).height,
      });
      return fillText.call(this, text, x, y, ...(rest as []));
    };
    // The slope label's translucent backdrop; and a chart's base, which is drawn anew
    // over the old one from an opaque fill of the whole canvas (src/charts/canvas/stack.rs).
    const fillRect = proto.fillRect;
    proto.fillRect = function (x: number, y: number, rw: number, rh: number) {
      const style = String(this.fillStyle);
      const whole = (canvas: HTMLCanvasElement) =>
        x <= 0 && y <= 0 && x + rw >= canvas.width && y + rh >= canvas.height;
      if (/^#|,1\)$/.test(style) && whole(this.canvas as HTMLCanvasElement)) {
        forget(this.canvas as HTMLCanvasElement);
      }
      if (/0\.85\)$/.test(style)) {
        const canvas = this.canvas as HTMLCanvasElement;
        w.__backdrops.push({ el: keyOf(canvas), canvas: chartOf(canvas), box: [x, y, x + rw, y + rh] });
      }
      return fillRect.call(this, x, y, rw, rh);
    };
  });
  await page.reload();
  await expect(lesson.byTestId('chart-loss')).toHaveAttribute('data-frame', /\d/);
});

/** The texts a chart shows now: those of the last drawing of each canvas in its stack. */
async function textsOn(page: Page, canvas: string): Promise<DrawnText[]> {
  return page.evaluate(
    (id) =>
      (window as unknown as { __texts: DrawnText[] }).__texts.filter((t) => t.canvas === id),
    canvas,
  );
}

/** Every text drawn so far, on any canvas, detached ones included. */
async function allTexts(page: Page): Promise<DrawnText[]> {
  return page.evaluate(() => (window as unknown as { __texts: DrawnText[] }).__texts);
}

const overlap = (a: number[], b: number[]) =>
  Math.min(a[2], b[2]) - Math.max(a[0], b[0]) > 0.5 &&
  Math.min(a[3], b[3]) - Math.max(a[1], b[1]) > 0.5;

/** Pairs of texts that overlap, texts off the canvas, and texts under another's backdrop. */
async function collisions(page: Page, canvas: string): Promise<string[]> {
  const texts = await textsOn(page, canvas);
  const backdrops = await page.evaluate(
    (id) =>
      (window as unknown as { __backdrops: { canvas: string; box: number[] }[] }).__backdrops
        .filter((b) => b.canvas === id)
        .map((b) => b.box),
    canvas,
  );
  const found: string[] = [];
  const show = (t: DrawnText) => `"${t.text}" [${t.box.map(Math.round).join(', ')}]`;
  texts.forEach((a, i) => {
    const [l, t, r, b] = a.box;
    if (l < -0.5 || t < -0.5 || r > a.width + 0.5 || b > a.height + 0.5) {
      found.push(`${show(a)} leaves the ${a.width}×${a.height} canvas`);
    }
    for (const other of texts.slice(i + 1)) {
      if (overlap(a.box, other.box)) found.push(`${show(a)} overlaps ${show(other)}`);
    }
  });
  for (const backdrop of backdrops) {
    const under = texts.filter((t) => overlap(t.box, backdrop));
    if (under.length > 1) found.push(`a backdrop covers ${under.map(show).join(' and ')}`);
  }
  return found;
}

test('1024×768 projector, one Step: the slope label overlaps no other label and nothing is cut', async ({
  lesson,
  page,
}) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await projectorOn(lesson);
  await lesson.step();
  await expect(lesson.gradientValue()).toHaveText('−113.8379');
  await expect
    .poll(async () => (await textsOn(page, 'chart-loss')).map((t) => t.text))
    .toContain('∂L/∂a = −113.8379');
  expect(await collisions(page, 'chart-loss')).toEqual([]);
  // Through the next steps too, as the point closes in on the minimum.
  for (let step = 2; step <= 6; step++) {
    await lesson.step();
    await expect(lesson.byTestId('chart-loss')).toHaveAttribute('data-frame', /\d/);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
    expect(await collisions(page, 'chart-loss'), `after ${step} steps`).toEqual([]);
  }
  await lesson.screenshot('layout--labels-1024x768-projector');
});

test.describe('on a phone in projector mode', () => {
  test.use({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true });

  test('labels stay on the canvas and apart', async ({ lesson, page }) => {
    await projectorOn(lesson);
    for (let step = 1; step <= 4; step++) {
      await lesson.step();
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
      expect(await collisions(page, 'chart-loss'), `after ${step} steps`).toEqual([]);
    }
  });
});

const TOO_LARGE =
  'The loss L is too large to compute: use smaller numbers in the table, or a smaller a.';

test('"L is too large to compute" wraps into lines inside the loss chart', async ({
  lesson,
  page,
}) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await projectorOn(lesson);
  await lesson.setCell(0, 'y', '1e308');
  await expect(lesson.status()).toContainText('The loss L is too large to compute');
  const words = TOO_LARGE.split(' ');
  let lines: DrawnText[] = [];
  await expect
    .poll(async () => {
      // The message's lines: on the canvas of its first line (the axis titles "a" and
      // "L", on the chart's base, are words of the message too).
      const texts = await textsOn(page, 'chart-loss');
      const first = texts.find((t) => t.text.startsWith(words.slice(0, 3).join(' ')));
      lines = texts.filter(
        (t) => t.el === first?.el && t.text.split(' ').every((w) => words.includes(w)),
      );
      return lines.map((l) => l.text).join(' ');
    })
    .toBe(TOO_LARGE);
  expect(lines.length, 'more than one line').toBeGreaterThan(1);
  expect(await collisions(page, 'chart-loss')).toEqual([]);
  await lesson.screenshot('layout--too-large-message-1024x768');
});

test('a 100-character column name ends with "…" and fits the data chart', async ({
  lesson,
  page,
}) => {
  const name =
    'Force on the spring in newtons, read from the dial every second during the third experiment (N)';
  const long = (name + ' again and again').slice(0, 100);
  expect(long).toHaveLength(100);
  await page.setViewportSize({ width: 1024, height: 768 });
  await projectorOn(lesson);
  await lesson.renameColumn('y', long);
  await lesson.renameColumn('x', `Mass ${long}`.slice(0, 100));
  for (const full of [long, `Mass ${long}`.slice(0, 100)]) {
    const start = full.slice(0, 12);
    let title: DrawnText | undefined;
    await expect
      .poll(async () => {
        title = (await allTexts(page)).filter((t) => t.text.startsWith(start)).at(-1);
        return title?.text.endsWith('…') ?? false;
      }, { message: `the title "${start}…" is drawn shortened` })
      .toBe(true);
    expect(full.startsWith(title!.text.slice(0, -1).trimEnd())).toBe(true);
    const [left, , right] = title!.box;
    expect(left, `"${title!.text}" starts on the canvas`).toBeGreaterThanOrEqual(-0.5);
    expect(right, `"${title!.text}" ends on the canvas`).toBeLessThanOrEqual(title!.width + 0.5);
  }
  await lesson.screenshot('layout--long-column-names-1024x768');
});
