import type { Page } from '@playwright/test';
import { expect, test } from './lesson-test';

// The charts' axes speak the interface language: in Lithuanian a tick label has a decimal
// comma, as the readouts beside it do (−447,3), never a point. The tick labels are canvas
// text, recorded here by wrapping fillText; the data chart's view says where the model's
// line is, so the non-convex example's line can be checked to be on the chart.

test.beforeEach(async ({ lesson, page }) => {
  await page.addInitScript(() => {
    const drawn: string[] = [];
    (window as unknown as { __drawnTexts: string[] }).__drawnTexts = drawn;
    const fillText = CanvasRenderingContext2D.prototype.fillText;
    CanvasRenderingContext2D.prototype.fillText = function (
      text: string,
      ...rest: [number, number]
    ) {
      drawn.push(String(text));
      return fillText.call(this, text, ...rest);
    };
  });
  await page.reload();
});

/** The canvas texts drawn since the last call (or the page load), without repeats. */
async function takeDrawn(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const list = (window as unknown as { __drawnTexts: string[] }).__drawnTexts;
    return [...new Set(list.splice(0, list.length))];
  });
}

/** Whether a text is a tick label: a number, perhaps with a decimal mark or a minus sign. */
const isNumber = (t: string) => /^[−-]?\d+([.,]\d+)?(e[−-]?\d+)?$/.test(t);

test('in Lithuanian the tick labels write a decimal comma, in English a point', async ({
  lesson,
  page,
}) => {
  // The second example's y values lie between 1.85 and 1.9: its ticks need decimals.
  await lesson.selectPreset('local-minima');
  await lesson.byTestId('language-select').selectOption('lt');
  await expect.poll(async () => (await takeDrawn(page)).filter(isNumber).join(' ')).toMatch(/\d,\d/);
  await lesson.setA('0,4');
  await expect(lesson.byTestId('chart-data')).toHaveAttribute('data-view', /\d/);
  const lithuanian = (await takeDrawn(page)).filter(isNumber);
  expect(lithuanian.filter((t) => t.includes('.')), lithuanian.join(' ')).toEqual([]);

  await lesson.byTestId('language-select').selectOption('en');
  await expect.poll(async () => (await takeDrawn(page)).filter(isNumber).join(' ')).toMatch(/\d\.\d/);
});

test('the non-convex example shows its model line at a = 0.5', async ({ lesson }) => {
  await lesson.selectPreset('local-minima');
  await lesson.setA('0.5');
  const chart = lesson.byTestId('chart-data');
  await expect(chart).toHaveAttribute('data-view', /\d/);
  const [x0, x1, y0, y1] = ((await chart.getAttribute('data-view')) ?? '').split(',').map(Number);
  // ŷ = 0.5·x + 2 − 0.5 over the data's x range, −0.3 to 0.3.
  for (const x of [-0.3, 0.3]) {
    const y = 0.5 * x + 1.5;
    expect(x >= x0 && x <= x1 && y >= y0 && y <= y1, `(${x}, ${y}) in ${[x0, x1, y0, y1]}`).toBe(true);
  }
});
