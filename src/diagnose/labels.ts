// Label helpers: apps/v1 LabelSelector matching (to find a Deployment's pods) and the near-miss
// comparison the selector hints are built on. Matching itself is the simulator's (src/sim/labels).

import type { LabelSelector, Labels } from '../sim/types';
import { labelSelectorAsSelectorOrUndefined, hasLabel } from '../sim';

/**
 * Whether a workload's apps/v1 LabelSelector (matchLabels + matchExpressions) selects these labels.
 * A selector that selects everything owns nothing: the Deployment controller refuses it
 * (deployment_controller.go syncDeployment, event SelectingAll) and validation refuses it for
 * ReplicaSets; an invalid one converts to no selector at all.
 */
export function labelSelectorMatches(sel: LabelSelector | undefined, labels: Labels | undefined): boolean {
  const selector = labelSelectorAsSelectorOrUndefined(sel);
  return !!selector && !selector.empty() && selector.matches(labels);
}

/** Labels that name the application itself: a different value there means a different app. */
export const IDENTITY_KEYS: ReadonlySet<string> = new Set(['app', 'app.kubernetes.io/name', 'k8s-app', 'name']);

/** How close a differing key or value is: 3 = only case differs, 2 = a typo away, 1 = just different. */
export type Closeness = 3 | 2 | 1;

export type LabelDiff =
  /** the object has the key with another value */
  | { kind: 'value'; key: string; want: string; got: string; closeness: Closeness }
  /** the object has the value under a misspelt key */
  | { kind: 'key'; key: string; want: string; gotKey: string; got: string; closeness: 3 | 2 }
  /** the object lacks the key (and nothing resembles it) */
  | { kind: 'missing'; key: string; want: string; closeness: 1 };

// Three reusable rows: label keys and values are short (≤ 63 characters after the prefix).
let rows: Int32Array[] = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/** Edit distance counting a swap of two neighbours as one edit (optimal string alignment). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (b.length + 1 > rows[0].length) rows = rows.map(() => new Int32Array(b.length + 1));
  let [before, prev, cur] = rows;
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) v = Math.min(v, before[j - 2] + 1);
      cur[j] = v;
    }
    [before, prev, cur] = [prev, cur, before];
  }
  return prev[b.length];
}

/** `caseOnly` skips the typo grading when only case slips matter (a cheaper 3-or-1 answer). */
export function closeness(want: string, got: string, caseOnly = false): Closeness {
  const a = want.toLowerCase();
  const b = got.toLowerCase();
  if (a === b) return 3;
  if (caseOnly) return 1;
  // More than two edits apart in length alone: not a typo (and no need to compute the distance).
  if (Math.abs(a.length - b.length) > 2) return 1;
  const d = editDistance(a, b);
  // A typo: one or two edits, at most half the word ("wbe" for "web", not "db" for "web").
  return d <= 2 && d * 2 <= Math.max(a.length, b.length) ? 2 : 1;
}

/** Every selector label the object's labels do not satisfy, each explained. */
export function compareLabels(selector: Labels, labels: Labels | undefined, caseOnly = false): LabelDiff[] {
  const have = labels ?? {};
  const diffs: LabelDiff[] = [];
  for (const key of Object.keys(selector).sort()) {
    const want = selector[key];
    if (hasLabel(have, key)) {
      if (have[key] !== want) diffs.push({ kind: 'value', key, want, got: have[key], closeness: closeness(want, have[key], caseOnly) });
      continue;
    }
    const misspelt = findMisspeltKey(key, want, selector, have, caseOnly);
    diffs.push(misspelt ?? { kind: 'missing', key, want, closeness: 1 });
  }
  return diffs;
}

function findMisspeltKey(key: string, want: string, selector: Labels, have: Labels, caseOnly: boolean): LabelDiff | undefined {
  let best: LabelDiff | undefined;
  for (const [gotKey, got] of Object.entries(have)) {
    if (hasLabel(selector, gotKey)) continue;
    // The value must be the wanted one (up to case), else the label is simply another label.
    if (got.toLowerCase() !== want.toLowerCase()) continue;
    const c = closeness(key, gotKey, caseOnly);
    if (c === 1) continue;
    if (!best || c > best.closeness) best = { kind: 'key', key, want, gotKey, got, closeness: c };
  }
  return best;
}

/** The label as the object carries it ("App=web", "app=Web", or "no app label"). */
export function describeGot(d: LabelDiff): string {
  if (d.kind === 'value') return `${d.key}=${d.got}`;
  if (d.kind === 'key') return `${d.gotKey}=${d.got}`;
  return `no ${d.key} label`;
}

/** Why the difference matters, in a few words. */
export function explainDiff(d: LabelDiff): string {
  if (d.kind === 'missing') return `the label ${d.key}=${d.want} is missing`;
  if (d.kind === 'key') {
    return d.closeness === 3
      ? `the key ${d.gotKey} differs from ${d.key} only in case, and label keys are case-sensitive`
      : `the key ${d.gotKey} is not ${d.key}`;
  }
  if (d.closeness === 3) return `the value ${d.got} differs from ${d.want} only in case, and label values are case-sensitive`;
  return `the value ${d.got} is not ${d.want}`;
}
