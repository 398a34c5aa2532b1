import { expect, test } from '../lesson-test';
import { CHARTS, expectChartDrawn, expectNoSidewaysScroll, panelOverlaps, projectorOn } from './layout';

// Projector mode below 901 px (a small projector, a window beside the slides, a phone):
// the same one column as normal mode there, every chart drawn at full width, no sideways
// scroll. Its three projector columns used to stay: at 800 px the loss chart got no width
// at all, the descent panel 25 px, and a phone's page was 578 px wide.

test('projector mode at 800×600 stacks the panels: both charts drawn, no sideways scroll', async ({
  lesson,
  page,
}) => {
  await page.setViewportSize({ width: 800, height: 600 });
  await projectorOn(lesson);
  for (const id of CHARTS) {
    await expectChartDrawn(lesson, id, { width: 700, height: 240, plot: { width: 500, height: 150 } });
  }
  await expectNoSidewaysScroll(page);
  expect(await panelOverlaps(page)).toEqual([]);
  // Step still works, and the readouts say what it did.
  await lesson.step();
  await expect(lesson.paramField()).toHaveValue('9.3419');
  await expectNoSidewaysScroll(page);
  await lesson.screenshot('layout--projector-800x600');
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true });

  test('projector mode at 390×844 keeps the phone layout: charts full width, no sideways scroll', async ({
    lesson,
    page,
  }) => {
    await projectorOn(lesson);
    for (const id of CHARTS) {
      await expectChartDrawn(lesson, id, { width: 330, height: 240, plot: { width: 220, height: 120 } });
    }
    await expectNoSidewaysScroll(page);
    expect(await panelOverlaps(page)).toEqual([]);
    await lesson.step();
    await expect(lesson.paramField()).toHaveValue('9.3419');
    await expectNoSidewaysScroll(page);
    await lesson.screenshot('layout--projector-390x844');
  });

  test('held sideways (844×390) in projector mode: charts drawn and no taller than the screen', async ({
    lesson,
    page,
  }) => {
    await page.setViewportSize({ width: 844, height: 390 });
    await projectorOn(lesson);
    for (const id of CHARTS) {
      await expectChartDrawn(lesson, id, { width: 700, height: 240, plot: { width: 500, height: 120 } });
      const box = await lesson.byTestId(id).boundingBox();
      expect(box!.height, `${id} fits on the screen`).toBeLessThanOrEqual(390);
    }
    await expectNoSidewaysScroll(page);
    expect(await panelOverlaps(page)).toEqual([]);
    await lesson.screenshot('layout--projector-844x390');
  });
});
