import type { Dialog, Page } from '@playwright/test';
import { expect } from '../lesson-test';
import type { LessonPage } from '../lesson-page';

// What every bad-input case checks, whatever the input: the page did not panic (no
// console error, no uncaught exception — console_error_panic_hook prints a Rust panic's
// "panicked at" through console.error — and no CSP violation), it still responds, and the
// student's text is still there. Each spec adds the message it expects.

/** Where src/classroom/storage.rs keeps the lesson. */
export const LESSON_KEY = 'descent-lab/lesson/v1';

/** Where src/classroom/storage.rs copies the saved work before a bad link's page replaces it. */
export const BEFORE_LINK_KEY = 'descent-lab/lesson/v1/before-link';

/** U+2212, the minus sign the readouts write. */
export const MINUS = '\u2212';

/** No panic, no error, no CSP violation so far. */
export async function expectNoPanic(lesson: LessonPage): Promise<void> {
  expect(
    lesson.errors.filter((e) => e.includes('panicked at')),
    'Rust panics',
  ).toEqual([]);
  lesson.expectNoErrors();
  await lesson.expectNoCspViolations();
}

/** Step is enabled, and one click moves a (its full value in `data-value` changes). */
export async function expectStepMovesA(lesson: LessonPage): Promise<void> {
  const field = lesson.paramField();
  const before = await field.getAttribute('data-value');
  expect(before).not.toBeNull();
  await expect(lesson.stepButton()).toBeEnabled();
  await lesson.step();
  await expect(field).not.toHaveAttribute('data-value', before ?? '');
}

/** Step is enabled and one click adds a row to the history (for a that cannot move). */
export async function expectStepIsTaken(lesson: LessonPage): Promise<void> {
  const before = await lesson.historyRows().count();
  await expect(lesson.stepButton()).toBeEnabled();
  await lesson.step();
  await expect(lesson.historyRows()).toHaveCount(before + 1);
}

/** Step and Play are disabled: there is nothing they could do. */
export async function expectDescentDisabled(lesson: LessonPage): Promise<void> {
  await expect(lesson.stepButton()).toBeDisabled();
  await expect(lesson.playButton()).toBeDisabled();
}

/** A cell is flagged in place: aria-invalid, and its title says why. */
export async function expectCellFlagged(
  lesson: LessonPage,
  row: number,
  column: 'x' | 'y',
  message: string | RegExp,
): Promise<void> {
  const cell = lesson.cell(row, column);
  await expect(cell).toHaveAttribute('aria-invalid', 'true');
  await expect(cell).toHaveAttribute('title', message);
}

/** Every `alert`/`confirm`/`prompt` the page opens (a sign of injected script), dismissed. */
export function watchDialogs(page: Page): string[] {
  const dialogs: string[] = [];
  page.on('dialog', (dialog: Dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss().catch(() => undefined);
  });
  return dialogs;
}

/** The lesson JSON saved in localStorage, or null. */
export async function savedLesson(page: Page): Promise<string | null> {
  return page.evaluate((key) => localStorage.getItem(key), LESSON_KEY);
}

/** Waits until the saved lesson satisfies `check` (saving is debounced by ~300 ms). */
export async function expectSaved(page: Page, check: (json: string) => boolean): Promise<string> {
  let json = '';
  await expect
    .poll(
      async () => {
        json = (await savedLesson(page)) ?? '';
        return json !== '' && check(json);
      },
      { intervals: [50, 100] },
    )
    .toBe(true);
  return json;
}

/** `#v1.` + the URL-safe base64 of `json`: a share link's fragment, as descent-core writes it. */
export function linkFragment(json: string): string {
  return `#v1.${Buffer.from(json, 'utf8').toString('base64url')}`;
}

/** The lecture's lesson as the app saves it (descent-core `Lesson::to_json`). */
export function lectureLesson(): Record<string, unknown> {
  return {
    version: 1,
    table: {
      labels: { x: 'x', y: 'y' },
      rows: [
        ['2', '19.6'],
        ['4.5', '44.1'],
        ['10', '98'],
      ],
    },
    model: 'linear',
    loss: 'l2',
    frozen: [false],
    params: [8.0],
    start: [8.0],
    learning_rate: 0.003,
  };
}

/** Opens the app afresh at `path` (a full load, not a fragment change), e.g. with a link. */
export async function openFresh(lesson: LessonPage, path: string): Promise<void> {
  await lesson.page.goto('about:blank');
  await lesson.goto(path);
}

/**
 * Saves a 1920×1080 screenshot of a bad-input state as `artifacts/bad-input--<name>.png`
 * (the fixture's own screenshot shows the end of the test, after the page recovered).
 */
export async function screenshotBadState(lesson: LessonPage, name: string): Promise<void> {
  await lesson.screenshot(`bad-input--${name}`);
}
