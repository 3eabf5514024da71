// Stored progress from any earlier version of the site, brought to the current shape. Pure: the
// storage side lives in progress.ts. A value no version recognises reads as absent.
import { progressV1, progressV2, type Progress, type ProgressV1 } from './progress-schema';

/** The key each version stored progress under, newest first. */
export const PROGRESS_KEY = 'slicelab:progress';
export const PROGRESS_KEY_V1 = 'slicelab:progress:v1';

function onlyDone(entries: ProgressV1['lessons']): Progress['lessons'] {
  const kept: Progress['lessons'] = {};
  for (const [id, entry] of Object.entries(entries)) if (entry.done) kept[id] = { done: true, at: entry.at };
  return kept;
}

export function fromV1(old: ProgressV1): Progress {
  return { version: 2, lessons: onlyDone(old.lessons), exercises: onlyDone(old.exercises), quizzes: {} };
}

/** A value read from storage (current key or an older one), as current progress, or undefined. */
export function migrateProgress(value: unknown): Progress | undefined {
  const current = progressV2.safeParse(value);
  if (current.success) return current.data;
  const v1 = progressV1.safeParse(value);
  if (v1.success && (value as { version?: unknown }).version === undefined) return fromV1(v1.data);
  return undefined;
}
