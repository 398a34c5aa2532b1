import { expect, test } from './lesson-test';

// The data table: cells edited in place, rows added and deleted, columns renamed, a block
// pasted from a spreadsheet, and the presets. Every change must reach the loss at once.

const MINUS = '\u2212';

test.beforeEach(async ({ lesson }) => {
  await lesson.selectPreset('lecture');
  await lesson.setA('8');
  await lesson.expectLoss('402.57');
});

test('editing a cell updates the loss and the worked sum at once', async ({ lesson }) => {
  await lesson.setCell(2, 'y', '100');
  await expect(lesson.cell(2, 'y')).toHaveValue('100');
  // (19.6 − 16)² + (44.1 − 36)² + (100 − 80)² = 12.96 + 65.61 + 400
  await lesson.expectLoss('478.57');
  await expect(lesson.workedSum()).toContainText(`(100 ${MINUS} 8·10)²`);

  // Decimal comma, as a Lithuanian spreadsheet writes it.
  await lesson.setCell(2, 'y', '98,0');
  await lesson.expectLoss('402.57');
});

test('typing into a cell key by key keeps the caret there, mid-number and on a bad value', async ({
  lesson,
  page,
}) => {
  // Each key reaches the lesson as it is typed; the cell keeps the caret and the text as
  // typed, flags a value that is not a number and clears the flag once it is one.
  const cell = lesson.cell(2, 'y');
  await cell.click();
  await cell.press('End');
  await cell.press('Backspace');
  await cell.pressSequentially('0x,5');
  await expect(cell).toHaveValue('90x,5');
  await expect(cell).toBeFocused();
  await expect(cell).toHaveAttribute('aria-invalid', 'true');
  for (let i = 0; i < 3; i++) await cell.press('Backspace');
  await page.keyboard.type(',5');
  await expect(cell).toHaveValue('90,5');
  await expect(cell).toBeFocused();
  await expect(cell).toHaveAttribute('aria-invalid', 'false');
  // (19.6 − 16)² + (44.1 − 36)² + (90.5 − 80)² = 12.96 + 65.61 + 110.25
  await lesson.expectLoss('188.82');
});

test('Add row appends an empty row that counts once it holds two numbers', async ({ lesson }) => {
  await expect(lesson.rows()).toHaveCount(3);
  await lesson.addRow();
  await expect(lesson.rows()).toHaveCount(4);
  await expect(lesson.cell(3, 'x')).toHaveValue('');
  await expect(lesson.cell(3, 'y')).toHaveValue('');
  // An empty row is not data, and not an error either.
  await lesson.expectLoss('402.57');
  await expect(lesson.cell(3, 'x')).toHaveAttribute('aria-invalid', 'false');

  await lesson.setCell(3, 'x', '1');
  await lesson.setCell(3, 'y', '9.8');
  // + (9.8 − 8·1)² = 3.24
  await lesson.expectLoss('405.81');
});

test('deleting a row removes its point from the loss', async ({ lesson }) => {
  await lesson.deleteRow(0);
  await expect(lesson.rows()).toHaveCount(2);
  await expect(lesson.cell(0, 'x')).toHaveValue('4.5');
  // (44.1 − 36)² + (98 − 80)² = 65.61 + 324
  await lesson.expectLoss('389.61');
  await expect(lesson.workedSum()).toHaveText(
    `L = (44.1 ${MINUS} 8·4.5)² + (98 ${MINUS} 8·10)² = 389.61`,
  );

  await lesson.byTestId('undo-edit').click();
  await expect(lesson.rows()).toHaveCount(3);
  await lesson.expectLoss('402.57');
});

test('renaming the columns x, y → m, F changes the names shown, not the maths', async ({
  lesson,
}) => {
  await lesson.renameColumn('x', 'm');
  await lesson.renameColumn('y', 'F');
  await expect(lesson.columnLabel('x')).toHaveValue('m');
  await expect(lesson.columnLabel('y')).toHaveValue('F');
  await lesson.expectLoss('402.57');
  await lesson.expectGradient(`${MINUS}447.3`);

  // The cells are named after their column for screen readers…
  await expect(lesson.cell(0, 'x')).toHaveAttribute('aria-label', 'm 1');
  await expect(lesson.cell(2, 'y')).toHaveAttribute('aria-label', 'F 3');
  // …the formulas use the new names…
  await expect(lesson.byTestId('model-select').locator('option:checked')).toHaveText('ŷ = a·m');
  await expect(lesson.byTestId('loss-formula')).toHaveText(`L = Σ (F ${MINUS} ŷ)²`);
  // …and so do the messages about a bad cell.
  await lesson.setCell(1, 'y', 'abc');
  await expect(lesson.cell(1, 'y')).toHaveAttribute('title', 'Row 2, column F: “abc” is not a number.');
});

test('pasting a block with a header and decimal commas replaces the table and its names', async ({
  lesson,
}) => {
  await lesson.selectPreset('empty');
  await expect(lesson.rows()).toHaveCount(0);
  await lesson.addRow();
  await lesson.setA('8');

  await lesson.paste(lesson.cell(0, 'x'), 'm;F\n2;19,6\n4,5;44,1\n10;98');

  await expect(lesson.rows()).toHaveCount(3);
  await expect(lesson.columnLabel('x')).toHaveValue('m');
  await expect(lesson.columnLabel('y')).toHaveValue('F');
  await expect(lesson.cell(1, 'x')).toHaveAttribute('aria-label', 'm 2');
  await expect(lesson.byTestId('notice')).toContainText('3 rows');
  for (const cell of await lesson.cells().all()) {
    await expect(cell).toHaveAttribute('aria-invalid', 'false');
  }
  await lesson.expectLoss('402.57');
  await lesson.expectGradient(`${MINUS}447.3`);
  await expect(lesson.workedSum()).toHaveText(
    `L = (19.6 ${MINUS} 8·2)² + (44.1 ${MINUS} 8·4.5)² + (98 ${MINUS} 8·10)² = 402.57`,
  );
});

test('pasting tab-separated rows from a spreadsheet, without a header, keeps the names', async ({
  lesson,
}) => {
  await lesson.paste(lesson.cell(1, 'y'), '1\t10\n2\t20\n3\t30\n4\t40\n');
  await expect(lesson.rows()).toHaveCount(4);
  await expect(lesson.columnLabel('x')).toHaveValue('x');
  await expect(lesson.columnLabel('y')).toHaveValue('y');
  // ŷ = 8x against y = 10x: Σ(2x)² = 4·(1 + 4 + 9 + 16) = 120
  await lesson.expectLoss('120');
});

test('the force preset is the lecture table named m and F', async ({ lesson }) => {
  await lesson.selectPreset('force');
  await expect(lesson.columnLabel('x')).toHaveValue('m');
  await expect(lesson.columnLabel('y')).toHaveValue('F');
  await expect(lesson.cell(0, 'x')).toHaveAttribute('aria-label', 'm 1');
  await expect(lesson.rows()).toHaveCount(3);
  await expect(lesson.paramField()).toHaveValue('8');
  await lesson.expectLoss('402.57');
});

test('the local-minima preset picks the non-convex model with b fixed at 2', async ({
  lesson,
}) => {
  await lesson.selectPreset('local-minima');
  await expect(lesson.byTestId('model-select')).toHaveValue('non-convex');
  await expect(lesson.byTestId('model-select').locator('option:checked')).toHaveText(
    `ŷ = a·x + b ${MINUS} 2a²`,
  );
  await expect(lesson.rows()).toHaveCount(4);
  await expect(lesson.cell(0, 'x')).toHaveValue('-0.3');
  await expect(lesson.paramField('b')).toHaveValue('2');
  await expect(lesson.byTestId('freeze-b')).toBeChecked();
  // A fixed parameter has its field but no slider, and no derivative readout.
  await expect(lesson.byTestId('slider-b')).toHaveCount(0);
  await expect(lesson.byTestId('gradient-value-1')).toHaveCount(0);
  await expect(lesson.byTestId('slider-a')).toBeVisible();
});

test('the empty preset shows an empty table with a message, and Step is disabled', async ({
  lesson,
}) => {
  await lesson.selectPreset('empty');
  await expect(lesson.rows()).toHaveCount(0);
  await expect(lesson.status()).toContainText('The table is empty');
  await expect(lesson.stepButton()).toBeDisabled();
  await expect(lesson.playButton()).toBeDisabled();
});

test('a table with no row left shows no value for L, not a perfect 0', async ({ lesson }) => {
  for (let i = 0; i < 3; i++) await lesson.deleteRow(0);
  await expect(lesson.rows()).toHaveCount(0);
  // An empty sum is 0, which would read as a perfect fit: the readouts say "no value".
  await expect(lesson.lossValue()).toHaveText('—');
  await expect(lesson.gradientValue()).toHaveText('—');
  await expect(lesson.workedSum()).toHaveText('L = —');
  await expect(lesson.stepButton()).toBeDisabled();
  // Undo brings the last deleted row back, (10, 98): (98 − 8·10)² = 324.
  await lesson.byTestId('undo-edit').click();
  await lesson.expectLoss('324');
});

test('an edited example shows "—" in the picker, so picking it again reloads it', async ({
  lesson,
}) => {
  const picker = lesson.byTestId('preset-select');
  await expect(picker).toHaveValue('lecture');
  // Stepping through the example does not leave it.
  await lesson.step();
  await expect(picker).toHaveValue('lecture');
  await lesson.setCell(1, 'y', '44');
  await expect(picker).toHaveValue('');
  await picker.selectOption('lecture');
  // Edited work is not replaced unasked (issue 14, item 2).
  await lesson.byTestId('confirm-ok').click();
  await expect(lesson.cell(1, 'y')).toHaveValue('44.1');
  await lesson.expectLoss('402.57');
  await expect(picker).toHaveValue('lecture');
});
