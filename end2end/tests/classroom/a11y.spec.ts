import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from '../lesson-test';
import { releaseFocus, seriousViolations } from './classroom';

// Accessibility: axe-core (WCAG 2.1 A/AA) finds no serious or critical violation on the
// main screen, in projector mode, with the help overlay open and in Lithuanian; every
// control has an accessible name; the keyboard reaches Step and shows where it is.

test('axe: no serious or critical violation on the main screen', async ({ lesson }) => {
  await lesson.step();
  expect(await seriousViolations(lesson)).toEqual([]);
});

test('axe: no serious or critical violation in projector mode', async ({ lesson, page }) => {
  await lesson.byTestId('projector-button').click();
  await expect(page.locator('.app')).toHaveClass(/\bprojector\b/);
  await lesson.step();
  expect(await seriousViolations(lesson)).toEqual([]);
});

test('projector mode: every text has a contrast of at least 7:1 (axe, WCAG AAA)', async ({
  lesson,
  page,
}) => {
  await lesson.byTestId('projector-button').click();
  await expect(page.locator('.app')).toHaveClass(/\bprojector\b/);
  await lesson.step();
  const result = await new AxeBuilder({ page }).withRules(['color-contrast-enhanced']).analyze();
  const low = result.violations.flatMap((v) =>
    v.nodes.map((n) => `${n.target.join(' ')}: ${n.any.map((c) => c.message).join('; ')}`),
  );
  expect(low, 'texts under 7:1 in projector mode').toEqual([]);
});

test('axe: no serious or critical violation with the help overlay open', async ({
  lesson,
  page,
}) => {
  await releaseFocus(page);
  await page.keyboard.press('?');
  await expect(lesson.byTestId('help-overlay')).toBeVisible();
  expect(await seriousViolations(lesson)).toEqual([]);
});

test('axe: no serious or critical violation in Lithuanian', async ({ lesson, page }) => {
  await lesson.byTestId('language-select').selectOption('lt');
  await expect(page.locator('.app')).toHaveAttribute('lang', 'lt');
  await lesson.step();
  expect(await seriousViolations(lesson)).toEqual([]);
});

/**
 * The accessible name Chromium computes for every button, input, select, textarea and
 * summary the accessibility tree exposes (hidden ones, such as a closed dialog's, are not).
 */
async function controlNames(page: Page): Promise<Array<{ what: string; name: string }>> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
    const { nodeIds } = await cdp.send('DOM.querySelectorAll', {
      nodeId: root.nodeId,
      selector: 'button, input, select, textarea, summary',
    });
    const result: Array<{ what: string; name: string }> = [];
    for (const nodeId of nodeIds) {
      const { nodes } = await cdp.send('Accessibility.getPartialAXTree', {
        nodeId,
        fetchRelatives: false,
      });
      const node = nodes[0];
      if (!node || node.ignored) continue;
      const { attributes } = await cdp.send('DOM.getAttributes', { nodeId });
      const attrs: Record<string, string> = {};
      for (let i = 0; i < attributes.length; i += 2) attrs[attributes[i]] = attributes[i + 1];
      const { node: described } = await cdp.send('DOM.describeNode', { nodeId });
      const testId = attrs['data-testid'] ? ` data-testid="${attrs['data-testid']}"` : '';
      const type = attrs.type ? ` type="${attrs.type}"` : '';
      const what = `<${described.localName}${testId}${type}> (role ${node.role?.value})`;
      result.push({ what, name: String(node.name?.value ?? '').trim() });
    }
    return result;
  } finally {
    await cdp.detach();
  }
}

test('every button, input and select has an accessible name', async ({ lesson, page }) => {
  await lesson.step();
  // The export menu open, so its items are in the tree too.
  await lesson.byTestId('export-menu').click();
  await expect(lesson.byTestId('export-data-png')).toBeVisible();
  const controls = await controlNames(page);
  // The table's cells, the pickers, the fields, the slider, the buttons, the menu's items.
  expect(controls.length).toBeGreaterThan(25);
  const unnamed = controls.filter((c) => c.name === '').map((c) => c.what);
  expect(unnamed, 'controls without an accessible name').toEqual([]);
  // Names are words, not decoration: the menu's ▾ is not read out.
  const exportMenu = controls.find((c) => c.what.includes('data-testid="export-menu"'));
  expect(exportMenu?.name).toBe('Export');
});

test('Tab reaches Step, and Step shows a visible focus ring', async ({ lesson, page }) => {
  await releaseFocus(page);
  const step = lesson.stepButton();
  let reached = false;
  for (let presses = 0; presses < 80 && !reached; presses++) {
    await page.keyboard.press('Tab');
    reached = await step.evaluate((button) => document.activeElement === button);
  }
  expect(reached, 'Step is reached with Tab within 80 presses').toBe(true);
  await expect(step).toBeFocused();
  const ring = await step.evaluate((button) => {
    const style = getComputedStyle(button);
    return {
      focusVisible: button.matches(':focus-visible'),
      outlineStyle: style.outlineStyle,
      outlineWidth: parseFloat(style.outlineWidth),
    };
  });
  expect(ring.focusVisible).toBe(true);
  expect(ring.outlineStyle).not.toBe('none');
  expect(ring.outlineWidth).toBeGreaterThanOrEqual(2);
  await lesson.screenshot('classroom-a11y--step-focus-ring');

  // And Enter on the focused Step takes one step.
  await page.keyboard.press('Enter');
  await expect(lesson.historyRows()).toHaveCount(1);
});
