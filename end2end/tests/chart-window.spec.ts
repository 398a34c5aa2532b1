import type { Page } from '@playwright/test';
import { expect, test } from './lesson-test';

// A chart's moving layer covers only the plotting area and a margin around it
// (src/charts/canvas/stack.rs, `Window`): every frame of a drag the browser clears, copies
// and composes that much of it and no more. On screen it must look exactly as a layer over
// the whole chart would, at the scale of a classroom laptop (2) and of a Windows laptop at
// 150 % (1.5).

/** The moving layer of a chart (the first layer above its own canvas): its size, where its
 *  part of the chart begins, and the chart's plotting area, all in the canvas's pixels. */
async function movingLayer(page: Page, testId: string) {
  return page.evaluate((id) => {
    const own = document.querySelector(`[data-testid=${id}]`) as HTMLCanvasElement;
    const layer = own.parentElement!.querySelector('canvas.layer') as HTMLCanvasElement;
    const ratio = own.width / own.getBoundingClientRect().width;
    const frame = own.dataset.frame!.split(',').map((v) => Number(v) * ratio);
    return {
      own: [own.width, own.height],
      size: [layer.width, layer.height],
      at: (layer.dataset.at ?? '').split(',').map(Number),
      frame,
    };
  }, testId);
}

/** Puts a canvas of the chart's whole size in place of its moving layer, holding the same
 *  pixels where `data-at` says they belong, or takes it away again. */
async function wholeLayer(page: Page, testId: string, on: boolean): Promise<void> {
  await page.evaluate(
    ([id, on]) => {
      const own = document.querySelector(`[data-testid=${id}]`) as HTMLCanvasElement;
      const layer = own.parentElement!.querySelector('canvas.layer') as HTMLCanvasElement;
      if (!on) {
        own.parentElement!.querySelector('.whole')?.remove();
        layer.style.visibility = '';
        return;
      }
      const whole = document.createElement('canvas');
      whole.className = 'layer whole';
      whole.width = own.width;
      whole.height = own.height;
      const [x, y] = layer.dataset.at!.split(',').map(Number);
      whole.getContext('2d')!.drawImage(layer, x, y);
      layer.after(whole);
      layer.style.visibility = 'hidden';
    },
    [testId, on] as const,
  );
}

/** The largest difference of one colour channel between two PNG screenshots of one size
 *  (255 when their sizes differ). */
async function largestDifference(page: Page, a: Buffer, b: Buffer): Promise<number> {
  return page.evaluate(
    async ([a, b]) => {
      const read = async (url: string) => {
        const image = new Image();
        image.src = url;
        await image.decode();
        const canvas = document.createElement('canvas');
        [canvas.width, canvas.height] = [image.width, image.height];
        const context = canvas.getContext('2d')!;
        context.drawImage(image, 0, 0);
        return context.getImageData(0, 0, image.width, image.height).data;
      };
      const [x, y] = [await read(a), await read(b)];
      if (x.length !== y.length) return 255;
      let largest = 0;
      for (let k = 0; k < x.length; k++) largest = Math.max(largest, Math.abs(x[k] - y[k]));
      return largest;
    },
    [a, b].map((png) => `data:image/png;base64,${png.toString('base64')}`),
  );
}

// At scale 2 the screen is the same to the bit. At 1.5 a box of 295 CSS pixels is 442.5
// device pixels, so the browser resamples every canvas of the chart, the layers a little
// differently by their size: colours differ by up to 48 of 255 at a few edges there. A
// layer one device pixel off its place differs by over 200 along every line.
for (const [scale, tolerance] of [
  [2, 0],
  [1.5, 64],
]) {
  test.describe(`at device scale ${scale}`, () => {
    test.use({ viewport: { width: 1920, height: 1080 }, deviceScaleFactor: scale });

    test('a moving layer covers the plotting area, and the screen shows it as a whole layer', async ({
      lesson,
      page,
    }) => {
      await lesson.selectPreset('lecture-ab');
      await expect(lesson.byTestId('chart-surface')).toHaveAttribute('data-frame', /\d/);
      for (const id of ['chart-data', 'chart-loss', 'chart-surface']) {
        const m = await movingLayer(page, id);
        const [left, top, right, bottom] = m.frame;
        // Smaller than the chart, and holding the whole plotting area.
        expect(m.size[0] * m.size[1], `${id}: ${m.size} of ${m.own}`).toBeLessThan(0.8 * m.own[0] * m.own[1]);
        expect(m.at[0], id).toBeLessThanOrEqual(left);
        expect(m.at[1], id).toBeLessThanOrEqual(top);
        expect(m.at[0] + m.size[0], id).toBeGreaterThanOrEqual(right);
        expect(m.at[1] + m.size[1], id).toBeGreaterThanOrEqual(bottom);
        // The same screen with the layer's pixels on a canvas over the whole chart.
        const stack = page.locator(`.stack:has(> [data-testid=${id}])`);
        const shown = await stack.screenshot();
        await wholeLayer(page, id, true);
        const whole = await stack.screenshot();
        await wholeLayer(page, id, false);
        expect(
          await largestDifference(page, shown, whole),
          `${id}: the screen differs from a whole layer`,
        ).toBeLessThanOrEqual(tolerance);
      }
    });
  });
}
