// Small wording helpers, so every message names things the same way.

import type { Labels } from '../sim/types';
import { labelsString } from '../sim';

export function plural(n: number, one: string, many = one + 's'): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "a", "a and b", "a, b and c", "a, b, c and 4 more". */
export function listNames(names: readonly string[], max = 3): string {
  if (names.length === 0) return '';
  if (names.length === 1) return names[0];
  if (names.length <= max) return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  return `${names.slice(0, max).join(', ')} and ${names.length - max} more`;
}

/** kubectl's selector form: k=v pairs sorted, joined by commas. */
export function formatSelector(sel: Labels): string {
  // labels.Set.String(), as kubectl describe prints a Service's selector.
  return labelsString(sel);
}

/** Labels a learner recognises: the controllers' bookkeeping labels are left out. */
const NOISE_LABELS = new Set(['pod-template-hash', 'controller-revision-hash', 'pod-template-generation']);

export function formatPodLabels(labels: Labels | undefined): string {
  const shown: Labels = {};
  for (const [k, v] of Object.entries(labels ?? {})) if (!NOISE_LABELS.has(k)) shown[k] = v;
  return Object.keys(shown).length ? formatSelector(shown) : 'no labels';
}

/** A YAML-ish `key: value` as the learner would type it. */
export function yamlPair(key: string, value: string): string {
  return `${key}: ${/^[A-Za-z0-9._/-]+$/.test(value) && !/^(true|false|yes|no|on|off|null|~|[0-9.]+)$/i.test(value) ? value : JSON.stringify(value)}`;
}

export function quote(s: string): string {
  return `"${s}"`;
}

export function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
