import { expect, test } from '../lesson-test';
import { expectCells } from './classroom';

// An edit made while Play runs behaves exactly as the same edit made while paused: a typed
// cell and a pasted block both stop autoplay and can be taken back with Undo edit
// (src/state.rs: every table edit goes through one LessonState method).

const LECTURE_CELLS = ['2', '19.6', '4.5', '44.1', '10', '98'];

test('a paste while Play runs stops autoplay and is undoable, as a typed edit is', async ({
  lesson,
}) => {
  await lesson.setSpeed(1);
  await lesson.play();
  await expect(lesson.playButton()).toHaveAttribute('aria-pressed', 'true');
  await lesson.paste(lesson.cell(0, 'x'), '1\t10\n2\t20\n');
  await expect(lesson.byTestId('notice')).toHaveText('Pasted: 2 rows');
  await expect(lesson.playButton()).toHaveAttribute('aria-pressed', 'false');
  await expectCells(lesson, ['1', '10', '2', '20']);
  // Paused means paused: a stays where the paste left it.
  const a = await lesson.paramField().inputValue();
  await lesson.page.waitForTimeout(1500);
  await expect(lesson.paramField()).toHaveValue(a);
  await lesson.byTestId('undo-edit').click();
  await expectCells(lesson, LECTURE_CELLS);
});

test('a typed edit while Play runs stops autoplay and is undoable', async ({ lesson }) => {
  await lesson.setSpeed(1);
  await lesson.play();
  await expect(lesson.playButton()).toHaveAttribute('aria-pressed', 'true');
  await lesson.setCell(1, 'y', '45');
  await expect(lesson.playButton()).toHaveAttribute('aria-pressed', 'false');
  await lesson.byTestId('undo-edit').click();
  await expectCells(lesson, LECTURE_CELLS);
});
