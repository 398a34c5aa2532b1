import type { Download, Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { devicePixelOf } from '../chart-picture';
import { expect, test } from '../lesson-test';
import type { LessonPage } from '../lesson-page';
import { clipboardText, grantClipboard } from './classroom';

// Exports (src/classroom/export.rs, descent-core's export.rs): the charts as PNG, the
// table and the step history as CSV downloads, the history as Markdown and LaTeX on the
// clipboard — what a lecturer pastes into slides.

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Opens the Export menu, clicks `item` and returns the download it starts. */
async function download(lesson: LessonPage, item: string): Promise<Download> {
  await lesson.byTestId('export-menu').click();
  await expect(lesson.byTestId(item)).toBeVisible();
  const [file] = await Promise.all([
    lesson.page.waitForEvent('download'),
    lesson.byTestId(item).click(),
  ]);
  return file;
}

async function bytesOf(file: Download): Promise<Buffer> {
  const path = await file.path();
  expect(path, 'the download was saved').toBeTruthy();
  return readFile(path);
}

/** Clicks a copy item of the Export menu and returns what reached the clipboard. */
async function copied(
  lesson: LessonPage,
  page: Page,
  item: string,
  pattern: RegExp,
): Promise<string> {
  await grantClipboard(page);
  await page.evaluate(() => navigator.clipboard.writeText(''));
  await lesson.byTestId('export-menu').click();
  await lesson.byTestId(item).click();
  await expect(lesson.byTestId('notice')).toHaveText('Copied to the clipboard');
  return clipboardText(page, pattern);
}

/** Two steps from the lecture's a = 8: 8 → 9.3419 → 9.683414. */
async function twoSteps(lesson: LessonPage): Promise<void> {
  await lesson.step();
  await lesson.step();
  await expect(lesson.historyRows()).toHaveCount(2);
}

/**
 * Binary noise the slide formats must not show: 402.57000000000005, 9.683413550000001,
 * −113.83784999999978 all carry a run of six or more zeros or nines.
 */
const FLOAT_NOISE = /0{6}|9{6}/;

/** The numbers in a row of cells (U+2212 and "-" both read as minus). */
function numbers(cells: string[]): number[] {
  return cells.map((c) => Number(c.replace('\u2212', '-')));
}

/** Downloads `item` and checks it is a PNG of the canvas `canvasId`, at its size in
 * device pixels. */
async function expectCanvasPng(
  lesson: LessonPage,
  page: Page,
  item: string,
  name: string,
  canvasId: string,
): Promise<void> {
  const file = await download(lesson, item);
  expect(file.suggestedFilename()).toBe(name);
  const bytes = await bytesOf(file);
  expect([...bytes.subarray(0, 8)], 'PNG signature').toEqual(PNG_SIGNATURE);
  expect(bytes.length, 'PNG size in bytes').toBeGreaterThan(1024);
  // The first chunk is IHDR with the image's size: the canvas's, in device pixels.
  expect(bytes.subarray(12, 16).toString('ascii')).toBe('IHDR');
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  const canvasSize = await page
    .getByTestId(canvasId)
    .evaluate((c: HTMLCanvasElement) => [c.width, c.height]);
  expect([width, height]).toEqual(canvasSize);
  expect(width).toBeGreaterThan(100);
  expect(height).toBeGreaterThan(100);
}

for (const [chart, item, name, canvasId] of [
  ['data and model', 'export-data-png', 'descent-lab-data.png', 'chart-data'],
  ['loss', 'export-loss-png', 'descent-lab-loss.png', 'chart-loss'],
] as const) {
  test(`the ${chart} chart exports as a valid, non-empty PNG`, async ({ lesson, page }) => {
    await lesson.step();
    await expectCanvasPng(lesson, page, item, name, canvasId);
  });
}

test('the map and the loss-against-step chart export as PNG while they are shown', async ({
  lesson,
  page,
}) => {
  // The lecture (one parameter, no race) shows neither, and the menu offers neither.
  await lesson.byTestId('export-menu').click();
  await expect(lesson.byTestId('export-data-png')).toBeVisible();
  await expect(lesson.byTestId('export-map-png')).toBeHidden();
  await expect(lesson.byTestId('export-steps-png')).toBeHidden();
  await lesson.byTestId('export-menu').click();
  // lecture-ab: the map of L(a, b) and a race of two, so both.
  await lesson.selectPreset('lecture-ab');
  await expect(lesson.byTestId('race-gd')).toBeVisible();
  await lesson.step();
  await lesson.step();
  await expectCanvasPng(lesson, page, 'export-map-png', 'descent-lab-map.png', 'chart-surface');
  await expectCanvasPng(lesson, page, 'export-steps-png', 'descent-lab-steps.png', 'chart-steps');
});

/** The UTF-8 byte-order mark every CSV download starts with, so Excel reads it as UTF-8. */
const BOM = [0xef, 0xbb, 0xbf];

test('the table exports as CSV with its column names and its numbers as numbers', async ({ lesson }) => {
  await lesson.renameColumn('x', 'masė');
  await lesson.renameColumn('y', 'jėga');
  await lesson.setCell(1, 'y', '44,1');
  const file = await download(lesson, 'export-table-csv');
  expect(file.suggestedFilename()).toBe('descent-lab-table.csv');
  const bytes = await bytesOf(file);
  expect([...bytes.subarray(0, 3)]).toEqual(BOM);
  // A typed decimal comma is written as a number with a point, like the rest of its
  // column; the Lithuanian names arrive as UTF-8.
  expect(bytes.subarray(3).toString('utf8')).toBe('masė,jėga\n2,19.6\n4.5,44.1\n10,98\n');
});

test('the step history exports as CSV: a header and one row per step', async ({ lesson }) => {
  // Before any step there is nothing to export.
  await lesson.byTestId('export-menu').click();
  await expect(lesson.byTestId('export-history-csv')).toBeDisabled();
  await lesson.byTestId('export-menu').click();

  await twoSteps(lesson);
  const file = await download(lesson, 'export-history-csv');
  expect(file.suggestedFilename()).toBe('descent-lab-history.csv');
  const bytes = await bytesOf(file);
  expect([...bytes.subarray(0, 3)]).toEqual(BOM);
  const lines = bytes.subarray(3).toString('utf8').trimEnd().split('\n');
  expect(lines[0]).toBe('k,a,L,dL/da,a_next,L_next,gamma');
  expect(lines).toHaveLength(3);
  const [first, second] = lines.slice(1).map((line) => numbers(line.split(',')));
  // k, a, L, ∂L/∂a, next a, next L, γ — the lecture's figures.
  expect(first[0]).toBe(1);
  expect(first[1]).toBe(8);
  expect(first[2]).toBeCloseTo(402.57, 9);
  expect(first[3]).toBeCloseTo(-447.3, 9);
  expect(first[4]).toBeCloseTo(9.3419, 9);
  expect(first[6]).toBe(0.003);
  expect(second[0]).toBe(2);
  expect(second[1]).toBe(first[4]);
  expect(second[4]).toBeCloseTo(9.683414, 6);
  // Unlike the slide formats, CSV keeps the 15 digits an f64 holds reliably.
  expect(lines[2].split(',')[4]).toBe('9.68341355');
});

test('the step history copies as a Markdown table with the steps’ numbers', async ({
  lesson,
  page,
}) => {
  await twoSteps(lesson);
  const markdown = await copied(lesson, page, 'copy-markdown', /9\.341/);
  const lines = markdown.trimEnd().split('\n');
  expect(lines).toHaveLength(4);
  const cells = (line: string) =>
    line
      .split('|')
      .slice(1, -1)
      .map((c) => c.trim());
  expect(cells(lines[0])).toEqual(['k', 'a', 'L', '∂L/∂a', 'a − γ·∂L/∂a']);
  expect(cells(lines[1]).every((c) => /^-+:$/.test(c))).toBe(true);
  // The numbers as the screen shows them: the lecture's figures, a typographic minus.
  expect(cells(lines[2])).toEqual(['1', '8', '402.57', '\u2212447.3', '9.3419']);
  const second = cells(lines[3]);
  expect(second[0]).toBe('2');
  expect(second[1]).toBe('9.3419');
  expect(second[4]).toBe('9.683414');
  expect(markdown).not.toMatch(FLOAT_NOISE);
});

test('the step history copies as a LaTeX tabular with the steps’ numbers', async ({
  lesson,
  page,
}) => {
  await twoSteps(lesson);
  const latex = await copied(lesson, page, 'copy-latex', /tabular/);
  expect(latex).toMatch(/^\\begin\{tabular\}\{rrrrr\}\n\\hline\n/);
  expect(latex.trimEnd()).toMatch(/\\hline\n\\end\{tabular\}$/);
  const rows = latex
    .split('\n')
    .filter((line) => line.endsWith('\\\\'))
    .map((line) =>
      line
        .slice(0, -2)
        .split('&')
        .map((c) => c.trim().replace(/^\$|\$$/g, '')),
    );
  expect(rows).toHaveLength(3);
  expect(rows[0]).toEqual([
    'k',
    'a',
    'L',
    '\\partial L/\\partial a',
    'a - \\gamma\\,\\partial L/\\partial a',
  ]);
  // Rounded as on screen; in math mode a plain "-" is typeset as a minus sign.
  expect(rows[1]).toEqual(['1', '8', '402.57', '-447.3', '9.3419']);
  expect(rows[2][1]).toBe('9.3419');
  expect(rows[2][4]).toBe('9.683414');
  expect(latex).not.toMatch(FLOAT_NOISE);
});

test('a chart scrolled out of sight exports as it stands now, not as it was last drawn', async ({
  lesson,
  page,
}) => {
  // Five racers at 1920×1080: the loss-against-step chart sits below the race table, out
  // of sight, and waits there while the race steps (components/canvas_redraw.rs).
  await page.setViewportSize({ width: 1920, height: 1080 });
  await lesson.selectPreset('lecture-ab');
  await expect(lesson.byTestId('race-gd')).toBeVisible();
  for (const id of ['nesterov', 'rmsprop', 'adam']) await lesson.byTestId(`optimizer-${id}`).check();
  for (let i = 0; i < 20; i++) await lesson.step();
  await expect(lesson.byTestId('race-gd')).toHaveAttribute('data-step', '20');
  const stepAxisEnd = async () =>
    Number((await lesson.byTestId('chart-steps').getAttribute('data-view'))?.split(',')[1]);
  // Out of sight it waited: its step axis still ends before step 20.
  expect(await stepAxisEnd()).toBeLessThan(20);
  await expectCanvasPng(lesson, page, 'export-steps-png', 'descent-lab-steps.png', 'chart-steps');
  // The picture saved is the one at step 20: its step axis reaches 20.
  expect(await stepAxisEnd()).toBeGreaterThanOrEqual(20);
});

/** How many pixels of the PNG `bytes` within `half` CSS pixels of each probe's device
 *  pixel have its colour (within 40 in every channel), per CSS pixel². */
async function colourCounts(
  page: Page,
  bytes: Buffer,
  probes: { px: number; py: number; ratio: number; rgb: [number, number, number] }[],
  half = 5,
): Promise<number[]> {
  return page.evaluate(
    async ([base64, probes, half]) => {
      const image = new Image();
      image.src = `data:image/png;base64,${base64}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      const context = canvas.getContext('2d')!;
      context.drawImage(image, 0, 0);
      return probes.map(({ px, py, ratio, rgb }) => {
        const r = Math.round(half * ratio);
        const data = context.getImageData(Math.round(px) - r, Math.round(py) - r, 2 * r + 1, 2 * r + 1).data;
        let count = 0;
        for (let i = 0; i < data.length; i += 4) {
          if ([0, 1, 2].every((k) => Math.abs(data[i + k] - rgb[k]) <= 40)) count++;
        }
        return count / (ratio * ratio);
      });
    },
    [bytes.toString('base64'), probes, half] as const,
  );
}

const BLUE: [number, number, number] = [0x00, 0x72, 0xb2];
const VERMILLION: [number, number, number] = [0xd5, 0x5e, 0x00];

test('an exported chart holds every layer of its stack: curve and current point, points and line', async ({
  lesson,
  page,
}) => {
  // Each chart is its own canvas (axes, the loss curve) under layers (the current point, the
  // model line; src/charts/canvas/stack.rs); the file must be the picture a student sees.
  await lesson.expectLoss('402.57');
  const at = (id: string, point: [number, number]) => devicePixelOf(page, id, point);
  const loss = await bytesOf(await download(lesson, 'export-loss-png'));
  const [current, curve, empty] = await colourCounts(page, loss, [
    { ...(await at('chart-loss', [8, 402.57])), rgb: VERMILLION },
    { ...(await at('chart-loss', [11.5, 359.0825])), rgb: BLUE },
    { ...(await at('chart-loss', [11.5, 2000])), rgb: BLUE },
  ]);
  expect(current, 'the current point (8, 402.57): the moving layer').toBeGreaterThan(10);
  expect(curve, 'the loss curve at (11.5, 359.0825): the chart\'s own canvas').toBeGreaterThan(2);
  expect(empty, 'nothing blue far above the curve').toBe(0);
  const data = await bytesOf(await download(lesson, 'export-data-png'));
  const [point, line] = await colourCounts(page, data, [
    { ...(await at('chart-data', [4.5, 44.1])), rgb: BLUE },
    { ...(await at('chart-data', [7, 56])), rgb: VERMILLION },
  ]);
  expect(point, 'the data point (4.5, 44.1)').toBeGreaterThan(10);
  expect(line, 'the model line ŷ = 8x at x = 7').toBeGreaterThan(2);
});
