import type { Locator, Page } from '@playwright/test';
import { expect, test } from './lesson-test';
import { pointOnChart } from './classroom/classroom';

// A chart's base that stays the same is shown as a still copy (src/charts/canvas/still.rs):
// the browser then stops copying the chart's own canvas to the screen at every frame. The
// copy must be the base pixel for pixel, the chart must look the same either way, the
// pointer must still reach the chart, and a change of the base must show at once.

test.use({ viewport: { width: 1920, height: 1080 }, deviceScaleFactor: 2 });

/** The stack (the chart's box of canvases) of the chart with test id `testId`. */
function stackOf(page: Page, testId: string): Locator {
  return page.locator(`.stack:has(> [data-testid=${testId}])`);
}

/** Whether the still copy holds exactly the pixels of the chart's own canvas. */
async function copyIsBase(page: Page, testId: string): Promise<boolean> {
  return page.evaluate((id) => {
    const own = document.querySelector(`[data-testid=${id}]`) as HTMLCanvasElement;
    const still = own.parentElement!.querySelector('.still') as HTMLCanvasElement;
    const read = (canvas: HTMLCanvasElement) => {
      const picture = document.createElement('canvas');
      picture.width = own.width;
      picture.height = own.height;
      const context = picture.getContext('2d')!;
      context.drawImage(canvas, 0, 0);
      return context.getImageData(0, 0, own.width, own.height).data;
    };
    const [a, b] = [read(own), read(still)];
    return a.length > 0 && a.length === b.length && a.every((v, i) => v === b[i]);
  }, testId);
}

test('a base that stays the same is shown as its still copy, pixel for pixel', async ({
  lesson,
  page,
}) => {
  await lesson.selectPreset('lecture-ab');
  const map = lesson.byTestId('chart-surface');
  await expect(map).toHaveAttribute('data-frame', /\d/);
  for (const id of ['chart-surface', 'chart-data', 'chart-loss']) {
    await expect(stackOf(page, id)).toHaveAttribute('data-still', '');
    await expect(page.getByTestId(id)).toHaveCSS('opacity', '0');
    expect(await copyIsBase(page, id), `${id}: the copy is its base`).toBe(true);
  }
  // What the screen shows is the same with the copy and without it.
  const stack = stackOf(page, 'chart-surface');
  const still = await stack.screenshot();
  await stack.evaluate((s) => s.removeAttribute('data-still'));
  await expect(map).toHaveCSS('opacity', '1');
  expect((await stack.screenshot()).equals(still)).toBe(true);
});

test('over a still map the pointer still drags the point, and new data show at once', async ({
  lesson,
  page,
}) => {
  await lesson.selectPreset('lecture-ab');
  const map = lesson.byTestId('chart-surface');
  await expect(stackOf(page, 'chart-surface')).toHaveAttribute('data-still', '');
  const from = await pointOnChart(map, 8, 0);
  const to = await pointOnChart(map, 9, 0.5);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 6 });
  await page.mouse.up();
  expect(Math.abs((await lesson.paramValue('a')) - 9)).toBeLessThan(0.02);
  expect(Math.abs((await lesson.paramValue('b')) - 0.5)).toBeLessThan(0.02);
  // New data make a new map: the copy goes in the frame that draws it, and the map is
  // copied again once it stays.
  const grid = await map.getAttribute('data-grid');
  await expect(stackOf(page, 'chart-surface')).toHaveAttribute('data-still', '');
  const before = await stackOf(page, 'chart-surface').screenshot();
  await lesson.setCell(0, 'y', '20');
  await expect(stackOf(page, 'chart-surface')).not.toHaveAttribute('data-still', '');
  await expect(map).toHaveCSS('opacity', '1');
  expect((await stackOf(page, 'chart-surface').screenshot()).equals(before)).toBe(false);
  await expect(stackOf(page, 'chart-surface')).toHaveAttribute('data-still', '');
  expect(await copyIsBase(page, 'chart-surface')).toBe(true);
  expect(await map.getAttribute('data-grid')).toBe(grid);
});
