import { expect, test } from '../lesson-test';
import {
  expectNoPanic,
  expectSaved,
  expectStepMovesA,
  LESSON_KEY,
  lectureLesson,
  savedLesson,
  screenshotBadState,
} from './support';

// Saved work in localStorage that cannot be used: corrupt, from another version, out of
// bounds, or a storage that refuses to work at all. The app opens the lecture with a
// notice and never throws the stored text away behind the student's back: it stays under
// its key until a change, and is copied aside before that change replaces it.

/** Where unreadable saved work is kept aside (src/classroom/storage.rs). */
const UNREADABLE_KEY = 'descent-lab/lesson/v1/unreadable';

const UNREADABLE = 'The saved lesson could not be read; the default lesson is open instead.';

const corrupt: Array<[string, string]> = [
  ['garbage', 'not json at all {'],
  ['truncated JSON', '{"version":1,"table":{"labels":{"x":"x","y"'],
  ['JSON null', 'null'],
  ['another version', '{"version":99,"table":{}}'],
  ['an a of 1e300', JSON.stringify({ ...lectureLesson(), params: [1e300] })],
  ['an unknown model', JSON.stringify({ ...lectureLesson(), model: '<script>' })],
  ['a γ of 0', JSON.stringify({ ...lectureLesson(), learning_rate: 0 })],
];

for (const [what, text] of corrupt) {
  test(`saved work that is ${what} opens the lecture with a notice and is not overwritten`, async ({
    lesson,
    page,
  }) => {
    await page.evaluate(([key, value]) => localStorage.setItem(key, value), [LESSON_KEY, text]);
    await page.reload();
    await expect(lesson.byTestId('notice')).toHaveText(UNREADABLE);
    await expect(lesson.cell(1, 'y')).toHaveValue('44.1');
    await lesson.expectLoss('402.57');
    // Opening the default lesson does not destroy what was stored: only a change does.
    expect(await savedLesson(page)).toBe(text);
    if (what === 'garbage') await screenshotBadState(lesson, 'corrupt-storage');
    await expectStepMovesA(lesson);
    await expectSaved(page, (json) => json.startsWith('{"version":1'));
    // The change replaced the stored text, which was kept aside first, exactly as it was.
    expect(await page.evaluate((key) => localStorage.getItem(key), UNREADABLE_KEY)).toBe(text);
    await expectNoPanic(lesson);
  });
}

test('a browser without storage opens the lecture, says nothing will be saved, and works', async ({
  lesson,
  page,
}) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
  });
  await page.reload();
  await expect(lesson.byTestId('notice')).toHaveText(
    'This browser does not allow saving, so the lesson will be lost when the page is closed.',
  );
  await lesson.setCell(0, 'y', '19,6');
  await expect(lesson.cell(0, 'y')).toHaveValue('19,6');
  await expectStepMovesA(lesson);
  await expectNoPanic(lesson);
});

test('a full storage is reported once, and the lesson goes on', async ({ lesson, page }) => {
  await page.evaluate(() => {
    Storage.prototype.setItem = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await lesson.setCell(0, 'y', '20');
  await expect(lesson.byTestId('notice')).toHaveText(
    'The browser’s storage is full, so the latest changes were not saved.',
  );
  await expect(lesson.cell(0, 'y')).toHaveValue('20');
  await expectStepMovesA(lesson);
  await expectNoPanic(lesson);
});
