import { expect, test } from '../lesson-test';

// A reload keeps the run — its history, Undo, the trail and the exports made of it — and
// the autoplay speed (src/classroom/run_memory.rs).

test('a reload keeps five steps, Undo and the autoplay speed', async ({ lesson, page }) => {
  for (let k = 0; k < 5; k++) await lesson.step();
  await expect(lesson.paramField()).toHaveValue('9.798078');
  await lesson.setSpeed(10);
  const history = await lesson.historyRows().allInnerTexts();
  await expect
    .poll(() => page.evaluate(() => localStorage.getItem('descent-lab/lesson/v1/run')))
    .toBe('v1 speed=10 steps=0.003*5');

  await page.reload();
  await expect(page.locator('h1')).toBeVisible();
  await expect(lesson.paramField()).toHaveValue('9.798078');
  await expect(lesson.historyRows()).toHaveCount(5);
  expect(await lesson.historyRows().allInnerTexts()).toEqual(history);
  await expect(lesson.byTestId('speed-select')).toHaveValue('10');
  await lesson.byTestId('export-menu').click();
  await expect(lesson.byTestId('export-history-csv')).toBeEnabled();
  await lesson.byTestId('export-menu').click();
  await lesson.undo();
  await expect(lesson.historyRows()).toHaveCount(4);
  await expect(lesson.paramField()).not.toHaveValue('9.798078');
  await lesson.reset();
  await expect(lesson.paramField()).toHaveValue('8');
});
