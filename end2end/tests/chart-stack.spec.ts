import type { Page } from '@playwright/test';
import { chartPicture } from './chart-picture';
import { pointOnChart } from './classroom/classroom';
import { expect, test } from './lesson-test';

// Issue 13: each chart is a stack of canvases in one box (src/charts/canvas/stack.rs). The
// chart's own canvas holds what depends only on the data and the view (axes, tick labels,
// the loss curve) and is not redrawn while a parameter moves; the moving marks are drawn on
// a layer above it. On a sharp screen (device scale 2), as a classroom laptop has.

test.use({ viewport: { width: 1920, height: 1080 }, deviceScaleFactor: 2 });

/** The pixels of the chart's own canvas alone, as a PNG data URL. */
async function ownCanvas(page: Page, testId: string): Promise<string> {
  return page.getByTestId(testId).evaluate((c: HTMLCanvasElement) => c.toDataURL());
}

/** Waits until every chart has drawn what the last change asked for. */
async function drawn(page: Page): Promise<void> {
  await page.evaluate(
    () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
  );
}

test.beforeEach(async ({ lesson }) => {
  await lesson.selectPreset('lecture');
  await lesson.expectLoss('402.57');
});

test('moving a redraws only the layers above each chart, not its axes and curve', async ({
  lesson,
  page,
}) => {
  await drawn(page);
  const view = await lesson.byTestId('chart-data').getAttribute('data-view');
  const before = {
    dataOwn: await ownCanvas(page, 'chart-data'),
    lossOwn: await ownCanvas(page, 'chart-loss'),
    data: await chartPicture(page, 'chart-data'),
    loss: await chartPicture(page, 'chart-loss'),
  };
  await lesson.setA('9');
  await lesson.expectLoss('79.52');
  await drawn(page);
  // The data chart's window holds still for a line inside it, so its axes are the same.
  await expect(lesson.byTestId('chart-data')).toHaveAttribute('data-view', view ?? '');
  expect(await chartPicture(page, 'chart-data'), 'the line moved').not.toBe(before.data);
  expect(await chartPicture(page, 'chart-loss'), 'the point moved').not.toBe(before.loss);
  expect(await ownCanvas(page, 'chart-data'), 'the axes were not redrawn').toBe(before.dataOwn);
  expect(await ownCanvas(page, 'chart-loss'), 'the curve was not redrawn').toBe(before.lossOwn);
});

test('at scale 2 the slider and a dragged data point still work through the layers', async ({
  lesson,
  page,
}) => {
  // The slider: its thumb from a = 8 to about 9.3.
  const slider = lesson.byTestId('slider-a');
  const box = (await slider.boundingBox())!;
  const [min, max] = await slider.evaluate((s: HTMLInputElement) => [Number(s.min), Number(s.max)]);
  const thumb = Math.min(box.height, 16);
  const at = (a: number) => box.x + thumb / 2 + ((a - min) / (max - min)) * (box.width - thumb);
  await page.mouse.move(at(8), box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(at(9.3), box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  await expect.poll(() => lesson.paramValue()).toBeGreaterThan(9);
  expect(await lesson.paramValue()).toBeLessThan(9.6);

  // A data point: (4.5, 44.1) dragged to y = 60. The layers above take no pointer events,
  // so the chart's own canvas gets them.
  const chart = lesson.byTestId('chart-data');
  const from = await pointOnChart(chart, 4.5, 44.1);
  const to = await pointOnChart(chart, 4.5, 60);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 5 });
  await page.mouse.up();
  const y = Number(await lesson.cell(1, 'y').inputValue());
  expect(Math.abs(y - 60), `y = ${y} after the drag`).toBeLessThan(2);
});
