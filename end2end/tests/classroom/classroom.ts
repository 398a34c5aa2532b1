import type { Browser, BrowserContextOptions, Locator, Page } from '@playwright/test';
import { expect } from '../lesson-test';
import { LessonPage } from '../lesson-page';

// What the classroom specs share: focus handling for the clicker keys, a second browser
// context (a student's fresh browser), the clipboard, and where a data point is drawn.

/** Where src/classroom/storage.rs keeps the lesson and the chosen language. */
export const LESSON_KEY = 'descent-lab/lesson/v1';

/** U+2212, the minus sign the readouts write. */
export const MINUS = '\u2212';

/**
 * Takes the focus off whatever has it (a field the test typed into, a picker it used), as
 * a lecturer who clicks on the slide before using the clicker: keys typed into a field
 * belong to the field, so a key test must start from the page itself.
 */
export async function releaseFocus(page: Page): Promise<void> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await expect
    .poll(() => page.evaluate(() => document.activeElement === document.body))
    .toBe(true);
}

/**
 * A page in a new browser context (empty storage, no service worker: another student's
 * browser), with its own error collector. Close the returned context when done; call
 * `lesson.expectNoErrors()` before.
 */
export async function openInNewContext(
  browser: Browser,
  baseURL: string | undefined,
  path: string,
  options: BrowserContextOptions = {},
): Promise<{ lesson: LessonPage; close: () => Promise<void> }> {
  const context = await browser.newContext({
    baseURL,
    viewport: { width: 1920, height: 1080 },
    ...options,
  });
  const page = await context.newPage();
  const lesson = new LessonPage(page);
  await lesson.goto(path);
  return { lesson, close: () => context.close() };
}

/** Lets the page use the real clipboard (Copy link, Markdown and LaTeX copies). */
export async function grantClipboard(page: Page): Promise<void> {
  await page
    .context()
    .grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: new URL(page.url()).origin,
    });
}

/** Waits until the clipboard holds text matching `pattern` and returns it. */
export async function clipboardText(page: Page, pattern: RegExp): Promise<string> {
  let text = '';
  await expect
    .poll(async () => {
      text = await page.evaluate(() => navigator.clipboard.readText());
      return text;
    })
    .toMatch(pattern);
  return text;
}

/** The lesson JSON saved in localStorage, or null. */
export async function savedLesson(page: Page): Promise<string | null> {
  return page.evaluate((key) => localStorage.getItem(key), LESSON_KEY);
}

/** Waits until the saved lesson contains `text` (saving is debounced). */
export async function expectSavedContaining(page: Page, text: string): Promise<void> {
  await expect.poll(async () => (await savedLesson(page)) ?? '').toContain(text);
}

/**
 * Where the data point (x, y) is drawn, in page coordinates: from the plotting area the
 * chart writes onto its canvas after every draw (`data-frame`: left, top, right, bottom in
 * CSS pixels from the canvas's corner; `data-view`: x0, x1, y0, y1 in data units).
 */
export async function pointOnChart(
  canvas: Locator,
  x: number,
  y: number,
): Promise<{ x: number; y: number }> {
  await expect(canvas).toHaveAttribute('data-frame', /\d/);
  const [frame, view] = await Promise.all([
    canvas.getAttribute('data-frame'),
    canvas.getAttribute('data-view'),
  ]);
  const [left, top, right, bottom] = (frame ?? '').split(',').map(Number);
  const [x0, x1, y0, y1] = (view ?? '').split(',').map(Number);
  for (const n of [left, top, right, bottom, x0, x1, y0, y1]) expect(Number.isFinite(n)).toBe(true);
  const box = await canvas.boundingBox();
  expect(box, 'the data chart is on screen').not.toBeNull();
  return {
    x: box!.x + left + ((x - x0) / (x1 - x0)) * (right - left),
    y: box!.y + bottom - ((y - y0) / (y1 - y0)) * (bottom - top),
  };
}

/** The axe violations of impact serious or critical, one line each, for a failure message. */
export async function seriousViolations(lesson: LessonPage): Promise<string[]> {
  const violations = await lesson.axeViolations();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .slice(0, 5)
          .map((n) => n.target.join(' '))
          .join(', ')}`,
    );
}

/** Waits until the table's cells, row by row (x, y, x, y, …), hold exactly `values`. */
export async function expectCells(lesson: LessonPage, values: string[]): Promise<void> {
  await expect
    .poll(() =>
      lesson.cells().evaluateAll((cells) => cells.map((c) => (c as HTMLInputElement).value)),
    )
    .toEqual(values);
}
