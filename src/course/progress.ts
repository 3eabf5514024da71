// Course progress: which lessons were read, which exercises passed, quiz results. One key holding a
// versioned value; whatever an older version of the site stored is migrated on first read
// (progress-migrate.ts), and every storage call is guarded (storage.ts), so no value breaks a page.
import { readJSON, removeKey, writeJSON, type StorageStatus } from './storage';
import { PROGRESS_KEY, PROGRESS_KEY_V1, migrateProgress } from './progress-migrate';
import { emptyProgress, type Progress } from './progress-schema';

export { PROGRESS_KEY };
export type { Progress };

const anyValue = (v: unknown): v is unknown => true;

export function loadProgress(): Progress {
  const stored = migrateProgress(readJSON(PROGRESS_KEY, anyValue));
  if (stored) return stored;
  const old = migrateProgress(readJSON(PROGRESS_KEY_V1, anyValue));
  if (!old) return emptyProgress();
  // Keep the old key until the migrated value is safely written.
  if (writeJSON(PROGRESS_KEY, old) === 'ok') removeKey(PROGRESS_KEY_V1);
  return old;
}

function changed(): void {
  if (typeof window !== 'undefined') window.dispatchEvent(new CustomEvent('slicelab:progress'));
}

export function saveProgress(progress: Progress): StorageStatus {
  const status = writeJSON(PROGRESS_KEY, progress);
  changed();
  return status;
}

function mark(area: 'lessons' | 'exercises', id: string, done: boolean): StorageStatus {
  const progress = loadProgress();
  if (done) progress[area][id] = { done: true, at: new Date().toISOString() };
  else delete progress[area][id];
  return saveProgress(progress);
}

export const markLesson = (slug: string, done: boolean) => mark('lessons', slug, done);
export const markExercise = (id: string, done: boolean) => mark('exercises', id, done);
export const isLessonDone = (slug: string) => loadProgress().lessons[slug]?.done === true;

export function recordQuiz(id: string, score: number, total: number): StorageStatus {
  const progress = loadProgress();
  progress.quizzes[id] = { score, total, at: new Date().toISOString() };
  return saveProgress(progress);
}

/** Forgets lessons, exercises and quizzes (the exercise texts stay: each exercise resets its own). */
export function resetProgress(): StorageStatus {
  removeKey(PROGRESS_KEY_V1);
  return saveProgress(emptyProgress());
}
