import { expect, test } from '../lesson-test';

// Issue 14, item 10: descent that stops at a local minimum says so. On the lecture's
// second example (ŷ = a·x + b − 2a², b = 2) descent from a = 0.5 ends at a ≈ 0.2423,
// while the loss chart labels a ≈ −0.25 as the global minimum.

test('descent that ends at the local minimum 0.2423 says “local” and where the lower one is', async ({
  lesson,
}) => {
  await lesson.selectPreset('local-minima');
  await lesson.setSpeed(60);
  await lesson.play();
  await lesson.waitForOutcome(/Converged/, 40_000);
  await expect(lesson.paramField()).toHaveValue(/^0\.242/);
  const status = lesson.status();
  await expect(status).toContainText('Converged at a local minimum');
  await expect(status).toContainText('A lower minimum lies at a = \u22120.25');
  await expect(status).not.toContainText('the minimum is reached');
});

test('descent that ends at the lowest minimum still says “the minimum is reached”', async ({
  lesson,
}) => {
  await lesson.selectPreset('local-minima');
  await lesson.setA('-0.5');
  await lesson.setSpeed(60);
  await lesson.play();
  await lesson.waitForOutcome(/Converged/, 40_000);
  await expect(lesson.status()).toContainText('Converged: the minimum is reached');
  await expect(lesson.status()).not.toContainText('local');
});
