import { expect, test } from '../lesson-test';
import { MINUS, openInNewContext } from './classroom';

// Lithuanian and English (src/i18n): the glossary of ../shared/LECTURE.md on screen,
// numbers with a decimal comma in Lithuanian, both separators accepted in the fields, the
// choice remembered, and a Lithuanian browser opening in Lithuanian.

const LITHUANIAN_TITLE = 'Gradientinio nusileidimo laboratorija';

test('switching to Lithuanian shows the lecture’s terms and writes 402,57 with a decimal comma', async ({
  lesson,
  page,
}) => {
  await expect(page.locator('h1')).toHaveText('Descent Lab');
  await lesson.expectLoss('402.57');

  await lesson.byTestId('language-select').selectOption('lt');
  await expect(page.locator('h1')).toHaveText(LITHUANIAN_TITLE);
  await expect(page.locator('.app')).toHaveAttribute('lang', 'lt');
  // Glossary terms, as the panels write them (textContent: the h2 are upper-cased by CSS).
  const main = page.locator('main');
  await expect(main).toContainText('Nuostolių funkcija');
  await expect(main).toContainText('Gradientinis nusileidimas');
  await expect(main).toContainText('Mokymosi greitis γ');
  await expect(main).toContainText('Duomenys vs. modelio spėjimai');
  await expect(lesson.stepButton()).toHaveText('Žingsnis');
  await expect(lesson.playButton()).toHaveText('Leisti');

  await lesson.expectLoss('402,57');
  await lesson.expectGradient(`${MINUS}447,3`);
  // The full value behind the readout is the same number.
  expect((await lesson.readLoss()).value).toBeCloseTo(402.57, 9);

  // One step: the field of a and the history write 9,3419.
  await lesson.step();
  await expect(lesson.paramField()).toHaveValue('9,3419');
  await expect(lesson.historyCell(0, 'next')).toHaveText('9,3419');

  // And back: English again, decimal point.
  await lesson.byTestId('language-select').selectOption('en');
  await expect(page.locator('h1')).toHaveText('Descent Lab');
  await expect(lesson.paramField()).toHaveValue('9.3419');
});

test('comma and point input are both accepted, in either language', async ({ lesson }) => {
  await lesson.byTestId('language-select').selectOption('lt');
  await lesson.setA('11,5');
  await lesson.expectLoss('359,0825');
  await lesson.expectGradient('422,45');
  expect((await lesson.readLoss()).value).toBeCloseTo(359.0825, 9);

  await lesson.setA('9');
  await lesson.expectLoss('79,52');
  await lesson.setA('11.5');
  await lesson.expectLoss('359,0825');

  // γ with a comma: one step from a = 8 with γ = 0,003 lands on 9,3419.
  await lesson.setA('8');
  await lesson.setLearningRate('0,003');
  await lesson.step();
  await expect(lesson.paramField()).toHaveValue('9,3419');

  // A table cell with a decimal comma: 98,0 is 98.
  await lesson.setA('8');
  await lesson.setCell(2, 'y', '98,0');
  await lesson.expectLoss('402,57');

  await lesson.byTestId('language-select').selectOption('en');
  await lesson.setA('11,5');
  await lesson.expectLoss('359.0825');
});

test('the language chosen is remembered after a reload', async ({ lesson, page }) => {
  await lesson.byTestId('language-select').selectOption('lt');
  await expect(page.locator('h1')).toHaveText(LITHUANIAN_TITLE);
  await expect
    .poll(() => page.evaluate(() => localStorage.getItem('descent-lab/lang')))
    .toBe('lt');

  await page.reload();
  await expect(page.locator('h1')).toHaveText(LITHUANIAN_TITLE);
  await expect(lesson.byTestId('language-select')).toHaveValue('lt');
  await lesson.expectLoss('402,57');

  await lesson.byTestId('language-select').selectOption('en');
  await expect
    .poll(() => page.evaluate(() => localStorage.getItem('descent-lab/lang')))
    .toBe('en');
  await page.reload();
  await expect(page.locator('h1')).toHaveText('Descent Lab');
  await lesson.expectLoss('402.57');
});

test('a browser whose language is lt-LT opens in Lithuanian, an en-US one in English', async ({
  browser,
  baseURL,
}) => {
  const lithuanian = await openInNewContext(browser, baseURL, '/', { locale: 'lt-LT' });
  try {
    expect(await lithuanian.lesson.page.evaluate(() => navigator.language)).toBe('lt-LT');
    await expect(lithuanian.lesson.page.locator('h1')).toHaveText(LITHUANIAN_TITLE);
    await expect(lithuanian.lesson.byTestId('language-select')).toHaveValue('lt');
    await lithuanian.lesson.expectLoss('402,57');
    await lithuanian.lesson.screenshot('classroom-language--lt-LT-browser');
    lithuanian.lesson.expectNoErrors();
  } finally {
    await lithuanian.close();
  }

  const english = await openInNewContext(browser, baseURL, '/', { locale: 'en-US' });
  try {
    await expect(english.lesson.page.locator('h1')).toHaveText('Descent Lab');
    await english.lesson.expectLoss('402.57');
    english.lesson.expectNoErrors();
  } finally {
    await english.close();
  }
});

test('the page itself takes the language: <html lang> for screen readers, and the tab title', async ({
  lesson,
  page,
}) => {
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page).toHaveTitle('Descent Lab');
  await lesson.byTestId('language-select').selectOption('lt');
  await expect(page.locator('html')).toHaveAttribute('lang', 'lt');
  await expect(page).toHaveTitle(LITHUANIAN_TITLE);
  await lesson.byTestId('language-select').selectOption('en');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page).toHaveTitle('Descent Lab');
});
