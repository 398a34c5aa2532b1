import type { Page } from '@playwright/test';
import { expect, test } from './lesson-test';
import type { LessonPage } from './lesson-page';
import { clipboardText, grantClipboard, openInNewContext } from './classroom/classroom';

// Issue 11: the model is a formula the teacher types. "Own formula…" starts from the
// model on screen (the same numbers), each example of the menu and each typed formula
// gets its derivatives and a slider per parameter, a formula that cannot be used says
// what and where (the span underlined) while the last good model keeps working, a
// formula travels in a share link, in Lithuanian (decimal comma) and English.

const MINUS = '\u2212';

async function ownFormula(lesson: LessonPage): Promise<void> {
  await lesson.byTestId('model-select').selectOption('formula');
  await expect(lesson.byTestId('formula-input')).toBeVisible();
}

async function typeFormula(lesson: LessonPage, text: string): Promise<void> {
  await lesson.byTestId('formula-input').fill(text);
}

test.beforeEach(async ({ lesson }) => {
  await lesson.selectPreset('lecture');
});

test('Own formula… starts from a·x with the lecture numbers, and steps as the built-in model', async ({
  lesson,
}) => {
  await lesson.setA('8');
  await ownFormula(lesson);
  await expect(lesson.byTestId('model-select')).toHaveValue('formula');
  await expect(lesson.byTestId('formula-input')).toHaveValue('a*x');
  await expect(lesson.byTestId('formula-error')).toHaveCount(0);
  await expect(lesson.byTestId('derivative-a')).toHaveText('∂ŷ/∂a = x');
  await lesson.expectLoss('402.57');
  await lesson.expectGradient(`${MINUS}447.3`);
  await lesson.step();
  await expect(lesson.paramField('a')).toHaveValue('9.3419');
  await expect(lesson.historyRows()).toHaveCount(1);
  // Typed by hand, the same model keeps the run.
  await typeFormula(lesson, 'a*x + b');
  await expect(lesson.paramField('b')).toBeVisible();
  await expect(lesson.byTestId('slider-b')).toBeVisible();
  await expect(lesson.byTestId('derivative-b')).toHaveText('∂ŷ/∂b = 1');
  await lesson.setParam('a', '8');
  await lesson.setParam('b', '0');
  await lesson.expectLoss('402.57');
});

test('the non-convex example typed gives its built-in numbers', async ({ lesson }) => {
  await lesson.selectPreset('local-minima');
  const before = await lesson.readLoss();
  await ownFormula(lesson);
  await expect(lesson.byTestId('formula-input')).toHaveValue('a*x + b - 2a^2');
  await expect(lesson.byTestId('derivative-a')).toHaveText(`∂ŷ/∂a = x ${MINUS} 4a`);
  expect(await lesson.readLoss()).toEqual(before);
  await typeFormula(lesson, 'a·x + b − 2a²');
  expect(await lesson.readLoss()).toEqual(before);
});

const EXAMPLES: [string, Record<string, string>][] = [
  ['a*x^2', { a: 'x²' }],
  ['a*sin(b*x)', { a: 'sin(b·x)', b: 'a·x·cos(b·x)' }],
  ['a*exp(-b*x)', { a: `exp(${MINUS}b·x)`, b: `${MINUS}a·x·exp(${MINUS}b·x)` }],
  [
    '1/(1 + exp(-(a*x + b)))',
    {
      a: `x·exp(${MINUS}(a·x + b))/(1 + exp(${MINUS}(a·x + b)))²`,
      b: `exp(${MINUS}(a·x + b))/(1 + exp(${MINUS}(a·x + b)))²`,
    },
  ],
  ['a*x + b - 2a^2', { a: `x ${MINUS} 4a`, b: '1' }],
];

for (const [example, derivatives] of EXAMPLES) {
  test(`the example ${example}: menu and typing, its derivatives and a slider per parameter`, async ({
    lesson,
  }) => {
    await ownFormula(lesson);
    await lesson.byTestId('formula-examples').selectOption(example);
    await expect(lesson.byTestId('formula-input')).toHaveValue(example);
    await typeFormula(lesson, 'a*x');
    await typeFormula(lesson, example);
    await expect(lesson.byTestId('formula-input')).toHaveValue(example);
    await expect(lesson.byTestId('formula-error')).toHaveCount(0);
    const names = Object.keys(derivatives);
    for (const [name, text] of Object.entries(derivatives)) {
      await expect(lesson.byTestId(`derivative-${name}`)).toHaveText(`∂ŷ/∂${name} = ${text}`);
      await expect(lesson.paramField(name)).toBeVisible();
      await expect(lesson.byTestId(`slider-${name}`)).toBeVisible();
    }
    await expect(lesson.byTestId('derivative-c')).toHaveCount(0);
    // One free parameter: the loss curve; two: the map L(a, b).
    if (names.length === 1) {
      await expect(lesson.byTestId('chart-loss')).toBeVisible();
    } else {
      await expect(lesson.byTestId('chart-surface')).toBeVisible();
    }
    // The model descends.
    await lesson.setLearningRate('0.0001');
    await lesson.step();
    await expect(lesson.historyRows()).toHaveCount(1);
  });
}

test('four parameters get a slider, a field and a fix box each', async ({ lesson }) => {
  await ownFormula(lesson);
  await typeFormula(lesson, 'a*x^3 + b*x^2 + c*x + d');
  for (const name of ['a', 'b', 'c', 'd']) {
    await expect(lesson.paramField(name)).toBeVisible();
    await expect(lesson.byTestId(`slider-${name}`)).toBeVisible();
    await expect(lesson.byTestId(`derivative-${name}`)).toBeVisible();
  }
  for (const name of ['b', 'c', 'd']) {
    await expect(lesson.byTestId(`freeze-${name}`)).toBeVisible();
  }
  await expect(lesson.byTestId('derivative-c')).toHaveText('∂ŷ/∂c = x');
  await lesson.setParam('c', '2');
  await expect(lesson.paramField('c')).toHaveValue('2');
});

test("three free parameters show L against the step, of the lesson's own descent", async ({ lesson }) => {
  await ownFormula(lesson);
  await typeFormula(lesson, 'a*x^2 + b*x + c');
  for (const [name, value] of [['a', '1'], ['b', '2'], ['c', '3']]) await lesson.setParam(name, value);
  await expect(lesson.byTestId('loss-value')).toHaveText('839.3825');
  const chart = lesson.byTestId('chart-steps');
  await expect(chart).toBeVisible();
  await expect(chart).toHaveAttribute('data-frame', /\d/);
  // No race: its table and rules stay hidden, only the chart shows.
  await expect(lesson.page.locator('.race-table')).toBeHidden();
  await expect(lesson.page.locator('.race-rules')).toBeHidden();
  await lesson.setLearningRate('0.00005');
  await lesson.step();
  await lesson.step();
  await expect(lesson.historyRows()).toHaveCount(2);
  // The chart is drawn again with the steps: its step axis (data-view: x0, x1, y0, y1)
  // reaches step 2.
  await expect
    .poll(async () => Number((await chart.getAttribute('data-view'))?.split(',')[1]))
    .toBeGreaterThanOrEqual(2);
  // Fixing c leaves two free parameters: the map of L(a, b) instead.
  await lesson.byTestId('freeze-c').check();
  await expect(chart).toBeHidden();
  await expect(lesson.byTestId('chart-surface')).toBeVisible();
});

const ERRORS: [string, number, number, RegExp][] = [
  ['', 0, 0, /^Type a formula, for example a\*x \+ b\.$/],
  ['sinn(x)*a', 0, 4, /Unknown name “sinn”: did you mean sin\?/],
  ['a*(x + 1', 2, 3, /This parenthesis is never closed\./],
  ['a*x)', 3, 4, /This parenthesis was never opened\./],
  ['a*x +', 4, 5, /Nothing after “\+”\./],
  ['*a', 0, 1, /Nothing before “\*”\./],
  ['2*x', 0, 3, /The model needs a parameter to learn: a, b, c or d\./],
  ['ax', 0, 2, /“ax” is not a name: for a product write a\*x or a x\./],
  ['sin x*a', 0, 3, /A function needs parentheses: sin\(x\)\./],
  ['a*x $ b', 4, 5, /“\$” cannot be part of a formula\./],
  ['a*()', 2, 4, /Nothing inside the parentheses\./],
  ['a x 2', 4, 5, /An operator is missing before this number/],
  [`${'a+'.repeat(250)}a`, 500, 501, /The formula is 501 characters long; at most 500 are allowed\./],
  [`${'('.repeat(70)}a${')'.repeat(70)}`, 64, 65, /Nested more than 64 levels deep\./],
  ['2,5a*x', 1, 2, /Write a decimal point \(2\.5\), not a comma\./],
];

test('each error says what and where, and the last good model keeps working', async ({ lesson }) => {
  await ownFormula(lesson);
  await typeFormula(lesson, 'a*x^2');
  await lesson.setA('2');
  const loss = await lesson.readLoss();
  for (const [text, start, end, message] of ERRORS) {
    await typeFormula(lesson, text);
    const error = lesson.byTestId('formula-error');
    await expect(error).toHaveText(message);
    await expect(error).toHaveAttribute('data-start', String(start));
    await expect(error).toHaveAttribute('data-end', String(end));
    // The underlined part is the span's text.
    await expect(lesson.page.locator('.formula-echo .formula-wrong')).toHaveText(
      [...text].slice(start, end).join(''),
    );
    // Nothing typed is lost, and the model in use is still a·x².
    await expect(lesson.byTestId('formula-input')).toHaveValue(text);
    await expect(lesson.byTestId('formula-input')).toHaveAttribute('aria-invalid', 'true');
    await expect(lesson.byTestId('formula-in-use')).toContainText('ŷ = a·x²');
    await expect(lesson.byTestId('derivative-a')).toHaveText('∂ŷ/∂a = x²');
    expect(await lesson.readLoss()).toEqual(loss);
  }
  // Step still works on the last good model.
  await lesson.setLearningRate('0.0001');
  await lesson.step();
  await expect(lesson.historyRows()).toHaveCount(1);
  await typeFormula(lesson, 'a*x^2 + 1');
  await expect(lesson.byTestId('formula-error')).toHaveCount(0);
  await expect(lesson.byTestId('formula-input')).toHaveAttribute('aria-invalid', 'false');
});

test('a formula not defined at a row marks it, says why and refuses Step', async ({ lesson }) => {
  await ownFormula(lesson);
  await typeFormula(lesson, 'a*ln(x - 3)');
  await expect(lesson.byTestId('loss-value')).toHaveText('not defined here');
  await expect(lesson.status()).toContainText(
    'ŷ is not defined at row 1 (x = 2): ln of a negative number.',
  );
  await expect(lesson.rows().nth(0)).toHaveAttribute('data-undefined', 'true');
  await expect(lesson.rows().nth(1)).not.toHaveAttribute('data-undefined', 'true');
  await lesson.step();
  await expect(lesson.historyRows()).toHaveCount(0);
  await expect(lesson.byTestId('chart-data')).toBeVisible();
  await expect(lesson.byTestId('chart-loss')).toBeVisible();
  await typeFormula(lesson, 'a*ln(x + 3)');
  await expect(lesson.rows().nth(0)).not.toHaveAttribute('data-undefined', 'true');
  await lesson.step();
  await expect(lesson.historyRows()).toHaveCount(1);
});

async function copyLink(lesson: LessonPage, page: Page): Promise<string> {
  await grantClipboard(page);
  await page.evaluate(() => navigator.clipboard.writeText(''));
  await lesson.byTestId('copy-link').click();
  return clipboardText(page, /#v1\./);
}

test('a formula travels in a share link; a link whose formula is wrong opens the lecture and says why', async ({
  lesson,
  page,
  browser,
  baseURL,
}) => {
  await ownFormula(lesson);
  await typeFormula(lesson, 'a*exp(-b*x)');
  await lesson.setParam('a', '100');
  await lesson.setParam('b', '0,1');
  const loss = await lesson.readLoss();
  const link = await copyLink(lesson, page);
  const { pathname, hash } = new URL(link);
  const other = await openInNewContext(browser, baseURL, pathname + hash);
  try {
    const shared = other.lesson;
    await expect(shared.byTestId('notice')).toHaveCount(0);
    await expect(shared.byTestId('model-select')).toHaveValue('formula');
    await expect(shared.byTestId('formula-input')).toHaveValue('a*exp(-b*x)');
    await expect(shared.paramField('b')).toHaveValue('0.1');
    expect(await shared.readLoss()).toEqual(loss);
    shared.expectNoErrors();
  } finally {
    await other.close();
  }
  // The same link with a formula that does not parse.
  const json = Buffer.from(hash.slice('#v1.'.length), 'base64url')
    .toString('utf8')
    .replace('a*exp(-b*x)', 'a*sinn(x)');
  const bad = `/#v1.${Buffer.from(json, 'utf8').toString('base64url')}`;
  const broken = await openInNewContext(browser, baseURL, bad);
  try {
    const opened = broken.lesson;
    await expect(opened.byTestId('notice')).toContainText('The link could not be read');
    await expect(opened.byTestId('notice')).toContainText(
      'The link’s formula “a*sinn(x)” cannot be used: Unknown name “sinn”: did you mean sin?',
    );
    await expect(opened.byTestId('model-select')).toHaveValue('linear');
    await opened.expectLoss('402.57');
    opened.expectNoErrors();
  } finally {
    await broken.close();
  }
});

test('in Lithuanian: a decimal comma, the messages and the option in Lithuanian', async ({
  lesson,
}) => {
  await lesson.byTestId('language-select').selectOption('lt');
  await expect(lesson.byTestId('model-select').locator('option[value="formula"]')).toHaveText(
    'Sava formulė…',
  );
  await ownFormula(lesson);
  await typeFormula(lesson, '2,5a*x');
  await expect(lesson.byTestId('formula-error')).toHaveCount(0);
  await expect(lesson.byTestId('derivative-a')).toHaveText('∂ŷ/∂a = 2,5x');
  await typeFormula(lesson, 'sinn(x)*a');
  await expect(lesson.byTestId('formula-error')).toHaveText(
    'Nežinomas vardas „sinn“: gal turėjote omenyje sin?',
  );
  await expect(lesson.byTestId('formula-in-use')).toContainText('ŷ = 2,5a·x');
  await typeFormula(lesson, 'a*(x + 1');
  await expect(lesson.byTestId('formula-error')).toHaveText('Šis skliaustas niekur neuždarytas.');
  await typeFormula(lesson, 'a*ln(x - 3)');
  await expect(lesson.byTestId('loss-value')).toHaveText('čia neapibrėžta');
  await expect(lesson.status()).toContainText('ŷ neapibrėžtas eilutėje Nr. 1 (x = 2)');
  // Back in English, the option and messages follow.
  await lesson.byTestId('language-select').selectOption('en');
  await expect(lesson.byTestId('model-select').locator('option[value="formula"]')).toHaveText(
    'Own formula…',
  );
  await typeFormula(lesson, 'a*x +');
  await expect(lesson.byTestId('formula-error')).toHaveText('Nothing after “+”.');
});

test('a typed formula is saved: a reload opens it with its parameters and steps', async ({
  lesson,
  page,
}) => {
  await ownFormula(lesson);
  await typeFormula(lesson, 'a*x^2 + c');
  await lesson.setParam('c', '3');
  await lesson.setLearningRate('0.0001');
  await lesson.step();
  const loss = await lesson.readLoss();
  await page.reload();
  await expect(lesson.byTestId('model-select')).toHaveValue('formula');
  await expect(lesson.byTestId('formula-input')).toHaveValue('a*x^2 + c');
  await expect(lesson.byTestId('derivative-c')).toHaveText('∂ŷ/∂c = 1');
  await expect(lesson.historyRows()).toHaveCount(1);
  expect(await lesson.readLoss()).toEqual(loss);
});
