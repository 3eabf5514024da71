// The progress page in the browser: fills in what is done, and runs export (a JSON download),
// import (validated, then merge or replace only once the learner chooses) and reset (confirmed).
import { loadProgress, resetProgress, type Progress } from '../../course/progress';
import { applyProgressFile, buildProgressFile, describeProgress, parseProgressFile, type ImportMode } from '../../progress/progress-file';
import type { ProgressFile } from '../../course/progress-schema';
import type { StorageStatus } from '../../course/storage';

const q = <T extends Element = HTMLElement>(root: ParentNode, selector: string) => root.querySelector<T>(selector)!;
const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function render(root: HTMLElement, progress: Progress): void {
  let lessonsDone = 0;
  let lessonsAll = 0;
  for (const module of root.querySelectorAll<HTMLElement>('[data-module]')) {
    const lessons = [...module.querySelectorAll<HTMLElement>('[data-lesson]')];
    const exercises = [...module.querySelectorAll<HTMLElement>('[data-exercise]')];
    const read = lessons.filter((l) => progress.lessons[l.dataset.lesson!]?.done).length;
    const passed = exercises.filter((e) => progress.exercises[e.dataset.exercise!]?.done).length;
    lessonsDone += read;
    lessonsAll += lessons.length;
    for (const state of module.querySelectorAll<HTMLElement>('[data-state-of]')) {
      const id = state.dataset.stateOf!;
      const isLesson = id.startsWith('lessons/');
      const done = isLesson ? progress.lessons[id]?.done : progress.exercises[id]?.done;
      state.toggleAttribute('data-done', !!done);
      state.textContent = done ? (isLesson ? '— read ✓' : '— passed ✓') : isLesson ? '— not read yet' : '— not passed yet';
    }
    let quizzes = 0;
    for (const list of module.querySelectorAll<HTMLElement>('[data-quizzes-of]')) {
      // A quiz's id starts with its lesson's slug (lessons/<lesson> or lessons/<lesson>#<n>).
      const slug = list.dataset.quizzesOf!;
      const own = Object.entries(progress.quizzes).filter(([id]) => id === slug || id.startsWith(`${slug}#`));
      quizzes += own.length;
      list.replaceChildren(
        ...own.map(([id, r]) => {
          const item = document.createElement('li');
          const which = id.slice(slug.length + 1);
          item.textContent = `Quiz${which ? ` ${which}` : ''}: ${r.score} of ${r.total} correct`;
          return item;
        }),
      );
      list.hidden = own.length === 0;
    }
    q(module, '[data-module-summary]').textContent =
      `${read} of ${count(lessons.length, 'lesson')} read, ${passed} of ${count(exercises.length, 'exercise')} passed` +
      (quizzes ? `, ${count(quizzes, 'quiz result')}.` : '. No quiz results yet.');
  }
  q(root, '[data-progress-total]').textContent = `You have read ${lessonsDone} of ${count(lessonsAll, 'lesson')}.`;
}

function storageProblem(status: StorageStatus): string {
  return status === 'full'
    ? 'Your browser’s storage is full: not everything could be saved.'
    : status === 'unavailable'
      ? 'This browser does not let the site save anything (storage is turned off).'
      : '';
}

function download(file: ProgressFile): void {
  const blob = new Blob([`${JSON.stringify(file, null, 2)}\n`], { type: 'application/json' });
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = `slicelab-progress-${file.exportedAt.slice(0, 10)}.json`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

export function startProgressDashboard(): void {
  const root = document.querySelector<HTMLElement>('[data-progress-dashboard]');
  if (!root) return;
  const status = q(root, '[data-progress-status]');
  const error = q(root, '[data-progress-error]');
  const confirm = q(root, '[data-import-confirm]');
  const input = q<HTMLInputElement>(root, '[data-import-file]');
  const dialog = q<HTMLDialogElement>(root, '[data-reset-dialog]');
  let pending: ProgressFile | undefined;

  const refresh = () => render(root, loadProgress());
  const say = (message: string, problem = '') => {
    status.textContent = message;
    error.textContent = problem;
  };

  q(root, '[data-progress-nojs]').hidden = true;
  q(root, '[data-progress-actions]').hidden = false;
  refresh();
  addEventListener('slicelab:progress', refresh);
  addEventListener('storage', refresh); // another tab

  q(root, '[data-export]').addEventListener('click', () => {
    const file = buildProgressFile();
    download(file);
    say(`Exported ${describeProgress(file.progress, file.work)}.`);
  });

  input.addEventListener('change', async () => {
    const chosen = input.files?.[0];
    confirm.hidden = true;
    pending = undefined;
    if (!chosen) return;
    const parsed = parseProgressFile(await chosen.text());
    input.value = '';
    if (!parsed.ok) return say('', `${chosen.name}: ${parsed.message}`);
    pending = parsed.file;
    const current = buildProgressFile();
    say('');
    q(confirm, '[data-import-question]').textContent =
      `${chosen.name} (exported ${parsed.file.exportedAt.slice(0, 10)}) has ${describeProgress(parsed.file.progress, parsed.file.work)}. ` +
      `This browser has ${describeProgress(current.progress, current.work)}. Merge keeps both (the newer text of an exercise wins); replace keeps only the file's.`;
    confirm.hidden = false;
    confirm.focus();
  });

  for (const button of confirm.querySelectorAll<HTMLButtonElement>('[data-import-mode]'))
    button.addEventListener('click', () => {
      if (!pending) return;
      const mode = button.dataset.importMode as ImportMode;
      const result = applyProgressFile(pending, mode);
      const what = describeProgress(pending.progress, pending.work);
      pending = undefined;
      confirm.hidden = true;
      refresh();
      say(`${mode === 'merge' ? 'Merged' : 'Replaced your progress with'} ${what} from the file.`, storageProblem(result));
      input.focus();
    });
  q(confirm, '[data-import-cancel]').addEventListener('click', () => {
    pending = undefined;
    confirm.hidden = true;
    say('Import cancelled: nothing changed.');
    input.focus();
  });

  q(root, '[data-reset]').addEventListener('click', () => {
    dialog.returnValue = ''; // Escape keeps the previous value
    dialog.showModal();
  });
  dialog.addEventListener('close', () => {
    if (dialog.returnValue !== 'reset') return;
    const result = resetProgress();
    refresh();
    say('Your progress was reset.', storageProblem(result));
  });
}
