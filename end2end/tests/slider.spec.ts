import type { Locator } from '@playwright/test';
import { expect, test } from './lesson-test';
import type { LessonPage } from './lesson-page';
import { expectSavedContaining, savedLesson } from './classroom/classroom';

// The slider of a (src/components/parameters.rs): its range is the one fitted to the
// lecture's problem (around a = 8 and the minimum 9.8) and widens only while a lies
// outside it, so a typo is forgotten as soon as a is back; its positions are round numbers
// (step 1, 2 or 5 × 10^k, ends on multiples of it), so a lecturer dragging lands on 8, 9,
// 9.8 and 10 exactly — and L = 0 at a = 9.8 can be shown with the slider alone.

/** What the slider offers: its min, max and step attributes, exactly as written. */
async function sliderScale(slider: Locator): Promise<{ min: string; max: string; step: string }> {
  const [min, max, step] = await Promise.all(
    ['min', 'max', 'step'].map(async (name) => (await slider.getAttribute(name)) ?? ''),
  );
  return { min, max, step };
}

/** The a-axis of the loss chart (the first two numbers of its `data-view`). */
async function lossAxis(lesson: LessonPage): Promise<string> {
  const view = (await lesson.byTestId('chart-loss').getAttribute('data-view')) ?? '';
  return view.split(',').slice(0, 2).join(',');
}

/** Replaces the field's text with `text`, typed one key at a time as a student does. */
async function typeKeyByKey(field: Locator, text: string): Promise<void> {
  await field.click();
  await field.press('ControlOrMeta+A');
  await field.pressSequentially(text);
}

/** The pixel on the slider's track where value `a` sits (the thumb's centre). */
async function pointAt(slider: Locator, a: number): Promise<{ x: number; y: number }> {
  const box = await slider.boundingBox();
  if (!box) throw new Error('the slider is not on screen');
  const { min, max } = await sliderScale(slider);
  const fraction = (a - Number(min)) / (Number(max) - Number(min));
  // Chromium's thumb is about as wide as the track is high; its centre travels between
  // half a thumb from either end.
  const thumb = Math.min(box.height, 16);
  return { x: box.x + thumb / 2 + fraction * (box.width - thumb), y: box.y + box.height / 2 };
}

/** Whether `value` is a whole number of `step`s (to rounding). */
function isMultipleOf(value: number, step: number): boolean {
  const steps = value / step;
  return Math.abs(steps - Math.round(steps)) < 1e-6;
}

test.beforeEach(async ({ lesson }) => {
  await lesson.selectPreset('lecture');
  await lesson.expectLoss('402.57');
});

test('the slider steps in round numbers: step 0.01 from 6.28 to 11.52 on the lecture', async ({
  lesson,
}) => {
  const { min, max, step } = await sliderScale(lesson.byTestId('slider-a'));
  // 1, 2 or 5 × 10^k, written as a short decimal.
  expect(step).toMatch(/^(?:[125]0*|0\.0*[125])$/);
  expect({ min, max, step }).toEqual({ min: '6.28', max: '11.52', step: '0.01' });
  for (const end of [min, max]) {
    expect(isMultipleOf(Number(end), Number(step)), `${end} is a multiple of ${step}`).toBe(true);
  }
});

test('typing 10 and then 8 key by key leaves the slider and the loss chart where they began', async ({
  lesson,
}) => {
  const slider = lesson.byTestId('slider-a');
  const start = await sliderScale(slider);
  await expect.poll(() => lossAxis(lesson)).not.toBe('');
  const axis = await lossAxis(lesson);
  const field = lesson.paramField();

  // "10" passes through "1", which lies outside the range: the slider shows it...
  await typeKeyByKey(field, '1');
  await expect(field).toHaveValue('1');
  await expect(slider).toHaveValue('1');
  expect(Number(await slider.getAttribute('min'))).toBeLessThanOrEqual(1);
  // ...and forgets it as soon as a is back inside.
  await field.pressSequentially('0');
  await expect(field).toHaveValue('10');
  await expect(slider).toHaveValue('10');
  expect(await sliderScale(slider)).toEqual(start);

  await typeKeyByKey(field, '8');
  await expect(slider).toHaveValue('8');
  await lesson.expectLoss('402.57');
  expect(await sliderScale(slider)).toEqual(start);
  await expect.poll(() => lossAxis(lesson)).toBe(axis);
});

test('a typo as large as 1e308 is forgotten once a is typed back to 8', async ({ lesson }) => {
  const slider = lesson.byTestId('slider-a');
  const start = await sliderScale(slider);
  await expect.poll(() => lossAxis(lesson)).not.toBe('');
  const axis = await lossAxis(lesson);

  await typeKeyByKey(lesson.paramField(), '1e308');
  // Clamped to 10^12, and the slider reaches it.
  await expect.poll(() => lesson.paramValue()).toBe(1e12);
  await expect(slider).toHaveAttribute('max', '1000000000000');

  await typeKeyByKey(lesson.paramField(), '8');
  await lesson.expectLoss('402.57');
  expect(await sliderScale(slider)).toEqual(start);
  await expect.poll(() => lossAxis(lesson)).toBe(axis);
});

test('the up arrow on the slider walks from 8 to exactly 9.8, where L = 0', async ({ lesson }) => {
  const slider = lesson.byTestId('slider-a');
  const start = await sliderScale(slider);
  await expect(slider).toHaveValue('8');
  await slider.focus();
  // 180 steps of 0.01, counted by the browser in decimal.
  // ↑ (not →, a clicker's Step key: src/classroom/keys.rs) moves a focused slider.
  for (let k = 0; k < 180; k += 1) await slider.press('ArrowUp');

  await expect(slider).toHaveValue('9.8');
  await expect(lesson.paramField()).toHaveValue('9.8');
  expect(await lesson.paramValue()).toBe(9.8);
  await lesson.expectLoss('0');
  await lesson.expectGradient('0');
  expect((await lesson.readLoss()).value).toBe(0);
  expect(await sliderScale(slider)).toEqual(start);
  await lesson.screenshot('slider--a-9.8-by-the-slider');
});

test('the slider set to 9.8 as an input event sets a = 9.8 and shows L = 0', async ({
  lesson,
}) => {
  const slider = lesson.byTestId('slider-a');
  await slider.evaluate((element) => {
    const input = element as HTMLInputElement;
    input.value = '9.8';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  // The browser kept 9.8 exactly: it is a slider position.
  await expect(slider).toHaveValue('9.8');
  await expect(lesson.paramField()).toHaveValue('9.8');
  await lesson.expectLoss('0');
  await lesson.expectGradient('0');
});

test('dragging the thumb lands on round values and the scale holds still', async ({
  lesson,
  page,
}) => {
  const slider = lesson.byTestId('slider-a');
  const start = await sliderScale(slider);
  const from = await pointAt(slider, 8);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (const a of [8.6, 9.3, 9.77, 10.4, 7.1, 11.0]) {
    const to = await pointAt(slider, a);
    await page.mouse.move(to.x, to.y, { steps: 3 });
    const value = await lesson.paramValue();
    // Wherever the pointer is, a is a whole number of hundredths: 9.31, never 9.3104.
    expect(isMultipleOf(value, 0.01), `a = ${value} while dragging`).toBe(true);
    expect(Math.abs(value - a), `a = ${value} near ${a}`).toBeLessThan(0.3);
    await expect(lesson.paramField()).toHaveValue(String(value));
    expect(await sliderScale(slider)).toEqual(start);
  }
  await page.mouse.up();
  expect(await sliderScale(slider)).toEqual(start);
});

test('a dragged slider is saved when the thumb is let go, not in the frames of the drag', async ({
  lesson,
  page,
}) => {
  // A save reads storage back and writes the lesson's JSON: milliseconds for a large
  // table, which would make a frame of the drag late. The drag's end is saved at once.
  const slider = lesson.byTestId('slider-a');
  const from = await pointAt(slider, 8);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  const to = await pointAt(slider, 10.4);
  await page.mouse.move(to.x, to.y, { steps: 3 });
  const before = await savedLesson(page);
  // Held for over three times the save's delay (300 ms), still moving.
  for (const a of [10.2, 10.6, 10.3, 10.5]) {
    const at = await pointAt(slider, a);
    await page.mouse.move(at.x, at.y, { steps: 2 });
    await page.waitForTimeout(250);
  }
  const value = await lesson.paramValue();
  expect(Math.abs(value - 10.5)).toBeLessThan(0.3);
  expect(await savedLesson(page), 'nothing saved while the thumb is held').toBe(before);
  await page.mouse.up();
  await expectSavedContaining(page, String(value));
  lesson.expectNoErrors();
});

test('after a typo, dragging back home holds the scale until the thumb is let go', async ({
  lesson,
  page,
}) => {
  const slider = lesson.byTestId('slider-a');
  const home = await sliderScale(slider);
  await typeKeyByKey(lesson.paramField(), '80');
  await expect(slider).toHaveValue('80');
  const wide = await sliderScale(slider);
  expect(wide).not.toEqual(home);

  const from = await pointAt(slider, 80);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (const a of [60, 30, 12, 9]) {
    const to = await pointAt(slider, a);
    await page.mouse.move(to.x, to.y, { steps: 3 });
    const value = await lesson.paramValue();
    expect(Math.abs(value - a), `a = ${value} near ${a}`).toBeLessThan(1);
    // The scale under the pointer does not move while the drag goes on.
    expect(await sliderScale(slider)).toEqual(wide);
  }
  await page.mouse.up();
  // Let go inside home: the slider is the lecture's again, in hundredths.
  await expect.poll(() => sliderScale(slider)).toEqual(home);
  const value = await lesson.paramValue();
  await expect(slider).toHaveValue(String(value));
});

test('diverging descent widens the slider, and Reset brings it back', async ({ lesson }) => {
  const slider = lesson.byTestId('slider-a');
  const home = await sliderScale(slider);
  await lesson.setLearningRate('0.01');
  for (let k = 0; k < 3; k += 1) await lesson.step();
  await expect(lesson.historyRows()).toHaveCount(3);
  const a = await lesson.paramValue();
  const wide = await sliderScale(slider);
  // a itself and the trail the loss chart draws are in view.
  expect(Number(wide.min)).toBeLessThanOrEqual(Math.min(a, 8));
  expect(Number(wide.max)).toBeGreaterThanOrEqual(Math.max(a, 8));
  expect(Number(wide.max) - Number(wide.min)).toBeGreaterThan(
    Number(home.max) - Number(home.min),
  );

  await lesson.undo();
  await expect(lesson.historyRows()).toHaveCount(2);
  const narrower = await sliderScale(slider);
  expect(Number(narrower.max) - Number(narrower.min)).toBeLessThanOrEqual(
    Number(wide.max) - Number(wide.min),
  );

  await lesson.reset();
  await expect(slider).toHaveValue('8');
  expect(await sliderScale(slider)).toEqual(home);
});

test('a that is not a number is flagged with a message that says a keeps its value', async ({
  lesson,
}) => {
  await lesson.paramField().fill('abc');
  await expect(lesson.paramField()).toHaveAttribute('aria-invalid', 'true');
  await expect(lesson.byTestId('param-error-a')).toHaveText('“abc” is not a number: a stays 8.');
  // Kept as typed, and the lesson goes on with a = 8.
  await expect(lesson.paramField()).toHaveValue('abc');
  await lesson.expectLoss('402.57');
  await lesson.paramField().fill('9');
  await expect(lesson.byTestId('param-error-a')).toHaveCount(0);
  await lesson.expectLoss('79.52');
});

test('with ŷ = a·x² the data chart widens its axes in steps while the thumb goes up and down, and fits again when let go, even where it began', async ({
  lesson,
  page,
}) => {
  // At a = 8 the line reaches 800 above the lecture's points (at most 98): the data
  // chart's view must take it in. While the thumb is dragged, the axes only widen (a few
  // quarter steps on the way up, none on the way back), so the chart is not redrawn
  // whole at every move; let go at a low a, they fit the still window again.
  await lesson.byTestId('model-select').selectOption('formula');
  await lesson.byTestId('formula-input').fill('a*x^2');
  await expect(lesson.byTestId('derivative-a')).toHaveText('∂ŷ/∂a = x²');
  await lesson.setA('2');
  const chart = lesson.byTestId('chart-data');
  const top = async () => Number(((await chart.getAttribute('data-view')) ?? '').split(',')[3]);
  await expect.poll(top).toBeGreaterThan(0);
  // The view at rest once the chart has drawn a = 2: on a loaded machine the frame that
  // draws it can come after the first read, which would still see the view of a = 8.
  let resting = await top();
  await expect
    .poll(
      async () => {
        const now = await top();
        const settled = now === resting;
        resting = now;
        return settled;
      },
      { intervals: [300] },
    )
    .toBe(true);
  const slider = lesson.byTestId('slider-a');
  const from = await pointAt(slider, 2);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  const tops: number[] = [];
  for (const a of [4, 6, 8, 6, 4, 2, 5, 8]) {
    const to = await pointAt(slider, a);
    await page.mouse.move(to.x, to.y, { steps: 4 });
    const value = await lesson.paramValue();
    // The line's highest point (x = 10 is the lecture's largest) is inside the view.
    await expect.poll(top).toBeGreaterThanOrEqual(value * 100);
    tops.push(await top());
  }
  // Never narrower than at the move before, and wider than at rest once a reached 8.
  tops.slice(1).forEach((t, i) => expect(t, `move ${i + 1}: ${tops}`).toBeGreaterThanOrEqual(tops[i]));
  expect(tops[2]).toBeGreaterThan(resting);
  expect(tops.at(-1)).toBe(tops[2]);
  // Back where the drag began: the browser fires no `change` for that, and letting go
  // must end the drag all the same.
  const end = await pointAt(slider, 2);
  await page.mouse.move(end.x, end.y, { steps: 4 });
  await expect.poll(() => lesson.paramValue()).toBe(2);
  expect(await top()).toBe(tops[2]);
  await page.mouse.up();
  await expect.poll(top).toBe(resting);
  lesson.expectNoErrors();
});
