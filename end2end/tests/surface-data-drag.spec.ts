import type { Locator } from '@playwright/test';
import { chartView, viewHolds } from './chart-picture';
import { expect, test } from './lesson-test';

// Dragging a data point with the map L(a, b) shown: the map keeps its axes while the point
// moves (the minimum moves with every pointer move, and a view chasing it re-drew the whole
// map each time), and fits once when the pointer lifts.

/** The page position of data point (x, y) on a chart, through its data-frame/data-view. */
async function pointOn(canvas: Locator, x: number, y: number) {
  const [frame, view, box] = await Promise.all([
    canvas.getAttribute('data-frame'),
    canvas.getAttribute('data-view'),
    canvas.boundingBox(),
  ]);
  const [left, top, right, bottom] = frame!.split(',').map(Number);
  const [x0, x1, y0, y1] = view!.split(',').map(Number);
  return {
    x: box!.x + left + ((x - x0) / (x1 - x0)) * (right - left),
    y: box!.y + bottom - ((y - y0) / (y1 - y0)) * (bottom - top),
  };
}

test('lecture-ab: the map holds its view while a data point is dragged, then fits once', async ({
  lesson,
  page,
}) => {
  await lesson.selectPreset('lecture-ab');
  const map = lesson.byTestId('chart-surface');
  await expect(map).toHaveAttribute('data-view', /\d/);
  const before = await map.getAttribute('data-view');
  const data = lesson.byTestId('chart-data');
  // The lecture's last point (10, 98), dragged down to about y = 30 in small moves.
  const from = await pointOn(data, 10, 98);
  const to = await pointOn(data, 10, 30);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let k = 1; k <= 20; k++) {
    await page.mouse.move(from.x, from.y + ((to.y - from.y) * k) / 20);
    await expect(map).toHaveAttribute('data-view', before!);
  }
  const y = Number((await lesson.byTestId('cell-2-y').inputValue()).replace(',', '.'));
  expect(y).toBeLessThan(40);
  await page.mouse.up();
  // One fit: the minimum of the new data, a ≈ 3.6, is far outside the old view.
  await expect(map).not.toHaveAttribute('data-view', before!);
  const [a0, a1] = (await map.getAttribute('data-view'))!.split(',').map(Number);
  const xs = [2, 4.5, 10];
  const ys = [19.6, 44.1, y];
  const n = 3;
  const sx = xs.reduce((s, x) => s + x, 0);
  const sy = ys.reduce((s, v) => s + v, 0);
  const sxx = xs.reduce((s, x) => s + x * x, 0);
  const sxy = xs.reduce((s, x, i) => s + x * ys[i], 0);
  const a = (n * sxy - sx * sy) / (n * sxx - sx * sx);
  expect(a0).toBeLessThanOrEqual(a);
  expect(a1).toBeGreaterThanOrEqual(8);
  lesson.expectNoErrors();
});

test('lecture-ab: while a data point is dragged the loss chart\'s axes only widen, then fit', async ({
  lesson,
  page,
}) => {
  // New data is a new curve L(a): fitted at every move, the loss chart's axes would jump
  // (and be redrawn) at every frame of the drag.
  await lesson.selectPreset('lecture-ab');
  const loss = lesson.byTestId('chart-loss');
  await expect(loss).toHaveAttribute('data-view', /\d/);
  const view = () => chartView(loss);
  const data = lesson.byTestId('chart-data');
  const cellY = async () => Number((await lesson.byTestId('cell-2-y').inputValue()).replace(',', '.'));
  // The lecture's last point (10, 98) dragged up to about y = 120 (the chart's top edge is
  // near 126), which raises the curve, and back down to where it was.
  const from = await pointOn(data, 10, 98);
  const up = await pointOn(data, 10, 120);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  const shown = [await view()];
  for (const k of [1, 2, 3, 4, 5, 6, 7, 8, 7, 6, 5, 4, 3, 2, 1, 0]) {
    await page.mouse.move(from.x, from.y + ((up.y - from.y) * k) / 8);
    await expect.poll(cellY).toBeCloseTo(98 + (22 * k) / 8, -0.5);
    shown.push(await view());
  }
  shown.slice(1).forEach((v, i) => expect(viewHolds(v, shown[i]), `${shown[i]} → ${v}`).toBe(true));
  expect(shown.at(-1)![3], 'the axes widened while the curve rose').toBeGreaterThan(shown[0][3]);
  await page.mouse.up();
  // Put down where it started: the view fits the curve again, as it was before the drag.
  await expect.poll(async () => (await view())[3]).toBeLessThan(shown.at(-1)![3]);
  expect(Math.abs(await cellY() - 98)).toBeLessThan(1);
  lesson.expectNoErrors();
});
