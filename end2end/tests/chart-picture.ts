import type { Locator, Page } from '@playwright/test';

// A chart on screen is a stack of canvases in one box (src/charts/canvas/stack.rs): the
// chart's own canvas (its test id, `data-frame`, `data-view`) with the axes, and the layers
// drawn above it. What a student sees is all of them at once; these read that picture.

/** Where a chart put a data point, in device pixels of its canvas, and the canvas's device
 *  pixels per CSS pixel. */
export async function devicePixelOf(
  page: Page,
  testId: string,
  [x, y]: [number, number],
): Promise<{ px: number; py: number; ratio: number }> {
  return page.evaluate(
    ([id, x, y]) => {
      const canvas = document.querySelector(`[data-testid=${id}]`) as HTMLCanvasElement;
      const [left, top, right, bottom] = canvas.dataset.frame!.split(',').map(Number);
      const [x0, x1, y0, y1] = canvas.dataset.view!.split(',').map(Number);
      const ratio = canvas.width / canvas.getBoundingClientRect().width;
      const px = (left + ((x - x0) / (x1 - x0)) * (right - left)) * ratio;
      const py = (bottom - ((y - y0) / (y1 - y0)) * (bottom - top)) * ratio;
      return { px, py, ratio };
    },
    [testId, x, y] as const,
  );
}

/** The RGBA bytes of the chart as shown (its canvas and every layer above it) within the
 *  box of `width` × `height` device pixels from (`left`, `top`); with no box, the whole
 *  picture as a PNG data URL. */
export async function chartPicture(
  page: Page,
  testId: string,
  box?: [number, number, number, number],
): Promise<number[] | string> {
  return page.evaluate(
    ([id, box]) => {
      const canvas = document.querySelector(`[data-testid=${id}]`) as HTMLCanvasElement;
      const picture = document.createElement('canvas');
      picture.width = canvas.width;
      picture.height = canvas.height;
      const context = picture.getContext('2d')!;
      for (const layer of canvas.parentElement!.querySelectorAll('canvas')) {
        // A moving layer covers a part of the chart: `data-at` says where it begins.
        const [x, y] = (layer.dataset.at ?? '0,0').split(',').map(Number);
        if (layer.width > 0 && layer.height > 0) context.drawImage(layer, x, y);
      }
      if (!box) return picture.toDataURL();
      const [left, top, width, height] = box.map(Math.round);
      return [...context.getImageData(left, top, width, height).data];
    },
    [testId, box ?? null] as const,
  );
}

/** The data window a chart shows, from its canvas's `data-view`: [x0, x1, y0, y1]. */
export async function chartView(canvas: Locator): Promise<number[]> {
  return ((await canvas.getAttribute('data-view')) ?? '').split(',').map(Number);
}

/** Whether the view `outer` holds the view `inner` ([x0, x1, y0, y1] each): axes that only
 *  widen show every view within the one after it. */
export function viewHolds(outer: number[], inner: number[]): boolean {
  return outer[0] <= inner[0] && outer[1] >= inner[1] && outer[2] <= inner[2] && outer[3] >= inner[3];
}
