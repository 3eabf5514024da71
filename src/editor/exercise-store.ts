// The learner's text and last check results, per exercise, in one versioned localStorage key.
// Reads validate the shape (a stale or hand-edited value reads as absent); writes report failure
// so the island can show a notice instead of losing work silently.
import { readJSON, removeKey, writeJSON, type StorageStatus } from '../course/storage';
import type { CheckResult } from '../exercises/checks';

export const exerciseKey = (id: string) => `slicelab:exercise:v1:${id}`;

export interface SavedExercise {
  text: string;
  checks: CheckResult[] | null;
  savedAt: string;
}

function isSaved(v: unknown): v is SavedExercise {
  const s = v as SavedExercise;
  return (
    !!s && typeof s === 'object' && typeof s.text === 'string' && typeof s.savedAt === 'string' &&
    (s.checks === null || (Array.isArray(s.checks) && s.checks.every((c) => typeof c?.says === 'string' && typeof c?.passed === 'boolean')))
  );
}

export function loadSaved(id: string): SavedExercise | undefined {
  return readJSON(exerciseKey(id), isSaved);
}

export function save(id: string, text: string, checks: CheckResult[] | null): StorageStatus {
  return writeJSON(exerciseKey(id), { text, checks, savedAt: new Date().toISOString() } satisfies SavedExercise);
}

// The text a Reset replaced, kept (in a key of its own) until the learner brings it back or discards it.
export const beforeResetKey = (id: string) => `slicelab:exercise-before-reset:v1:${id}`;

export interface BeforeReset {
  text: string;
  resetAt: string;
}

const isBeforeReset = (v: unknown): v is BeforeReset =>
  !!v && typeof v === 'object' && typeof (v as BeforeReset).text === 'string' && typeof (v as BeforeReset).resetAt === 'string';

export function loadBeforeReset(id: string): BeforeReset | undefined {
  return readJSON(beforeResetKey(id), isBeforeReset);
}

export function saveBeforeReset(id: string, text: string): StorageStatus {
  return writeJSON(beforeResetKey(id), { text, resetAt: new Date().toISOString() } satisfies BeforeReset);
}

export function clearBeforeReset(id: string): void {
  removeKey(beforeResetKey(id));
}

/** The other tab's save of this exercise, from a `storage` event (undefined if not ours or unreadable). */
export function savedFromEvent(id: string, e: StorageEvent): SavedExercise | undefined {
  if (e.key !== exerciseKey(id) || e.newValue == null) return undefined;
  try {
    const v: unknown = JSON.parse(e.newValue);
    return isSaved(v) ? v : undefined;
  } catch {
    return undefined;
  }
}
