import type { Page } from '@playwright/test';
import { expect, test } from './lesson-test';

// Two builds of one app (src/classroom/full_app.rs, boot.js, scripts/build.sh): the page
// first loads the lecture's build; the map of two parameters, the race and typed formulas
// are in the full build, which loads instead once a lesson needs them. Nothing on screen
// may be lost on the way, and a link that needs the full build opens in it directly.

/** The two builds' wasm files as index.html names them. */
async function wasmNames(page: Page): Promise<{ first: string; full: string }> {
  const tag = page.locator('script[data-wasm-js]');
  const first = (await tag.getAttribute('data-wasm')) ?? '';
  const full = (await tag.getAttribute('data-full-wasm')) ?? '';
  expect(first).toMatch(/_bg\.wasm$/);
  expect(full).toMatch(/_bg\.wasm$/);
  expect(full).not.toBe(first);
  return { first, full };
}

/** Every wasm file the page asks for from now on. */
function wasmRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (path.endsWith('.wasm')) seen.push(path);
  });
  return seen;
}

test('the lecture opens on the first-load build; freeing b reloads into the full build with the cells as typed', async ({
  lesson,
  page,
}) => {
  const { first, full } = await wasmNames(page);
  // What the first load fetched: the lecture's build only.
  const loaded = await page.evaluate(() =>
    performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname),
  );
  expect(loaded).toContain(first);
  expect(loaded).not.toContain(full);
  await expect(lesson.byTestId('chart-surface')).toHaveCount(0);

  const requests = wasmRequests(page);
  await lesson.setCell(2, 'y', '98,0');
  await lesson.setCell(0, 'x', 'two');
  // ŷ = a·x + b with b free: two parameters, the map.
  await lesson.selectModel('affine');
  await expect(lesson.byTestId('chart-surface')).toBeVisible();
  expect(new URL(page.url()).search).toBe('?full');
  expect(requests).toContain(full);
  await expect(lesson.cell(2, 'y')).toHaveValue('98,0');
  await expect(lesson.cell(0, 'x')).toHaveValue('two');
  await expect(lesson.byTestId('model-select')).toHaveValue('affine');
});

test('a two-parameter example opens in the full build with its race', async ({ lesson, page }) => {
  const { full } = await wasmNames(page);
  const requests = wasmRequests(page);
  await lesson.selectPreset('lecture-ab');
  await expect(lesson.byTestId('race-gd')).toBeVisible();
  expect(requests).toContain(full);
  await expect(lesson.byTestId('optimizer-momentum')).toBeChecked();
  // The example's start (8, 0): L = 402.57.
  await expect(lesson.byTestId('race-gd')).toContainText('402.57');
});

test('ticking an optimizer on the lecture keeps the steps taken and the typed γ', async ({
  lesson,
  page,
}) => {
  const { full } = await wasmNames(page);
  const requests = wasmRequests(page);
  await lesson.setLearningRate('0,002');
  await lesson.step();
  const a = await lesson.paramValue('a');
  await lesson.byTestId('optimizer-momentum').check();
  await expect(lesson.byTestId('race-momentum')).toBeVisible();
  expect(requests).toContain(full);
  await expect(lesson.byTestId('optimizer-momentum')).toBeChecked();
  // The number typed is kept (a reload writes it in the interface's own form).
  await expect(lesson.byTestId('learning-rate')).toHaveValue('0.002');
  expect(await lesson.paramValue('a')).toBe(a);
  await expect(lesson.historyRows()).toHaveCount(1);
});

test('"Own formula…" in the first-load build opens the formula field in the full build with the model typed out', async ({
  lesson,
  page,
}) => {
  await wasmNames(page);
  await lesson.byTestId('model-select').selectOption('formula');
  await expect(lesson.byTestId('formula-input')).toHaveValue('a*x');
  // The one-off instruction is gone from the address; a reload stays in the full build.
  expect(new URL(page.url()).search).toBe('?full');
  // ŷ = a·x typed: the lecture's numbers to the last digit.
  await expect(lesson.byTestId('loss-value')).toContainText('402.57');
});

test('a share link that needs the full build opens in it at once, without a reload', async ({
  lesson,
  page,
  browser,
  baseURL,
}) => {
  await wasmNames(page);
  await lesson.selectPreset('lecture-ab');
  await expect(lesson.byTestId('race-gd')).toBeVisible();
  const link = await page.evaluate(() => {
    // The lesson's share link, as the toolbar copies it, read from the saved work.
    const json = localStorage.getItem('descent-lab/lesson/v1') ?? '';
    const bytes = new TextEncoder().encode(json);
    let binary = '';
    bytes.forEach((b) => (binary += String.fromCharCode(b)));
    return `#v1.${btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}`;
  });
  const context = await browser.newContext({ baseURL });
  try {
    const other = await context.newPage();
    const requests = wasmRequests(other);
    // Counts the page's loads: a reload into the full build would make it 2.
    await other.addInitScript(() => {
      sessionStorage.setItem('loads', String(Number(sessionStorage.getItem('loads') ?? 0) + 1));
    });
    await other.goto(`/${link}`);
    await expect(other.getByTestId('race-gd')).toBeVisible();
    await expect(other.getByTestId('race-gd')).toContainText('402.57');
    const { full } = await wasmNames(other);
    // The full build ran from the start (index.html still preloads the first-load build's
    // wasm, which is then not started): one page load, no `?full` reload.
    expect(requests).toContain(full);
    expect(await other.evaluate(() => sessionStorage.getItem('loads'))).toBe('1');
    expect(new URL(other.url()).search).toBe('');
  } finally {
    await context.close();
  }
});

test('while the full build loads, the line that says so is in the interface language', async ({
  lesson,
  page,
}) => {
  await lesson.byTestId('language-select').selectOption('lt');
  // The line is on screen only until the reload: record what the page shows on the way.
  await page.evaluate(() => {
    const root = document.documentElement;
    new MutationObserver(() => {
      if (root.classList.contains('loading-full')) {
        sessionStorage.setItem(
          'seen-loading',
          JSON.stringify({ text: document.body.dataset.loading, shown: getComputedStyle(document.body, '::after').content }),
        );
      }
    }).observe(root, { attributes: true });
  });
  await lesson.selectModel('affine');
  await expect(lesson.byTestId('chart-surface')).toBeVisible();
  const seen = JSON.parse((await page.evaluate(() => sessionStorage.getItem('seen-loading'))) ?? '{}');
  expect(seen.text).toBe('Įkeliami optimizatoriai, žemėlapis ir formulės…');
  expect(seen.shown).toBe('"Įkeliami optimizatoriai, žemėlapis ir formulės…"');
  // The full build speaks Lithuanian too.
  await expect(lesson.byTestId('language-select')).toHaveValue('lt');
});

test('the Walkthrough button in the first-load build opens scene 1 in the full build, saying what loads', async ({
  lesson,
  page,
}) => {
  const { first, full } = await wasmNames(page);
  // The walkthrough is in the full build only: the first load has not fetched it.
  const loaded = await page.evaluate(() =>
    performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname),
  );
  expect(loaded).toContain(first);
  expect(loaded).not.toContain(full);
  const requests = wasmRequests(page);
  await page.evaluate(() => {
    const root = document.documentElement;
    new MutationObserver(() => {
      if (root.classList.contains('loading-full')) {
        sessionStorage.setItem('seen-loading', document.body.dataset.loading ?? '');
      }
    }).observe(root, { attributes: true });
  });
  await lesson.byTestId('tour-button').click();
  const caption = lesson.byTestId('tour-caption');
  await expect(caption).toHaveAttribute('data-scene', '1');
  await expect(caption).toContainText('which y = ?');
  expect(requests).toContain(full);
  expect(await page.evaluate(() => sessionStorage.getItem('seen-loading'))).toBe('Loading the walkthrough…');
  // The scene's link is followed and removed; a reload stays in the full build.
  expect(new URL(page.url()).search).toBe('?full');
  expect(new URL(page.url()).hash).toBe('');
});

test('a #tour=N link pasted into the first-load build reloads into the full build at scene N', async ({
  lesson,
  page,
}) => {
  const { full } = await wasmNames(page);
  const requests = wasmRequests(page);
  await expect(lesson.byTestId('tour-caption')).toHaveCount(0);
  await page.evaluate(() => {
    location.hash = 'tour=3';
  });
  await expect(lesson.byTestId('tour-caption')).toHaveAttribute('data-scene', '3');
  expect(requests).toContain(full);
});

test("another tab's race, which the first-load build cannot read, reloads this tab into the full build showing it", async ({
  lesson,
  page,
}) => {
  const { full } = await wasmNames(page);
  const requests = wasmRequests(page);
  await lesson.setCell(0, 'y', '20');
  await expect(lesson.byTestId('optimizer-momentum')).not.toBeChecked();
  // The same saved work in the full build, in a second tab: momentum ticked there.
  const other = await page.context().newPage();
  await other.goto('/?full');
  await expect(other.getByTestId('race-panel')).toBeVisible();
  await expect(other.getByTestId('cell-0-y')).toHaveValue('20');
  await other.getByTestId('optimizer-momentum').check();
  await expect(other.getByTestId('race-momentum')).toBeVisible();
  // This tab takes the work in through the full build, this tab's edit kept.
  await expect(lesson.byTestId('race-momentum')).toBeVisible();
  expect(requests).toContain(full);
  expect(new URL(page.url()).search).toBe('?full');
  await expect(lesson.byTestId('optimizer-momentum')).toBeChecked();
  await expect(lesson.cell(0, 'y')).toHaveValue('20');
  await other.close();
});

test("an edit made just before another tab's race arrives is kept through the hand-over", async ({
  lesson,
  page,
  browser,
}) => {
  const key = 'descent-lab/lesson/v1';
  const runKey = 'descent-lab/lesson/v1/run';
  // Another browser's race on the lecture (its own storage): momentum ticked.
  const elsewhere = await browser.newContext();
  const racer = await elsewhere.newPage();
  await racer.goto('/?full');
  await racer.getByTestId('optimizer-momentum').check();
  await expect(racer.getByTestId('race-momentum')).toBeVisible();
  await expect
    .poll(() => racer.evaluate((k) => localStorage.getItem(k) ?? '', key))
    .toContain('momentum');
  const [raced, racedRun] = await racer.evaluate(
    ([k, r]) => [localStorage.getItem(k), localStorage.getItem(r)],
    [key, runKey],
  );
  await elsewhere.close();
  // A page of this origin in this browser, standing for a second tab's save.
  const other = await page.context().newPage();
  await other.goto('/favicon.svg');
  // An edit in this tab, and at once (within its save delay, before it is saved) the
  // other tab's race lands in storage: this tab reloads into the full build.
  await lesson.cell(1, 'y').fill('33');
  await other.evaluate(
    ([k, r, lessonJson, runJson]) => {
      if (runJson) localStorage.setItem(r, runJson);
      localStorage.setItem(k, lessonJson ?? '');
    },
    [key, runKey, raced, racedRun],
  );
  await expect(lesson.byTestId('race-momentum')).toBeVisible();
  expect(new URL(page.url()).search).toBe('?full');
  // Both kept: the other tab's race and this tab's unsaved edit.
  await expect(lesson.byTestId('optimizer-momentum')).toBeChecked();
  await expect(lesson.cell(1, 'y')).toHaveValue('33');
  // And saved, so that the other tab sees it too.
  await expect
    .poll(() => page.evaluate((k) => localStorage.getItem(k) ?? '', key))
    .toContain('33');
  await other.close();
});
