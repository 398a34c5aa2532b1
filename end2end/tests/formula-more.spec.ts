import type { Locator } from '@playwright/test';
import { expect, test } from './lesson-test';
import type { LessonPage } from './lesson-page';

// Issue 11, continued: a formula typed with a decimal comma in Lithuanian keeps working
// when the interface switches to English (and the other way); the loss map hatches where
// a formula is not defined; a typed a*x + b races exactly as the built-in ŷ = a·x + b
// (OPTIMIZERS.md's figures).

async function ownFormula(lesson: LessonPage): Promise<void> {
  await lesson.byTestId('model-select').selectOption('formula');
  await expect(lesson.byTestId('formula-input')).toBeVisible();
}

function raceRow(lesson: LessonPage, id: string): Locator {
  return lesson.byTestId(`race-${id}`);
}

test.beforeEach(async ({ lesson }) => {
  await lesson.selectPreset('lecture');
});

test('a decimal comma typed in Lithuanian reads 2.5 in English, and back', async ({ lesson }) => {
  await lesson.byTestId('language-select').selectOption('lt');
  await ownFormula(lesson);
  const field = lesson.byTestId('formula-input');
  await field.fill('2,5*a*x');
  await expect(lesson.byTestId('formula-error')).toHaveCount(0);
  await expect(lesson.byTestId('derivative-a')).toHaveText('∂ŷ/∂a = 2,5x');
  const lithuanian = await lesson.readLoss();
  await lesson.byTestId('language-select').selectOption('en');
  // The same formula, written the English way: nothing flagged, the same L.
  await expect(field).toHaveValue('2.5*a*x');
  await expect(lesson.byTestId('formula-error')).toHaveCount(0);
  await expect(lesson.byTestId('derivative-a')).toHaveText('∂ŷ/∂a = 2.5x');
  expect((await lesson.readLoss()).value).toBe(lithuanian.value);
  // Edited in English, it keeps working; the run is not reset by the language.
  await lesson.step();
  await expect(lesson.historyRows()).toHaveCount(1);
  await field.fill('2.5*a*x + b');
  await expect(lesson.byTestId('formula-error')).toHaveCount(0);
  await expect(lesson.byTestId('derivative-b')).toHaveText('∂ŷ/∂b = 1');
  // Typed in English, shown with a comma in Lithuanian, and still no error.
  await lesson.byTestId('language-select').selectOption('lt');
  await expect(field).toHaveValue('2,5*a*x + b');
  await expect(lesson.byTestId('formula-error')).toHaveCount(0);
  await field.fill('2,5*a*x + b - 0,5');
  await expect(lesson.byTestId('formula-error')).toHaveCount(0);
  await lesson.byTestId('language-select').selectOption('en');
  await expect(field).toHaveValue('2.5*a*x + b - 0.5');
  await expect(lesson.byTestId('formula-error')).toHaveCount(0);
  lesson.expectNoErrors();
});

test('the loss map hatches where the formula is not defined', async ({ lesson }) => {
  await lesson.selectPreset('lecture-ab');
  await ownFormula(lesson);
  await lesson.byTestId('formula-input').fill('ln(a*x) + b');
  const map = lesson.byTestId('chart-surface');
  await expect(map).toBeVisible();
  // Around the start (8, 0) every cell is defined.
  await expect(map).toHaveAttribute('data-undefined', '0');
  // Put a below 0: the map widens to hold it, and ln(a·x) is not defined for a ≤ 0.
  await lesson.setParam('a', '-4');
  await expect(map).not.toHaveAttribute('data-undefined', '0');
  const undefinedCells = Number(await map.getAttribute('data-undefined'));
  const [columns, rows] = ((await map.getAttribute('data-grid')) ?? '0x0').split('x').map(Number);
  expect(undefinedCells).toBeGreaterThan(0);
  expect(undefinedCells).toBeLessThan(columns * rows);
  await expect(lesson.byTestId('loss-value')).toHaveText('not defined here');
  lesson.expectNoErrors();
});

test('a typed a*x + b races as the built-in ŷ = a·x + b', async ({ lesson }) => {
  await lesson.selectPreset('lecture-ab');
  await lesson.byTestId('optimizer-momentum').check();
  await lesson.step();
  await lesson.step();
  const builtIn: Record<string, (string | null)[]> = {};
  for (const id of ['gd', 'momentum']) {
    builtIn[id] = await Promise.all(
      ['a', 'b', 'loss'].map((k) => raceRow(lesson, id).getAttribute(`data-${k}`)),
    );
  }
  // OPTIMIZERS.md: momentum after two steps from (8, 0) at γ = 0.003.
  expect(Number(builtIn.momentum[0])).toBeCloseTo(10.87348175, 8);
  expect(Number(builtIn.momentum[1])).toBeCloseTo(0.3807243, 7);

  await lesson.selectPreset('lecture-ab');
  await ownFormula(lesson);
  await lesson.byTestId('formula-input').fill('a*x + b');
  await expect(lesson.byTestId('formula-error')).toHaveCount(0);
  await lesson.byTestId('optimizer-momentum').check();
  await expect(raceRow(lesson, 'momentum')).toHaveAttribute('data-step', '0');
  await expect(raceRow(lesson, 'momentum')).toHaveAttribute('data-a', '8');
  await lesson.step();
  // Step 1: (9.3419, 0.1782), as the built-in model.
  expect(Number(await raceRow(lesson, 'momentum').getAttribute('data-a'))).toBeCloseTo(9.3419, 9);
  expect(Number(await raceRow(lesson, 'momentum').getAttribute('data-b'))).toBeCloseTo(0.1782, 9);
  await lesson.step();
  for (const id of ['gd', 'momentum']) {
    await expect(raceRow(lesson, id)).toHaveAttribute('data-step', '2');
    // The same numbers to the last digit written.
    await expect(raceRow(lesson, id)).toHaveAttribute('data-a', builtIn[id][0] ?? '');
    await expect(raceRow(lesson, id)).toHaveAttribute('data-b', builtIn[id][1] ?? '');
    await expect(raceRow(lesson, id)).toHaveAttribute('data-loss', builtIn[id][2] ?? '');
  }
  lesson.expectNoErrors();
});
