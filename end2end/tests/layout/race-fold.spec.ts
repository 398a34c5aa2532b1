import type { Page } from '@playwright/test';
import { expect, test } from '../lesson-test';
import { expectNoSidewaysScroll, panelOverlaps, projectorOn } from './layout';

// The race table is the race's scoreboard: on a laptop (1280×720) and a 1080p screen, with
// the map of lecture-ab shown, every racer's row is in the window without scrolling, with
// Step, and its numbers are not cut off at the panel's edge. Projector mode and the phone keep
// their own layouts (their specs in this folder and race.spec.ts).

/** Where a racer's row lies, and whether any of its cells runs past the table's panel. */
async function rowPlace(page: Page, id: string) {
  return page.evaluate((id) => {
    const row = document.querySelector(`[data-testid=race-${id}]`)!;
    const panel = row.closest('.race-results')!.getBoundingClientRect();
    const r = row.getBoundingClientRect();
    const cells = [...row.children].map((c) => c.getBoundingClientRect());
    return {
      top: r.top,
      bottom: r.bottom,
      cut: cells.some((c) => c.right > panel.right + 0.5 || c.left < panel.left - 0.5),
      scrollY: window.scrollY,
      columnScroll: row.closest('.column')!.scrollTop,
    };
  }, id);
}

for (const [width, height] of [
  [1280, 720],
  [1920, 1080],
]) {
  test(`${width}×${height}: lecture-ab's race table is in view under Step, nothing cut off`, async ({
    lesson,
    page,
  }) => {
    await page.setViewportSize({ width, height });
    await lesson.selectPreset('lecture-ab');
    await expect(lesson.byTestId('chart-surface')).toBeVisible();
    for (let i = 0; i < 3; i++) await lesson.step();
    await expect(lesson.byTestId('race-momentum')).toHaveAttribute('data-step', '3');
    const step = await lesson.stepButton().boundingBox();
    expect(step!.y + step!.height).toBeLessThanOrEqual(height);
    for (const id of ['gd', 'momentum']) {
      const place = await rowPlace(page, id);
      expect(place.scrollY, 'the page is not scrolled').toBe(0);
      expect(place.columnScroll, 'the column is not scrolled').toBe(0);
      expect(place.bottom, `race-${id} ends inside the window`).toBeLessThanOrEqual(height);
      expect(place.cut, `race-${id}: every cell inside its panel`).toBe(false);
    }
    await expect(lesson.byTestId('race-gd')).toContainText('9.744025');
    expect(await panelOverlaps(page)).toEqual([]);
    await expectNoSidewaysScroll(page);
    await lesson.screenshot(`layout--race-${width}x${height}`);
    // Projector mode keeps its own layout (the rules above are for normal mode only): the
    // table is still there, and the page does not scroll sideways.
    await projectorOn(lesson);
    await expect(lesson.byTestId('race-gd')).toBeVisible();
    await expectNoSidewaysScroll(page);
    lesson.expectNoErrors();
  });
}

test('1280×720 in Lithuanian: the longer words still leave the table in view', async ({
  lesson,
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await lesson.selectPreset('lecture-ab');
  await lesson.byTestId('language-select').selectOption('lt');
  await lesson.step();
  for (const id of ['gd', 'momentum']) {
    const place = await rowPlace(page, id);
    expect(place.bottom).toBeLessThanOrEqual(720);
    expect(place.cut).toBe(false);
  }
  await expect(lesson.byTestId('race-gd')).toContainText('9,3419');
  lesson.expectNoErrors();
});
