import { expect, test } from '../lesson-test';
import { LessonPage } from '../lesson-page';

// Two tabs of one browser share the saved work: each sees the other's changes as they
// are saved (the `storage` event), and neither writes over a change it has not seen
// (src/classroom/merge.rs, saving.rs).

test('tab A sets y₁ = 111, tab B sets y₂ = 222: both tabs show both, and so does a reload', async ({
  lesson,
  page,
}) => {
  const other = new LessonPage(await page.context().newPage());
  await other.goto('/');
  await lesson.setCell(0, 'y', '111');
  await expect(other.cell(0, 'y')).toHaveValue('111');
  await other.setCell(1, 'y', '222');
  await expect(lesson.cell(1, 'y')).toHaveValue('222');
  await expect(lesson.cell(0, 'y')).toHaveValue('111');
  await expect(other.cell(0, 'y')).toHaveValue('111');
  await page.reload();
  await expect(page.locator('h1')).toBeVisible();
  await expect(lesson.cell(0, 'y')).toHaveValue('111');
  await expect(lesson.cell(1, 'y')).toHaveValue('222');
  other.expectNoErrors();
  await other.page.close();
});

test('edits made in both tabs before either saves are both kept', async ({ lesson, page }) => {
  const other = new LessonPage(await page.context().newPage());
  await other.goto('/');
  // Within the save delay of each other: neither tab has seen the other's change yet.
  await lesson.cell(0, 'y').fill('111');
  await other.cell(1, 'y').fill('222');
  for (const tab of [lesson, other]) {
    await expect(tab.cell(0, 'y')).toHaveValue('111');
    await expect(tab.cell(1, 'y')).toHaveValue('222');
  }
  await page.reload();
  await expect(page.locator('h1')).toBeVisible();
  await expect(lesson.cell(0, 'y')).toHaveValue('111');
  await expect(lesson.cell(1, 'y')).toHaveValue('222');
  other.expectNoErrors();
  await other.page.close();
});
