import type { Browser } from '@playwright/test';
import { chartPicture, devicePixelOf } from './chart-picture';
import { LessonPage } from './lesson-page';
import { expect, test } from './lesson-test';

// On a sharp screen (device scale 2) the map's heatmap is smoothed at the plot's size in CSS
// pixels and then enlarged twice without smoothing (src/charts/canvas/bitmap.rs), which the
// browser does in a third of the time of smoothing it at full size, in every frame of a data
// point's drag. The picture must stay the map: at every place its colour is the one the
// same map has at scale 1, with no offset or stretch from the second stage.

/** The lecture-ab map opened in a fresh context at `scale`, and its view. */
async function openMap(browser: Browser, scale: number) {
  const context = await browser.newContext({
    viewport: { width: 1920, height: 1080 },
    deviceScaleFactor: scale,
  });
  const lesson = new LessonPage(await context.newPage());
  await lesson.goto();
  await lesson.selectPreset('lecture-ab');
  const surface = lesson.byTestId('chart-surface');
  await expect(surface).toHaveAttribute('data-frame', /\d/);
  await lesson.page.evaluate(
    () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
  );
  const view = (await surface.getAttribute('data-view'))!.split(',').map(Number);
  return { context, lesson, view };
}

/** The RGB of `lesson`'s map at (a, b). */
async function colourAt(lesson: LessonPage, a: number, b: number): Promise<number[]> {
  const { px, py } = await devicePixelOf(lesson.page, 'chart-surface', [a, b]);
  const data = (await chartPicture(lesson.page, 'chart-surface', [px, py, 1, 1])) as number[];
  return data.slice(0, 3);
}

test('at device scale 2 the heatmap has the colours it has at scale 1', async ({
  browser,
}) => {
  const sharp = await openMap(browser, 2);
  const plain = await openMap(browser, 1);
  expect(sharp.view).toEqual(plain.view);
  const [a0, a1, b0, b1] = sharp.view;
  // A 7 × 5 grid over the plot, off its edges. Contour lines and their labels are drawn at
  // each scale's own width and may cover a sample at one scale only: most must agree.
  let same = 0;
  let samples = 0;
  for (let i = 1; i <= 7; i++) {
    for (let j = 1; j <= 5; j++) {
      const a = a0 + (i / 8) * (a1 - a0);
      const b = b0 + (j / 6) * (b1 - b0);
      const want = await colourAt(plain.lesson, a, b);
      const got = await colourAt(sharp.lesson, a, b);
      samples += 1;
      if (got.every((v, k) => Math.abs(v - want[k]) <= 6)) same += 1;
    }
  }
  expect(samples).toBe(35);
  expect(same, `${same} of ${samples} places coloured as at scale 1`).toBeGreaterThanOrEqual(30);
  sharp.lesson.expectNoErrors();
  plain.lesson.expectNoErrors();
  await sharp.context.close();
  await plain.context.close();
});
