// Label formatting and label selectors, after k8s.io/apimachinery/pkg/labels (labels.go FormatLabels,
// selector.go Parse / Requirement.String) and pkg/apis/meta/v1/helpers.go (LabelSelectorAsSelector,
// FormatLabelSelector).

import type { LabelSelector, Labels } from '../../sim/types';

/** labels.FormatLabels: `k=v` pairs sorted by key, joined by `,`; `<none>` when empty. */
export function formatLabels(labels: Labels | null | undefined): string {
  const keys = Object.keys(labels ?? {}).sort();
  if (keys.length === 0) return '<none>';
  return keys.map((k) => `${k}=${labels![k]}`).join(',');
}

export type Operator = '=' | '!=' | 'in' | 'notin' | 'exists' | '!';

export interface Requirement {
  key: string;
  op: Operator;
  values: string[];
}

export type Selector = Requirement[];

export class SelectorParseError extends Error {}

/** Requirement.String(): how kubectl prints a selector (sorted values for set operators). */
export function requirementString(r: Requirement): string {
  switch (r.op) {
    case '=':
      return `${r.key}=${r.values[0]}`;
    case '!=':
      return `${r.key}!=${r.values[0]}`;
    case 'in':
    case 'notin':
      return `${r.key} ${r.op} (${[...r.values].sort().join(',')})`;
    case 'exists':
      return r.key;
    case '!':
      return `!${r.key}`;
  }
}

/** Selector.String(): requirements sorted by key. */
export function selectorString(sel: Selector): string {
  return [...sel]
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map(requirementString)
    .join(',');
}

/**
 * The literal of the token at `at`, as selector.go's lexer would report it in "found '...'" errors:
 * '' at the end, a special symbol (`!=`, `==`, `=`, `!`, `(`, `)`, `,`), else an identifier.
 */
function tokenAt(s: string, at: number): string {
  let i = at;
  while (i < s.length && ' \t\r\n'.includes(s[i])) i++;
  if (i >= s.length) return '';
  if (s.startsWith('!=', i) || s.startsWith('==', i)) return s.slice(i, i + 2);
  if ('=!(),<>'.includes(s[i])) return s[i];
  const start = i;
  while (i < s.length && !' \t\r\n=!(),<>'.includes(s[i])) i++;
  return s.slice(start, i);
}

/** Parses a `-l` / `--selector` value: equality (`=`, `==`, `!=`) and set based (`in`, `notin`, `key`, `!key`). */
export function parseSelector(text: string): Selector {
  const out: Requirement[] = [];
  let i = 0;
  const s = text;
  const skipWs = () => {
    while (i < s.length && s[i] === ' ') i++;
  };
  const readKey = () => {
    const start = i;
    while (i < s.length && !' ,=!()'.includes(s[i])) i++;
    return s.slice(start, i);
  };
  let afterComma = false;
  while (true) {
    skipWs();
    // selector.go parse: a ',' must be followed by another requirement.
    if (i >= s.length && afterComma) throw new SelectorParseError(`found '', expected: identifier after ','`);
    if (i >= s.length) break;
    afterComma = false;
    let negate = false;
    if (s[i] === '!') {
      negate = true;
      i++;
      skipWs();
    }
    const key = readKey();
    if (!key) throw new SelectorParseError(`unable to parse requirement: found '${tokenAt(s, i)}', expected: identifier`);
    skipWs();
    if (negate) {
      out.push({ key, op: '!', values: [] });
    } else if (i >= s.length || s[i] === ',') {
      out.push({ key, op: 'exists', values: [] });
    } else if (s.startsWith('!=', i) || s[i] === '=') {
      const op: Operator = s.startsWith('!=', i) ? '!=' : '=';
      i += s.startsWith('==', i) || op === '!=' ? 2 : 1;
      skipWs();
      const start = i;
      // The lexer ends a value at whitespace or a special symbol (selector.go isSpecialSymbol).
      while (i < s.length && !' \t,=!()<>'.includes(s[i])) i++;
      out.push({ key, op, values: [s.slice(start, i)] });
    } else {
      const word = readKey();
      if (word !== 'in' && word !== 'notin') {
        throw new SelectorParseError(`unable to parse requirement: found '${word}', expected: in, notin, =, ==, !=, gt, lt`);
      }
      skipWs();
      if (s[i] !== '(') throw new SelectorParseError(`unable to parse requirement: found '${tokenAt(s, i)}', expected: '('`);
      i++;
      const close = s.indexOf(')', i);
      if (close < 0) throw new SelectorParseError(`unable to parse requirement: found '', expected: ')'`);
      const values = s
        .slice(i, close)
        .split(',')
        .map((v) => v.trim());
      i = close + 1;
      out.push({ key, op: word, values });
    }
    skipWs();
    if (i < s.length) {
      // selector.go parse: after a requirement only ',' or the end may follow (no "unable to parse requirement" prefix).
      if (s[i] !== ',') throw new SelectorParseError(`found '${tokenAt(s, i)}', expected: ',' or 'end of string'`);
      i++;
      afterComma = true;
    }
  }
  return out;
}

export function matches(sel: Selector, labels: Labels | null | undefined): boolean {
  const l = labels ?? {};
  return sel.every((r) => {
    const has = Object.prototype.hasOwnProperty.call(l, r.key);
    switch (r.op) {
      case '=':
        return has && l[r.key] === r.values[0];
      case '!=':
        return !has || l[r.key] !== r.values[0];
      case 'in':
        return has && r.values.includes(l[r.key]);
      case 'notin':
        return !has || !r.values.includes(l[r.key]);
      case 'exists':
        return has;
      case '!':
        return !has;
    }
  });
}

/** metav1.LabelSelectorAsSelector. */
export function fromLabelSelector(ls: LabelSelector | undefined): Selector {
  const out: Requirement[] = [];
  for (const [k, v] of Object.entries(ls?.matchLabels ?? {})) out.push({ key: k, op: '=', values: [v] });
  for (const e of ls?.matchExpressions ?? []) {
    const op: Operator =
      e.operator === 'In' ? 'in' : e.operator === 'NotIn' ? 'notin' : e.operator === 'Exists' ? 'exists' : '!';
    out.push({ key: e.key, op, values: e.values ?? [] });
  }
  return out;
}

/** metav1.FormatLabelSelector: the selector string, `<none>` when empty. */
export function formatLabelSelector(ls: LabelSelector | undefined): string {
  const s = selectorString(fromLabelSelector(ls));
  return s === '' ? '<none>' : s;
}
