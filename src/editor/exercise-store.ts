// The learner's text and last check results, per exercise, in one versioned localStorage key.
// Reads validate the shape (a stale or hand-edited value reads as absent); writes report failure
// so the island can show a notice instead of losing work silently.
import { readJSON, writeJSON, type StorageStatus } from '../course/storage';
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
