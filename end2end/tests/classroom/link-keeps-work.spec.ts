import { expect, test } from '../lesson-test';
import { expectCells, expectSavedContaining } from './classroom';
import { BEFORE_LINK_KEY, linkFragment, lectureLesson, openFresh } from '../robustness/support';

// A share link opens its lesson, and the saved work it displaced stays recoverable from
// the `open-saved-work` notice until the student opens or dismisses it — after steps,
// edits and reloads too (src/classroom/start.rs, saving.rs).

const FORCE_LINK = linkFragment(
  JSON.stringify({
    ...lectureLesson(),
    table: { labels: { x: 'm', y: 'F' }, rows: [['1', '9.8'], ['2', '19.6']] },
  }),
);

test('a link sets the saved work aside and offers it until opened, across reloads', async ({
  lesson,
  page,
}) => {
  await lesson.setCell(0, 'y', '111');
  await expectSavedContaining(page, '"111"');

  await openFresh(lesson, `/${FORCE_LINK}`);
  await expectCells(lesson, ['1', '9.8', '2', '19.6']);
  const open = lesson.byTestId('open-saved-work');
  await expect(open).toBeVisible();
  await lesson.screenshot('classroom-link-keeps-work--offer');
  // One step and an edit later the offer still stands…
  await lesson.step();
  await lesson.setCell(1, 'y', '19.5');
  await expect(open).toBeVisible();
  await expectSavedContaining(page, '"19.5"');
  // …and after a reload.
  await page.reload();
  await expect(page.locator('h1')).toBeVisible();
  await expect(lesson.cell(1, 'y')).toHaveValue('19.5');
  await expect(open).toBeVisible();

  await open.click();
  await expectCells(lesson, ['2', '111', '4.5', '44.1', '10', '98']);
  await expect(open).toHaveCount(0);
  // Opened, it is the saved work again: a reload opens it and offers nothing.
  await page.reload();
  await expect(page.locator('h1')).toBeVisible();
  await expect(lesson.cell(0, 'y')).toHaveValue('111');
  await expect(lesson.byTestId('open-saved-work')).toHaveCount(0);
});

test('dismissing the offer forgets the work a link set aside', async ({ lesson, page }) => {
  await lesson.setCell(0, 'y', '111');
  await expectSavedContaining(page, '"111"');
  await openFresh(lesson, `/${FORCE_LINK}`);
  await expect(lesson.byTestId('open-saved-work')).toBeVisible();
  await lesson.byTestId('dismiss-saved-work').click();
  await expect(lesson.byTestId('open-saved-work')).toHaveCount(0);
  expect(await page.evaluate((key) => localStorage.getItem(key), BEFORE_LINK_KEY)).toBeNull();
  await page.reload();
  await expect(page.locator('h1')).toBeVisible();
  await expect(lesson.byTestId('open-saved-work')).toHaveCount(0);
  await expectCells(lesson, ['1', '9.8', '2', '19.6']);
});

test('saved work with a race that a link set aside opens with one click, in the full build', async ({
  lesson,
  page,
}) => {
  await lesson.goto('/?full');
  await lesson.setCell(0, 'y', '111');
  await lesson.byTestId('optimizer-momentum').check();
  await expectSavedContaining(page, 'momentum');

  // The link's lesson needs only the first-load build, which cannot read the race.
  const requests: string[] = [];
  page.on('request', (request) => requests.push(new URL(request.url()).pathname));
  await openFresh(lesson, `/${FORCE_LINK}`);
  await expectCells(lesson, ['1', '9.8', '2', '19.6']);
  const full = await page.locator('script[data-wasm-js]').getAttribute('data-full-wasm');
  expect(full).toMatch(/_bg\.wasm$/);
  expect(requests).not.toContain(full);
  const open = lesson.byTestId('open-saved-work');
  await expect(open).toBeVisible();

  // One click: the page reloads into the full build, which opens the work at once.
  await open.click();
  await expect(lesson.byTestId('race-momentum')).toBeVisible();
  await expect(lesson.cell(0, 'y')).toHaveValue('111');
  await expect(lesson.byTestId('optimizer-momentum')).toBeChecked();
  await expect(lesson.byTestId('open-saved-work')).toHaveCount(0);
  expect(new URL(page.url()).search).toBe('?full');
  expect(requests).toContain(full);
  // Opened, it is the saved work again: a reload opens it and offers nothing.
  await page.reload();
  await expect(lesson.cell(0, 'y')).toHaveValue('111');
  await expect(lesson.byTestId('open-saved-work')).toHaveCount(0);
});
