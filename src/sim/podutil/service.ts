// Service predicates shared by the controllers.
// Upstream: pkg/controller/endpoint/endpoints_controller.go and
// pkg/controller/endpointslice/endpointslice_controller.go (ExternalName and nil-selector early
// returns), pkg/apis/core/v1/helper IsServiceIPSet, labels.Set(selector).AsSelectorPreValidated.

import type { Labels, Service } from '../types';

/**
 * Whether the Endpoints and EndpointSlice controllers act on this Service: not ExternalName and a
 * non-empty selector (an empty map is dropped by omitempty, so `{}` behaves as no selector).
 */
export function serviceWantsEndpoints(service: Service): boolean {
  if (service.spec.type === 'ExternalName') return false;
  const sel = service.spec.selector;
  return sel !== undefined && sel !== null && Object.keys(sel).length > 0;
}

/** IsServiceIPSet: clusterIP neither "None" nor empty (otherwise the Service counts as headless). */
export function isServiceIPSet(service: Service): boolean {
  const ip = service.spec.clusterIP;
  return ip !== undefined && ip !== '' && ip !== 'None';
}

/** Equality-based selector match: every selector key present with the same value. */
export function selectorMatches(selector: Labels, labels: Labels | undefined): boolean {
  return matchesKeys(selector, Object.keys(selector), labels);
}

function matchesKeys(selector: Labels, keys: readonly string[], labels: Labels | undefined): boolean {
  for (const k of keys) {
    if (labels?.[k] !== selector[k]) return false;
  }
  return true;
}

/** The pods a Service selects: same namespace and a matching selector ([] when it selects nothing). */
export function selectPods<P extends { metadata: { namespace?: string; labels?: Labels } }>(service: Service, pods: readonly P[]): P[] {
  const sel = service.spec.selector;
  if (!sel || Object.keys(sel).length === 0) return [];
  const ns = service.metadata.namespace ?? 'default';
  const keys = Object.keys(sel); // once, not per pod
  return pods.filter((p) => (p.metadata.namespace ?? 'default') === ns && matchesKeys(sel, keys, p.metadata.labels));
}
