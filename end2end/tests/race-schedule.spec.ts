import { expect, test } from './lesson-test';
import { gradient } from './lecture-ab';
import { clipboardText, grantClipboard, openInNewContext } from './classroom/classroom';

// Issue 10: the learning-rate schedule's numbers (s and q of step decay, q of the
// exponential schedule, r of 1/t) are fields like every other setting: a message for a value
// that cannot be used, the typed text kept, no step taken with it; carried by a link.

test('step decay: s and q are typed, bad values refused, the steps follow them', async ({
  lesson,
}) => {
  await lesson.selectPreset('lecture-ab');
  await expect(lesson.byTestId('schedule-factor')).toHaveCount(0);
  await lesson.byTestId('schedule-select').selectOption('step');
  await expect(lesson.byTestId('schedule-every')).toHaveValue('10');
  await expect(lesson.byTestId('schedule-factor')).toHaveValue('0.5');
  await lesson.byTestId('schedule-every').fill('1');
  await lesson.byTestId('schedule-factor').fill('0,5');
  // Nonsense: a message under the field, the text kept, the value in use unchanged.
  for (const [field, text, message] of [
    ['factor', '2', 'q must be above 0 and at most 1: “2” is not, so q stays 0.5.'],
    ['factor', '0', 'q must be above 0 and at most 1: “0” is not, so q stays 0.5.'],
    ['factor', 'NaN', '“NaN”'],
    ['factor', 'abc', '“abc”'],
    ['every', '2.5', 's must be a whole number from 1 up: “2.5” is not, so s stays 1.'],
    ['every', '0', 's must be a whole number from 1 up: “0” is not, so s stays 1.'],
    ['every', '1e300', 's must be a whole number from 1 up'],
  ]) {
    await lesson.byTestId(`schedule-${field}`).fill(text);
    await expect(lesson.byTestId(`schedule-${field}-error`)).toBeVisible();
    await expect(lesson.byTestId(`schedule-${field}-error`)).toContainText(message);
    await expect(lesson.byTestId(`schedule-${field}`)).toHaveValue(text);
    await expect(lesson.byTestId(`schedule-${field}`)).toHaveAttribute('aria-invalid', 'true');
  }
  // Two steps with s = 1, q = 0.5 (the field still shows "1e300", refused): γ = 0.003, then
  // 0.0015. From (8, 0): (9.3419, 0.1782), then GD's second step at half the rate.
  await lesson.step();
  await lesson.step();
  const row = lesson.byTestId('race-gd');
  await expect(row).toHaveAttribute('data-step', '2');
  const [ga, gb] = gradient(9.3419, 0.1782);
  expect(Number(await row.getAttribute('data-a'))).toBeCloseTo(9.3419 - 0.0015 * ga, 9);
  expect(Number(await row.getAttribute('data-b'))).toBeCloseTo(0.1782 - 0.0015 * gb, 9);
  // Lithuanian: the decimal comma and the message in the lecture's language.
  await lesson.byTestId('language-select').selectOption('lt');
  await lesson.byTestId('schedule-factor').fill('1,5');
  await expect(lesson.byTestId('schedule-factor-error')).toHaveText(
    'q turi būti didesnis už 0 ir ne didesnis už 1: „1,5“ netinka, q lieka 0,5.',
  );
  lesson.expectNoErrors();
});

test('1/t and exponential: their numbers travel in a link', async ({
  lesson,
  page,
  browser,
  baseURL,
}) => {
  await lesson.selectPreset('lecture-ab');
  await lesson.byTestId('schedule-select').selectOption('inverse-time');
  await expect(lesson.byTestId('schedule-rate')).toHaveValue('0.1');
  await lesson.byTestId('schedule-rate').fill('-1');
  await expect(lesson.byTestId('schedule-rate-error')).toHaveText(
    'r must be at least 0: “-1” is not, so r stays 0.1.',
  );
  await lesson.byTestId('schedule-rate').fill('0.25');
  await expect(lesson.byTestId('schedule-rate-error')).toBeHidden();
  await grantClipboard(page);
  await lesson.byTestId('copy-link').click();
  const link = await clipboardText(page, /#v\d+\./);
  const { pathname, hash } = new URL(link);
  const other = await openInNewContext(browser, baseURL, pathname + hash);
  try {
    const o = other.lesson;
    await expect(o.byTestId('schedule-select')).toHaveValue('inverse-time');
    await expect(o.byTestId('schedule-rate')).toHaveValue('0.25');
    // γ = 0.003/(1 + 0.25·t): the first step at 0.003, the second at 0.0024.
    await o.step();
    await o.step();
    const [ga] = gradient(9.3419, 0.1782);
    expect(Number(await o.byTestId('race-gd').getAttribute('data-a'))).toBeCloseTo(
      9.3419 - 0.0024 * ga,
      9,
    );
    o.expectNoErrors();
  } finally {
    await other.close();
  }
  await lesson.byTestId('schedule-select').selectOption('exponential');
  await expect(lesson.byTestId('schedule-rate')).toHaveCount(0);
  await expect(lesson.byTestId('schedule-factor')).toHaveValue('0.95');
  lesson.expectNoErrors();
});
