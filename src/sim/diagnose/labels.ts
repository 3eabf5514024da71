// Label helpers: apps/v1 LabelSelector matching (to find a Deployment's pods) and the near-miss
// comparison the selector hints are built on. Service selection itself is podutil.selectorMatches.

import type { LabelSelector, Labels } from '../types';
import { selectorMatches } from '../podutil';

export { selectorMatches };

/** apps/v1 LabelSelector (matchLabels + matchExpressions), for finding a Deployment's pods. */
export function labelSelectorMatches(sel: LabelSelector | undefined, labels: Labels | undefined): boolean {
  if (!sel) return false;
  const have = labels ?? {};
  if (sel.matchLabels && !selectorMatches(sel.matchLabels, have)) return false;
  for (const expr of sel.matchExpressions ?? []) {
    const present = Object.prototype.hasOwnProperty.call(have, expr.key);
    const values = expr.values ?? [];
    switch (expr.operator) {
      case 'In':
        if (!present || !values.includes(have[expr.key])) return false;
        break;
      case 'NotIn':
        if (present && values.includes(have[expr.key])) return false;
        break;
      case 'Exists':
        if (!present) return false;
        break;
      case 'DoesNotExist':
        if (present) return false;
        break;
      default:
        return false;
    }
  }
  return !!sel.matchLabels || !!sel.matchExpressions?.length;
}

/** How close a differing key or value is: 3 = only case differs, 2 = a typo away, 1 = just different. */
export type Closeness = 3 | 2 | 1;

export type LabelDiff =
  /** the object has the key with another value */
  | { kind: 'value'; key: string; want: string; got: string; closeness: Closeness }
  /** the object has the value under a misspelt key */
  | { kind: 'key'; key: string; want: string; gotKey: string; got: string; closeness: 3 | 2 }
  /** the object lacks the key (and nothing resembles it) */
  | { kind: 'missing'; key: string; want: string; closeness: 1 };

/** Edit distance counting a swap of two neighbours as one edit (optimal string alignment). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

export function closeness(want: string, got: string): Closeness {
  if (want.toLowerCase() === got.toLowerCase()) return 3;
  const d = editDistance(want.toLowerCase(), got.toLowerCase());
  // A typo: one or two edits, at most half the word ("wbe" for "web", not "db" for "web").
  return d <= 2 && d * 2 <= Math.max(want.length, got.length) ? 2 : 1;
}

/** Every selector label the object's labels do not satisfy, each explained. */
export function compareLabels(selector: Labels, labels: Labels | undefined): LabelDiff[] {
  const have = labels ?? {};
  const diffs: LabelDiff[] = [];
  for (const key of Object.keys(selector).sort()) {
    const want = selector[key];
    if (Object.prototype.hasOwnProperty.call(have, key)) {
      if (have[key] !== want) diffs.push({ kind: 'value', key, want, got: have[key], closeness: closeness(want, have[key]) });
      continue;
    }
    const misspelt = findMisspeltKey(key, want, selector, have);
    diffs.push(misspelt ?? { kind: 'missing', key, want, closeness: 1 });
  }
  return diffs;
}

function findMisspeltKey(key: string, want: string, selector: Labels, have: Labels): LabelDiff | undefined {
  let best: LabelDiff | undefined;
  for (const [gotKey, got] of Object.entries(have)) {
    if (Object.prototype.hasOwnProperty.call(selector, gotKey)) continue;
    // The value must be the wanted one (up to case), else the label is simply another label.
    if (got.toLowerCase() !== want.toLowerCase()) continue;
    const c = closeness(key, gotKey);
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
