import { expect, test } from '../lesson-test';
import {
  expectDescentDisabled,
  expectNoPanic,
  expectSaved,
  expectStepMovesA,
  screenshotBadState,
} from './support';

// γ typed by hand. A γ that is not a positive number flags the field and disables Step
// and Play with a message; a valid γ far above the limit (1/Σx² ≈ 0.008048 for the
// lecture) is allowed — that is the lesson — and the run stops by itself with a message.

const INVALID_GAMMA = 'The learning rate γ must be a positive number, such as 0.003.';

const invalid: Array<[string, string]> = [
  ['zero', '0'],
  ['negative', '-0.003'],
  ['negative with a Unicode minus', '−1'],
  ['letters', 'fast'],
  ['so small it rounds to 0', '1e-400'],
  ['NaN', 'NaN'],
];

for (const [what, text] of invalid) {
  test(`γ ${what} (${text}) is flagged, kept, and disables Step and Play`, async ({ lesson }) => {
    const field = lesson.byTestId('learning-rate');
    await lesson.setLearningRate(text);
    await expect(field).toHaveValue(text);
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(lesson.status()).toContainText(INVALID_GAMMA);
    await expectDescentDisabled(lesson);
    if (text === '0') await screenshotBadState(lesson, 'gamma-0');
    // The page still answers: a valid γ brings Step back.
    await lesson.setLearningRate('0,003');
    await expect(field).toHaveAttribute('aria-invalid', 'false');
    await expect(lesson.status()).not.toContainText(INVALID_GAMMA);
    await expectStepMovesA(lesson);
    await expectNoPanic(lesson);
  });
}

test('γ = 10 is allowed with a warning; stepping on and on stops at a saveable lesson', async ({
  lesson,
  page,
}) => {
  await lesson.setLearningRate('10');
  await expect(lesson.byTestId('learning-rate')).toHaveValue('10');
  await expect(lesson.byTestId('learning-rate')).toHaveAttribute('aria-invalid', 'false');
  await expect(lesson.learningRateLimit()).toHaveClass(/warning/);
  await expect(lesson.learningRateLimit()).toContainText('γ must be below 0.00804829');
  await expectStepMovesA(lesson);
  await expectStepMovesA(lesson);
  await expectStepMovesA(lesson);
  await expect(lesson.status()).toContainText('γ is too large');
  // A student who keeps clicking: each step overshoots 2484 times further, until the
  // next one would carry a beyond ±10¹², which is refused with a message.
  for (let i = 0; i < 4; i++) await lesson.step();
  await expect(lesson.status()).toContainText('The numbers became too large to compute');
  const shown = await lesson.paramValue();
  expect(Math.abs(shown)).toBeGreaterThan(1e9);
  expect(Math.abs(shown)).toBeLessThanOrEqual(1e12);
  // The diverged lesson is saved and comes back after a reload, not "could not be read".
  await expectSaved(page, (json) => JSON.parse(json).params[0] === shown);
  await page.reload();
  await expect(lesson.byTestId('notice')).toHaveCount(0);
  await expect.poll(() => lesson.paramValue()).toBe(shown);
  await expectNoPanic(lesson);
});

test('γ = 1e300 keeps its text; the step it would take is refused with a message', async ({
  lesson,
}) => {
  await lesson.setLearningRate('1e300');
  await expect(lesson.byTestId('learning-rate')).toHaveValue('1e300');
  await expect(lesson.learningRateLimit()).toHaveClass(/warning/);
  await lesson.step();
  await expect(lesson.status()).toContainText(
    'The numbers became too large to compute. Press Reset and choose a smaller γ.',
  );
  await expect(lesson.paramField()).toHaveAttribute('data-value', '8');
  await lesson.expectLoss('402.57');
  // The page still answers: a sane γ steps again.
  await lesson.setLearningRate('0.003');
  await expectStepMovesA(lesson);
  await expect(lesson.paramField()).toHaveValue('9.3419');
  await expectNoPanic(lesson);
});

test('Play at γ = 1 (124 times the limit) stops by itself and says γ is too large', async ({
  lesson,
}) => {
  await lesson.setSpeed(60);
  await lesson.setLearningRate('1');
  await lesson.play();
  await lesson.waitForOutcome(/γ is too large: each step overshoots the minimum/);
  await expect(lesson.status()).toContainText('Choose γ below 0.00804829.');
  await expect(lesson.playButton()).toHaveText('Play');
  await expect(lesson.byTestId('learning-rate')).toHaveValue('1');
  await expect(lesson.historyRows()).toHaveCount(3);
  await expectNoPanic(lesson);
});

test('Play at γ = 1e6 stops at the bound and survives a reload', async ({
  lesson,
  page,
}) => {
  await lesson.setSpeed(60);
  await lesson.setLearningRate('1e6');
  await lesson.play();
  await lesson.waitForOutcome(/The numbers became too large to compute/);
  await expect(lesson.byTestId('learning-rate')).toHaveValue('1e6');
  expect(Math.abs(await lesson.paramValue())).toBeLessThanOrEqual(1e12);
  await expectSaved(page, (json) => json.includes('"learning_rate":1000000'));
  await page.reload();
  await expect(lesson.byTestId('notice')).toHaveCount(0);
  await expect(lesson.byTestId('learning-rate')).toHaveValue('1000000');
  await lesson.reset();
  await expect(lesson.paramField()).toHaveValue('8');
  await expectNoPanic(lesson);
});
