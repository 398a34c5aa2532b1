import type { Locator, Page } from '@playwright/test';
import { chartPicture, chartView, viewHolds } from './chart-picture';
import { expect, test } from './lesson-test';
import type { LessonPage } from './lesson-page';
import {
  clipboardText,
  grantClipboard,
  openInNewContext,
  pointOnChart,
} from './classroom/classroom';

// The loss map as a control (src/components/surface_chart_view.rs): dragging the point sets
// (a, b) and the data chart follows live; where the point is put down every run starts;
// arrow keys move it one tick with a live readout; the wheel and two fingers zoom, "fit"
// fits again, and a link keeps the chosen view. On `lecture-ab` (the lecture's table,
// ŷ = a·x + b, start (8, 0)) L(a, 0) = (9.8 − a)²·Σx² with Σx² = 124.25.

/** The map's view as shown: a0, a1, b0, b1 (the canvas's `data-view`). */
async function mapView(map: Locator): Promise<number[]> {
  await expect(map).toHaveAttribute('data-view', /\d/);
  return ((await map.getAttribute('data-view')) ?? '').split(',').map(Number);
}

/** The chart's pixels as shown, to tell that something was redrawn. */
async function pixels(page: Page, testId: string): Promise<string> {
  return (await chartPicture(page, testId)) as string;
}

async function openLectureAb(lesson: LessonPage): Promise<Locator> {
  await lesson.selectPreset('lecture-ab');
  const map = lesson.byTestId('chart-surface');
  await expect(map).toHaveAttribute('data-frame', /\d/);
  await expect(lesson.paramField('a')).toHaveValue('8');
  return map;
}

test('dragging the point on the map sets a and b, and the data chart follows live', async ({
  lesson,
  page,
}) => {
  const map = await openLectureAb(lesson);
  const view = await mapView(map);
  const dataBefore = await pixels(page, 'chart-data');
  const from = await pointOnChart(map, 8, 0);
  const to = await pointOnChart(map, 9, 0.5);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 4 });
  // Mid-drag: the fields and the data chart already follow.
  await expect.poll(() => lesson.paramValue('a')).toBeGreaterThan(8.2);
  await expect.poll(() => pixels(page, 'chart-data')).not.toBe(dataBefore);
  await page.mouse.move(to.x, to.y, { steps: 4 });
  await page.mouse.up();
  // One CSS pixel is about 0.003 in a and 0.004 in b on this map.
  const a = await lesson.paramValue('a');
  const b = await lesson.paramValue('b');
  expect(Math.abs(a - 9)).toBeLessThan(0.02);
  expect(Math.abs(b - 0.5)).toBeLessThan(0.02);
  await expect(lesson.paramField('a')).toHaveValue(String(a));
  await expect(lesson.paramField('b')).toHaveValue(String(b));
  await expect(lesson.byTestId('chart-data')).toHaveAttribute('aria-label', new RegExp(`a = ${a}`));
  // L there, on the readout and under the map alike.
  const loss = await lesson.readLoss();
  await expect(lesson.byTestId('surface-readout')).toHaveText(
    `Point on the map: a = ${a}; b = ${b}; L = ${loss.text}`,
  );
  // The map's view held still under the pointer.
  expect(await mapView(map)).toEqual(view);
  // Put down: the run starts there — nothing to undo, and Step goes on from (a, b):
  // a := a − 0.003·∂L/∂a.
  await expect(lesson.historyRows()).toHaveCount(0);
  await lesson.step();
  await expect(lesson.historyRows()).toHaveCount(1);
  await lesson.reset();
  expect(await lesson.paramValue('a')).toBe(a);
  expect(await lesson.paramValue('b')).toBe(b);
});

test('while the point on the map is dragged the other charts\' axes only widen; put down, they fit', async ({
  lesson,
  page,
}) => {
  // b moves the loss curve L(a) and the still part of the data chart's window: fitted at
  // every move, both charts' axes would jump (and be redrawn) at every frame of the drag.
  const map = await openLectureAb(lesson);
  const view = (id: string) => chartView(lesson.byTestId(id));
  const from = await pointOnChart(map, 8, 0);
  const to = await pointOnChart(map, 9.6, 0.9);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  const shown: Record<string, number[][]> = { 'chart-loss': [], 'chart-data': [] };
  for (let k = 1; k <= 8; k++) {
    await page.mouse.move(from.x + ((to.x - from.x) * k) / 8, from.y + ((to.y - from.y) * k) / 8);
    await expect.poll(() => lesson.paramValue('b')).toBeGreaterThan((0.9 * (k - 0.5)) / 8);
    for (const id of Object.keys(shown)) shown[id].push(await view(id));
  }
  for (const [id, views] of Object.entries(shown)) {
    expect(views[0], id).toHaveLength(4);
    views.slice(1).forEach((v, i) => expect(viewHolds(v, views[i]), `${id}: ${views[i]} → ${v}`).toBe(true));
  }
  // Near the minimum L(a) at b = 0.9 is far lower than at b = 0: the held loss view is
  // taller than the curve needs, and put down it fits the curve again, within the held one.
  const held = shown['chart-loss'].at(-1) ?? [];
  await page.mouse.up();
  await expect.poll(async () => (await view('chart-loss')).join()).not.toBe(held.join());
  expect(viewHolds(held, await view('chart-loss'))).toBe(true);
  expect((await view('chart-loss'))[3]).toBeLessThan(held[3]);
  lesson.expectNoErrors();
});

test('a click on the map starts the next run there', async ({ lesson, page }) => {
  const map = await openLectureAb(lesson);
  await lesson.step();
  await lesson.step();
  await expect(lesson.historyRows()).toHaveCount(2);
  const at = await pointOnChart(map, 9.5, -0.5);
  await page.mouse.click(at.x, at.y);
  const a = await lesson.paramValue('a');
  const b = await lesson.paramValue('b');
  expect(Math.abs(a - 9.5)).toBeLessThan(0.02);
  expect(Math.abs(b + 0.5)).toBeLessThan(0.02);
  await expect(lesson.historyRows()).toHaveCount(0);
  await lesson.step();
  await lesson.reset();
  expect([await lesson.paramValue('a'), await lesson.paramValue('b')]).toEqual([a, b]);
});

test('arrow keys move the point one tick (Shift: a tenth) and the live region reads a, b, L in LT and EN', async ({
  lesson,
  page,
}) => {
  const map = await openLectureAb(lesson);
  const readout = lesson.byTestId('surface-readout');
  await expect(readout).toHaveAttribute('aria-live', 'polite');
  await expect(readout).toHaveText('Point on the map: a = 8; b = 0; L = 402.57');
  await map.focus();
  // The a axis has ticks 0.5 apart: L(8.5, 0) = 1.3²·124.25 = 209.9825.
  await page.keyboard.press('ArrowRight');
  await expect(lesson.paramField('a')).toHaveValue('8.5');
  await expect(readout).toHaveText('Point on the map: a = 8.5; b = 0; L = 209.9825');
  // The clicker keys did not step: the arrow belonged to the map.
  await expect(lesson.historyRows()).toHaveCount(0);
  // Shift: a tenth of b's tick of 0.5; residuals 2.55, 5.8, 12.95 give L = 207.845.
  await page.keyboard.press('Shift+ArrowUp');
  await expect(lesson.paramField('b')).toHaveValue('0.05');
  await expect(readout).toHaveText('Point on the map: a = 8.5; b = 0.05; L = 207.845');
  await lesson.byTestId('language-select').selectOption('lt');
  await expect(readout).toHaveText('Taškas žemėlapyje: a = 8,5; b = 0,05; L = 207,845');
  await map.focus();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Shift+ArrowDown');
  await expect(readout).toHaveText('Taškas žemėlapyje: a = 8; b = −0,5; L = 433,02');
});

test('the wheel zooms about the pointer, "fit" fits again, and a link keeps a chosen view', async ({
  lesson,
  page,
  browser,
  baseURL,
}) => {
  const map = await openLectureAb(lesson);
  const fitted = await mapView(map);
  const centre = await pointOnChart(map, 9, 0);
  await page.mouse.move(centre.x, centre.y);
  await page.mouse.wheel(0, -300);
  await expect.poll(async () => (await mapView(map))[1] - (await mapView(map))[0]).toBeLessThan(
    0.8 * (fitted[1] - fitted[0]),
  );
  const zoomed = await mapView(map);
  // About the pointer: a = 9 stays at the same place across the map.
  const at = (v: number[]) => (9 - v[0]) / (v[1] - v[0]);
  expect(Math.abs(at(zoomed) - at(fitted))).toBeLessThan(0.02);
  // Zooming is not a move: a and b are where they were.
  expect(await lesson.paramValue('a')).toBe(8);

  // The link carries the zoomed view.
  await grantClipboard(page);
  await page.evaluate(() => navigator.clipboard.writeText(''));
  await lesson.byTestId('copy-link').click();
  const link = await clipboardText(page, /#v1\./);
  const { pathname, hash } = new URL(link);
  const other = await openInNewContext(browser, baseURL, pathname + hash);
  try {
    const otherMap = other.lesson.byTestId('chart-surface');
    await expect(otherMap).toHaveAttribute('data-frame', /\d/);
    await expect.poll(() => mapView(otherMap)).toEqual(zoomed);
    other.lesson.expectNoErrors();
  } finally {
    await other.close();
  }

  await lesson.byTestId('surface-fit').click();
  await expect.poll(() => mapView(map)).toEqual(fitted);
  // Choosing a preset fits too.
  await page.mouse.move(centre.x, centre.y);
  await page.mouse.wheel(0, 500);
  await expect.poll(() => mapView(map)).not.toEqual(fitted);
  await lesson.selectPreset('ravine');
  await lesson.selectPreset('lecture-ab');
  await expect.poll(() => mapView(map)).toEqual(fitted);
});

test.describe('on a phone', () => {
  test.use({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 3,
    isMobile: true,
    hasTouch: true,
  });

  /** Fires a touch pointer event on the map at `p` (viewport pixels, as `boundingBox`). */
  async function touch(page: Page, type: string, id: number, p: { x: number; y: number }) {
    await page.evaluate(
      ([type, id, x, y]) => {
        const map = document.querySelector('[data-testid=chart-surface]')!;
        map.dispatchEvent(
          new PointerEvent(type as string, {
            pointerId: id as number,
            pointerType: 'touch',
            isPrimary: id === 1,
            clientX: x as number,
            clientY: y as number,
            button: type === 'pointermove' ? -1 : 0,
            buttons: type === 'pointerup' ? 0 : 1,
            bubbles: true,
            cancelable: true,
          }),
        );
      },
      [type, id, p.x, p.y],
    );
  }

  test('a finger drags the point, and two fingers pinch the map', async ({ lesson, page }) => {
    const map = await openLectureAb(lesson);
    await map.scrollIntoViewIfNeeded();
    const view = await mapView(map);
    const from = await pointOnChart(map, 8, 0);
    const to = await pointOnChart(map, 9, -0.5);
    await touch(page, 'pointerdown', 1, from);
    for (let k = 1; k <= 5; k++) {
      const t = k / 5;
      await touch(page, 'pointermove', 1, {
        x: from.x + t * (to.x - from.x),
        y: from.y + t * (to.y - from.y),
      });
    }
    await touch(page, 'pointerup', 1, to);
    const a = await lesson.paramValue('a');
    const b = await lesson.paramValue('b');
    // A phone's map is narrow: one CSS pixel is about 0.01 in a.
    expect(Math.abs(a - 9)).toBeLessThan(0.05);
    expect(Math.abs(b + 0.5)).toBeLessThan(0.05);
    await expect(lesson.byTestId('surface-readout')).toContainText(`a = ${a}; b = ${b.toString().replace('-', '−')}`);
    expect(await mapView(map)).toEqual(view);

    // Two fingers spread apart: the map zooms in; a and b stay.
    const mid = await pointOnChart(map, 9, 0);
    await touch(page, 'pointerdown', 1, { x: mid.x - 20, y: mid.y });
    await touch(page, 'pointerdown', 2, { x: mid.x + 20, y: mid.y });
    await touch(page, 'pointermove', 2, { x: mid.x + 60, y: mid.y });
    await touch(page, 'pointermove', 1, { x: mid.x - 60, y: mid.y });
    await touch(page, 'pointerup', 2, { x: mid.x + 60, y: mid.y });
    await touch(page, 'pointerup', 1, { x: mid.x - 60, y: mid.y });
    await expect
      .poll(async () => {
        const v = await mapView(map);
        return v[1] - v[0];
      })
      .toBeLessThan(0.5 * (view[1] - view[0]));
    expect([await lesson.paramValue('a'), await lesson.paramValue('b')]).toEqual([a, b]);
  });
});

test('a drag on the map writes again only what moved: no field, paragraph or status line that stays the same', async ({
  lesson,
  page,
}) => {
  const map = await openLectureAb(lesson);
  // Every write the page gets during the drag: attributes (a mutation record even when the
  // value is the same) and the values of fields and checkboxes (hooked, since a property
  // set leaves no record), by test id or class.
  await page.evaluate(() => {
    const w = window as unknown as { writes: string[] };
    w.writes = [];
    const name = (el: Element) =>
      (el as HTMLElement).dataset?.testid ?? (typeof el.className === 'string' ? el.className : el.tagName);
    new MutationObserver((list) => {
      for (const m of list) {
        if (m.type === 'attributes') w.writes.push(`${name(m.target as Element)} @${m.attributeName}`);
      }
    }).observe(document.body, { subtree: true, attributes: true });
    for (const [proto, prop] of [
      [HTMLInputElement.prototype, 'value'],
      [HTMLInputElement.prototype, 'checked'],
    ] as const) {
      const d = Object.getOwnPropertyDescriptor(proto, prop)!;
      Object.defineProperty(proto, prop, {
        get: d.get,
        set(this: HTMLInputElement, v: unknown) {
          w.writes.push(`${name(this)} .${prop}`);
          d.set!.call(this, v);
        },
        configurable: true,
      });
    }
  });
  const from = await pointOnChart(map, 8, 0);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let k = 1; k <= 10; k++) await page.mouse.move(from.x + 4 * k, from.y - k);
  await page.mouse.up();
  await expect.poll(() => lesson.paramValue('a')).toBeGreaterThan(8.05);
  const writes = await page.evaluate(() => (window as unknown as { writes: string[] }).writes);
  // What moved was written: a and b.
  expect(writes.filter((w) => w === 'param-a .value').length).toBeGreaterThan(3);
  // What did not move was not, at any of the ten moves.
  for (const still of ['learning-rate .value', 'batch-size .value', 'seed .value', 'freeze-b .checked']) {
    expect(writes, still).not.toContain(still);
  }
  expect(writes.filter((w) => w.startsWith('worked-update @')), 'the worked updates').toEqual([]);
  expect(writes.filter((w) => w.startsWith('status-line')), 'the status line').toEqual([]);
});
