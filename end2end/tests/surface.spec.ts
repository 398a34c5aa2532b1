import type { Page } from '@playwright/test';
import { chartPicture, devicePixelOf } from './chart-picture';
import { expect, test } from './lesson-test';

// The loss surface L(a, b) (src/components/surface_chart_view.rs over the core's map): shown
// for a model with two parameters, a viridis heatmap by log L, dark on the valley floor
// around the minimum (9.8, 0) of the lecture's table with ŷ = a·x + b.

/** The RGB of the surface canvas at data point (a, b), read through its data-frame/view. */
async function colourAt(page: Page, a: number, b: number): Promise<number[]> {
  const { px, py } = await devicePixelOf(page, 'chart-surface', [a, b]);
  const data = (await chartPicture(page, 'chart-surface', [px, py, 1, 1])) as number[];
  return data.slice(0, 3);
}

test('one parameter: no surface; two: the map of L(a, b) around the minimum', async ({
  lesson,
  page,
}) => {
  await expect(lesson.byTestId('chart-surface')).toBeHidden();
  await lesson.selectPreset('lecture-ab');
  const surface = lesson.byTestId('chart-surface');
  await expect(surface).toBeVisible();
  await expect(surface).toHaveAttribute('data-frame', /\d/);
  const box = await surface.boundingBox();
  expect(box!.height).toBeGreaterThan(150);
  // The view holds the start (8, 0) and the minimum (9.8, 0).
  const view = (await surface.getAttribute('data-view'))!.split(',').map(Number);
  expect(view[0]).toBeLessThanOrEqual(8);
  expect(view[1]).toBeGreaterThanOrEqual(9.8);
  expect(view[2]).toBeLessThanOrEqual(0);
  // Viridis by log L: the valley floor is dark blue-purple, the wall at the start
  // (L = 402.57) bright. Read a little off the markers drawn on top.
  // The darkest of a few samples along a = 9.8, since a contour's label may sit on one.
  const samples = [0.6, 0.7, 0.75, 0.8, 0.9].map((f) => view[2] + f * (view[3] - view[2]));
  const floors = await Promise.all(samples.map((b) => colourAt(page, 9.8, b)));
  const floor = floors.reduce((d, c) => (c[0] + c[1] + c[2] < d[0] + d[1] + d[2] ? c : d));
  const wall = await colourAt(page, view[0] + 0.01 * (view[1] - view[0]), view[3] * 0.5);
  const brightness = (c: number[]) => c[0] + c[1] + c[2];
  expect(brightness(wall)).toBeGreaterThan(brightness(floor) + 150);
  // Descent draws its path and the map stays drawn; the data chart stays live.
  // a := 8 − 0.003·(−447.3) = 9.3419 as on the slides; b := 0 − 0.003·(−59.4) = 0.1782.
  await lesson.step();
  expect(await lesson.paramValue('a')).toBeCloseTo(9.3419, 9);
  expect(await lesson.paramValue('b')).toBeCloseTo(0.1782, 9);
  await lesson.step();
  await expect(surface).toHaveAttribute('data-frame', /\d/);
  // Back to one parameter: the map goes.
  await lesson.selectModel('linear');
  await expect(surface).toBeHidden();
});

test('the surface title in Lithuanian, and in projector mode', async ({ lesson, page }) => {
  await lesson.selectPreset('ravine');
  await lesson.byTestId('language-select').selectOption('lt');
  await expect(page.locator('.surface-chart figcaption > span').first()).toHaveText(
    'Nuostolių paviršius L(a, b)',
  );
  await page.keyboard.press('p');
  await expect(lesson.byTestId('chart-surface')).toHaveAttribute('data-frame', /\d/);
});

test('a two-parameter example with its race survives a reload', async ({ lesson, page }) => {
  await lesson.selectPreset('lecture-ab');
  await lesson.step();
  await expect(lesson.byTestId('param-b')).toHaveValue('0.1782');
  await page.waitForTimeout(500);
  await page.reload();
  await expect(page.locator('h1')).toBeVisible();
  await expect(lesson.byTestId('param-a')).toHaveValue('9.3419');
  await expect(lesson.byTestId('param-b')).toHaveValue('0.1782');
  await expect(lesson.byTestId('chart-surface')).toHaveAttribute('data-frame', /\d/);
  await expect(lesson.status()).not.toContainText(/could not be read|nepavyko/i);
});

test('the legend bar shows its 64 bands, unsmoothed, brightest at the top', async ({ lesson, page }) => {
  // A canvas draws the bar as one bitmap stretched without smoothing (src/charts/canvas/
  // bitmap.rs, `draw_bar`). Smoothed, its column would hold hundreds of colours; turned
  // over, the dark end would be on top.
  await lesson.selectPreset('lecture-ab');
  const map = lesson.byTestId('chart-surface');
  await expect(map).toHaveAttribute('data-frame', /\d/);
  const { width, ratio, frame } = await map.evaluate((c: HTMLCanvasElement) => {
    const ratio = c.width / c.getBoundingClientRect().width;
    return { width: c.width, ratio, frame: c.dataset.frame!.split(',').map((v) => Number(v) * ratio) };
  });
  const [, top, right, bottom] = frame.map(Math.round);
  // The legend lies right of the plot; rows within the bar, clear of its outline.
  const left = right + Math.round(4 * ratio);
  const [y0, y1] = [top + Math.round(3 * ratio), bottom - Math.round(3 * ratio)];
  const box: [number, number, number, number] = [left, y0, width - left, y1 - y0];
  const rgba = (await chartPicture(page, 'chart-surface', box)) as number[];
  const columns = box[2];
  const colourAt = (x: number, y: number) => rgba.slice((y * columns + x) * 4, (y * columns + x) * 4 + 3);
  // The bar's columns: those with many colours down them; the middle one, away from the
  // outline's antialiased edges (which blend it with each band).
  const counts = Array.from({ length: columns }, (_, x) => {
    const colours = new Set<string>();
    for (let y = 0; y < box[3]; y++) colours.add(colourAt(x, y).join(','));
    return colours.size;
  });
  const bar = counts.flatMap((n, x) => (n >= 40 ? [x] : []));
  expect(bar.length, `columns with many colours: ${counts}`).toBeGreaterThan(4);
  const middle = bar[bar.length >> 1];
  expect(counts[middle], 'colours down the bar').toBeGreaterThanOrEqual(56);
  expect(counts[middle], 'colours down the bar').toBeLessThanOrEqual(64);
  const light = ([r, g, b]: number[]) => r + g + b;
  expect(light(colourAt(middle, 0))).toBeGreaterThan(light(colourAt(middle, box[3] - 1)) + 200);
});
