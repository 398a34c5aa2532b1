import { expect, test } from '../lesson-test';
import type { LessonPage } from '../lesson-page';
import { expectCells, pointOnChart, releaseFocus } from './classroom';

// Direct manipulation of the "data and model" chart (src/components/charts.rs): a pointer
// drags a data point and the table follows; Shift+click or the "Add points" toggle adds a
// point; the table's own "Undo edit" (and Ctrl+Z) takes either back. Points are found
// through the plotting area the chart writes onto its canvas (data-frame, data-view).

const LECTURE_CELLS = ['2', '19.6', '4.5', '44.1', '10', '98'];

/** The number in a table cell (decimal point or comma). */
async function cellNumber(lesson: LessonPage, row: number, column: 'x' | 'y'): Promise<number> {
  return Number((await lesson.cell(row, column).inputValue()).replace(',', '.'));
}

test.beforeEach(async ({ lesson }) => {
  await lesson.expectLoss('402.57');
  await expect(lesson.rows()).toHaveCount(3);
});

test('dragging a point moves it: the table cell and the loss change, and Undo edit takes it back', async ({
  lesson,
  page,
}) => {
  const chart = lesson.byTestId('chart-data');
  const from = await pointOnChart(chart, 10, 98);
  // Where y = 60 is drawn now: the axes hold still while a point is dragged.
  const to = await pointOnChart(chart, 10, 60);

  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, (from.y + to.y) / 2, { steps: 4 });
  await page.mouse.move(to.x, to.y, { steps: 4 });
  await page.mouse.up();

  // The point moved straight down: x stays 10, y lands near 60 (rounded to what one
  // pixel can tell apart).
  await expect(lesson.cell(2, 'y')).not.toHaveValue('98');
  await expect(lesson.cell(2, 'x')).toHaveValue('10');
  const y = await cellNumber(lesson, 2, 'y');
  expect(Math.abs(y - 60), `dragged y = ${y}`).toBeLessThan(2);
  // The loss follows the table: L = 12.96 + 65.61 + (y − 80)².
  const expected = 12.96 + 65.61 + (y - 80) ** 2;
  await expect.poll(async () => (await lesson.readLoss()).value).toBeCloseTo(expected, 6);
  await lesson.screenshot('classroom-drag--point-dragged');

  // One undo takes back the whole drag, however many moves it had.
  await lesson.byTestId('undo-edit').click();
  await expectCells(lesson, LECTURE_CELLS);
  await lesson.expectLoss('402.57');
});

test('with the Add points toggle a click on empty chart space adds a row there; Undo edit removes it', async ({
  lesson,
  page,
}) => {
  const toggle = lesson.byTestId('add-point-toggle');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');

  const at = await pointOnChart(lesson.byTestId('chart-data'), 6, 30);
  await page.mouse.click(at.x, at.y);
  await expect(lesson.rows()).toHaveCount(4);
  const x = await cellNumber(lesson, 3, 'x');
  const y = await cellNumber(lesson, 3, 'y');
  expect(Math.abs(x - 6), `added x = ${x}`).toBeLessThan(0.2);
  expect(Math.abs(y - 30), `added y = ${y}`).toBeLessThan(2);
  // L gains the new point's (y − 8x)².
  await expect
    .poll(async () => (await lesson.readLoss()).value)
    .toBeCloseTo(402.57 + (y - 8 * x) ** 2, 6);

  await lesson.byTestId('undo-edit').click();
  await expect(lesson.rows()).toHaveCount(3);
  await expectCells(lesson, LECTURE_CELLS);
  await lesson.expectLoss('402.57');

  // Off again: a click on empty space adds nothing.
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await page.mouse.click(at.x, at.y);
  await expect(lesson.rows()).toHaveCount(3);
});

test('Shift+drag on empty space adds a point and places it in one gesture; Ctrl+Z takes it back', async ({
  lesson,
  page,
}) => {
  const chart = lesson.byTestId('chart-data');
  const from = await pointOnChart(chart, 6, 30);
  const to = await pointOnChart(chart, 7, 40);

  await page.keyboard.down('Shift');
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 5 });
  await page.mouse.up();
  await page.keyboard.up('Shift');

  await expect(lesson.rows()).toHaveCount(4);
  const x = await cellNumber(lesson, 3, 'x');
  const y = await cellNumber(lesson, 3, 'y');
  expect(Math.abs(x - 7), `placed x = ${x}`).toBeLessThan(0.2);
  expect(Math.abs(y - 40), `placed y = ${y}`).toBeLessThan(2);

  // Ctrl+Z outside a text field undoes the table edit: adding and placing were one edit.
  await releaseFocus(page);
  await page.keyboard.press('Control+z');
  await expect(lesson.rows()).toHaveCount(3);
  await expectCells(lesson, LECTURE_CELLS);
  await lesson.expectLoss('402.57');
  await expect(lesson.byTestId('undo-edit')).toBeDisabled();
});
