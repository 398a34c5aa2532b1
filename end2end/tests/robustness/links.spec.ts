import { expect, test } from '../lesson-test';
import {
  BEFORE_LINK_KEY,
  expectNoPanic,
  expectSaved,
  expectStepMovesA,
  LESSON_KEY,
  lectureLesson,
  linkFragment,
  openFresh,
  savedLesson,
  screenshotBadState,
  watchDialogs,
} from './support';

// Share links that cannot be read: the app opens the lecture's lesson with a notice —
// never a blank page — and leaves the saved work alone, so nothing the student made is
// lost: the notice offers to open it ("Open my saved work"), and a change to the default
// lesson copies it aside before replacing it. Links are opened as a fresh page load (from
// about:blank), as when a student clicks one in a chat.

const BAD_LINK = 'The link could not be read; the default lesson is open instead.';

/** A malformed link, as a chat app that cut it short might leave it. */
const MALFORMED = '#v1.!!!';

function withChanges(changes: Record<string, unknown>): string {
  return JSON.stringify({ ...lectureLesson(), ...changes });
}

/** Saved work that differs from the lecture: 44.1 typed as 44 in row 2. */
const SAVED_WORK = JSON.stringify({
  ...lectureLesson(),
  table: { labels: { x: 'x', y: 'y' }, rows: [['2', '19.6'], ['4.5', '44'], ['10', '98']] },
});

test.beforeEach(async ({ lesson, page }) => {
  await page.evaluate(([key, json]) => localStorage.setItem(key, json), [LESSON_KEY, SAVED_WORK]);
  await page.reload();
  await expect(lesson.cell(1, 'y')).toHaveValue('44');
});

const realLink = linkFragment(JSON.stringify(lectureLesson()));

const badLinks: Array<[string, string]> = [
  ['malformed (#v1.!!!)', '#v1.!!!'],
  ['truncated', realLink.slice(0, Math.floor(realLink.length / 2))],
  ['cut by one character', realLink.slice(0, -1)],
  ['of an older version (#v0.)', realLink.replace('#v1.', '#v0.')],
  ['not a lesson at all (#<script>…)', '#<script>alert(1)</script>'],
  ['with NaN in the JSON', linkFragment(withChanges({ params: 'NaN' }).replace('"NaN"', 'NaN'))],
  ['with a huge a (1e300)', linkFragment(withChanges({ params: [1e300], start: [1e300] }))],
  ['with a number beyond f64 (1e999)', linkFragment(withChanges({}).replace('0.003', '1e999'))],
  ['with a negative γ', linkFragment(withChanges({ learning_rate: -1 }))],
  ['with parameters that do not fit the model', linkFragment(withChanges({ params: [1, 2, 3] }))],
  [
    'with 100 001 rows',
    linkFragment(
      withChanges({ table: { labels: { x: 'x', y: 'y' }, rows: Array(100_001).fill(['1', '2']) } }),
    ),
  ],
  [
    'of base64 of random bytes',
    `#v1.${Buffer.from([0xff, 0xfe, 0x00, 0x80, 0x7b]).toString('base64url')}`,
  ],
];

for (const [what, fragment] of badLinks) {
  test(`a share link ${what} opens the default lesson with a notice and keeps the saved work`, async ({
    lesson,
    page,
  }) => {
    const dialogs = watchDialogs(page);
    const saved = await savedLesson(page);
    await openFresh(lesson, `/${fragment}`);
    await expect(lesson.byTestId('notice')).toHaveText(BAD_LINK);
    // The lecture's lesson is open, and the address bar no longer holds the bad link.
    await expect(lesson.cell(1, 'y')).toHaveValue('44.1');
    await lesson.expectLoss('402.57');
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('');
    if (what.startsWith('malformed')) await screenshotBadState(lesson, 'malformed-link');
    // The saved work is untouched, and opening the app without the link brings it back.
    // (Only a change made to the default lesson would replace it: every change is saved.)
    expect(await savedLesson(page)).toBe(saved);
    await openFresh(lesson, '/');
    await expect(lesson.cell(1, 'y')).toHaveValue('44');
    await expect(lesson.byTestId('notice')).toHaveCount(0);
    await expectStepMovesA(lesson);
    expect(dialogs).toEqual([]);
    await expectNoPanic(lesson);
  });
}

test('a bad link pasted into the address bar of an open lesson leaves the lesson as it is', async ({
  lesson,
  page,
}) => {
  await lesson.setCell(2, 'x', '10,5');
  await page.evaluate(() => {
    location.hash = '#v1.eyJ2ZXJzaW9uIjox';
  });
  await expect(lesson.byTestId('notice')).toHaveText(
    'The link could not be read; your lesson is unchanged.',
  );
  await expect(lesson.cell(2, 'x')).toHaveValue('10,5');
  await expect(lesson.cell(1, 'y')).toHaveValue('44');
  await expectStepMovesA(lesson);
  await expectNoPanic(lesson);
});

test('a valid link full of hostile cells opens with every bad cell flagged', async ({
  lesson,
  page,
}) => {
  const dialogs = watchDialogs(page);
  const rows = [
    ['1e308', '1e308'],
    ['NaN', '<b>bold</b>'],
    ['−0', '"quoted"'],
    ['2', '19.6'],
  ];
  await openFresh(
    lesson,
    `/${linkFragment(withChanges({ table: { labels: { x: 'x', y: 'y' }, rows } }))}`,
  );
  // The saved work it replaced is kept aside and offered (issue 14, item 1).
  await expect(lesson.byTestId('open-saved-work')).toBeVisible();
  await expect(lesson.cell(0, 'x')).toHaveValue('1e308');
  await expect(lesson.cell(1, 'y')).toHaveValue('<b>bold</b>');
  await expect(lesson.cell(2, 'y')).toHaveValue('"quoted"');
  await expect(lesson.cell(1, 'y')).toHaveAttribute('aria-invalid', 'true');
  await expect(lesson.status()).toContainText('2 rows ignored (rows 2, 3)');
  await expect(lesson.status()).toContainText('The loss L is too large to compute');
  await expect(page.locator('b')).toHaveCount(0);
  await screenshotBadState(lesson, 'hostile-link');
  // Fixing the overflowing row brings the lesson back to life.
  await lesson.setCell(0, 'x', '10');
  await lesson.setCell(0, 'y', '98');
  await expectStepMovesA(lesson);
  expect(dialogs).toEqual([]);
  await expectNoPanic(lesson);
});

test('a bad link offers the saved work, and the button opens it as the app opens saved work', async ({
  lesson,
  page,
}) => {
  const dialogs = watchDialogs(page);
  await openFresh(lesson, `/${MALFORMED}`);
  await expect(lesson.byTestId('notice')).toHaveText(BAD_LINK);
  await expect(lesson.cell(1, 'y')).toHaveValue('44.1');
  const open = lesson.byTestId('open-saved-work');
  await expect(open).toHaveText('Open my saved work');
  await screenshotBadState(lesson, 'bad-link-offers-saved-work');
  expect(await lesson.axeViolations(), 'WCAG 2.1 AA with the offer shown').toEqual([]);
  expect(await savedLesson(page)).toBe(SAVED_WORK);

  // A real button, which the keyboard reaches and presses.
  await expect(open).toHaveJSProperty('tagName', 'BUTTON');
  await open.focus();
  await expect(open).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(lesson.cell(1, 'y')).toHaveValue('44');
  await expect(lesson.byTestId('notice')).toHaveCount(0);
  await expect(open).toHaveCount(0);
  // A normal opening: nothing to undo, no steps, the picker shows no preset.
  await expect(lesson.byTestId('undo-edit')).toBeDisabled();
  await expect(lesson.historyRows()).toHaveCount(0);
  await expect(lesson.byTestId('preset-select')).toHaveValue('');
  await expectStepMovesA(lesson);
  // It is the saved work again, so a reload opens it.
  await expectSaved(page, (json) => json.includes('"44"') && !json.includes('"44.1"'));
  await openFresh(lesson, '/');
  await expect(lesson.cell(1, 'y')).toHaveValue('44');
  expect(dialogs).toEqual([]);
  await expectNoPanic(lesson);
});

test('a change after a bad link copies the saved work aside first, and the button still opens it', async ({
  lesson,
  page,
}) => {
  await openFresh(lesson, `/${MALFORMED}`);
  await expect(lesson.byTestId('notice')).toHaveText(BAD_LINK);
  await lesson.setCell(0, 'x', '3');
  // The change is saved, replacing the saved work under the main key…
  await expectSaved(page, (json) => json.includes('"3"'));
  // …which was copied aside, exactly as it was, before that.
  expect(
    await page.evaluate((key) => localStorage.getItem(key), BEFORE_LINK_KEY),
  ).toBe(SAVED_WORK);

  await lesson.byTestId('open-saved-work').click();
  await expect(lesson.cell(1, 'y')).toHaveValue('44');
  await expect(lesson.cell(0, 'x')).toHaveValue('2');
  await expect(lesson.byTestId('notice')).toHaveCount(0);
  await expect(lesson.byTestId('undo-edit')).toBeDisabled();
  await expectSaved(page, (json) => json.includes('"44"') && !json.includes('"3"'));
  await openFresh(lesson, '/');
  await expect(lesson.cell(1, 'y')).toHaveValue('44');
  await expect(lesson.cell(0, 'x')).toHaveValue('2');
  await expectNoPanic(lesson);
});

test('after a bad link and a change, the earlier saved work stays in storage under the backup key', async ({
  lesson,
  page,
}) => {
  await openFresh(lesson, `/${MALFORMED}`);
  await lesson.setCell(2, 'y', '97');
  await lesson.setA('9');
  await expectSaved(page, (json) => json.includes('"97"') && json.includes('"params":[9'));
  // The offer was not taken: a reload opens what the student made since (the main key),
  // and the earlier work is still kept aside, whole.
  await openFresh(lesson, '/');
  await expect(lesson.cell(2, 'y')).toHaveValue('97');
  const kept = await page.evaluate((key) => localStorage.getItem(key), BEFORE_LINK_KEY);
  expect(kept).toBe(SAVED_WORK);
  await expectNoPanic(lesson);
});

test('saved work that cannot be copied aside is not replaced: the change is reported as not saved', async ({
  lesson,
  page,
}) => {
  await openFresh(lesson, `/${MALFORMED}`);
  await page.evaluate((backupKey) => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key: string, value: string) {
      if (key === backupKey) {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      setItem.call(this, key, value);
    };
  }, BEFORE_LINK_KEY);
  await lesson.setCell(0, 'x', '3');
  await expect(lesson.byTestId('notice')).toHaveText(
    'The browser’s storage is full, so the latest changes were not saved.',
  );
  await expect(lesson.cell(0, 'x')).toHaveValue('3');
  expect(await savedLesson(page)).toBe(SAVED_WORK);
  // Leaving the page (pagehide saves) does not replace it either.
  await openFresh(lesson, '/');
  await expect(lesson.cell(1, 'y')).toHaveValue('44');
  await expect(lesson.cell(0, 'x')).toHaveValue('2');
  await expectNoPanic(lesson);
});

test('a bad link offers nothing when there is no saved work or it is just the default lesson', async ({
  lesson,
  page,
}) => {
  for (const stored of [null, JSON.stringify(lectureLesson())]) {
    await page.evaluate(
      ([key, json]) => (json === null ? localStorage.removeItem(key) : localStorage.setItem(key, json)),
      [LESSON_KEY, stored] as const,
    );
    await openFresh(lesson, `/${MALFORMED}`);
    await expect(lesson.byTestId('notice')).toHaveText(BAD_LINK);
    await expect(lesson.byTestId('open-saved-work')).toHaveCount(0);
  }
  await expectNoPanic(lesson);
});

test('the offer speaks the student’s language', async ({ lesson, page }) => {
  await page.evaluate(() => localStorage.setItem('descent-lab/lang', 'lt'));
  await openFresh(lesson, `/${MALFORMED}`);
  await expect(lesson.byTestId('open-saved-work')).toHaveText('Atverti išsaugotą darbą');
  await lesson.byTestId('open-saved-work').click();
  await expect(lesson.cell(1, 'y')).toHaveValue('44');
  await expectNoPanic(lesson);
});
