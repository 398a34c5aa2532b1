import { expect, test } from '../lesson-test';

// Issue 14, item 8: a number typed for a parameter is either the value in use or said
// not to be. Every parameter is held within ±10¹² (descent-core's PARAM_BOUND), so a
// typed 1e15 is limited to 1e12: the field shows 1e12 once it loses focus and says why,
// in words. A number too large to compute with (1e309) gets the same words in the field
// of a as in a table cell.

test('a typed 1e15 is limited to 1e12: the field shows the value in use and says so', async ({
  lesson,
}) => {
  const field = lesson.paramField();
  const message = lesson.byTestId('param-error-a');
  await lesson.setA('1e15');
  await expect(message).toHaveText('a is limited to ±1e12: “1e15” is beyond it, so a = 1e12.');
  await expect(field).toHaveAttribute('data-value', '1000000000000');
  // The value is used, so the field is not flagged as invalid.
  await expect(field).toHaveAttribute('aria-invalid', 'false');
  await field.blur();
  await expect(field).toHaveValue('1e12');
  await expect(message).toBeVisible();
  // A value back inside the bound takes the message away.
  await lesson.setA('9');
  await expect(message).toHaveCount(0);
  await lesson.expectLoss('79.52');
  // Below the bound on the other side, in Lithuanian style.
  await lesson.setA('−2e13');
  await expect(message).toHaveText(
    'a is limited to ±1e12: “−2e13” is beyond it, so a = \u22121e12.',
  );
  await expect(field).toHaveAttribute('data-value', '-1000000000000');
});

test('1e309 is “too large a number to compute with” in the field of a and in a cell alike', async ({
  lesson,
}) => {
  const words = 'is too large a number to compute with';
  await lesson.setA('1e309');
  const message = lesson.byTestId('param-error-a');
  await expect(message).toHaveText(`“1e309” ${words}: a stays 8.`);
  await expect(lesson.paramField()).toHaveAttribute('aria-invalid', 'true');
  await lesson.setCell(0, 'x', '1e309');
  await expect(lesson.cell(0, 'x')).toHaveAttribute('title', `Row 1, column x: “1e309” ${words}.`);
  await expect(message).not.toContainText('is not a number');
});
