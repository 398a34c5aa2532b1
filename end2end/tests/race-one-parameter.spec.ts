import type { Page } from '@playwright/test';
import { chartPicture, devicePixelOf } from './chart-picture';
import { expect, test } from './lesson-test';

// Issue 10, the race beyond the surface: each racer's path on the one-parameter loss curve
// (the lecture's ŷ = a·x), and each optimizer's γ limit beside its fields, with a warning
// before any step when γ reaches it. Figures from LECTURE.md and OPTIMIZERS.md.

/** Pixels within `half` CSS pixels of data point (a, L) on the loss chart whose colour is
 *  within 40 of `rgb` in every channel. */
async function pixelsNear(
  page: Page,
  a: number,
  loss: number,
  rgb: [number, number, number],
  half = 6,
): Promise<number> {
  const { px, py, ratio } = await devicePixelOf(page, 'chart-loss', [a, loss]);
  const r = Math.round(half * ratio);
  const data = (await chartPicture(page, 'chart-loss', [
    Math.round(px) - r,
    Math.round(py) - r,
    2 * r + 1,
    2 * r + 1,
  ])) as number[];
  let count = 0;
  for (let i = 0; i < data.length; i += 4) {
    const close = [0, 1, 2].every((k) => Math.abs(data[i + k] - rgb[k]) <= 40);
    if (close) count++;
  }
  return count / (ratio * ratio);
}

const BLUE: [number, number, number] = [0x00, 0x72, 0xb2];

test('ŷ = a·x: each racer leaves its own path on the loss curve', async ({ lesson, page }) => {
  await lesson.byTestId('optimizer-gd').check();
  await lesson.byTestId('optimizer-momentum').check();
  await expect(lesson.byTestId('chart-surface')).toBeHidden();
  // Momentum's second step by hand (torch's heavy ball, β = 0.9, γ = 0.003): v = 0.9·(−447.3)
  // + ∂L/∂a(9.3419) = −516.40785, a = 9.3419 + 0.003·516.40785 = 10.89112355, past the
  // minimum 9.8, where L = 124.25·(a − 9.8)² ≈ 147.926.
  const [a2, l2] = [10.89112355, 124.25 * (10.89112355 - 9.8) ** 2];
  const before = await pixelsNear(page, a2, l2, BLUE);
  await lesson.step();
  await lesson.step();
  const row = lesson.byTestId('race-momentum');
  expect(Number(await row.getAttribute('data-a'))).toBeCloseTo(a2, 9);
  expect(Number(await row.getAttribute('data-loss'))).toBeCloseTo(l2, 6);
  // GD's second step is the lecture's 9.683414.
  expect(Number(await lesson.byTestId('race-gd').getAttribute('data-a'))).toBeCloseTo(9.683414, 6);
  // Momentum's last point is a blue square on the curve: far more of its blue there now than
  // the curve's own line gave before (a 12 px square less where the curve crosses it).
  await expect
    .poll(async () => (await pixelsNear(page, a2, l2, BLUE)) - before)
    .toBeGreaterThan(30);
  await lesson.screenshot('race-one-parameter-loss-paths');
  lesson.expectNoErrors();
});

test('lecture-ab: each optimizer shows its γ limit and warns before a step beyond it', async ({
  lesson,
}) => {
  await lesson.selectPreset('lecture-ab');
  await lesson.byTestId('optimizer-nesterov').check();
  await lesson.byTestId('optimizer-adam').check();
  // 2/λmax with λmax ≈ 252.9105 of the Hessian [[248.5, 33], [33, 6]]: 0.00791 (OPTIMIZERS.md);
  // momentum 2(1 + 0.9)/λmax ≈ 0.015025; Nesterov 2·1.9/(2.8·λmax) ≈ 0.005366; written with
  // the digits the lesson's own γ limit has (0.00804829).
  await expect(lesson.byTestId('lr-limit-gd')).toHaveText('stable for γ < 0.007907936');
  await expect(lesson.byTestId('lr-limit-momentum')).toHaveText('stable for γ < 0.01502508');
  await expect(lesson.byTestId('lr-limit-nesterov')).toHaveText('stable for γ < 0.005366099');
  // Adam adapts its step: no fixed limit to show.
  await expect(lesson.byTestId('lr-limit-adam')).toBeHidden();
  for (const id of ['gd', 'momentum', 'nesterov', 'adam']) {
    await expect(lesson.byTestId(`lr-warning-${id}`)).toBeHidden();
  }
  // γ = 0.008 for GD: above its limit. A warning at once, nothing stepped, the text kept.
  await lesson.byTestId('lr-gd').fill('0.008');
  await expect(lesson.byTestId('lr-warning-gd')).toBeVisible();
  await expect(lesson.byTestId('lr-warning-gd')).toHaveText(
    'Gradient descent: γ = 0.008 is not below its limit 0.007907936; each step will overshoot further and it will diverge.',
  );
  await expect(lesson.byTestId('lr-limit-gd')).toHaveClass(/warning/);
  await expect(lesson.byTestId('lr-gd')).toHaveValue('0.008');
  await expect(lesson.byTestId('race-gd')).toHaveAttribute('data-step', '0');
  // A warning, not a refusal: the step is taken with γ = 0.008 (a = 8 + 0.008·447.3).
  await lesson.step();
  expect(Number(await lesson.byTestId('race-gd').getAttribute('data-a'))).toBeCloseTo(11.5784, 9);
  // Back below the limit: the warning goes.
  await lesson.byTestId('lr-gd').fill('0.007');
  await expect(lesson.byTestId('lr-warning-gd')).toBeHidden();
  // Momentum's limit follows β: with β = 0 it is plain descent's.
  await lesson.byTestId('beta-momentum').fill('0');
  await expect(lesson.byTestId('lr-limit-momentum')).toHaveText('stable for γ < 0.007907936');
  // In Lithuanian, with a decimal comma.
  await lesson.byTestId('language-select').selectOption('lt');
  await expect(lesson.byTestId('lr-limit-gd')).toHaveText('stabilu, kai γ < 0,007907936');
  await lesson.byTestId('lr-nesterov').fill('0,006');
  await expect(lesson.byTestId('lr-warning-nesterov')).toContainText(
    'Nesterovo inercija: γ = 0,006 ne mažesnis už ribą 0,005366099',
  );
  lesson.expectNoErrors();
});

test('ŷ = a·x: the limit is the lecture’s 1/Σx² ≈ 0.00804829; momentum’s 1.9/Σx²', async ({ lesson }) => {
  await lesson.byTestId('optimizer-gd').check();
  await expect(lesson.byTestId('lr-limit-gd')).toHaveText('stable for γ < 0.00804829');
  await lesson.byTestId('optimizer-momentum').check();
  await expect(lesson.byTestId('lr-limit-momentum')).toHaveText('stable for γ < 0.01529175');
  lesson.expectNoErrors();
});
