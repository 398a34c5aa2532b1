import { expect, test } from '../lesson-test';

// Offline (sw.js, registered by boot.js): classroom Wi-Fi fails, so once the app has been
// opened it must open again without a network, and the browser may install it
// (public/manifest.webmanifest).

test('after a first visit the app opens offline, with the lecture’s L = 402.57', async ({
  lesson,
  page,
  context,
}) => {
  await lesson.expectLoss('402.57');
  // The worker is installed (it caches the app on install) and controls this page.
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  expect(scope).toBe(new URL('/', page.url()).href);
  await page.evaluate(
    () =>
      navigator.serviceWorker.controller ??
      new Promise((resolve) =>
        navigator.serviceWorker.addEventListener('controllerchange', resolve),
      ),
  );
  expect(await page.evaluate(() => navigator.serviceWorker.controller?.state)).toBe('activated');

  await context.setOffline(true);
  try {
    expect(await page.evaluate(() => navigator.onLine)).toBe(false);
    await page.reload();
    await expect(page.locator('h1')).toHaveText('Descent Lab');
    await lesson.expectLoss('402.57');
    // It works, not only shows: one step lands on the lecture's 9.3419.
    await lesson.step();
    await expect(lesson.paramField()).toHaveValue('9.3419');
    await expect(lesson.byTestId('chart-data')).toHaveAttribute('data-frame', /\d/);
    await lesson.screenshot('classroom-offline--reloaded-offline');
  } finally {
    await context.setOffline(false);
  }
});

test('offline, a two-parameter example still opens: the first visit cached the full build too', async ({
  lesson,
  page,
  context,
}) => {
  await lesson.expectLoss('402.57');
  // Installed and in control: its install cached every file index.html names, the full
  // build's glue and wasm (data-full-js, data-full-wasm) among them.
  await page.evaluate(
    () =>
      navigator.serviceWorker.controller ??
      new Promise((resolve) =>
        navigator.serviceWorker.addEventListener('controllerchange', resolve),
      ),
  );
  await context.setOffline(true);
  try {
    // The first-load build has no map or race: it reloads into the full build, offline.
    await lesson.selectPreset('lecture-ab');
    await expect(lesson.byTestId('race-gd')).toBeVisible();
    await expect(lesson.byTestId('chart-surface')).toHaveAttribute('data-frame', /\d/);
    await lesson.step();
    // OPTIMIZERS.md: GD's first step from (8, 0) at γ = 0.003 lands on a = 9.3419.
    await expect(lesson.byTestId('race-gd')).toHaveAttribute('data-a', /^9\.3419/);
  } finally {
    await context.setOffline(false);
  }
});

test('the web app manifest makes the app installable', async ({ lesson, page }) => {
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(href).toBeTruthy();
  const manifestUrl = new URL(href!, page.url()).href;
  const manifest = await page.evaluate(async (url) => (await fetch(url)).json(), manifestUrl);
  expect(manifest.name).toBe('Descent Lab');
  expect(manifest.display).toBe('standalone');
  expect(new URL(manifest.start_url, manifestUrl).href).toBe(new URL('/', page.url()).href);
  const sizes: string[] = manifest.icons.map((i: { sizes: string }) => i.sizes);
  expect(sizes).toContain('192x192');
  expect(sizes).toContain('512x512');
  // Every icon it names is there.
  for (const icon of manifest.icons as Array<{ src: string }>) {
    const status = await page.evaluate(
      async (url) => (await fetch(url)).status,
      new URL(icon.src, manifestUrl).href,
    );
    expect(status, icon.src).toBe(200);
  }
  await expect(lesson.lossValue()).toBeVisible();
});
