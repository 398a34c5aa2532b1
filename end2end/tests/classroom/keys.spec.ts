import { expect, test } from '../lesson-test';
import { releaseFocus } from './classroom';

// The lecturer's keys and presentation clickers (src/classroom/keys.rs): clickers send
// PageDown/PageUp or the arrow keys. Every test starts on the lecture's lesson (a = 8,
// γ = 0.003) with the focus on the page itself, as after a click on the slide.

test.beforeEach(async ({ lesson, page }) => {
  await lesson.expectLoss('402.57');
  await expect(lesson.paramField()).toHaveValue('8');
  await releaseFocus(page);
});

test('PageDown, → and Space each take exactly one step', async ({ lesson, page }) => {
  // The lecture's sequence: 8 → 9.3419 → 9.683414 → 9.770329.
  const expected: Array<[string, string]> = [
    ['PageDown', '9.3419'],
    ['ArrowRight', '9.683414'],
    ['Space', '9.770329'],
  ];
  for (const [index, [key, a]] of expected.entries()) {
    await page.keyboard.press(key);
    await expect(lesson.historyRows(), `${key} adds one history row`).toHaveCount(index + 1);
    await expect(lesson.paramField(), `a after ${key}`).toHaveValue(a);
  }
  // Space did not also scroll the page (its default is prevented).
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
});

test('Space on a focused Step button steps once, not twice', async ({ lesson, page }) => {
  // A click leaves the focus on Step; Space then belongs to the button (which it clicks),
  // and the page's own Space must not step as well.
  await lesson.step();
  await expect(lesson.stepButton()).toBeFocused();
  await page.keyboard.press('Space');
  // Keys are handled in order: once PageDown's step shows, Space's are all counted.
  await page.keyboard.press('PageDown');
  await expect(lesson.historyRows()).toHaveCount(3);
  await expect(lesson.paramField()).toHaveValue('9.770329');
});

test('PageUp and ← each undo one step, and Home goes back to the start', async ({
  lesson,
  page,
}) => {
  for (let k = 0; k < 3; k++) await page.keyboard.press('PageDown');
  await expect(lesson.historyRows()).toHaveCount(3);

  await page.keyboard.press('PageUp');
  await expect(lesson.historyRows()).toHaveCount(2);
  await expect(lesson.paramField()).toHaveValue('9.683414');
  await page.keyboard.press('ArrowLeft');
  await expect(lesson.historyRows()).toHaveCount(1);
  await expect(lesson.paramField()).toHaveValue('9.3419');

  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(lesson.historyRows()).toHaveCount(3);
  await page.keyboard.press('Home');
  await expect(lesson.paramField()).toHaveValue('8');
  await lesson.expectLoss('402.57');
  await expect(lesson.historyRows()).toHaveCount(0);
});

test('P starts autoplay and P pauses it', async ({ lesson, page }) => {
  // One step a second: the run is still going when the second P arrives.
  await lesson.setSpeed(1);
  await releaseFocus(page);

  await page.keyboard.press('p');
  await expect(lesson.playButton()).toHaveAttribute('aria-pressed', 'true');
  await expect(lesson.historyRows().first()).toBeVisible();

  await page.keyboard.press('P');
  await expect(lesson.playButton()).toHaveAttribute('aria-pressed', 'false');
  await expect(lesson.playButton()).toHaveText('Play');
  // Paused, not reset: the steps taken are still there.
  await expect(lesson.historyRows()).not.toHaveCount(0);
});

test('? opens the overlay listing every key, Escape closes it', async ({ lesson, page }) => {
  const overlay = lesson.byTestId('help-overlay');
  await expect(overlay).toBeHidden();

  await page.keyboard.press('?');
  await expect(overlay).toBeVisible();
  await expect(overlay.getByRole('heading')).toHaveText('Keyboard shortcuts');
  await expect(overlay.locator('kbd')).toHaveText([
    'PageDown',
    '→',
    'Space',
    'PageUp',
    '←',
    'Home',
    'P',
    '?',
    'M',
    'F',
    'Esc',
  ]);
  const descriptions = ['Take one step', 'Undo the last step', 'Back to the starting value'];
  for (const words of [...descriptions, 'Play or pause']) {
    await expect(overlay).toContainText(words);
  }
  await lesson.screenshot('classroom-keys--help-overlay');

  // While the help is open the lesson behind it takes no keys.
  await page.keyboard.press('PageDown');
  await expect(overlay).toBeVisible();

  await page.keyboard.press('Escape');
  await expect(overlay).toBeHidden();
  await expect(lesson.historyRows()).toHaveCount(0);

  // `?` toggles it as well, and the toolbar's ? button opens it.
  await page.keyboard.press('?');
  await expect(overlay).toBeVisible();
  await page.keyboard.press('?');
  await expect(overlay).toBeHidden();
  await lesson.byTestId('help-button').click();
  await expect(overlay).toBeVisible();
  await lesson.byTestId('help-close').click();
  await expect(overlay).toBeHidden();
});

test('keys typed in a table cell stay in the cell', async ({ lesson, page }) => {
  const cell = lesson.cell(0, 'x');
  await cell.fill('');
  // Every key the lesson listens for, typed where a student types numbers.
  await cell.pressSequentially('1 p?mf');
  await expect(cell).toHaveValue('1 p?mf');
  // The arrows, Home and PageDown move the caret in the cell: Home, → then "2" lands
  // after the first character.
  for (const key of ['End', 'ArrowLeft', 'PageUp', 'PageDown', 'Home', 'ArrowRight']) {
    await page.keyboard.press(key);
  }
  await page.keyboard.type('2');
  await expect(cell).toHaveValue('12 p?mf');
  await expect(cell).toBeFocused();

  // Nothing happened to the lesson.
  await expect(lesson.historyRows()).toHaveCount(0);
  await expect(lesson.byTestId('help-overlay')).toBeHidden();
  await expect(lesson.byTestId('projector-button')).toHaveAttribute('aria-pressed', 'false');
  await expect(lesson.playButton()).toHaveAttribute('aria-pressed', 'false');
  expect(await page.evaluate(() => document.fullscreenElement)).toBeNull();

  // The same in the field of a: typing 9 and Space there does not step.
  await lesson.paramField().focus();
  await page.keyboard.press('End');
  await page.keyboard.press('Space');
  await page.keyboard.press('PageDown');
  await expect(lesson.historyRows()).toHaveCount(0);

  await cell.fill('2');
  await cell.blur();
  await lesson.expectLoss('402.57');
});

test('M toggles projector mode, with the readouts at least 36 px at 1920×1080', async ({
  lesson,
  page,
}) => {
  expect(page.viewportSize()).toEqual({ width: 1920, height: 1080 });
  const projector = lesson.byTestId('projector-button');
  await expect(projector).toHaveAttribute('aria-pressed', 'false');

  await page.keyboard.press('m');
  await expect(projector).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('.app')).toHaveClass(/\bprojector\b/);

  // The numbers a lecture hall reads from the back: L, ∂L/∂a, a, γ and the update line.
  const readouts = {
    'L (loss-value)': lesson.lossValue(),
    '∂L/∂a (gradient-value)': lesson.gradientValue(),
    'a (param-a)': lesson.paramField(),
    'γ (learning-rate)': lesson.byTestId('learning-rate'),
    'update line (worked-update)': lesson.workedUpdate(),
  };
  const small: string[] = [];
  for (const [name, locator] of Object.entries(readouts)) {
    await expect(locator, name).toBeVisible();
    const size = await locator.evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
    if (!(size >= 36)) small.push(`${name}: ${size}px`);
  }
  expect(small, 'readouts under 36 CSS px in projector mode').toEqual([]);
  const fontSize = (e: Element) => parseFloat(getComputedStyle(e).fontSize);
  const lossSize = await lesson.lossValue().evaluate(fontSize);
  expect(lossSize).toBeGreaterThanOrEqual(36);
  // The step history is folded away.
  await expect(lesson.byTestId('history-table')).toBeHidden();
  await lesson.screenshot('classroom-keys--projector-1920x1080');

  await page.keyboard.press('M');
  await expect(projector).toHaveAttribute('aria-pressed', 'false');
  await expect(page.locator('.app')).not.toHaveClass(/\bprojector\b/);
  const normalSize = await lesson.lossValue().evaluate(fontSize);
  expect(normalSize).toBeLessThan(lossSize);
});

test('F switches fullscreen on and off', async ({ lesson, page }) => {
  const button = lesson.byTestId('fullscreen-button');
  await expect(button).toHaveAttribute('aria-pressed', 'false');
  await page.keyboard.press('f');
  await expect.poll(() => page.evaluate(() => document.fullscreenElement !== null)).toBe(true);
  await expect(button).toHaveAttribute('aria-pressed', 'true');
  await expect(button).toHaveText('Exit fullscreen');
  await page.keyboard.press('F');
  await expect.poll(() => page.evaluate(() => document.fullscreenElement !== null)).toBe(false);
  await expect(button).toHaveAttribute('aria-pressed', 'false');
  await expect(button).toHaveText('Fullscreen');
});

test('on a 1280×720 projector, in Lithuanian, both charts keep a plotting area and the title one line', async ({
  lesson,
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await lesson.byTestId('language-select').selectOption('lt');
  await releaseFocus(page);
  await page.keyboard.press('m');
  await expect(page.locator('.app')).toHaveClass(/\bprojector\b/);

  // Each chart writes where its plotting area landed (left, top, right, bottom in CSS px)
  // after every draw, and removes it when the canvas had no room for one.
  for (const id of ['chart-data', 'chart-loss']) {
    const canvas = lesson.byTestId(id);
    await expect(canvas, id).toHaveAttribute('data-frame', /\d/);
    const [left, top, right, bottom] = ((await canvas.getAttribute('data-frame')) ?? '')
      .split(',')
      .map(Number);
    expect(right - left, `${id}: plot width`).toBeGreaterThan(300);
    expect(bottom - top, `${id}: plot height`).toBeGreaterThan(80);
  }
  // The long Lithuanian title does not wrap under the toolbar.
  const title = page.locator('.topbar h1');
  const [height, lineHeight] = await title.evaluate((e) => [
    e.getBoundingClientRect().height,
    parseFloat(getComputedStyle(e).lineHeight) || parseFloat(getComputedStyle(e).fontSize) * 1.2,
  ]);
  expect(height).toBeLessThan(lineHeight * 1.5);
  // After a few steps the right column still shows everything a lecture reads, without
  // scrolling: a, L, ∂L/∂a, γ, Step and the update line with its numbers.
  for (let i = 0; i < 3; i++) await lesson.step();
  const column = page.locator('.column.right');
  const [clientHeight, scrollHeight] = await column.evaluate((e) => [
    e.clientHeight,
    e.scrollHeight,
  ]);
  expect(scrollHeight).toBeLessThanOrEqual(clientHeight + 1);
  for (const locator of [
    lesson.paramField(),
    lesson.lossValue(),
    lesson.gradientValue(),
    lesson.byTestId('learning-rate'),
    lesson.stepButton(),
    lesson.workedUpdate(),
  ]) {
    await expect(locator).toBeInViewport({ ratio: 1 });
  }
  await lesson.screenshot('classroom-keys--projector-1280x720-lt');
});
