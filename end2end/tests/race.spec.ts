import type { Locator } from '@playwright/test';
import { chartView, viewHolds } from './chart-picture';
import { gradient } from './lecture-ab';
import { expect, test } from './lesson-test';
import type { LessonPage } from './lesson-page';
import { clipboardText, grantClipboard, openInNewContext } from './classroom/classroom';
import { projectorOn } from './layout/layout';

// Issue 10: the race of optimizers on `lecture-ab` (the lecture's table x = 2, 4.5, 10;
// y = 19.6, 44.1, 98; ŷ = a·x + b; start (8, 0); γ = 0.003; GD and momentum ticked). The
// figures are OPTIMIZERS.md's. While an optimizer is ticked, Step, Undo, Reset, Play and the
// clicker keys act on the whole race (and on the lesson's own descent); with none ticked the
// lesson behaves as before.

function row(lesson: LessonPage, id: string): Locator {
  return lesson.byTestId(`race-${id}`);
}

/** One attribute of a race row as a number (`data-a`, `data-b`, `data-loss`, `data-step`). */
async function rowValue(lesson: LessonPage, id: string, attr: 'a' | 'b' | 'loss' | 'step') {
  return Number(await row(lesson, id).getAttribute(`data-${attr}`));
}

async function steps(lesson: LessonPage, count: number): Promise<void> {
  for (let i = 0; i < count; i++) await lesson.step();
}

async function openLectureAb(lesson: LessonPage): Promise<void> {
  await lesson.selectPreset('lecture-ab');
  await expect(lesson.byTestId('optimizer-gd')).toBeChecked();
  await expect(lesson.byTestId('optimizer-momentum')).toBeChecked();
  await expect(row(lesson, 'gd')).toBeVisible();
}

test('lecture-ab: GD still has b ≈ 0.147 after 100 steps; momentum is at L < 0.001', async ({
  lesson,
}) => {
  await openLectureAb(lesson);
  await expect(lesson.byTestId('chart-steps')).toBeVisible();
  await expect(lesson.byTestId('race-nesterov')).toHaveCount(0);
  // The start: L = 402.57 and ‖∇L‖ = ‖(−447.3, −59.4)‖ = 451.2268 for both.
  await expect(row(lesson, 'gd')).toContainText('402.57');
  await expect(row(lesson, 'gd')).toContainText('451.2268');
  expect(await rowValue(lesson, 'gd', 'loss')).toBeCloseTo(402.57, 9);
  await expect(row(lesson, 'gd')).toHaveAttribute('data-step', '0');
  await lesson.step();
  // Step 1 is the same for both: (9.3419, 0.1782), L = 23.4759224.
  for (const id of ['gd', 'momentum']) {
    await expect(row(lesson, id)).toHaveAttribute('data-step', '1');
    expect(await rowValue(lesson, id, 'a')).toBeCloseTo(9.3419, 9);
    expect(await rowValue(lesson, id, 'b')).toBeCloseTo(0.1782, 9);
    expect(await rowValue(lesson, id, 'loss')).toBeCloseTo(23.4759224, 6);
  }
  await lesson.step();
  expect(await rowValue(lesson, 'gd', 'a')).toBeCloseTo(9.66577175, 8);
  expect(await rowValue(lesson, 'momentum', 'a')).toBeCloseTo(10.87348175, 8);
  expect(await rowValue(lesson, 'momentum', 'b')).toBeCloseTo(0.3807243, 8);
  expect(await rowValue(lesson, 'momentum', 'loss')).toBeCloseTo(157.1030835, 6);
  // Its loss rises at steps 2–3, and that is not divergence.
  await expect(row(lesson, 'momentum')).toContainText('still going');
  // The update rules with the numbers of the next step.
  await expect(lesson.byTestId('race-rule-momentum')).toContainText('v := β·v + g = 0.9·');
  await steps(lesson, 98);
  await expect(row(lesson, 'gd')).toHaveAttribute('data-step', '100');
  const b = await rowValue(lesson, 'gd', 'b');
  expect(b).toBeGreaterThan(0.14);
  expect(b).toBeLessThan(0.155);
  expect(await rowValue(lesson, 'gd', 'loss')).toBeCloseTo(0.0174, 3);
  await expect(row(lesson, 'gd')).toContainText('still going');
  expect(await rowValue(lesson, 'momentum', 'loss')).toBeLessThan(0.001);
  // The lesson's own descent went along: a, b of the parameter fields are GD's.
  expect(await lesson.paramValue('b')).toBeCloseTo(b, 12);
  await expect(lesson.byTestId('chart-steps')).toHaveAttribute('data-frame', /\d/);
});

test('γ edited mid-run: the run goes on from where it is with the new γ', async ({ lesson }) => {
  await openLectureAb(lesson);
  await lesson.step();
  const a1 = await rowValue(lesson, 'gd', 'a');
  const b1 = await rowValue(lesson, 'gd', 'b');
  // A decimal comma is read as in the γ field.
  await lesson.byTestId('lr-gd').fill('0,006');
  await expect(lesson.byTestId('lr-gd-error')).toBeHidden();
  await lesson.step();
  const [ga, gb] = gradient(a1, b1);
  expect(await rowValue(lesson, 'gd', 'a')).toBeCloseTo(a1 - 0.006 * ga, 9);
  expect(await rowValue(lesson, 'gd', 'b')).toBeCloseTo(b1 - 0.006 * gb, 9);
  await expect(row(lesson, 'gd')).toHaveAttribute('data-step', '2');
  // Momentum kept its own γ: OPTIMIZERS.md's second step.
  expect(await rowValue(lesson, 'momentum', 'a')).toBeCloseTo(10.87348175, 8);
  // Once the field has lost focus it shows the γ in use, as the parameter fields do.
  await expect(lesson.byTestId('lr-gd')).toHaveValue('0.006');
});

const BAD_GAMMA: [string, RegExp][] = [
  ['abc', /“abc” is not a number: γ stays 0\.003\./],
  ['NaN', /“NaN” .*γ stays 0\.003\./],
  ['inf', /“inf” .*γ stays 0\.003\./],
  ['-1', /γ must be a positive number: “-1” is not, so γ stays 0\.003\./],
  ['0', /γ must be a positive number: “0” is not, so γ stays 0\.003\./],
];

for (const [text, message] of BAD_GAMMA) {
  test(`γ of GD = ${text}: a message, the text kept, the step taken with γ = 0.003`, async ({
    lesson,
  }) => {
    await openLectureAb(lesson);
    await lesson.byTestId('lr-gd').fill(text);
    await expect(lesson.byTestId('lr-gd-error')).toHaveText(message);
    await expect(lesson.byTestId('lr-gd')).toHaveValue(text);
    await expect(lesson.byTestId('lr-gd')).toHaveAttribute('aria-invalid', 'true');
    await lesson.step();
    expect(await rowValue(lesson, 'gd', 'a')).toBeCloseTo(9.3419, 9);
    await expect(lesson.byTestId('lr-gd')).toHaveValue(text);
  });
}

test('γ = 1e300 is kept; GD stops as diverged with a message, momentum carries on', async ({
  lesson,
}) => {
  await openLectureAb(lesson);
  await lesson.byTestId('lr-gd').fill('1e300');
  await expect(lesson.byTestId('lr-gd')).toHaveValue('1e300');
  await steps(lesson, 3);
  await expect(row(lesson, 'gd')).toContainText('diverged');
  // The step that would leave the finite numbers was not taken: GD is still at the start.
  await expect(row(lesson, 'gd')).toHaveAttribute('data-a', '8');
  await expect(lesson.byTestId('race-diverged-gd')).toContainText(
    'Gradient descent diverged at γ = 1e300. Choose a smaller γ',
  );
  await expect(row(lesson, 'momentum')).toHaveAttribute('data-step', '3');
  // A sane γ again: GD goes on from where it stopped.
  await lesson.byTestId('lr-gd').fill('0.003');
  await lesson.step();
  expect(await rowValue(lesson, 'gd', 'a')).toBeCloseTo(9.3419, 9);
});

const BAD_SETTINGS: { tick?: string; field: string; text: string; message: RegExp }[] = [
  { field: 'beta-momentum', text: '1', message: /β must be at least 0 and below 1 .*“1” is not, so β stays 0\.9\./ },
  { tick: 'nesterov', field: 'beta-nesterov', text: '-0.5', message: /“-0\.5” is not, so β stays 0\.9\./ },
  { tick: 'rmsprop', field: 'alpha-rmsprop', text: '1.5', message: /α must be at least 0 and below 1 .*so α stays 0\.99\./ },
  { tick: 'adam', field: 'beta1-adam', text: '1', message: /so β₁ stays 0\.9\./ },
  { tick: 'adam', field: 'beta2-adam', text: 'x', message: /“x” is not a number: β₂ stays 0\.999\./ },
  { tick: 'adam', field: 'epsilon-adam', text: '0', message: /ε must be a positive number: “0” is not, so ε stays 1e−8\./ },
  { field: 'batch-size', text: '0', message: /The batch size must be a whole number from 1 to n = 3 .*“0” is not, so the batch stays full \(n = 3\)\./ },
  { field: 'batch-size', text: '4', message: /from 1 to n = 3 .*“4” is not/ },
  { field: 'batch-size', text: '1,5', message: /“1,5” is not/ },
  { field: 'seed', text: '1.5', message: /The seed must be a whole number from 0 up .*“1\.5” is not, so the seed stays \d+\./ },
  { field: 'seed', text: '-3', message: /“-3” is not, so the seed stays/ },
];

for (const { tick, field, text, message } of BAD_SETTINGS) {
  test(`${field} = ${text}: a message, the text kept, no step with it`, async ({ lesson }) => {
    await openLectureAb(lesson);
    if (tick) await lesson.byTestId(`optimizer-${tick}`).check();
    await lesson.step();
    await lesson.byTestId(field).fill(text);
    await expect(lesson.byTestId(`${field}-error`)).toHaveText(message);
    await expect(lesson.byTestId(field)).toHaveValue(text);
    // The field keeps the text when it loses focus.
    await lesson.byTestId(field).blur();
    await expect(lesson.byTestId(field)).toHaveValue(text);
    // The next step uses the value still in use: momentum's second step as in OPTIMIZERS.md.
    await lesson.step();
    expect(await rowValue(lesson, 'momentum', 'a')).toBeCloseTo(10.87348175, 8);
  });
}

test('Undo and Reset act on the whole race; so do the clicker keys', async ({ lesson, page }) => {
  await openLectureAb(lesson);
  await steps(lesson, 3);
  expect(await rowValue(lesson, 'gd', 'a')).toBeCloseTo(9.744024825, 8);
  expect(await rowValue(lesson, 'momentum', 'a')).toBeCloseTo(11.41393297, 7);
  await lesson.undo();
  await expect(row(lesson, 'gd')).toHaveAttribute('data-step', '2');
  expect(await rowValue(lesson, 'gd', 'b')).toBeCloseTo(0.2203443, 9);
  expect(await rowValue(lesson, 'momentum', 'a')).toBeCloseTo(10.87348175, 8);
  expect(await lesson.paramValue('a')).toBeCloseTo(9.66577175, 8);
  await lesson.reset();
  for (const id of ['gd', 'momentum']) {
    await expect(row(lesson, id)).toHaveAttribute('data-step', '0');
    await expect(row(lesson, id)).toHaveAttribute('data-a', '8');
    await expect(row(lesson, id)).toHaveAttribute('data-b', '0');
  }
  await expect(lesson.paramField('a')).toHaveValue('8');
  // A clicker's PageDown steps the race, PageUp undoes.
  await page.locator('h1').click();
  await page.keyboard.press('PageDown');
  await page.keyboard.press('PageDown');
  await expect(row(lesson, 'momentum')).toHaveAttribute('data-step', '2');
  await page.keyboard.press('PageUp');
  await expect(row(lesson, 'momentum')).toHaveAttribute('data-step', '1');
});

test('Play stops when every racer has stopped, each on its own rule', async ({ lesson }) => {
  await openLectureAb(lesson);
  await lesson.setSpeed(60);
  await lesson.setLearningRate('1');
  await lesson.byTestId('lr-gd').fill('1');
  await lesson.byTestId('lr-momentum').fill('1');
  await lesson.play();
  await expect(lesson.playButton()).toHaveAttribute('aria-pressed', 'false', { timeout: 20_000 });
  await expect(row(lesson, 'gd')).toContainText('diverged');
  await expect(row(lesson, 'momentum')).toContainText('diverged');
});

test('while the race plays, the data chart\'s axes only widen; stopped, they fit again', async ({
  lesson,
  page,
}) => {
  // With b free the still part of the data chart's window follows b. Fitted at every
  // Step, the axes (and the chart's whole base) would be redrawn in every frame of a race.
  await openLectureAb(lesson);
  for (const id of ['nesterov', 'rmsprop', 'adam']) await lesson.byTestId(`optimizer-${id}`).check();
  await lesson.setSpeed(60);
  const chart = lesson.byTestId('chart-data');
  const view = () => chartView(chart);
  const before = await view();
  expect(before).toHaveLength(4);
  await lesson.play();
  await expect.poll(() => rowValue(lesson, 'gd', 'step')).toBeGreaterThan(5);
  // Every view the chart shows in the next second, read at each animation frame.
  const shown: number[][] = await page.evaluate(
    () =>
      new Promise((done) => {
        const canvas = document.querySelector('[data-testid=chart-data]');
        const views: number[][] = [];
        const end = performance.now() + 1000;
        const read = () => {
          const v = (canvas?.getAttribute('data-view') ?? '').split(',').map(Number);
          if (views.length === 0 || v.some((x, i) => x !== views.at(-1)?.[i])) views.push(v);
          if (performance.now() < end) requestAnimationFrame(read);
          else done(views);
        };
        requestAnimationFrame(read);
      }),
  );
  const stepsPlayed = await rowValue(lesson, 'gd', 'step');
  await lesson.byTestId('play-button').click();
  await expect(lesson.playButton()).toHaveAttribute('aria-pressed', 'false');
  expect(stepsPlayed, 'the race went on meanwhile').toBeGreaterThan(20);
  // Each view holds the one before.
  shown.slice(1).forEach((v, i) => expect(viewHolds(v, shown[i]), `${shown[i]} → ${v}`).toBe(true));
  expect(shown.length, `${shown.length} views in a second`).toBeLessThanOrEqual(4);
  // Stopped: the view fits the lesson as it stands, within the one held while it played.
  await expect.poll(async () => viewHolds(shown.at(-1) ?? [], await view())).toBe(true);
  await expect.poll(async () => (await view()).join()).not.toBe(shown.at(-1)?.join());
  lesson.expectNoErrors();
});

test('with nothing ticked the lesson steps as before and the race is hidden', async ({
  lesson,
}) => {
  await openLectureAb(lesson);
  await lesson.byTestId('optimizer-gd').uncheck();
  await lesson.byTestId('optimizer-momentum').uncheck();
  await expect(lesson.byTestId('chart-steps')).toBeHidden();
  await expect(lesson.byTestId('race-gd')).toHaveCount(0);
  await lesson.step();
  expect(await lesson.paramValue('a')).toBeCloseTo(9.3419, 9);
  expect(await lesson.paramValue('b')).toBeCloseTo(0.1782, 9);
  await lesson.undo();
  await expect(lesson.paramField('a')).toHaveValue('8');
});

test('a link keeps the ticked optimizers and their settings', async ({
  lesson,
  page,
  browser,
  baseURL,
}) => {
  await openLectureAb(lesson);
  await lesson.byTestId('optimizer-adam').check();
  await lesson.byTestId('lr-adam').fill('0.05');
  await lesson.byTestId('beta-momentum').fill('0.8');
  await lesson.byTestId('schedule-select').selectOption('exponential');
  await lesson.byTestId('batch-size').fill('2');
  await lesson.byTestId('seed').fill('7');
  await grantClipboard(page);
  await lesson.byTestId('copy-link').click();
  const link = await clipboardText(page, /#v\d+\./);
  const { pathname, hash } = new URL(link);
  const other = await openInNewContext(browser, baseURL, pathname + hash);
  try {
    const o = other.lesson;
    for (const id of ['gd', 'momentum', 'adam']) {
      await expect(o.byTestId(`optimizer-${id}`)).toBeChecked();
    }
    await expect(o.byTestId('optimizer-nesterov')).not.toBeChecked();
    await expect(o.byTestId('lr-adam')).toHaveValue('0.05');
    await expect(o.byTestId('beta-momentum')).toHaveValue('0.8');
    await expect(o.byTestId('schedule-select')).toHaveValue('exponential');
    await expect(o.byTestId('batch-size')).toHaveValue('2');
    await expect(o.byTestId('seed')).toHaveValue('7');
    // Adam's first step moves each coordinate by γ = 0.05 against its gradient's sign.
    await o.step();
    expect(await rowValue(o, 'adam', 'step')).toBe(1);
    await expect(o.byTestId('race-position')).toContainText('epoch 1, batch 2 of 2');
    o.expectNoErrors();
  } finally {
    await other.close();
  }
});

test('Lithuanian: the race speaks the lecture language', async ({ lesson }) => {
  await openLectureAb(lesson);
  await lesson.byTestId('language-select').selectOption('lt');
  await expect(lesson.byTestId('race-panel')).toContainText('Optimizatorių lenktynės');
  await expect(lesson.byTestId('race-panel')).toContainText('Inercija (momentum)');
  await lesson.step();
  await expect(row(lesson, 'momentum')).toContainText('9,3419');
  await expect(row(lesson, 'momentum')).toContainText('dar juda');
  await lesson.byTestId('beta-momentum').fill('1');
  await expect(lesson.byTestId('beta-momentum-error')).toContainText('„1“ netinka, β lieka 0,9.');
  await expect(lesson.page.locator('.steps-chart figcaption')).toHaveText('Nuostoliai pagal žingsnį');
});

test('projector mode: the table, the rules and the loss-against-step chart stay', async ({
  lesson,
}) => {
  await openLectureAb(lesson);
  await steps(lesson, 20);
  await projectorOn(lesson);
  await expect(row(lesson, 'gd')).toBeVisible();
  await expect(row(lesson, 'gd')).toHaveAttribute('data-step', '20');
  await expect(lesson.byTestId('chart-steps')).toHaveAttribute('data-frame', /\d/);
  const box = await lesson.byTestId('chart-steps').boundingBox();
  expect(box!.height).toBeGreaterThan(120);
});

test('a reload mid-race brings every racer back at the step it stood at', async ({
  lesson,
  page,
}) => {
  await openLectureAb(lesson);
  await steps(lesson, 3);
  const before = {
    gdA: await rowValue(lesson, 'gd', 'a'),
    momentumB: await rowValue(lesson, 'momentum', 'b'),
  };
  expect(before.gdA).toBeGreaterThan(9.6);
  await page.waitForTimeout(500);
  await page.reload();
  await expect(row(lesson, 'gd')).toHaveAttribute('data-step', '3');
  await expect(row(lesson, 'momentum')).toHaveAttribute('data-step', '3');
  expect(await rowValue(lesson, 'gd', 'a')).toBe(before.gdA);
  expect(await rowValue(lesson, 'momentum', 'b')).toBe(before.momentumB);
  // And the race goes on from there, in step with the lesson's own descent.
  await lesson.step();
  await expect(row(lesson, 'gd')).toHaveAttribute('data-step', '4');
});
