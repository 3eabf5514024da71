// Label sets. Upstream: k8s.io/apimachinery/pkg/labels/labels.go (Set.Has, Set.String, FormatLabels,
// ConvertSelectorToLabelsMap). A key is present only as an own property: `toString` or `constructor`
// are not labels of `{}` (the `in` operator would say they are).

import type { Labels } from '../types';
import { isLabelKey, isValidLabelValue } from './validation';
import { LabelSelectorError } from './errors';

export type LabelsLike = Readonly<Record<string, string>> | null | undefined;

/** Set.Has. */
export function hasLabel(labels: LabelsLike, key: string): boolean {
  return labels !== null && labels !== undefined && Object.hasOwn(labels, key);
}

/** Set.String(): `k=v` pairs sorted (as whole strings), joined by ','. */
export function labelsString(labels: LabelsLike): string {
  return Object.keys(labels ?? {})
    .map((k) => `${k}=${labels![k]}`)
    .sort()
    .join(',');
}

/** labels.FormatLabels: Set.String(), `<none>` when empty. */
export function formatLabels(labels: LabelsLike): string {
  return labelsString(labels) || '<none>';
}

/** labels.Equals. */
export function labelsEqual(a: LabelsLike, b: LabelsLike): boolean {
  const ka = Object.keys(a ?? {});
  if (ka.length !== Object.keys(b ?? {}).length) return false;
  return ka.every((k) => hasLabel(b, k) && b![k] === a![k]);
}

/**
 * ConvertSelectorToLabelsMap: `k=v,k2=v2` (spaces around keys and values trimmed) to a map, keys and
 * values validated; anything else (`x`, `x!=y`, `x==y`, `x in (y)`) is refused.
 */
export function convertSelectorToLabelsMap(selector: string): Labels {
  const out: Labels = {};
  if (selector.length === 0) return out;
  for (const label of selector.split(',')) {
    const l = label.split('=');
    // fmt %s of a []string: [a b]
    if (l.length !== 2) throw new LabelSelectorError(`invalid selector: [${l.join(' ')}]`);
    const key = l[0].trim();
    const keyErrs = isLabelKey(key);
    if (keyErrs.length) throw new LabelSelectorError(`<nil>: Invalid value: ${JSON.stringify(key)}: ${keyErrs.join('; ')}`);
    const value = l[1].trim();
    const valueErrs = isValidLabelValue(value);
    if (valueErrs.length) throw new LabelSelectorError(`<nil>[${key}]: Invalid value: ${JSON.stringify(value)}: ${valueErrs.join('; ')}`);
    out[key] = value;
  }
  return out;
}
