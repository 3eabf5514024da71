// Label selection. Services select by exact equality of every selector key (labels.Set(selector)
// .AsSelectorPreValidated()); an empty/nil Service selector selects nothing for the endpoint controllers.
// Workloads use metav1.LabelSelector (matchLabels + matchExpressions In/NotIn/Exists/DoesNotExist).
// Upstream: k8s.io/apimachinery/pkg/labels, pkg/apis/meta/v1/helpers.go (LabelSelectorAsSelector).

import type { LabelSelector, Labels, Service } from '../types';

export function matchesLabels(selector: Labels, labels: Labels | undefined): boolean {
  for (const k in selector) {
    if (labels?.[k] !== selector[k]) return false;
  }
  return true;
}

/** The Service's selector when the endpoint controllers act on it (non-empty map, not ExternalName). */
export function serviceSelector(svc: Service): Labels | undefined {
  if (svc.spec.type === 'ExternalName') return undefined;
  const sel = svc.spec.selector;
  if (!sel || Object.keys(sel).length === 0) return undefined;
  return sel;
}

export function matchesLabelSelector(sel: LabelSelector | undefined, labels: Labels | undefined): boolean {
  if (!sel) return false;
  const ml = sel.matchLabels ?? {};
  const me = sel.matchExpressions ?? [];
  // An empty LabelSelector matches everything, but workloads cannot have one (validation), so be strict.
  if (Object.keys(ml).length === 0 && me.length === 0) return false;
  if (!matchesLabels(ml, labels)) return false;
  for (const e of me) {
    const has = labels !== undefined && e.key in labels;
    const v = labels?.[e.key];
    switch (e.operator) {
      case 'In':
        if (!has || !(e.values ?? []).includes(v!)) return false;
        break;
      case 'NotIn':
        if (has && (e.values ?? []).includes(v!)) return false;
        break;
      case 'Exists':
        if (!has) return false;
        break;
      case 'DoesNotExist':
        if (has) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}
