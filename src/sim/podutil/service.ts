// Service predicates shared by the controllers.
// Upstream: pkg/controller/endpoint/endpoints_controller.go and
// pkg/controller/endpointslice/endpointslice_controller.go (ExternalName and nil-selector early
// returns), pkg/apis/core/v1/helper IsServiceIPSet, labels.ValidatedSetSelector(service.Spec.Selector).
import type { Labels, Service } from '../types';
import { validatedSetSelector, type Selector } from '../labels';

/**
 * The Service's selector map when the Endpoints and EndpointSlice controllers act on it: not
 * ExternalName and a non-empty selector (an empty map is dropped by omitempty, so `{}` behaves as
 * no selector and the controllers leave the Service alone rather than select every pod).
 */
export function serviceSelectorSet(service: Service): Labels | undefined {
  if (service.spec.type === 'ExternalName') return undefined;
  const sel = service.spec.selector;
  if (sel === undefined || sel === null || Object.keys(sel).length === 0) return undefined;
  return sel;
}

/** Whether the Endpoints and EndpointSlice controllers act on this Service (see serviceSelectorSet). */
export function serviceWantsEndpoints(service: Service): boolean {
  return serviceSelectorSet(service) !== undefined;
}

/** The Service's selector as a labels.Selector (Everything for none: callers check serviceWantsEndpoints). */
export function serviceSelector(service: Service): Selector {
  return validatedSetSelector(service.spec.selector);
}

/** IsServiceIPSet: clusterIP neither "None" nor empty (otherwise the Service counts as headless). */
export function isServiceIPSet(service: Service): boolean {
  const ip = service.spec.clusterIP;
  return ip !== undefined && ip !== '' && ip !== 'None';
}

/** The pods a Service selects: same namespace and a matching selector ([] when it selects nothing). */
export function selectPods<P extends { metadata: { namespace?: string; labels?: Labels } }>(service: Service, pods: readonly P[]): P[] {
  const sel = service.spec.selector;
  if (!sel || Object.keys(sel).length === 0) return [];
  const ns = service.metadata.namespace ?? 'default';
  const selector = validatedSetSelector(sel); // once, not per pod
  return pods.filter((p) => (p.metadata.namespace ?? 'default') === ns && selector.matches(p.metadata.labels));
}
