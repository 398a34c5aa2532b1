import { expect, test } from './lesson-test';

// The model and loss pickers: every loss of the lecture on its table, the two-parameter
// model with its b, and the non-convex example whose descent ends in one of two minima
// depending on where a starts.

const MINUS = '\u2212';

test.beforeEach(async ({ lesson }) => {
  await lesson.selectPreset('lecture');
  await lesson.setSpeed(60);
});

test('the loss picker: L1 at a = 8 is 29.7, MSE is 134.19, L2 is 402.57', async ({ lesson }) => {
  await lesson.setA('8');
  await expect(lesson.byTestId('loss-select')).toHaveValue('l2');
  await lesson.expectLoss('402.57');

  await lesson.selectLoss('l1');
  await lesson.expectLoss('29.7');
  expect((await lesson.readLoss()).value).toBeCloseTo(29.7, 9);
  await expect(lesson.byTestId('loss-formula')).toHaveText(`L = Σ |y ${MINUS} ŷ|`);
  await expect(lesson.workedSum()).toHaveText(
    `L = |19.6 ${MINUS} 8·2| + |44.1 ${MINUS} 8·4.5| + |98 ${MINUS} 8·10| = 29.7`,
  );
  // Every residual is positive, so ∂L/∂a = −Σx = −16.5.
  await lesson.expectGradient(`${MINUS}16.5`);

  await lesson.selectLoss('mse');
  await lesson.expectLoss('134.19');
  expect((await lesson.readLoss()).value).toBeCloseTo(402.57 / 3, 9);
  await lesson.expectGradient(`${MINUS}149.1`);

  await lesson.selectLoss('l2');
  await lesson.expectLoss('402.57');
  await lesson.expectGradient(`${MINUS}447.3`);
});

test('gradient descent on the MSE converges to the same a = 9.8', async ({ lesson }) => {
  await lesson.setA('8');
  await lesson.selectLoss('mse');
  await lesson.play();
  await lesson.waitForOutcome(/Converged/);
  expect(Math.abs((await lesson.paramValue()) - 9.8)).toBeLessThan(1e-6);
});

test('the model ŷ = a·x + b adds a slider, a field and a derivative for b', async ({ lesson }) => {
  await expect(lesson.paramField('b')).toHaveCount(0);
  await lesson.selectModel('affine');
  await expect(lesson.byTestId('model-select')).toHaveValue('affine');
  await expect(lesson.paramField('b')).toBeVisible();
  await expect(lesson.byTestId('slider-b')).toBeVisible();
  await expect(lesson.byTestId('gradient-value-1')).toBeVisible();
  await expect(lesson.byTestId('freeze-b')).not.toBeChecked();

  await lesson.setA('8');
  await lesson.setParam('b', '0');
  await lesson.expectLoss('402.57');
  await lesson.setParam('b', '1');
  // (3.6 − 1)² + (8.1 − 1)² + (18 − 1)² = 6.76 + 50.41 + 289
  await lesson.expectLoss('346.17');
  await expect(lesson.workedSum()).toContainText('(8·2 + 1)');

  // Fixing b hides its slider and its derivative, and keeps its value.
  await lesson.byTestId('freeze-b').check();
  await expect(lesson.byTestId('slider-b')).toHaveCount(0);
  await expect(lesson.byTestId('gradient-value-1')).toHaveCount(0);
  await expect(lesson.paramField('b')).toHaveValue('1');
  await lesson.expectLoss('346.17');
});

test('the non-convex example: from a = 0.5 descent ends in the local minimum near 0.242', async ({
  lesson,
}) => {
  await lesson.selectPreset('local-minima');
  await lesson.setSpeed(60);
  await expect(lesson.paramField()).toHaveValue('0.5');
  await lesson.play();
  await lesson.waitForOutcome(/Converged/);
  const a = await lesson.paramValue();
  expect(Math.abs(a - 0.24226), `a = ${a}`).toBeLessThan(1e-3);
  expect((await lesson.readLoss()).value).toBeCloseTo(0.02602, 4);
});

test('the non-convex example: from a = −0.1 descent finds the global minimum near −0.25', async ({
  lesson,
}) => {
  await lesson.selectPreset('local-minima');
  await lesson.setSpeed(60);
  await lesson.setA('-0.1');
  await lesson.play();
  await lesson.waitForOutcome(/Converged/);
  const a = await lesson.paramValue();
  expect(Math.abs(a + 0.25), `a = ${a}`).toBeLessThan(1e-3);
  expect((await lesson.readLoss()).value).toBeCloseTo(0.01125, 4);
  // b stayed fixed at 2 throughout.
  await expect(lesson.paramField('b')).toHaveValue('2');
});
