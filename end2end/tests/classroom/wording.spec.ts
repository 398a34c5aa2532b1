import { expect, test } from '../lesson-test';

// Wording that must not go stale or break: a paste's notice leaves with the paste, a
// column without a name is "column 2", and the Lithuanian title fits at 1440 px.

test('Undo edit after a paste takes the "Pasted" notice away too', async ({ lesson }) => {
  await lesson.paste(lesson.cell(0, 'x'), '1\t10\n2\t20\n');
  await expect(lesson.byTestId('notice')).toHaveText('Pasted: 2 rows');
  await lesson.byTestId('undo-edit').click();
  await expect(lesson.cell(0, 'y')).toHaveValue('19.6');
  await expect(lesson.byTestId('notice')).toHaveCount(0);
  await lesson.step();
  await expect(lesson.byTestId('notice')).toHaveCount(0);
});

test('a column without a name is called "column 2" in errors and in its cells’ names', async ({
  lesson,
}) => {
  await lesson.renameColumn('y', '');
  await lesson.setCell(1, 'y', 'abc');
  const cell = lesson.cell(1, 'y');
  await expect(cell).toHaveAttribute('title', 'Row 2, column 2: “abc” is not a number.');
  await expect(cell).toHaveAttribute('aria-label', 'column 2 2');
  await expect(lesson.cell(0, 'x')).toHaveAttribute('aria-label', 'x 1');
});

test('the Lithuanian title is not cut at 1440 px', async ({ lesson, page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await lesson.byTestId('language-select').selectOption('lt');
  const title = page.locator('h1');
  await expect(title).toHaveText('Gradientinio nusileidimo laboratorija');
  const { scrollWidth, clientWidth } = await title.evaluate((h) => ({
    scrollWidth: h.scrollWidth,
    clientWidth: h.clientWidth,
  }));
  expect(scrollWidth, 'the title fits its box').toBeLessThanOrEqual(clientWidth);
  await lesson.screenshot('classroom-wording--lt-1440');
});
