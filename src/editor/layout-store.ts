// The learner's layout choice, for every exercise: the split between editor and results, full
// window, and which view a phone shows. One versioned key in guarded storage; a bad value reads as
// the defaults.
import { readJSON, writeJSON } from '../course/storage';

export const LAYOUT_KEY = 'slicelab:layout:v1';

export interface LayoutPrefs {
  /** The editor's share of the workspace width, in percent (the rest is the results). */
  split: number;
  /** The exercise (or playground) last widened to the full window, until the learner leaves it. */
  full: string | null;
  phoneView: 'editor' | 'results';
}

export const SPLIT_MIN = 25;
export const SPLIT_MAX = 75;
export const DEFAULT_PREFS: LayoutPrefs = { split: 50, full: null, phoneView: 'editor' };

function isPrefs(v: unknown): v is LayoutPrefs {
  const p = v as LayoutPrefs;
  return (
    !!p && typeof p === 'object' && typeof p.split === 'number' && p.split >= SPLIT_MIN && p.split <= SPLIT_MAX &&
    (p.full === null || typeof p.full === 'string') && (p.phoneView === 'editor' || p.phoneView === 'results')
  );
}

export function loadPrefs(): LayoutPrefs {
  return readJSON(LAYOUT_KEY, isPrefs) ?? { ...DEFAULT_PREFS };
}

export function savePrefs(prefs: LayoutPrefs): void {
  writeJSON(LAYOUT_KEY, prefs); // a layout that is not remembered loses no work: no notice
}

export const clampSplit = (n: number) => Math.min(SPLIT_MAX, Math.max(SPLIT_MIN, Math.round(n)));
