import { expect, test } from '../lesson-test';
import {
  expectCellFlagged,
  expectNoPanic,
  expectSaved,
  expectStepMovesA,
  MINUS,
  screenshotBadState,
} from './support';

// Bad text typed into one cell of the lecture's table (x: 2, 4.5, 10; y: 19.6, 44.1, 98),
// which the fixture opens (a fresh browser context has no saved work).
// Each case: the cell keeps exactly what was typed and is flagged in place with a
// message, the status line says which row is ignored, the fit goes on with the other
// rows (Step still moves a), and nothing panics.

const notANumber: Array<[string, string]> = [
  ['letters', 'abc'],
  ['a number with letters after it', '44.1kg'],
  ['two decimal separators', '4,4,1'],
];

for (const [what, text] of notANumber) {
  test(`a cell with ${what} (${text}) is flagged, kept and left out of the fit`, async ({
    lesson,
  }) => {
    await lesson.setCell(1, 'y', text);
    await expect(lesson.cell(1, 'y')).toHaveValue(text);
    await expectCellFlagged(lesson, 1, 'y', `Row 2, column y: “${text}” is not a number.`);
    await expect(lesson.status()).toContainText(
      '1 row ignored (row 2): each row needs two numbers.',
    );
    await expectStepMovesA(lesson);
    await expectNoPanic(lesson);
  });
}

test('an emptied cell is flagged as empty and its row left out', async ({ lesson }) => {
  await lesson.setCell(1, 'x', '');
  await expect(lesson.cell(1, 'x')).toHaveValue('');
  await expectCellFlagged(lesson, 1, 'x', 'Row 2, column x is empty.');
  await expect(lesson.status()).toContainText('1 row ignored (row 2)');
  await expectStepMovesA(lesson);
  await expectNoPanic(lesson);
});

const notFinite = ['NaN', 'inf', '-inf', 'Infinity', '1e400'];
for (const text of notFinite) {
  test(`a cell reading ${text} is flagged as not a usable number`, async ({ lesson }) => {
    await lesson.setCell(0, 'x', text);
    await expect(lesson.cell(0, 'x')).toHaveValue(text);
    await expectCellFlagged(lesson, 0, 'x', new RegExp(`^Row 1, column x: “${text}” `));
    await expect(lesson.status()).toContainText('1 row ignored (row 1)');
    await expectStepMovesA(lesson);
    await expectNoPanic(lesson);
  });
}

test('a 400-digit number is kept whole, flagged as too large, and the page stays usable', async ({
  lesson,
}) => {
  const huge = `9${'0'.repeat(399)}`;
  await lesson.setCell(2, 'y', huge);
  await expect(lesson.cell(2, 'y')).toHaveValue(huge);
  // The message quotes the start of the cell, not all 400 digits.
  await expectCellFlagged(
    lesson,
    2,
    'y',
    /^Row 3, column y: “9000000000.*…” is too large a number/,
  );
  await expect(lesson.status()).toContainText('1 row ignored (row 3)');
  await screenshotBadState(lesson, '400-digits');
  await expectStepMovesA(lesson);
  await expectNoPanic(lesson);
});

test('a 1500-character cell is kept as typed and survives a reload', async ({ lesson, page }) => {
  const long = '1'.repeat(1500);
  await lesson.setCell(0, 'y', long);
  await expect(lesson.cell(0, 'y')).toHaveValue(long);
  await expectCellFlagged(lesson, 0, 'y', /^Row 1, column y: “1+…” is not a number\.$/);
  await expectStepMovesA(lesson);
  await expectSaved(page, (json) => json.includes(long));
  await page.reload();
  await expect(lesson.cell(0, 'y')).toHaveValue(long);
  await expect(lesson.byTestId('notice')).toHaveCount(0);
  await expectNoPanic(lesson);
});

test('1e308 in x is a valid number: the loss overflows, the page says so and does not freeze', async ({
  lesson,
}) => {
  await lesson.setCell(0, 'x', '1e308');
  await expect(lesson.cell(0, 'x')).toHaveValue('1e308');
  await expect(lesson.cell(0, 'x')).toHaveAttribute('aria-invalid', 'false');
  await expect(lesson.status()).toContainText('The loss L is too large to compute');
  await expect(lesson.status()).not.toContainText('Every x is 0');
  // A step cannot be computed: it is refused, the reason stays, and nothing changes.
  await expect(lesson.stepButton()).toBeEnabled();
  await lesson.step();
  await expect(lesson.status()).toContainText('The loss L is too large to compute');
  await expect(lesson.status()).not.toContainText('choose a smaller γ');
  await expect(lesson.paramField()).toHaveAttribute('data-value', '8');
  await screenshotBadState(lesson, '1e308-in-x');
  // Correcting the cell brings the lesson back.
  await lesson.setCell(0, 'x', '2');
  await lesson.expectLoss('402.57');
  await expectStepMovesA(lesson);
  await expectNoPanic(lesson);
});

test('1e308 in y with the two-parameter model neither freezes the charts nor crashes', async ({
  lesson,
}) => {
  await lesson.selectModel('affine');
  await lesson.setCell(1, 'y', '1e308');
  await expect(lesson.cell(1, 'y')).toHaveValue('1e308');
  await expect(lesson.status()).toContainText('The loss L is too large to compute');
  await lesson.setCell(1, 'y', '-1e308');
  await expect(lesson.cell(1, 'y')).toHaveValue('-1e308');
  await expect(lesson.status()).toContainText('The loss L is too large to compute');
  await lesson.setCell(1, 'y', '44.1');
  await expectStepMovesA(lesson);
  await expectNoPanic(lesson);
});

test('-0 is read as 0: kept as typed, not flagged, and the fit uses it', async ({ lesson }) => {
  await lesson.setCell(0, 'x', '-0');
  await expect(lesson.cell(0, 'x')).toHaveValue('-0');
  await expect(lesson.cell(0, 'x')).toHaveAttribute('aria-invalid', 'false');
  // Row 1 becomes (0, 19.6): at a = 8 the loss is 19.6² + 8.1² + 18² = 773.77.
  await lesson.expectLoss('773.77');
  await expect(lesson.status()).toContainText('Press Step');
  await expectStepMovesA(lesson);
  await expectNoPanic(lesson);
});

test('a Unicode minus and a decimal comma typed in a cell are read as −4.5', async ({
  lesson,
}) => {
  await lesson.setCell(1, 'x', '−4,5');
  await expect(lesson.cell(1, 'x')).toHaveValue('−4,5');
  await expect(lesson.cell(1, 'x')).toHaveAttribute('aria-invalid', 'false');
  // Row 2 becomes (−4.5, 44.1): (19.6 − 16)² + (44.1 + 36)² + (98 − 80)² = 6752.97.
  await lesson.expectLoss('6752.97');
  await expect(lesson.status()).toContainText('Press Step');
  await expectStepMovesA(lesson);
  await expectNoPanic(lesson);
});

test('the field of a refuses letters and 1e308 without losing the text or freezing', async ({
  lesson,
}) => {
  await lesson.setA('abc');
  await expect(lesson.paramField()).toHaveValue('abc');
  await expect(lesson.paramField()).toHaveAttribute('aria-invalid', 'true');
  // a stays where it was: the readouts still show a = 8.
  await lesson.expectLoss('402.57');
  await lesson.setA('1e308');
  await expect(lesson.paramField()).toHaveValue('1e308');
  // Values are held within ±10¹²: a = 10¹² gives a huge but finite loss.
  await expect(lesson.paramField()).toHaveAttribute('data-value', '1000000000000');
  await expect(lesson.lossValue()).not.toHaveText(/∞|NaN/);
  await expect(lesson.status()).toBeVisible();
  await expectStepMovesA(lesson);
  await expect(lesson.gradientValue()).not.toHaveText(`${MINUS}447.3`);
  await expectNoPanic(lesson);
});
