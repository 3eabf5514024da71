// Which hints to show: those tied to a diagnostic that fires for the learner's text come first, in
// the diagnostics' own order (most likely root cause first); the general hints follow, revealed one
// at a time by the learner.
import type { Diagnostic } from '../diagnose';
import type { Hint } from './schema';

export interface RankedHints {
  /** Hints for mistakes the learner's text actually makes. */
  matched: Hint[];
  /** Progressive hints not tied to a diagnostic, in authoring order. */
  general: Hint[];
}

export function rankHints(hints: readonly Hint[], diagnostics: readonly Diagnostic[]): RankedHints {
  const order = new Map<string, number>();
  diagnostics.forEach((d, i) => {
    if (!order.has(d.code)) order.set(d.code, i);
  });
  const matched = hints
    .filter((h) => h.diagnostic && order.has(h.diagnostic))
    .sort((a, b) => order.get(a.diagnostic!)! - order.get(b.diagnostic!)!);
  return { matched, general: hints.filter((h) => !h.diagnostic) };
}
