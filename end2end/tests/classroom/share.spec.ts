import type { Page } from '@playwright/test';
import { expect, test } from '../lesson-test';
import type { LessonPage } from '../lesson-page';
import { clipboardText, expectCells, grantClipboard, openInNewContext } from './classroom';

// Share links (src/classroom/share.rs): Copy link puts the whole lesson in the URL's
// fragment; another browser opening it gets exactly that lesson. A link that cannot be
// read opens the lecture's lesson with a notice, never a blank page.

const BAD_LINK_NOTICE = 'The link could not be read; the default lesson is open instead.';

/** Clicks Copy link and returns the link the clipboard received. */
async function copyLink(lesson: LessonPage, page: Page): Promise<string> {
  await grantClipboard(page);
  await page.evaluate(() => navigator.clipboard.writeText(''));
  await lesson.byTestId('copy-link').click();
  await expect(lesson.byTestId('copy-link')).toHaveText('Link copied');
  return clipboardText(page, /#v1\./);
}

test('a copied link opens the same lesson in a fresh browser: cells as typed, column names, model, loss, a, b, γ', async ({
  lesson,
  page,
  browser,
  baseURL,
}) => {
  // A lesson that differs from the lecture in everything a link carries.
  await lesson.renameColumn('x', 'm');
  await lesson.renameColumn('y', 'F');
  await lesson.setCell(0, 'x', '2,0');
  await lesson.setCell(1, 'y', '44.10');
  await lesson.addRow();
  await lesson.setCell(3, 'x', '1');
  await lesson.setCell(3, 'y', '9,8');
  await lesson.selectModel('affine');
  await lesson.selectLoss('mse');
  await lesson.setParam('a', '9,5');
  await lesson.setParam('b', '0.25');
  await lesson.byTestId('freeze-b').check();
  await lesson.setLearningRate('0,002');
  // One step, so that a differs from the start value the link also carries.
  await lesson.step();
  await expect(lesson.historyRows()).toHaveCount(1);
  const a = await lesson.paramField('a').inputValue();
  const aValue = await lesson.paramValue('a');
  const loss = await lesson.readLoss();
  expect(aValue).not.toBe(9.5);

  const link = await copyLink(lesson, page);
  expect(link.startsWith(`${baseURL}/#v1.`), link).toBe(true);

  const { pathname, hash } = new URL(link);
  const other = await openInNewContext(browser, baseURL, pathname + hash);
  try {
    const shared = other.lesson;
    await expect(shared.byTestId('notice')).toHaveCount(0);
    await expect(shared.rows()).toHaveCount(4);
    await expectCells(shared, ['2,0', '19.6', '4.5', '44.10', '10', '98', '1', '9,8']);
    await expect(shared.columnLabel('x')).toHaveValue('m');
    await expect(shared.columnLabel('y')).toHaveValue('F');
    await expect(shared.byTestId('model-select')).toHaveValue('affine');
    await expect(shared.byTestId('loss-select')).toHaveValue('mse');
    await expect(shared.byTestId('freeze-b')).toBeChecked();
    await expect(shared.paramField('a')).toHaveValue(a);
    expect(await shared.paramValue('a')).toBe(aValue);
    await expect(shared.paramField('b')).toHaveValue('0.25');
    await expect(shared.byTestId('learning-rate')).toHaveValue(/^0[.,]002$/);
    await expect(shared.lossValue()).toHaveText(loss.text);
    expect((await shared.readLoss()).value).toBe(loss.value);
    // The formulas use the shared column names.
    await expect(shared.byTestId('loss-formula')).toContainText('F');
    // The link's fragment is gone from the address bar (a reload keeps later changes).
    await expect.poll(() => shared.page.evaluate(() => location.hash)).toBe('');
    // The start value travelled too: Reset goes back to a = 9.5.
    await shared.reset();
    await expect(shared.paramField('a')).toHaveValue('9.5');
    await shared.screenshot('classroom-share--opened-link');
    shared.expectNoErrors();
  } finally {
    await other.close();
  }
});

/** The link of the lecture's lesson, as the app writes it. */
async function lectureLink(lesson: LessonPage, page: Page): Promise<URL> {
  return new URL(await copyLink(lesson, page));
}

const badLinks: Array<[string, (link: URL) => string]> = [
  ['a malformed link', () => '#v1.!!!not-base64!!!'],
  ['a truncated link', (link) => link.hash.slice(0, Math.floor(link.hash.length / 2))],
  ['a link of an older version', (link) => link.hash.replace('#v1.', '#v0.')],
];

for (const [what, make] of badLinks) {
  test(`${what} opens the lecture’s lesson with a notice, not a blank page`, async ({
    lesson,
    page,
    browser,
    baseURL,
  }) => {
    const link = await lectureLink(lesson, page);
    const fragment = make(link);
    expect(fragment).not.toBe(link.hash);

    const other = await openInNewContext(browser, baseURL, `/${fragment}`);
    try {
      const opened = other.lesson;
      await expect(opened.byTestId('notice')).toHaveText(BAD_LINK_NOTICE);
      await expect(opened.page.locator('h1')).toHaveText('Descent Lab');
      await expectCells(opened, ['2', '19.6', '4.5', '44.1', '10', '98']);
      await opened.expectLoss('402.57');
      await opened.step();
      await expect(opened.paramField()).toHaveValue('9.3419');
      await expect.poll(() => opened.page.evaluate(() => location.hash)).toBe('');
      opened.expectNoErrors();
    } finally {
      await other.close();
    }
  });
}
