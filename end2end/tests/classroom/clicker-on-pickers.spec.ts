import { expect, test } from '../lesson-test';
import { expectCells } from './classroom';

// A clicker's keys (PageDown, PageUp, ← →, Space, Home) step, undo and reset while a
// picker has the focus — the example and model pickers a mouse choice leaves focused,
// and the slider — instead of changing the example, the model or a
// (src/classroom/keys.rs). Choosing another example over edited work asks first.

test('PageDown, PageUp and Home on a focused example picker step, undo and reset', async ({
  lesson,
  page,
}) => {
  await lesson.setCell(1, 'y', '45');
  const picker = lesson.byTestId('preset-select');
  await picker.focus();
  await page.keyboard.press('PageDown');
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowRight');
  await expect(lesson.historyRows()).toHaveCount(3);
  await page.keyboard.press('PageUp');
  await expect(lesson.historyRows()).toHaveCount(2);
  await page.keyboard.press('Home');
  await expect(lesson.historyRows()).toHaveCount(0);
  await expect(picker).toBeFocused();
  await expectCells(lesson, ['2', '19.6', '4.5', '45', '10', '98']);
  await expect(lesson.byTestId('undo-edit')).toBeEnabled();
});

test('PageDown on a focused model picker or slider steps, and changes neither', async ({
  lesson,
  page,
}) => {
  await lesson.byTestId('model-select').focus();
  await page.keyboard.press('PageDown');
  await expect(lesson.paramField()).toHaveValue('9.3419');
  await expect(lesson.byTestId('model-select')).toHaveValue('linear');
  const slider = lesson.byTestId('slider-a');
  await slider.focus();
  await page.keyboard.press('PageDown');
  await expect(lesson.historyRows()).toHaveCount(2);
  await page.keyboard.press('ArrowLeft');
  await expect(lesson.historyRows()).toHaveCount(1);
  await expect(lesson.paramField()).toHaveValue('9.3419');
});

test('choosing another example after edits asks first; Cancel keeps the edits', async ({
  lesson,
}) => {
  await lesson.setCell(1, 'y', '45');
  await lesson.selectPreset('force');
  const dialog = lesson.byTestId('confirm-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Open another example?');
  await lesson.screenshot('classroom-clicker-on-pickers--ask');
  await lesson.byTestId('confirm-cancel').click();
  await expect(dialog).toBeHidden();
  await expectCells(lesson, ['2', '19.6', '4.5', '45', '10', '98']);
  await expect(lesson.byTestId('preset-select')).toHaveValue('');
  await lesson.selectPreset('force');
  await lesson.byTestId('confirm-ok').click();
  await expect(lesson.columnLabel('x')).toHaveValue('m');
  await expect(lesson.byTestId('preset-select')).toHaveValue('force');
  // An untouched example is simply replaced: nothing is lost.
  await lesson.selectPreset('lecture');
  await expect(dialog).toBeHidden();
  await expect(lesson.columnLabel('x')).toHaveValue('x');
});
