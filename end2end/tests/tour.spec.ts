import type { Page } from '@playwright/test';
import { expect, test } from './lesson-test';
import type { LessonPage } from './lesson-page';
import { MINUS, expectCells, expectSavedContaining, releaseFocus } from './classroom/classroom';

// The lecture as a walkthrough (src/walkthrough.rs over descent-core's tour): a clicker
// alone gives the whole lecture, each scene sets the app up as its slide needs, and the
// figures on screen are the lecture's.

const SCENES = 13;

/** The caption bar. */
function caption(lesson: LessonPage) {
  return lesson.byTestId('tour-caption');
}

/** Presses PageDown until the caption bar shows scene `scene` (1-based). */
async function clickTo(page: Page, lesson: LessonPage, scene: number): Promise<void> {
  for (let i = 0; i < 60; i++) {
    const now = Number(await caption(lesson).getAttribute('data-scene'));
    if (now >= scene) break;
    await page.keyboard.press('PageDown');
  }
  await expect(caption(lesson)).toHaveAttribute('data-scene', String(scene));
}

/**
 * One clicker press in a stepping scene: waits until its step is in the history, so the
 * status read next belongs to it. Returns false when the press left the scene instead.
 */
async function clickStep(page: Page, lesson: LessonPage): Promise<boolean> {
  const scene = await caption(lesson).getAttribute('data-scene');
  const before = await lesson.historyRows().count();
  await page.keyboard.press('PageDown');
  await expect
    .poll(async () =>
      (await caption(lesson).getAttribute('data-scene')) !== scene ||
      (await lesson.historyRows().count()) > before,
    )
    .toBe(true);
  return (await caption(lesson).getAttribute('data-scene')) === scene;
}

/** Steps a stepping scene until the status says `outcome`; fails after `limit` steps. */
async function stepUntil(page: Page, lesson: LessonPage, outcome: RegExp, limit: number) {
  for (let i = 0; i < limit; i++) {
    if (outcome.test(await lesson.statusText())) return;
    expect(await clickStep(page, lesson), 'still in the scene').toBe(true);
  }
  await expect(lesson.status()).toContainText(outcome);
}

async function startTour(page: Page, lesson: LessonPage): Promise<void> {
  await lesson.byTestId('tour-button').click();
  await expect(caption(lesson)).toHaveAttribute('data-scene', '1');
  await expect(caption(lesson)).toHaveAttribute('data-count', String(SCENES));
  await releaseFocus(page);
}

test('the whole lecture with the clicker alone, figures on screen', async ({ lesson, page }) => {
  await startTour(page, lesson);
  await expect(caption(lesson)).toContainText('which y = ?');
  await expect(caption(lesson)).toContainText('1 / 13');

  // Scene 2: the guesses a = 5, 12, 10.
  await page.keyboard.press('PageDown');
  await expect(caption(lesson)).toHaveAttribute('data-scene', '2');
  await expect(lesson.paramField()).toHaveValue('5');
  await expect(lesson.lossValue()).toHaveText('2862.72');
  await page.keyboard.press('PageDown');
  await expect(lesson.paramField()).toHaveValue('12');
  await page.keyboard.press('PageDown');
  await expect(lesson.paramField()).toHaveValue('10');

  // Scene 3: the reveal renames the columns m and F.
  await page.keyboard.press('PageDown');
  await expect(caption(lesson)).toHaveAttribute('data-scene', '3');
  await expect(lesson.byTestId('label-x')).toHaveValue('m');
  await expect(lesson.byTestId('label-y')).toHaveValue('F');

  // Scene 5: y − ŷ, then the L1 loss 29.7 at a = 8, then the squares and L = 402.57.
  await clickTo(page, lesson, 5);
  await page.keyboard.press('PageDown');
  await expect(lesson.lossValue()).toHaveText('29.7');
  await page.keyboard.press('PageDown');
  await page.keyboard.press('PageDown');
  await expect(caption(lesson)).toContainText('L2 loss');
  await expect(lesson.lossValue()).toHaveText('402.57');

  // Scene 6: worked by hand, 402.57 → 79.52 → 4.97.
  await page.keyboard.press('PageDown');
  await expect(caption(lesson)).toHaveAttribute('data-scene', '6');
  await expect(lesson.workedSum()).toContainText('402.57');
  await page.keyboard.press('PageDown');
  await expect(lesson.workedSum()).toContainText('79.52');
  await page.keyboard.press('PageDown');
  await expect(lesson.workedSum()).toContainText('4.97');

  // Scene 8: the derivative at 8 and at 11.5.
  await clickTo(page, lesson, 8);
  await expect(lesson.gradientValue()).toHaveText(`${MINUS}447.3`);
  await page.keyboard.press('PageDown');
  await expect(lesson.lossValue()).toHaveText('359.0825');
  await expect(lesson.gradientValue()).toHaveText('422.45');

  // Scene 10: one step per click, 8 → 9.3419 → 9.683414 …, until converged at 9.8.
  await clickTo(page, lesson, 10);
  await expect(lesson.paramField()).toHaveValue('8');
  await clickStep(page, lesson);
  await expect(lesson.paramField()).toHaveValue('9.3419');
  await clickStep(page, lesson);
  await expect(lesson.paramField()).toHaveValue('9.683414');
  await stepUntil(page, lesson, /converged|minimum/i, 40);
  await expect(caption(lesson)).toHaveAttribute('data-scene', '10');
  await expect(lesson.paramField()).toHaveValue('9.8');

  // Scene 11: γ = 0.01 diverges and stops on its own.
  await page.keyboard.press('PageDown');
  await expect(caption(lesson)).toHaveAttribute('data-scene', '11');
  await expect(lesson.byTestId('learning-rate')).toHaveValue('0.01');
  await stepUntil(page, lesson, /too large|diverg/i, 10);
  await expect(caption(lesson)).toHaveAttribute('data-scene', '11');

  // Scene 12: from 0.5 the local minimum 0.2423…, then from −0.5 the global −0.25.
  await page.keyboard.press('PageDown');
  await expect(caption(lesson)).toHaveAttribute('data-scene', '12');
  await expect.poll(() => lesson.paramValue()).toBe(0.5);
  await stepUntil(page, lesson, /converged|minimum/i, 400);
  expect(await lesson.paramValue()).toBeCloseTo(0.2423, 3);
  await page.keyboard.press('PageDown');
  await expect.poll(() => lesson.paramValue()).toBe(-0.5);
  await stepUntil(page, lesson, /converged|minimum/i, 400);
  expect(await lesson.paramValue()).toBeCloseTo(-0.25, 3);

  // Scene 13, the recap; one more "next" stays there.
  await page.keyboard.press('PageDown');
  await expect(caption(lesson)).toHaveAttribute('data-scene', '13');
  await page.keyboard.press('PageDown');
  await expect(caption(lesson)).toHaveAttribute('data-scene', '13');
});

test('Back through a stepping scene undoes its steps, then leaves it', async ({ lesson, page }) => {
  await page.goto('/#tour=10');
  await expect(caption(lesson)).toHaveAttribute('data-scene', '10');
  await releaseFocus(page);
  await page.keyboard.press('PageDown');
  await page.keyboard.press('PageDown');
  await expect(lesson.paramField()).toHaveValue('9.683414');
  await page.keyboard.press('PageUp');
  await expect(lesson.paramField()).toHaveValue('9.3419');
  await page.keyboard.press('PageUp');
  await expect(lesson.paramField()).toHaveValue('8');
  await expect(caption(lesson)).toHaveAttribute('data-scene', '10');
  await page.keyboard.press('PageUp');
  await expect(caption(lesson)).toHaveAttribute('data-scene', '9');
  // The caption bar's buttons do the same as the clicker.
  await lesson.byTestId('tour-next').click();
  await expect(caption(lesson)).toHaveAttribute('data-scene', '10');
  await lesson.byTestId('tour-prev').click();
  await expect(caption(lesson)).toHaveAttribute('data-scene', '9');
});

for (const [value, expected] of [
  ['6', '6'],
  ['0', '1'],
  ['-1', '1'],
  ['999', '13'],
] as const) {
  test(`#tour=${value} opens scene ${expected}`, async ({ lesson, page }) => {
    await page.goto(`/#tour=${value}`);
    await expect(caption(lesson)).toHaveAttribute('data-scene', expected);
    if (value !== expected) await expect(lesson.byTestId('notice')).toContainText('1–13');
    if (value === '6') await expect(lesson.workedSum()).toContainText('402.57');
  });
}

test('#tour=x opens the lesson without the walkthrough, and says why', async ({ lesson, page }) => {
  await page.goto('/#tour=x');
  await expect(lesson.byTestId('notice')).toContainText('not a number');
  await expect(caption(lesson)).toHaveCount(0);
  await lesson.expectLoss('402.57');
});

test('Esc leaves the walkthrough and keeps the state as a lesson', async ({ lesson, page }) => {
  await page.goto('/#tour=8');
  await expect(caption(lesson)).toHaveAttribute('data-scene', '8');
  await releaseFocus(page);
  await page.keyboard.press('PageDown');
  await expect(lesson.lossValue()).toHaveText('359.0825');
  await page.keyboard.press('Escape');
  await expect(caption(lesson)).toHaveCount(0);
  await expect(lesson.lossValue()).toHaveText('359.0825');
  // The clicker steps the lesson again.
  await page.keyboard.press('PageDown');
  await expect(lesson.historyRows()).toHaveCount(1);
});

test('Lithuanian captions, and projector mode makes them large', async ({ lesson, page }) => {
  await page.getByTestId('language-select').selectOption('lt');
  await page.goto('/#tour=6');
  await expect(caption(lesson)).toContainText('402,57');
  await releaseFocus(page);
  await page.keyboard.press('m');
  const size = await caption(lesson)
    .locator('.tour-caption')
    .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(size).toBeGreaterThanOrEqual(36);
});

test('on a phone the caption is one line and covers no chart', async ({ lesson, page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/#tour=2');
  await expect(caption(lesson)).toHaveAttribute('data-scene', '2');
  const bar = await caption(lesson).boundingBox();
  const chart = await lesson.byTestId('chart-data').boundingBox();
  expect(bar && chart).toBeTruthy();
  if (bar && chart) {
    const overlaps = bar.y < chart.y + chart.height && chart.y < bar.y + bar.height;
    expect(overlaps).toBe(false);
    expect(bar.height).toBeLessThan(140);
  }
  await lesson.byTestId('tour-next').click();
  await expect(lesson.paramField()).toHaveValue('12');
});

test('starting the walkthrough sets the work on screen aside and offers it back', async ({
  lesson,
  page,
}) => {
  // An edit typed just before the button (not yet saved by the 300 ms timer) is kept too.
  await lesson.setCell(0, 'y', '111');
  await startTour(page, lesson);
  await expectCells(lesson, ['2', '19.6', '4.5', '44.1', '10', '98']);
  const open = lesson.byTestId('open-saved-work');
  await expect(open).toBeVisible();
  await expect(lesson.status()).toContainText('The walkthrough opened');
  // Through the scenes and a reload the offer stands; the walkthrough's lesson is saved.
  await clickTo(page, lesson, 3);
  await page.reload();
  await expect(page.locator('h1')).toBeVisible();
  await expect(open).toBeVisible();
  await open.click();
  await expectCells(lesson, ['2', '111', '4.5', '44.1', '10', '98']);
  await expectSavedContaining(page, '"111"');
});

test('the lecture untouched is not offered back after the walkthrough', async ({ lesson, page }) => {
  await startTour(page, lesson);
  await clickTo(page, lesson, 2);
  await expect(lesson.byTestId('open-saved-work')).toHaveCount(0);
});
