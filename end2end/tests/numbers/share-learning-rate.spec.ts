import type { Page } from '@playwright/test';
import { expect, test } from '../lesson-test';
import type { LessonPage } from '../lesson-page';
import { clipboardText, grantClipboard, openInNewContext } from '../classroom/classroom';

// Issue 14, item 9: a share link carries the lesson as the screen shows it, or Copy link
// says why it cannot. A γ field holding text that is not a positive number (abc, 0, −1)
// cannot travel in a link, which carries γ as a number; γ = 1e300 can, exactly.

const SENTINEL = 'nothing copied yet';

async function clickCopyLink(lesson: LessonPage, page: Page): Promise<void> {
  await grantClipboard(page);
  await page.evaluate((text) => navigator.clipboard.writeText(text), SENTINEL);
  await lesson.byTestId('copy-link').click();
}

for (const text of ['abc', '0', '-1']) {
  test(`Copy link with γ = ${text} copies nothing and says why`, async ({ lesson, page }) => {
    await lesson.setLearningRate(text);
    await clickCopyLink(lesson, page);
    await expect(lesson.byTestId('notice')).toHaveText(
      `No link was copied: the γ field holds “${text}”, not a positive number, so a link ` +
        'would open the lesson with another γ. Type a γ such as 0.003 first.',
    );
    await expect(lesson.byTestId('copy-link')).toHaveText('Copy link');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(SENTINEL);
    // With a valid γ again, the link is copied.
    await lesson.setLearningRate('0,01');
    await lesson.byTestId('copy-link').click();
    await expect(lesson.byTestId('copy-link')).toHaveText('Link copied');
  });
}

test('a link made with γ = 1e300 opens with γ = 1e300', async ({
  lesson,
  page,
  browser,
  baseURL,
}) => {
  await lesson.setLearningRate('1e300');
  await clickCopyLink(lesson, page);
  await expect(lesson.byTestId('copy-link')).toHaveText('Link copied');
  const link = await clipboardText(page, /#v1\./);
  const { pathname, hash } = new URL(link);
  const other = await openInNewContext(browser, baseURL, pathname + hash);
  try {
    await expect(other.lesson.byTestId('learning-rate')).toHaveValue('1e300');
    other.lesson.expectNoErrors();
  } finally {
    await other.close();
  }
});
