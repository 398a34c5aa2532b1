import { expect, type Locator, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import path from 'node:path';

/**
 * The Descent Lab page, as the specs see it. Create it before `goto()` so the console
 * collector sees everything from the first request on.
 */
export class LessonPage {
  /** Console errors, uncaught exceptions and failed requests, in arrival order. */
  readonly errors: string[] = [];
  /** Console warnings, kept apart: specs may assert on them, the smoke test does not. */
  readonly warnings: string[] = [];
  /**
   * Content-Security-Policy violations, from the console (Chromium 156: "… violates the
   * following Content Security Policy directive …"; older: "Refused to …") and from the
   * page's `securitypolicyviolation` events. `expectNoErrors()` fails on any, so every
   * spec using the `lesson` fixture checks the CSP: a violation means the app (or
   * something injected into it) tried what index.html's CSP forbids.
   */
  readonly cspViolations: string[] = [];
  private cspWatched = false;

  constructor(readonly page: Page) {
    page.on('console', (msg) => {
      if (isCspMessage(msg.text())) this.cspViolations.push(`console: ${msg.text()}`);
      if (msg.type() === 'error') this.errors.push(`console.error: ${msg.text()}`);
      if (msg.type() === 'warning') this.warnings.push(msg.text());
    });
    page.on('pageerror', (err) => this.errors.push(`pageerror: ${err.message}`));
    page.on('requestfailed', (req) => {
      const reason = req.failure()?.errorText ?? '';
      // A reload or navigation cancels what the old page still had in flight (often the
      // favicon, which loads after the load event): that is the test moving on, not a
      // failure of the app.
      if (reason === 'net::ERR_ABORTED') return;
      this.errors.push(`requestfailed: ${req.url()} ${reason}`);
    });
  }

  /** Opens the app and waits until the wasm app has mounted (its h1 is rendered by Rust). */
  async goto(path = '/'): Promise<void> {
    await this.watchCspViolations();
    await this.page.goto(path);
    await expect(this.page.locator('h1')).toBeVisible();
  }

  /** The element with `data-testid="<id>"`. */
  byTestId(id: string): Locator {
    return this.page.getByTestId(id);
  }

  /** Fails the test if anything went to the error collector. */
  expectNoErrors(): void {
    expect(this.errors, 'console errors, page errors or failed requests').toEqual([]);
    expect(this.cspViolations, 'Content-Security-Policy violations').toEqual([]);
  }

  /**
   * Records every `securitypolicyviolation` event of every document this page loads:
   * onto `window.__cspViolations` (so a spec can read them) and, as they happen, into
   * {@link cspViolations}. `goto()` calls it; call it yourself before a bare
   * `page.goto()`. Idempotent.
   */
  async watchCspViolations(): Promise<void> {
    if (this.cspWatched) return;
    this.cspWatched = true;
    await this.page.exposeBinding('__reportCspViolation', (_source, text: string) => {
      this.cspViolations.push(`securitypolicyviolation: ${text}`);
    });
    await this.page.addInitScript(() => {
      const w = window as unknown as {
        __cspViolations: string[];
        __reportCspViolation?: (text: string) => void;
      };
      w.__cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) => {
        const where = `${e.sourceFile}:${e.lineNumber}`;
        const text = `${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${where}`;
        w.__cspViolations.push(text);
        w.__reportCspViolation?.(text);
      });
    });
  }

  /** Fails the test if the page reported a CSP violation, by event or in the console. */
  async expectNoCspViolations(): Promise<void> {
    const recorded = await this.page.evaluate(
      () => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [],
    );
    expect(recorded, 'securitypolicyviolation events on this document').toEqual([]);
    expect(this.cspViolations, 'Content-Security-Policy violations').toEqual([]);
  }

  /** axe-core accessibility violations (WCAG 2.1 A and AA) of the current page. */
  async axeViolations() {
    const result = await new AxeBuilder({ page: this.page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    return result.violations;
  }

  // ----- Pickers -----------------------------------------------------------------------

  /** Opens a preset by its id (`descent_core::presets::Preset::id`). */
  async selectPreset(
    preset:
      | 'lecture'
      | 'force'
      | 'local-minima'
      | 'empty'
      | 'lecture-ab'
      | 'ravine'
      | 'noisy-line'
      | 'non-convex-ab',
  ): Promise<void> {
    await this.byTestId('preset-select').selectOption(preset);
  }

  /** Picks a model by its id: `linear` (ŷ = a·x), `affine` (+ b), `non-convex`. */
  async selectModel(model: 'linear' | 'affine' | 'non-convex'): Promise<void> {
    await this.byTestId('model-select').selectOption(model);
  }

  /** Picks a loss by its id: `l2`, `mse` or `l1`. */
  async selectLoss(loss: 'l2' | 'mse' | 'l1'): Promise<void> {
    await this.byTestId('loss-select').selectOption(loss);
  }

  /** Autoplay speed in steps per second (1, 2, 5, 10, 30 or 60). */
  async setSpeed(stepsPerSecond: number): Promise<void> {
    await this.byTestId('speed-select').selectOption(String(stepsPerSecond));
  }

  // ----- Parameters and γ --------------------------------------------------------------

  /** The number field of a parameter (`param-a`, `param-b`). */
  paramField(name = 'a'): Locator {
    return this.byTestId(`param-${name}`);
  }

  /** Types `text` into a parameter's field, exactly as a student would (8, 11,5, 1e308). */
  async setParam(name: string, text: string): Promise<void> {
    await this.paramField(name).fill(text);
  }

  /** Types `text` into the field of a. */
  async setA(text: string): Promise<void> {
    await this.setParam('a', text);
  }

  /** The full value of a parameter, from the field's `data-value`. */
  async paramValue(name = 'a'): Promise<number> {
    return readDataValue(this.paramField(name));
  }

  /** Types `text` into the learning-rate field γ. */
  async setLearningRate(text: string): Promise<void> {
    await this.byTestId('learning-rate').fill(text);
  }

  // ----- Descent controls --------------------------------------------------------------

  stepButton(): Locator {
    return this.byTestId('step-button');
  }

  playButton(): Locator {
    return this.byTestId('play-button');
  }

  /** One click on Step. */
  async step(): Promise<void> {
    await this.stepButton().click();
  }

  /** One click on Undo. */
  async undo(): Promise<void> {
    await this.byTestId('undo-button').click();
  }

  /** One click on Reset. */
  async reset(): Promise<void> {
    await this.byTestId('reset-button').click();
  }

  /** Starts autoplay and checks that it did start. */
  async play(): Promise<void> {
    await this.playButton().click();
  }

  /**
   * Waits until autoplay has stopped by itself and the status line reports `outcome`.
   * Both are DOM states, so this waits without sleeping; `timeout` bounds a run that
   * would never end.
   */
  async waitForOutcome(outcome: RegExp, timeout = 20_000): Promise<void> {
    await expect(this.playButton()).toHaveAttribute('aria-pressed', 'false', { timeout });
    await expect(this.status()).toContainText(outcome, { timeout });
  }

  // ----- Readouts, status, worked arithmetic, history ----------------------------------

  /** The readout of L. */
  lossValue(): Locator {
    return this.byTestId('loss-value');
  }

  /** The readout of ∂L/∂a. */
  gradientValue(): Locator {
    return this.byTestId('gradient-value');
  }

  /** L as shown (seven significant digits, U+2212 minus) and as carried in `data-value`. */
  async readLoss(): Promise<{ text: string; value: number }> {
    return readReadout(this.lossValue());
  }

  /** ∂L/∂a as shown and as carried in `data-value`. */
  async readGradient(): Promise<{ text: string; value: number }> {
    return readReadout(this.gradientValue());
  }

  /** Waits until L shows `text` (e.g. "402.57"). */
  async expectLoss(text: string): Promise<void> {
    await expect(this.lossValue()).toHaveText(text);
  }

  /** Waits until ∂L/∂a shows `text` (e.g. "−447.3", with U+2212). */
  async expectGradient(text: string): Promise<void> {
    await expect(this.gradientValue()).toHaveText(text);
  }

  /** The status line (all its messages). */
  status(): Locator {
    return this.byTestId('status-message');
  }

  /** The status line's text now. */
  async statusText(): Promise<string> {
    return (await this.status().innerText()).trim();
  }

  /** The loss written out term by term. */
  workedSum(): Locator {
    return this.byTestId('worked-sum');
  }

  /** The next update written out (the first free parameter's). */
  workedUpdate(): Locator {
    return this.byTestId('worked-update').first();
  }

  /** The sign rule under the update. */
  signRule(): Locator {
    return this.byTestId('sign-rule');
  }

  /** The γ limit line (it gains the `warning` class while γ is at or above the limit). */
  learningRateLimit(): Locator {
    return this.byTestId('learning-rate-limit');
  }

  /** The body rows of the history table, oldest first. */
  historyRows(): Locator {
    return this.byTestId('history-table').locator('tbody tr');
  }

  /** One cell of the history table: row k from 0; columns k, a, L, ∂L/∂a, next a. */
  historyCell(row: number, column: 'k' | 'a' | 'L' | 'dL' | 'next'): Locator {
    const index = { k: 0, a: 1, L: 2, dL: 3, next: 4 }[column];
    return this.historyRows().nth(row).locator('td').nth(index);
  }

  // ----- Data table --------------------------------------------------------------------

  /** A table cell: `cell-R-x` / `cell-R-y`, rows from 0. */
  cell(row: number, column: 'x' | 'y'): Locator {
    return this.byTestId(`cell-${row}-${column}`);
  }

  /** Types `text` into a cell (kept as typed, whatever it is) and leaves the cell. */
  async setCell(row: number, column: 'x' | 'y', text: string): Promise<void> {
    const cell = this.cell(row, column);
    await cell.fill(text);
    await cell.blur();
  }

  /** Every editable cell of the table (two per row). */
  cells(): Locator {
    return this.byTestId('data-table').locator('input.cell');
  }

  /** How many rows the table shows. */
  rows(): Locator {
    return this.byTestId('data-table').locator('tbody tr');
  }

  /** The column-name field of column `x` (first) or `y` (second). */
  columnLabel(column: 'x' | 'y'): Locator {
    return this.byTestId(`label-${column}`);
  }

  /** Renames a column, as a student types into its header. */
  async renameColumn(column: 'x' | 'y', name: string): Promise<void> {
    const field = this.columnLabel(column);
    await field.fill(name);
    await field.blur();
  }

  async addRow(): Promise<void> {
    await this.byTestId('add-row').click();
  }

  async deleteRow(row: number): Promise<void> {
    await this.byTestId(`delete-row-${row}`).click();
  }

  /**
   * Pastes `text` onto `target` the way a browser does for Ctrl+V: a `paste` event whose
   * clipboardData holds the text as text/plain. (The real clipboard needs permissions
   * and a focused, visible window, which a headless run does not reliably have.)
   */
  async paste(target: Locator, text: string): Promise<void> {
    await target.focus();
    await target.evaluate((element, data) => {
      const transfer = new DataTransfer();
      transfer.setData('text/plain', data);
      element.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }),
      );
    }, text);
  }

  // ----- Artifacts ---------------------------------------------------------------------

  /** Saves a screenshot of the viewport (1920×1080 in this config) as `artifacts/<name>.png`. */
  async screenshot(name: string): Promise<void> {
    await this.page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`) });
  }
}

/** The artifacts folder (git-ignored): screenshots of every spec. */
export const ARTIFACTS = path.resolve(__dirname, '..', 'artifacts');

/** Whether a console message reports a Content-Security-Policy violation (Chromium). */
function isCspMessage(text: string): boolean {
  return /Content Security Policy|Content-Security-Policy|^Refused to /.test(text);
}

/** A readout's text and the full value of its `data-value` attribute. */
async function readReadout(locator: Locator): Promise<{ text: string; value: number }> {
  return { text: (await locator.innerText()).trim(), value: await readDataValue(locator) };
}

/** The number in an element's `data-value` (written so that `Number()` reads it back). */
async function readDataValue(locator: Locator): Promise<number> {
  const raw = await locator.getAttribute('data-value');
  expect(raw, 'data-value attribute').not.toBeNull();
  return Number(raw);
}
