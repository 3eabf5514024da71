// metav1.LabelSelector (matchLabels + matchExpressions) as a labels.Selector.
// Upstream: k8s.io/apimachinery/pkg/apis/meta/v1/helpers.go (LabelSelectorAsSelector,
// LabelSelectorAsMap, FormatLabelSelector). A nil selector selects nothing, an empty one everything.

import type { LabelSelector, Labels } from '../types';
import { LabelSelectorError } from './errors';
import { everything, newRequirement, newSelector, nothing, type Operator, type Requirement, type Selector } from './selector';

const OPERATORS: Readonly<Record<string, Operator>> = { In: 'in', NotIn: 'notin', Exists: 'exists', DoesNotExist: '!' };

/**
 * LabelSelectorAsSelector: nil → Nothing, no matchLabels and no matchExpressions → Everything, else
 * every requirement (keys and values validated). Throws LabelSelectorError for an unknown operator
 * (`"Equals" is not a valid pod selector operator`) or a requirement NewRequirement refuses.
 */
export function labelSelectorAsSelector(ls: LabelSelector | null | undefined): Selector {
  if (ls === null || ls === undefined) return nothing();
  const matchLabels: Labels = ls.matchLabels ?? {};
  const exprs = ls.matchExpressions ?? [];
  const labelKeys = Object.keys(matchLabels);
  if (labelKeys.length + exprs.length === 0) return everything();
  const reqs: Requirement[] = [];
  for (const k of labelKeys) reqs.push(newRequirement(k, '=', [matchLabels[k]]));
  for (const e of exprs) {
    const op = Object.hasOwn(OPERATORS, e.operator) ? OPERATORS[e.operator] : undefined;
    if (!op) throw new LabelSelectorError(`${JSON.stringify(e.operator)} is not a valid pod selector operator`);
    reqs.push(newRequirement(e.key, op, [...(e.values ?? [])]));
  }
  return newSelector().add(...reqs);
}

/** The selector, or undefined when LabelSelectorAsSelector fails (callers that skip such objects). */
export function labelSelectorAsSelectorOrUndefined(ls: LabelSelector | null | undefined): Selector | undefined {
  try {
    return labelSelectorAsSelector(ls);
  } catch (e) {
    if (e instanceof LabelSelectorError) return undefined;
    throw e;
  }
}

/** FormatLabelSelector: the selector string, `<none>` when it is empty, `<error>` when it is invalid. */
export function formatLabelSelector(ls: LabelSelector | null | undefined): string {
  const sel = labelSelectorAsSelectorOrUndefined(ls);
  if (!sel) return '<error>';
  return sel.toString() || '<none>';
}

/**
 * LabelSelectorAsMap: the old map form; only matchLabels and one-value In expressions convert.
 * Returns the map built so far and the error, as upstream does.
 */
export function labelSelectorAsMap(ls: LabelSelector | null | undefined): { map: Labels | undefined; error?: string } {
  if (ls === null || ls === undefined) return { map: undefined };
  const map: Labels = { ...(ls.matchLabels ?? {}) };
  for (const e of ls.matchExpressions ?? []) {
    switch (e.operator) {
      case 'In':
        if ((e.values ?? []).length !== 1) {
          return { map, error: `operator ${JSON.stringify(e.operator)} without a single value cannot be converted into the old label selector format` };
        }
        map[e.key] = e.values![0];
        break;
      case 'NotIn':
      case 'Exists':
      case 'DoesNotExist':
        return { map, error: `operator ${JSON.stringify(e.operator)} cannot be converted into the old label selector format` };
      default:
        return { map, error: `${JSON.stringify(e.operator)} is not a valid selector operator` };
    }
  }
  return { map };
}
