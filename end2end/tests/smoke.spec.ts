import { expect, test } from '@playwright/test';
import path from 'node:path';
import { LessonPage } from './lesson-page';

const ARTIFACTS = path.resolve(__dirname, '..', 'artifacts');

test('the app loads, renders and logs no errors', async ({ page }) => {
  const lesson = new LessonPage(page);
  await lesson.goto();

  await expect(page).toHaveTitle('Descent Lab');
  await expect(page.locator('h1')).toHaveCount(1);
  // Late errors (a failed asset, a CSP violation) arrive after the first paint.
  await page.waitForLoadState('networkidle');
  lesson.expectNoErrors();

  await page.screenshot({ path: path.join(ARTIFACTS, 'smoke-1920x1080.png') });
});

test('the page has no WCAG A/AA violations that axe can find', async ({ page }) => {
  const lesson = new LessonPage(page);
  await lesson.goto();
  expect(await lesson.axeViolations()).toEqual([]);
});
