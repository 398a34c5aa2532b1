import type { Download } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { expect, test } from '../lesson-test';
import type { LessonPage } from '../lesson-page';

// Issue 14, item 11: what a spreadsheet user sees in the CSV exports. The history keeps
// the 15 significant digits an f64 holds reliably (402.57, −113.83785, 9.68341355, not
// 402.57000000000005, −113.83784999999978, 9.683413550000001); the table writes every
// number as a number with a decimal point (a typed "2,5" becomes 2.5), and keeps the
// typed text only for a cell that is not a number.

async function downloadText(lesson: LessonPage, item: string): Promise<string> {
  await lesson.byTestId('export-menu').click();
  await expect(lesson.byTestId(item)).toBeVisible();
  const [file]: [Download, void] = await Promise.all([
    lesson.page.waitForEvent('download'),
    lesson.byTestId(item).click(),
  ]);
  const path = await file.path();
  // Without the byte-order mark the export starts with.
  return (await readFile(path)).toString('utf8').replace(/^\uFEFF/, '');
}

test('the history CSV writes the lecture figures in 15 digits, without binary noise', async ({
  lesson,
}) => {
  await lesson.step();
  await lesson.step();
  await expect(lesson.historyRows()).toHaveCount(2);
  const lines = (await downloadText(lesson, 'export-history-csv')).trimEnd().split('\n');
  expect(lines[0]).toBe('k,a,L,dL/da,a_next,L_next,gamma');
  expect(lines[1]).toBe('1,8,402.57,-447.3,9.3419,26.0745595424999,0.003');
  const second = lines[2].split(',');
  expect(second[3]).toBe('-113.83785');
  expect(second[4]).toBe('9.68341355');
  // Every number reads back within a unit of its 15th digit of the lecture's values.
  expect(Number(second[4])).toBeCloseTo(9.68341355, 12);
  expect(lines.join('\n')).not.toMatch(/0{6}|9{6}/);
});

test('the table CSV writes typed numbers as numbers and only bad cells as typed', async ({
  lesson,
}) => {
  await lesson.setCell(0, 'x', '2,5');
  await lesson.setCell(1, 'y', '−44,1');
  await lesson.setCell(2, 'y', 'abc');
  const csv = await downloadText(lesson, 'export-table-csv');
  expect(csv).toBe('x,y\n2.5,19.6\n4.5,-44.1\n10,abc\n');
});
