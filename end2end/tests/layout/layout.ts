import type { Page } from '@playwright/test';
import { expect } from '../lesson-test';
import type { LessonPage } from '../lesson-page';
import { releaseFocus } from '../classroom/classroom';

// What the layout specs measure: that every chart has room to draw, that the page never
// scrolls sideways, and that no panel overlaps another or spills out of itself.

/** The charts' canvases, by test id. */
export const CHARTS = ['chart-data', 'chart-loss'] as const;

/** Switches projector mode on with its key (M), as a lecturer does, and waits for it. */
export async function projectorOn(lesson: LessonPage): Promise<void> {
  await releaseFocus(lesson.page);
  await lesson.page.keyboard.press('m');
  await expect(lesson.page.locator('.app')).toHaveClass(/\bprojector\b/);
}

/**
 * Checks that a chart's canvas is at least `width` × `height` CSS px and that the chart drew
 * a plotting area of at least `plot` CSS px each way: the chart writes where its plotting
 * area landed (`data-frame`: left, top, right, bottom in CSS px) after every draw, and
 * removes it when the canvas had no room for one.
 */
export async function expectChartDrawn(
  lesson: LessonPage,
  id: string,
  { width, height, plot }: { width: number; height: number; plot: { width: number; height: number } },
): Promise<void> {
  const canvas = lesson.byTestId(id);
  const box = await canvas.boundingBox();
  expect(box, `${id} is laid out`).not.toBeNull();
  expect(box!.width, `${id}: canvas width`).toBeGreaterThanOrEqual(width);
  expect(box!.height, `${id}: canvas height`).toBeGreaterThanOrEqual(height);
  await expect(canvas, `${id} drew a plotting area`).toHaveAttribute('data-frame', /\d/);
  // Sizes settle within a frame or two of a resize: poll until the frame is large enough.
  await expect
    .poll(async () => {
      const [left, top, right, bottom] = ((await canvas.getAttribute('data-frame')) ?? '')
        .split(',')
        .map(Number);
      return [right - left >= plot.width, bottom - top >= plot.height];
    }, { message: `${id}: plotting area at least ${plot.width} × ${plot.height}` })
    .toEqual([true, true]);
}

/** The page does not scroll sideways: its content is no wider than the window. */
export async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const [scrollWidth, innerWidth] = await page.evaluate(() => [
    document.scrollingElement!.scrollWidth,
    window.innerWidth,
  ]);
  expect(scrollWidth, `page width ≤ window width ${innerWidth}`).toBeLessThanOrEqual(innerWidth);
}

/**
 * Every pair of visible panels whose boxes overlap, and every panel whose content runs out
 * of it (a panel does not scroll, so content taller or wider than it lies over its
 * neighbour), described; empty when the panels are laid out cleanly.
 */
export async function panelOverlaps(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const panels = [...document.querySelectorAll<HTMLElement>('.panel')].filter(
      (p) => p.checkVisibility() && p.getBoundingClientRect().width > 0,
    );
    const name = (p: HTMLElement) =>
      p.querySelector('h2, figcaption')?.textContent?.trim().slice(0, 30) || p.className;
    const problems: string[] = [];
    panels.forEach((p, i) => {
      const a = p.getBoundingClientRect();
      if (p.scrollHeight > p.clientHeight + 1 || p.scrollWidth > p.clientWidth + 1) {
        problems.push(
          `"${name(p)}": content ${p.scrollWidth}×${p.scrollHeight} in ${p.clientWidth}×${p.clientHeight}`,
        );
      }
      for (const q of panels.slice(i + 1)) {
        const b = q.getBoundingClientRect();
        const overlap =
          Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5 &&
          Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5;
        if (overlap) problems.push(`"${name(p)}" overlaps "${name(q)}"`);
      }
    });
    return problems;
  });
}
