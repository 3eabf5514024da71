// Course progress: which lessons and exercises a learner has completed. One versioned key; the
// shape is checked on every read so an old or hand-edited value cannot break a page.
import { readJSON, writeJSON, type StorageStatus } from './storage';

export const PROGRESS_KEY = 'slicelab:progress:v1';

export interface Progress {
  lessons: Record<string, { done: boolean; at: string }>;
  exercises: Record<string, { done: boolean; at: string }>;
}

function isProgress(value: unknown): value is Progress {
  const v = value as Progress;
  return !!v && typeof v === 'object' && typeof v.lessons === 'object' && typeof v.exercises === 'object'
    && v.lessons !== null && v.exercises !== null;
}

export function loadProgress(): Progress {
  return readJSON(PROGRESS_KEY, isProgress) ?? { lessons: {}, exercises: {} };
}

function mark(area: keyof Progress, id: string, done: boolean): StorageStatus {
  const progress = loadProgress();
  if (done) progress[area][id] = { done: true, at: new Date().toISOString() };
  else delete progress[area][id];
  const status = writeJSON(PROGRESS_KEY, progress);
  if (typeof window !== 'undefined') window.dispatchEvent(new CustomEvent('slicelab:progress'));
  return status;
}

export const markLesson = (slug: string, done: boolean) => mark('lessons', slug, done);
export const markExercise = (id: string, done: boolean) => mark('exercises', id, done);
export const isLessonDone = (slug: string) => loadProgress().lessons[slug]?.done === true;
