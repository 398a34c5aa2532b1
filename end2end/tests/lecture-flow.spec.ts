import { expect, test } from './lesson-test';

// The lecture, as a lecturer teaches it from the projector: the figures of
// ../shared/LECTURE.md must appear exactly, with U+2212 as the minus sign, and the full
// values must be readable from `data-value`.

const MINUS = '\u2212';

test.beforeEach(async ({ lesson }) => {
  await lesson.selectPreset('lecture');
  await lesson.setSpeed(60);
});

test('the whole lecture flow: a = 8, one step, undo, converge at 9.8, diverge at γ = 0.01', async ({
  lesson,
}) => {
  await lesson.setA('8');
  await lesson.expectLoss('402.57');
  await lesson.expectGradient(`${MINUS}447.3`);

  await lesson.step();
  await expect(lesson.paramField()).toHaveValue('9.3419');
  await lesson.undo();
  await expect(lesson.paramField()).toHaveValue('8');
  await lesson.expectLoss('402.57');

  await lesson.play();
  await lesson.waitForOutcome(/Converged/);
  expect(Math.abs((await lesson.paramValue()) - 9.8)).toBeLessThan(1e-6);

  // At the minimum every γ stays put (the gradient is 0), so the lecturer goes back to
  // the start before showing what a too large γ does.
  await lesson.reset();
  await expect(lesson.paramField()).toHaveValue('8');
  await lesson.setLearningRate('0.01');
  await lesson.play();
  await lesson.waitForOutcome(/γ is too large/);
  await expect(lesson.status()).toContainText('0.00804829');
  await expect(lesson.playButton()).toHaveText('Play');
  await expect(lesson.stepButton()).toBeEnabled();
});

test('at a = 8 the readouts show L = 402.57 and ∂L/∂a = −447.3, with full values in data-value', async ({
  lesson,
}) => {
  await lesson.setA('8');
  await lesson.expectLoss('402.57');
  await lesson.expectGradient(`${MINUS}447.3`);
  const loss = await lesson.readLoss();
  const gradient = await lesson.readGradient();
  expect(loss.value).toBeCloseTo(402.57, 9);
  expect(gradient.value).toBeCloseTo(-447.3, 9);
});

test('the lecture table of L and ∂L/∂a: a = 5, 9, 9.8, 10 and 11.5 (also typed as 11,5)', async ({
  lesson,
}) => {
  const figures: Array<[string, string, string, number, number]> = [
    ['5', '2862.72', `${MINUS}1192.8`, 2862.72, -1192.8],
    ['9', '79.52', `${MINUS}198.8`, 79.52, -198.8],
    ['10', '4.97', '49.7', 4.97, 49.7],
    ['11.5', '359.0825', '422.45', 359.0825, 422.45],
    ['11.5', '359.0825', '422.45', 359.0825, 422.45],
  ];
  for (const [a, lossText, gradientText, loss, gradient] of figures) {
    await lesson.setA(a);
    await lesson.expectLoss(lossText);
    await lesson.expectGradient(gradientText);
    expect((await lesson.readLoss()).value, `L(${a})`).toBeCloseTo(loss, 9);
    expect((await lesson.readGradient()).value, `∂L/∂a(${a})`).toBeCloseTo(gradient, 9);
  }
  // At the minimum both vanish (to rounding).
  await lesson.setA('9.8');
  expect((await lesson.readLoss()).value).toBeCloseTo(0, 9);
  expect((await lesson.readGradient()).value).toBeCloseTo(0, 9);
});

test('Step from a = 8 takes exactly one step to 9.3419 and writes it in the history', async ({
  lesson,
}) => {
  await lesson.setA('8');
  await expect(lesson.historyRows()).toHaveCount(0);

  await lesson.step();
  await expect(lesson.paramField()).toHaveValue('9.3419');
  expect(await lesson.paramValue()).toBeCloseTo(9.3419, 12);
  await expect(lesson.historyRows()).toHaveCount(1);
  await expect(lesson.historyCell(0, 'k')).toHaveText('1');
  await expect(lesson.historyCell(0, 'a')).toHaveText('8');
  await expect(lesson.historyCell(0, 'L')).toHaveText('402.57');
  await expect(lesson.historyCell(0, 'dL')).toHaveText(`${MINUS}447.3`);
  await expect(lesson.historyCell(0, 'next')).toHaveText('9.3419');
  const next = Number(await lesson.historyCell(0, 'next').getAttribute('data-value'));
  expect(next).toBeCloseTo(9.3419, 12);

  // The lecture's sequence: 8 → 9.3419 → 9.683414 → 9.770329.
  await lesson.step();
  await expect(lesson.paramField()).toHaveValue('9.683414');
  expect(await lesson.paramValue()).toBeCloseTo(9.683414, 6);
  await lesson.step();
  await expect(lesson.paramField()).toHaveValue('9.770329');
  expect(await lesson.paramValue()).toBeCloseTo(9.770329, 6);
  await expect(lesson.historyRows()).toHaveCount(3);
});

test('Undo takes back one step and Reset goes back to the start value', async ({ lesson }) => {
  await lesson.setA('8');
  await lesson.step();
  await lesson.step();
  await expect(lesson.historyRows()).toHaveCount(2);

  await lesson.undo();
  await expect(lesson.paramField()).toHaveValue('9.3419');
  await expect(lesson.historyRows()).toHaveCount(1);
  await lesson.undo();
  await expect(lesson.paramField()).toHaveValue('8');
  await expect(lesson.historyRows()).toHaveCount(0);
  await lesson.expectLoss('402.57');
  await expect(lesson.byTestId('undo-button')).toBeDisabled();

  await lesson.step();
  await lesson.step();
  await lesson.reset();
  await expect(lesson.paramField()).toHaveValue('8');
  await expect(lesson.historyRows()).toHaveCount(0);
});

test('Play runs until it converges at a = 9.8 and then stops by itself', async ({ lesson }) => {
  await lesson.setA('8');
  await lesson.play();
  await lesson.waitForOutcome(/Converged/);
  await expect(lesson.playButton()).toHaveText('Play');
  expect(Math.abs((await lesson.paramValue()) - 9.8)).toBeLessThan(1e-6);
  expect((await lesson.readLoss()).value).toBeLessThan(1e-9);
  // Every step is in the history; the lecture's factor 0.2545 needs about twenty.
  const steps = await lesson.historyRows().count();
  expect(steps).toBeGreaterThan(5);
  expect(steps).toBeLessThan(100);
});

test('at γ = 0.01, above the limit, Play stops by itself and says in words that it diverged', async ({
  lesson,
}) => {
  await lesson.setA('8');
  await lesson.setLearningRate('0.01');
  await lesson.play();
  await lesson.waitForOutcome(/diverge|too large/i);
  const status = await lesson.statusText();
  expect(status).toContain('γ');
  expect(status).toContain('0.00804829');
  // The run moved away from the minimum: |a − 9.8| grew from 1.8.
  expect(Math.abs((await lesson.paramValue()) - 9.8)).toBeGreaterThan(1.8);
  await expect(lesson.playButton()).toHaveText('Play');
});

test('the worked arithmetic shows the slides’ sum, the update and the sign rule with live numbers', async ({
  lesson,
}) => {
  await lesson.setA('8');
  await expect(lesson.workedSum()).toHaveText(
    `L = (19.6 ${MINUS} 8·2)² + (44.1 ${MINUS} 8·4.5)² + (98 ${MINUS} 8·10)² = 402.57`,
  );
  await expect(lesson.workedUpdate()).toHaveText(
    `a := 8 ${MINUS} 0.003 · (${MINUS}447.3) = 9.3419`,
  );
  await expect(lesson.signRule()).toHaveText('∂L/∂a < 0, so a grows.');

  // Past the minimum the sign flips, and the rule with it.
  await lesson.setA('11.5');
  await expect(lesson.workedSum()).toHaveText(
    `L = (19.6 ${MINUS} 11.5·2)² + (44.1 ${MINUS} 11.5·4.5)² + (98 ${MINUS} 11.5·10)² = 359.0825`,
  );
  await expect(lesson.workedUpdate()).toHaveText(
    `a := 11.5 ${MINUS} 0.003 · 422.45 = 10.23265`,
  );
  await expect(lesson.signRule()).toHaveText('∂L/∂a > 0, so a shrinks.');
});

test('the γ limit 0.00804829 is shown, and warns only while γ exceeds it', async ({ lesson }) => {
  const limit = lesson.learningRateLimit();
  await expect(limit).toContainText('0.00804829');
  await expect(limit).not.toHaveClass(/warning/);

  await lesson.setLearningRate('0.008');
  await expect(limit).not.toHaveClass(/warning/);
  await lesson.setLearningRate('0.00805');
  await expect(limit).toHaveClass(/warning/);
  await lesson.setLearningRate('0.01');
  await expect(limit).toHaveClass(/warning/);
  await lesson.setLearningRate('0.003');
  await expect(limit).not.toHaveClass(/warning/);
});
