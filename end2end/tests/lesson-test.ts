import { test as base, expect } from '@playwright/test';
import path from 'node:path';
import { LessonPage } from './lesson-page';

/**
 * `test` with a `lesson` fixture: the app opened on its default lesson (the lecture's,
 * since every test gets a fresh browser context with empty storage), with the console
 * collector attached from the first request.
 *
 * After each test the fixture saves a 1920×1080 screenshot to
 * `end2end/artifacts/<spec>--<test title>.png` — whatever the outcome, since the picture
 * of a failure is the most useful one — and then fails the test if anything reached the
 * error collector: a console error, an uncaught exception (a Rust panic shows as one)
 * or a failed request.
 */
export const test = base.extend<{ lesson: LessonPage }>({
  lesson: async ({ page }, use, testInfo) => {
    const lesson = new LessonPage(page);
    await lesson.goto();
    await use(lesson);
    const spec = path.basename(testInfo.file, '.spec.ts');
    await lesson.screenshot(`${spec}--${slug(testInfo.title)}`);
    lesson.expectNoErrors();
  },
});

export { expect };

/** A file-name-safe form of a test title. */
function slug(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80);
}
