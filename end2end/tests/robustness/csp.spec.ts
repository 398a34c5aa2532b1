import { expect, test } from '../lesson-test';
import { expectNoPanic, expectStepMovesA } from './support';

// index.html's Content-Security-Policy: no inline script, no eval, images only from the
// app itself. LessonPage records every violation (console "Refused to …" messages and
// `securitypolicyviolation` events) and fails the test on any, so every spec that uses
// the page object checks the CSP. This spec proves the detector is live, by breaking
// the policy on purpose, and then forgives those deliberate violations.

// The service worker would fetch the probe script below itself, past page.route.
test.use({ serviceWorkers: 'block' });

test('the app runs under its CSP with no violation', async ({ lesson, page }) => {
  const policy = await page
    .locator('meta[http-equiv="Content-Security-Policy"]')
    .getAttribute('content');
  expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(policy).not.toContain("'unsafe-eval'");
  expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  // No inline script at all: the wasm app is started by boot.js.
  expect(await page.evaluate(() => [...document.scripts].filter((s) => !s.src).length)).toBe(0);
  await lesson.setCell(0, 'x', '2,5');
  await expectStepMovesA(lesson);
  await expectNoPanic(lesson);
});

test('the CSP check catches an inline script, eval and a foreign image', async ({
  lesson,
  page,
}) => {
  // A same-origin script ('self' may run) that tries eval: the CSP must still refuse the
  // eval. (Code run by page.evaluate itself is exempt from the CSP, so it cannot test this.)
  await page.route('**/csp-probe.js', (route) =>
    route.fulfill({
      contentType: 'text/javascript',
      body: "try { eval('1 + 1'); window.__evalRan = true; } catch { window.__evalRan = false; }",
    }),
  );
  await page.evaluate(async () => {
    const inline = document.createElement('script');
    inline.textContent = 'window.__inlineRan = true;';
    document.body.append(inline);
    const probe = document.createElement('script');
    probe.src = '/csp-probe.js';
    const loaded = new Promise((resolve) => (probe.onload = probe.onerror = resolve));
    document.body.append(probe);
    await loaded;
    const img = document.createElement('img');
    img.src = 'http://192.0.2.1/pixel.png';
    document.body.append(img);
  });
  const ran = await page.evaluate(() => {
    const w = window as unknown as { __inlineRan?: boolean; __evalRan?: boolean };
    return { inline: w.__inlineRan ?? false, eval: w.__evalRan };
  });
  expect(ran).toEqual({ inline: false, eval: false });
  // Each one is recorded, from the event listener and from the console.
  const recorded = () => lesson.cspViolations.join('\n');
  await expect.poll(recorded).toContain('securitypolicyviolation: script-src-elem blocked inline');
  await expect.poll(recorded).toContain('securitypolicyviolation: script-src blocked eval');
  await expect
    .poll(recorded)
    .toContain('securitypolicyviolation: img-src blocked http://192.0.2.1/pixel.png');
  await expect.poll(recorded).toMatch(/^console: .*Content Security Policy/m);
  // The check fails a test that has them...
  expect(() => lesson.expectNoErrors()).toThrow();
  await expect(lesson.expectNoCspViolations()).rejects.toThrow();
  // ...and these were made on purpose: forgive them so the fixture's own check passes.
  lesson.cspViolations.length = 0;
  lesson.errors.length = 0;
  await page.evaluate(() => {
    (window as unknown as { __cspViolations: string[] }).__cspViolations.length = 0;
    document.querySelectorAll('img').forEach((img) => img.remove());
  });
  await expectStepMovesA(lesson);
  await expectNoPanic(lesson);
});
