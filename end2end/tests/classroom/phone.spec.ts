import type { Page } from '@playwright/test';
import path from 'node:path';
import { ARTIFACTS, type LessonPage } from '../lesson-page';
import { expect, test } from '../lesson-test';

// A student redoing the lesson on a phone (390×844, a touch screen): no sideways scrolling,
// the panels stacked in one column, and every touch target at least 44 CSS px high.

test.use({
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 3,
  isMobile: true,
  hasTouch: true,
});

/** The page scrolls sideways when its content is wider than the window. */
async function expectNoHorizontalScroll(page: Page, when: string): Promise<void> {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth, `scrollWidth ≤ clientWidth (${clientWidth}) ${when}`).toBeLessThanOrEqual(
    clientWidth,
  );
}

/**
 * Every visible button, input, select and summary whose touch target is under 44 px high,
 * described. A checkbox's target is its whole <label> (a tap on the words ticks it too).
 */
async function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const offenders: string[] = [];
    const selector = 'button, input, select, summary, textarea';
    const controls = document.querySelectorAll<HTMLElement>(selector);
    for (const control of controls) {
      // Not rendered: display none, a closed dialog, a closed menu (content-visibility).
      if (!control.checkVisibility({ visibilityProperty: true })) continue;
      const own = control.getBoundingClientRect();
      if (own.width === 0 || own.height === 0) continue;
      const input = control as HTMLInputElement;
      const label = control.closest('label');
      const tickable = control.tagName === 'INPUT' && ['checkbox', 'radio'].includes(input.type);
      const target = tickable && label ? label.getBoundingClientRect() : own;
      if (target.height < 44 - 0.01) {
        const id = control.getAttribute('data-testid');
        const text = (control.textContent ?? '').trim().slice(0, 30);
        const tag = control.tagName.toLowerCase();
        const testId = id ? ` data-testid="${id}"` : '';
        const words = text ? ` "${text}"` : '';
        offenders.push(`<${tag}${testId}${words}> ${target.height.toFixed(1)} px high`);
      }
    }
    return offenders;
  });
}

/** Opens the toolbar folded behind the Menu button (a phone's top bar). */
async function openToolbar(lesson: LessonPage): Promise<void> {
  const toggle = lesson.byTestId('toolbar-toggle');
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await expect(lesson.byTestId('copy-link')).toBeVisible();
}

test('at 390×844 the lesson comes first: the data chart, the a slider and Step are on the first screen', async ({
  lesson,
  page,
}) => {
  const viewport = page.viewportSize()!;
  for (const id of ['chart-data', 'slider-a', 'step-button']) {
    const b = await lesson.byTestId(id).boundingBox();
    expect(b, `${id} is laid out`).not.toBeNull();
    expect(b!.y, `${id} top`).toBeGreaterThanOrEqual(0);
    expect(b!.y + b!.height, `${id} bottom, within the first ${viewport.height} px`).toBeLessThanOrEqual(
      viewport.height,
    );
  }
  // Step works from there, without scrolling.
  await lesson.step();
  await expect(lesson.paramField()).toHaveValue('9.3419');
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  await lesson.screenshot('classroom-phone--first-screen');
  // The toolbar is one tap away, and a tap elsewhere folds it again.
  await openToolbar(lesson);
  await lesson.screenshot('classroom-phone--menu-open');
  await page.mouse.click(200, 600);
  await expect(lesson.byTestId('copy-link')).toBeHidden();
});

test('at 390×844 the page does not scroll sideways', async ({ lesson, page }) => {
  await expectNoHorizontalScroll(page, 'on the lesson');
  await lesson.step();
  await lesson.step();
  await expectNoHorizontalScroll(page, 'after two steps (history, worked sum)');
  await openToolbar(lesson);
  await expectNoHorizontalScroll(page, 'with the toolbar open');
  await lesson.byTestId('export-menu').click();
  await expect(lesson.byTestId('export-data-png')).toBeVisible();
  await expectNoHorizontalScroll(page, 'with the export menu open');
  await lesson.byTestId('export-menu').click();
  await openToolbar(lesson);
  await lesson.byTestId('help-button').click();
  await expect(lesson.byTestId('help-overlay')).toBeVisible();
  await expectNoHorizontalScroll(page, 'with the keyboard help open');
  await lesson.byTestId('help-close').click();
});

test('at 390×844 the panels stack: table, charts and controls one above the other', async ({
  lesson,
}) => {
  const box = async (id: string) => {
    const b = await lesson.byTestId(id).boundingBox();
    expect(b, `${id} is laid out`).not.toBeNull();
    return b!;
  };
  const table = await box('data-table');
  const data = await box('chart-data');
  const loss = await box('chart-loss');
  const step = await box('step-button');
  type Box = typeof table;
  const below = (upper: Box, lower: Box) => lower.y >= upper.y + upper.height - 0.5;
  const stacked = below(table, data) || below(data, table);
  expect(stacked, 'the data chart is above or below the table').toBe(true);
  expect(below(data, loss), 'the loss chart is below the data chart').toBe(true);
  const controlsApart = below(loss, step) || below(step, table);
  expect(controlsApart, 'the controls are not beside the charts').toBe(true);
  // Each chart takes (nearly) the whole width, and stays tall enough to read.
  for (const [name, chart] of [['chart-data', data], ['chart-loss', loss]] as const) {
    expect(chart.width, `${name} width`).toBeGreaterThan(390 * 0.8);
    expect(chart.x + chart.width, `${name} right edge`).toBeLessThanOrEqual(390);
    expect(chart.height, `${name} height`).toBeGreaterThan(200);
  }
  await lesson.page.screenshot({
    path: path.join(ARTIFACTS, 'classroom-phone--full-page.png'),
    fullPage: true,
  });
});

test('at 390×844 every visible button, input and select is at least 44 px high', async ({
  lesson,
}) => {
  await lesson.step();
  expect(await smallTargets(lesson.page), 'touch targets under 44 px').toEqual([]);
  // The toolbar and the export menu's items too.
  await openToolbar(lesson);
  expect(await smallTargets(lesson.page), 'touch targets under 44 px, toolbar open').toEqual([]);
  await lesson.byTestId('export-menu').click();
  await expect(lesson.byTestId('export-data-png')).toBeVisible();
  const inMenu = await smallTargets(lesson.page);
  expect(inMenu, 'touch targets under 44 px, export menu open').toEqual([]);
  await lesson.screenshot('classroom-phone--export-menu');
  await lesson.byTestId('export-menu').click();
  await lesson.page.evaluate(() => window.scrollTo(0, 0));
  await lesson.screenshot('classroom-phone--top');
});
