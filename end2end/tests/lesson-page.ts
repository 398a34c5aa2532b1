import { expect, type Locator, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

/**
 * The Descent Lab page, as the specs see it. Create it before `goto()` so the console
 * collector sees everything from the first request on.
 */
export class LessonPage {
  /** Console errors, uncaught exceptions and failed requests, in arrival order. */
  readonly errors: string[] = [];
  /** Console warnings, kept apart: specs may assert on them, the smoke test does not. */
  readonly warnings: string[] = [];

  constructor(readonly page: Page) {
    page.on('console', (msg) => {
      if (msg.type() === 'error') this.errors.push(`console.error: ${msg.text()}`);
      if (msg.type() === 'warning') this.warnings.push(msg.text());
    });
    page.on('pageerror', (err) => this.errors.push(`pageerror: ${err.message}`));
    page.on('requestfailed', (req) =>
      this.errors.push(`requestfailed: ${req.url()} ${req.failure()?.errorText ?? ''}`),
    );
  }

  /** Opens the app and waits until the wasm app has mounted (its h1 is rendered by Rust). */
  async goto(path = '/'): Promise<void> {
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
  }

  /** axe-core accessibility violations (WCAG 2.1 A and AA) of the current page. */
  async axeViolations() {
    const result = await new AxeBuilder({ page: this.page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    return result.violations;
  }
}
