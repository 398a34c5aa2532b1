import { expect, test } from '../lesson-test';
import { CHARTS, expectChartDrawn, expectNoSidewaysScroll, panelOverlaps, projectorOn } from './layout';

// A short window, or a 1920×1080 screen at 200 % zoom (960×540 CSS px at two device pixels
// each): the charts keep a height they can plot in and the page scrolls instead; no panel
// runs over another. The data chart was 128 px tall and drew nothing, and the data table
// ran out of its panel over the model panel.

/** Each chart at least 200 px tall with a plotting area, and the panels apart. */
async function expectRoomForEverything(
  lesson: import('../lesson-page').LessonPage,
  width: number,
): Promise<void> {
  for (const id of CHARTS) {
    await expectChartDrawn(lesson, id, {
      width: width * 0.35,
      height: 200,
      plot: { width: 250, height: 90 },
    });
  }
  expect(await panelOverlaps(lesson.page)).toEqual([]);
  await expectNoSidewaysScroll(lesson.page);
}

test.describe('at 200 % zoom', () => {
  test.use({ viewport: { width: 960, height: 540 }, deviceScaleFactor: 2 });

  test('960×540 at scale 2: both charts plot, the page scrolls, no panel overlaps another', async ({
    lesson,
    page,
  }) => {
    await expectRoomForEverything(lesson, 960);
    // The page, not the charts, gives way: it is taller than the window.
    const scrollHeight = await page.evaluate(() => document.scrollingElement!.scrollHeight);
    expect(scrollHeight).toBeGreaterThan(540);
    await lesson.screenshot('layout--960x540-scale2');

    await projectorOn(lesson);
    await lesson.step();
    await expectRoomForEverything(lesson, 960);
    await lesson.screenshot('layout--960x540-scale2-projector');
  });
});

test('a short window of 1100×540: both charts plot and no panel overlaps another', async ({
  lesson,
  page,
}) => {
  await page.setViewportSize({ width: 1100, height: 540 });
  await expectRoomForEverything(lesson, 1100);
  // Ten more rows: the table scrolls inside its panel or the column scrolls, but it never
  // runs over the model panel.
  for (let i = 0; i < 10; i++) await lesson.byTestId('add-row').click();
  expect(await panelOverlaps(page)).toEqual([]);
});

test('1280×720 and 1920×1080 still fit on one screen, in both modes', async ({ lesson, page }) => {
  for (const [width, height] of [
    [1920, 1080],
    [1280, 720],
  ]) {
    await page.setViewportSize({ width, height });
    for (const projector of [false, true]) {
      if (projector) await projectorOn(lesson);
      const scrollHeight = await page.evaluate(() => document.scrollingElement!.scrollHeight);
      expect(scrollHeight, `${width}×${height}, projector ${projector}`).toBeLessThanOrEqual(height);
      await expectRoomForEverything(lesson, width);
      if (projector) {
        await page.keyboard.press('m');
        await expect(page.locator('.app')).not.toHaveClass(/\bprojector\b/);
      }
    }
  }
});
