import { expect, test } from '../lesson-test';
import {
  expectCellFlagged,
  expectDescentDisabled,
  expectNoPanic,
  expectSaved,
  expectStepIsTaken,
  expectStepMovesA,
  screenshotBadState,
} from './support';

// Blocks pasted into the table (Ctrl+V of a spreadsheet selection or CSV text, sent as
// a real `paste` ClipboardEvent). A block replaces the table; every cell keeps the text
// it was pasted with (trimmed), bad cells are flagged, and a notice says what happened.

const NBSP = '\u00a0';

test('pasted spreadsheet data with Unicode minus, decimal commas and no-break spaces is read', async ({
  lesson,
}) => {
  // As a Lithuanian spreadsheet copies it: −, decimal commas, a no-break space as the
  // thousands separator and trailing no-break spaces, CRLF line ends.
  const text = `m\tF\r\n−2\t−19,6\r\n4,5${NBSP}\t44,1${NBSP}\r\n1${NBSP}000\t9${NBSP}800\r\n`;
  await lesson.paste(lesson.cell(0, 'x'), text);
  await expect(lesson.byTestId('notice')).toHaveText('Pasted: 3 rows');
  await expect(lesson.columnLabel('x')).toHaveValue('m');
  await expect(lesson.columnLabel('y')).toHaveValue('F');
  await expect(lesson.cell(0, 'x')).toHaveValue('−2');
  await expect(lesson.cell(0, 'y')).toHaveValue('−19,6');
  await expect(lesson.cell(1, 'x')).toHaveValue('4,5');
  await expect(lesson.cell(2, 'x')).toHaveValue(`1${NBSP}000`);
  await expect(lesson.cell(2, 'y')).toHaveValue(`9${NBSP}800`);
  await expect(lesson.cells().and(lesson.page.locator('[aria-invalid="true"]'))).toHaveCount(0);
  // Every row is F = 9.8·m: the minimum is a* = 9.8.
  await expect(lesson.byTestId('minimum-value')).toHaveText('a* = 9.8');
  await expectStepMovesA(lesson);
  await expectNoPanic(lesson);
});

test('columns separated only by no-break spaces are split like spaces', async ({ lesson }) => {
  await lesson.paste(lesson.cell(0, 'x'), `2${NBSP}19,6\n4,5${NBSP}44,1\n10${NBSP}98\n`);
  await expect(lesson.byTestId('notice')).toHaveText('Pasted: 3 rows');
  await expect(lesson.cell(1, 'x')).toHaveValue('4,5');
  await expect(lesson.cell(1, 'y')).toHaveValue('44,1');
  await lesson.expectLoss('402.57');
  await expectStepMovesA(lesson);
  await expectNoPanic(lesson);
});

test('pasted letters, empty cells, NaN and inf are flagged and the good rows kept', async ({
  lesson,
}) => {
  await lesson.paste(lesson.cell(0, 'x'), 'x,y\n2,19.6\nabc,44.1\n10,\nNaN,1\n3,inf\n4.5,44.1\n');
  await expect(lesson.byTestId('notice')).toHaveText('Pasted: 6 rows');
  await expect(lesson.cell(1, 'x')).toHaveValue('abc');
  await expect(lesson.cell(2, 'y')).toHaveValue('');
  await expect(lesson.cell(3, 'x')).toHaveValue('NaN');
  await expect(lesson.cell(4, 'y')).toHaveValue('inf');
  await expectCellFlagged(lesson, 1, 'x', 'Row 2, column x: “abc” is not a number.');
  await expectCellFlagged(lesson, 2, 'y', 'Row 3, column y is empty.');
  await expectCellFlagged(lesson, 3, 'x', /^Row 4, column x: “NaN” /);
  await expectCellFlagged(lesson, 4, 'y', /^Row 5, column y: “inf” /);
  await expect(lesson.status()).toContainText('4 rows ignored (rows 2, 3, 4, 5)');
  await screenshotBadState(lesson, 'pasted-bad-cells');
  await expectStepMovesA(lesson);
  await expectNoPanic(lesson);
});

test('a stray quote in pasted CSV spoils only its own cell', async ({ lesson }) => {
  await lesson.paste(lesson.cell(0, 'x'), '2;19,6\n4,5";44,1\n10;98\n');
  await expect(lesson.byTestId('notice')).toHaveText('Pasted: 3 rows');
  await expect(lesson.cell(1, 'x')).toHaveValue('4,5"');
  await expectCellFlagged(lesson, 1, 'x', 'Row 2, column x: “4,5"” is not a number.');
  await expect(lesson.cell(2, 'y')).toHaveValue('98');
  await expectStepMovesA(lesson);
  await expectNoPanic(lesson);
});

test('a pasted block of nothing but separators empties the table, and undo brings it back', async ({
  lesson,
}) => {
  await lesson.paste(lesson.cell(0, 'x'), '\t\n \t \n\n');
  await expect(lesson.byTestId('notice')).toHaveText('Pasted: 0 rows');
  await expect(lesson.rows()).toHaveCount(0);
  await expect(lesson.status()).toContainText('The table is empty: add a row or pick an example.');
  await expectDescentDisabled(lesson);
  await lesson.byTestId('undo-edit').click();
  await expect(lesson.cell(1, 'y')).toHaveValue('44.1');
  await lesson.expectLoss('402.57');
  await expectStepMovesA(lesson);
  await expectNoPanic(lesson);
});

test('a pasted header with no rows renames the columns and shows the empty state', async ({
  lesson,
}) => {
  await lesson.paste(lesson.cell(0, 'x'), 'm\tF\n');
  await expect(lesson.columnLabel('x')).toHaveValue('m');
  await expect(lesson.columnLabel('y')).toHaveValue('F');
  await expect(lesson.rows()).toHaveCount(0);
  await expect(lesson.status()).toContainText('The table is empty');
  await expectDescentDisabled(lesson);
  // The page still works: a row typed in brings the fit back.
  await lesson.addRow();
  await lesson.setCell(0, 'x', '2');
  await lesson.setCell(0, 'y', '19,6');
  await expect(lesson.cell(0, 'y')).toHaveValue('19,6');
  await expectStepMovesA(lesson);
  await expectNoPanic(lesson);
});

test('an empty table (the empty preset) disables Step and Play until a row is typed', async ({
  lesson,
}) => {
  await lesson.selectPreset('empty');
  await expect(lesson.status()).toContainText('The table is empty');
  await expectDescentDisabled(lesson);
  await lesson.addRow();
  await lesson.setCell(0, 'x', '10');
  await expect(lesson.status()).toContainText('No row of the table has two numbers');
  await expectCellFlagged(lesson, 0, 'y', 'Row 1, column y is empty.');
  await expectDescentDisabled(lesson);
  await lesson.setCell(0, 'y', '98');
  await expect(lesson.cell(0, 'x')).toHaveValue('10');
  await expectStepMovesA(lesson);
  await expectNoPanic(lesson);
});

test('extra columns are ignored with a notice', async ({ lesson }) => {
  await lesson.paste(lesson.cell(0, 'x'), '2\t19.6\tkg\n4.5\t44.1\tkg\t!\n');
  await expect(lesson.byTestId('notice')).toHaveText(
    'Pasted: 2 rows Only the first two columns are used.',
  );
  await expect(lesson.cell(1, 'y')).toHaveValue('44.1');
  await expectStepMovesA(lesson);
  await expectNoPanic(lesson);
});

test('a single pasted row is a table of one point', async ({ lesson }) => {
  await lesson.paste(lesson.cell(0, 'x'), '2\t19,6\n');
  await expect(lesson.byTestId('notice')).toHaveText('Pasted: 1 row');
  await expect(lesson.rows()).toHaveCount(1);
  await expect(lesson.cell(0, 'y')).toHaveValue('19,6');
  // (19.6 − 8·2)² = 12.96; one point still fixes a* = 9.8.
  await lesson.expectLoss('12.96');
  await expect(lesson.byTestId('minimum-value')).toHaveText('a* = 9.8');
  await expect(lesson.status()).toContainText('Press Step');
  await expectStepMovesA(lesson);
  await expectNoPanic(lesson);
});

test('identical rows count once each and still have one minimum', async ({ lesson }) => {
  await lesson.paste(lesson.cell(0, 'x'), '2\t19.6\n2\t19.6\n2\t19.6\n');
  await expect(lesson.byTestId('notice')).toHaveText('Pasted: 3 rows');
  await expect(lesson.cell(2, 'x')).toHaveValue('2');
  await lesson.expectLoss('38.88');
  await expect(lesson.byTestId('minimum-value')).toHaveText('a* = 9.8');
  await expectStepMovesA(lesson);
  await expectNoPanic(lesson);
});

test('all x = 0 (also written −0) says there is no unique minimum; Step stays harmless', async ({
  lesson,
}) => {
  await lesson.paste(lesson.cell(0, 'x'), '0\t1\n-0\t2\n−0\t3\n');
  await expect(lesson.byTestId('notice')).toHaveText('Pasted: 3 rows');
  await expect(lesson.cell(1, 'x')).toHaveValue('-0');
  await expect(lesson.cell(2, 'x')).toHaveValue('−0');
  await expect(lesson.status()).toContainText(
    'Every x is 0, so ŷ = a·x is 0 whatever a is: there is no unique minimum.',
  );
  await lesson.expectGradient('0');
  // The step is taken (k = 1 in the history) and a stays where it is.
  await expectStepIsTaken(lesson);
  await expect(lesson.paramField()).toHaveAttribute('data-value', '8');
  await expectNoPanic(lesson);
});

test('a pasted header longer than a label may be is cut to 100 characters and survives a reload', async ({
  lesson,
  page,
}) => {
  const name = 'Mass of the falling body in kilograms, measured twice '.repeat(3);
  expect(name.length).toBeGreaterThan(100);
  await lesson.paste(lesson.cell(0, 'x'), `${name}\tF\n2\t19.6\n4.5\t44.1\n`);
  await expect(lesson.byTestId('notice')).toHaveText('Pasted: 2 rows');
  await expect(lesson.columnLabel('x')).toHaveValue(name.slice(0, 100));
  await expectSaved(page, (json) => json.includes('"y":"F"'));
  await page.reload();
  await expect(lesson.columnLabel('x')).toHaveValue(name.slice(0, 100));
  await expect(lesson.cell(1, 'y')).toHaveValue('44.1');
  await expect(lesson.byTestId('notice')).toHaveCount(0);
  await expectStepMovesA(lesson);
  await expectNoPanic(lesson);
});

/** Pastes `rows` generated rows onto cell 0-x in the page and times it (ms from dispatch). */
async function timedPaste(
  lesson: import('../lesson-page').LessonPage,
  rows: number,
  noticeIncludes: string,
) {
  return lesson.page.evaluate(
    async ({ rows, noticeIncludes }) => {
      const parts: string[] = [];
      for (let i = 0; i < rows; i++) {
        const x = (i % 1000) / 10;
        parts.push(`${x}\t${(9.8 * x + (i % 7) / 10).toFixed(2)}`);
      }
      const text = parts.join('\n');
      const target = document.querySelector('[data-testid="cell-0-x"]') as HTMLInputElement;
      target.focus();
      const transfer = new DataTransfer();
      transfer.setData('text/plain', text);
      const start = performance.now();
      target.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }),
      );
      const handled = performance.now();
      await new Promise<void>((resolve) => {
        const check = () => {
          const notice = document.querySelector('[data-testid="notice"]');
          if (notice?.textContent?.includes(noticeIncludes)) resolve();
          else requestAnimationFrame(check);
        };
        check();
      });
      const shown = performance.now();
      await new Promise((resolve) => requestAnimationFrame(resolve));
      const painted = performance.now();
      return {
        bytes: text.length,
        handlerMs: handled - start,
        shownMs: shown - start,
        paintedMs: painted - start,
      };
    },
    { rows, noticeIncludes },
  );
}

test('a 100 000-row paste shows the first rows and a count, and the page stays responsive', async ({
  lesson,
  page,
}) => {
  test.setTimeout(60_000);
  const timing = await timedPaste(lesson, 100_000, '100000 rows');
  await expect(lesson.byTestId('notice')).toHaveText('Pasted: 100000 rows');
  await expect(lesson.rows()).toHaveCount(200);
  await expect(page.getByText('… and 99800 more rows')).toBeVisible();
  await expect(lesson.cell(0, 'x')).toHaveValue('0');
  await expect(lesson.cell(199, 'y')).toHaveValue('195.32');
  await screenshotBadState(lesson, '100000-rows');
  // Responsive: a Step click is answered, and timed.
  const before = await lesson.paramField().getAttribute('data-value');
  const stepStart = Date.now();
  await lesson.step();
  await expect(lesson.paramField()).not.toHaveAttribute('data-value', before ?? '');
  const stepMs = Date.now() - stepStart;
  // Typing into a cell is answered too.
  await lesson.setCell(5, 'y', 'oops');
  await expectCellFlagged(lesson, 5, 'y', 'Row 6, column y: “oops” is not a number.');
  await expect(lesson.status()).toContainText('1 row ignored (row 6)');
  const ms = (value: number) => `${value.toFixed(0)} ms`;
  const report =
    `100 000-row paste (${(timing.bytes / 1e6).toFixed(2)} MB): handler ${ms(timing.handlerMs)}, ` +
    `notice shown ${ms(timing.shownMs)}, next frame ${ms(timing.paintedMs)}; ` +
    `Step answered in ${stepMs} ms`;
  console.log(report);
  test.info().annotations.push({ type: 'timing', description: report });
  // Generous bounds: they catch a freeze, not a slow machine.
  expect(timing.paintedMs).toBeLessThan(10_000);
  expect(stepMs).toBeLessThan(5_000);
  await expectNoPanic(lesson);
});

test('a 100 001-row paste is refused with a message and the table is left as it was', async ({
  lesson,
}) => {
  test.setTimeout(60_000);
  const timing = await timedPaste(lesson, 100_001, 'more rows than a table holds');
  await expect(lesson.byTestId('notice')).toHaveText(
    'The pasted text has more rows than a table holds (at most 100000 rows), so the table is unchanged.',
  );
  await expect(lesson.rows()).toHaveCount(3);
  await expect(lesson.cell(1, 'y')).toHaveValue('44.1');
  await lesson.expectLoss('402.57');
  await screenshotBadState(lesson, '100001-rows');
  const report = `100 001-row paste refused: notice shown after ${timing.shownMs.toFixed(0)} ms`;
  console.log(report);
  test.info().annotations.push({ type: 'timing', description: report });
  await expectStepMovesA(lesson);
  await expectNoPanic(lesson);
});
