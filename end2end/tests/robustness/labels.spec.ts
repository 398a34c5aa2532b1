import type { Page } from '@playwright/test';
import { expect, test } from '../lesson-test';
import {
  expectNoPanic,
  expectStepMovesA,
  openFresh,
  screenshotBadState,
  watchDialogs,
} from './support';

// Column names that look like HTML must stay text everywhere they appear: in the header
// field, in the charts' axis labels (canvas text, recorded here by wrapping fillText), in
// the cells' accessible names, and through a share link. Had any of them been parsed as
// HTML, the <img> would exist, its onerror would call alert (a dialog), or the CSP would
// report the inline handler it blocked — each of which fails these tests.

const IMG = '<img src=x onerror=alert(1)>';
const SCRIPT = '<script>alert(2)</script>';

test.beforeEach(async ({ lesson, page }) => {
  await page.addInitScript(() => {
    const drawn = new Set<string>();
    (window as unknown as { __drawnTexts: Set<string> }).__drawnTexts = drawn;
    const fillText = CanvasRenderingContext2D.prototype.fillText;
    CanvasRenderingContext2D.prototype.fillText = function (
      text: string,
      ...rest: [number, number]
    ) {
      drawn.add(String(text));
      return fillText.call(this, text, ...rest);
    };
  });
  await page.reload();
});

/** Whether the charts have drawn `text` as canvas text since the page loaded. */
function drawn(page: Page, text: string): Promise<boolean> {
  return page.evaluate(
    (t) => (window as unknown as { __drawnTexts: Set<string> }).__drawnTexts.has(t),
    text,
  );
}

/** Nothing that looks like markup became an element. */
async function expectNoInjectedElements(page: Page): Promise<void> {
  await expect(page.locator('img')).toHaveCount(0);
  expect(
    await page.evaluate(() =>
      [...document.scripts].filter((s) => s.textContent?.includes('alert')).length,
    ),
  ).toBe(0);
}

test('a column label of <img src=x onerror=alert(1)> is plain text in the table and the charts', async ({
  lesson,
  page,
}) => {
  const dialogs = watchDialogs(page);
  await lesson.renameColumn('x', IMG);
  await lesson.renameColumn('y', SCRIPT);
  await expect(lesson.columnLabel('x')).toHaveValue(IMG);
  await expect(lesson.columnLabel('y')).toHaveValue(SCRIPT);
  // The charts write the names as axis labels, character for character.
  await expect.poll(() => drawn(page, IMG)).toBe(true);
  await expect.poll(() => drawn(page, SCRIPT)).toBe(true);
  // The cells are named after their column, as text in an attribute.
  await expect(lesson.cell(0, 'x')).toHaveAttribute('aria-label', `${IMG} 1`);
  await expect(lesson.cell(2, 'y')).toHaveAttribute('aria-label', `${SCRIPT} 3`);
  // The charts' text alternatives are intact, and the lesson goes on as before.
  await expect(lesson.byTestId('chart-data')).toHaveAttribute(
    'aria-label',
    /a = 8; the loss is L = 402\.57/,
  );
  await expect(lesson.byTestId('chart-loss')).toHaveAttribute(
    'aria-label',
    /a = 8, where L = 402\.57/,
  );
  await expect(lesson.status()).toContainText('Press Step');
  await expectNoInjectedElements(page);
  await screenshotBadState(lesson, 'img-label');
  await expectStepMovesA(lesson);
  expect(dialogs).toEqual([]);
  await expectNoPanic(lesson);
});

test('the <img …> label survives a share-link round trip as text', async ({
  lesson,
  page,
  baseURL,
}) => {
  const dialogs = watchDialogs(page);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
  await lesson.renameColumn('x', IMG);
  await lesson.setCell(0, 'y', '19,6');
  await lesson.byTestId('copy-link').click();
  // The link lands on the clipboard; where the browser refuses, the app shows it to copy
  // by hand. Either way it is the same link.
  let link = '';
  await expect
    .poll(async () => {
      const byHand = lesson.byTestId('copy-by-hand-text');
      link = (await byHand.isVisible())
        ? await byHand.inputValue()
        : await page.evaluate(() => navigator.clipboard.readText().catch(() => ''));
      return link.includes('#v1.');
    })
    .toBe(true);
  await expect(lesson.byTestId('copy-link')).toHaveText('Link copied');
  await expect(lesson.byTestId('notice')).toHaveText('Link copied');
  const fragment = link.slice(link.indexOf('#'));
  const json = JSON.parse(Buffer.from(fragment.slice('#v1.'.length), 'base64url').toString('utf8'));
  expect(json.table.labels.x).toBe(IMG);

  // Opened over other saved work, the label is the same text; the only notice is the
  // offer of the work the link set aside (issue 14: a link never replaces it silently).
  await lesson.renameColumn('x', 'x');
  await openFresh(lesson, `/${fragment}`);
  await expect(lesson.byTestId('notice')).toHaveCount(1);
  await expect(lesson.byTestId('open-saved-work')).toBeVisible();
  await expect(lesson.columnLabel('x')).toHaveValue(IMG);
  await expect(lesson.cell(0, 'y')).toHaveValue('19,6');
  await expect.poll(() => drawn(page, IMG)).toBe(true);
  await expect(lesson.status()).toContainText('Press Step');
  await expectNoInjectedElements(page);
  await expectStepMovesA(lesson);
  expect(dialogs).toEqual([]);
  await expectNoPanic(lesson);
});

test('a cell of markup is kept as typed text and flagged, not rendered', async ({
  lesson,
  page,
}) => {
  const dialogs = watchDialogs(page);
  await lesson.setCell(1, 'x', IMG);
  await expect(lesson.cell(1, 'x')).toHaveValue(IMG);
  await expect(lesson.cell(1, 'x')).toHaveAttribute('aria-invalid', 'true');
  // The message quotes the first 23 characters of the cell, as text.
  await expect(lesson.cell(1, 'x')).toHaveAttribute(
    'title',
    `Row 2, column x: “${IMG.slice(0, 23)}…” is not a number.`,
  );
  await expect(lesson.status()).toContainText('1 row ignored (row 2)');
  await expectNoInjectedElements(page);
  await expectStepMovesA(lesson);
  expect(dialogs).toEqual([]);
  await expectNoPanic(lesson);
});
