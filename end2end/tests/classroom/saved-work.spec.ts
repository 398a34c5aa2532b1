import { expect, test } from '../lesson-test';
import { expectCells, expectSavedContaining, savedLesson } from './classroom';

// Saved work (src/classroom/mod.rs, storage.rs): every change goes to localStorage, so a
// reload (or a closed tab) loses nothing; "New lesson" starts over after a question in
// the page (confirm-dialog).

const LECTURE_CELLS = ['2', '19.6', '4.5', '44.1', '10', '98'];

test('a reload keeps the edited table, the column names and a', async ({ lesson, page }) => {
  await lesson.renameColumn('x', 'm');
  await lesson.setCell(1, 'y', '44,5');
  await lesson.addRow();
  await lesson.setCell(3, 'x', '12');
  await lesson.setCell(3, 'y', '117.6');
  await lesson.step();
  await expect(lesson.historyRows()).toHaveCount(1);
  await expect(lesson.paramField()).not.toHaveValue('8');
  const a = await lesson.paramField().inputValue();
  const loss = await lesson.readLoss();
  // Saving is debounced: wait until the last edit is in storage.
  await expectSavedContaining(page, '"117.6"');

  await page.reload();
  await expect(page.locator('h1')).toBeVisible();
  await expectCells(lesson, ['2', '19.6', '4.5', '44,5', '10', '98', '12', '117.6']);
  await expect(lesson.columnLabel('x')).toHaveValue('m');
  await expect(lesson.paramField()).toHaveValue(a);
  await expect(lesson.lossValue()).toHaveText(loss.text);
  await expect(lesson.byTestId('notice')).toHaveCount(0);
});

test('an edit is saved even when the page is left at once (pagehide)', async ({ lesson, page }) => {
  await lesson.setCell(2, 'y', '97');
  // No waiting for the debounced save: the reload's pagehide must write it.
  await page.reload();
  await expect(page.locator('h1')).toBeVisible();
  await expect(lesson.cell(2, 'y')).toHaveValue('97');
});

test('New lesson asks first: Cancel keeps the work, OK goes back to the lecture', async ({
  lesson,
  page,
}) => {
  await lesson.renameColumn('y', 'F');
  await lesson.setCell(0, 'x', '3');
  await lesson.setA('9');
  await expectSavedContaining(page, '"3"');
  const dialog = lesson.byTestId('confirm-dialog');

  await lesson.byTestId('new-lesson').click();
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Start a new lesson?');
  // It says what OK does: the lecture's table comes back.
  await expect(dialog).toContainText("The lecture's table comes back");
  // Cancel has the focus, so a stray Enter changes nothing.
  await expect(lesson.byTestId('confirm-cancel')).toBeFocused();
  await lesson.screenshot('classroom-saved-work--confirm-dialog');
  await lesson.byTestId('confirm-cancel').click();
  await expect(dialog).toBeHidden();
  await expect(lesson.cell(0, 'x')).toHaveValue('3');
  await expect(lesson.columnLabel('y')).toHaveValue('F');
  await expect(lesson.paramField()).toHaveValue('9');

  // Esc answers "no" as well.
  await lesson.byTestId('new-lesson').click();
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(lesson.cell(0, 'x')).toHaveValue('3');

  await lesson.byTestId('new-lesson').click();
  await expect(dialog).toBeVisible();
  await lesson.byTestId('confirm-ok').click();
  await expect(dialog).toBeHidden();
  await expectCells(lesson, LECTURE_CELLS);
  await expect(lesson.columnLabel('x')).toHaveValue('x');
  await expect(lesson.columnLabel('y')).toHaveValue('y');
  await expect(lesson.paramField()).toHaveValue('8');
  await lesson.expectLoss('402.57');

  // The old work is gone from storage too: a reload opens the lecture.
  await expect.poll(async () => (await savedLesson(page)) ?? '').not.toContain('"3"');
  await page.reload();
  await expect(page.locator('h1')).toBeVisible();
  await expectCells(lesson, LECTURE_CELLS);
  await expect(lesson.columnLabel('y')).toHaveValue('y');
});
