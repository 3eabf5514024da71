// One sync of the EndpointSlice controller for one Service, as a pure function.
// Upstream: pkg/controller/endpointslice/endpointslice_controller.go (syncService)

import type { EndpointSlice, Node, Pod, Service, SimEvent } from '../types';
import { CONTROLLER_NAME, EVENT_SOURCE, LABEL_MANAGED_BY, LABEL_SERVICE_NAME } from './constants';
import { Reconciler } from './reconciler';
import { hintsEnabled } from './utils';
import { selectPods, serviceWantsEndpoints } from '../podutil';

// Selection helpers are shared with the Endpoints controller (src/sim/podutil).
export { selectPods, serviceWantsEndpoints };

export interface SlicePlan {
  create: EndpointSlice[];
  update: EndpointSlice[];
  delete: EndpointSlice[];
  events: Omit<SimEvent, 'time'>[];
  /**
   * The controller's topology cache flag "hints populated" for this Service after the sync. Pass it
   * back as `topologyHintsPopulated` on the next sync to reproduce the Enabled/Disabled events
   * exactly; when not passed it is inferred from the existing slices.
   */
  topologyHintsPopulated?: boolean;
}

export interface ReconcileEndpointSlicesInput {
  /** Defaulted by the API server already. */
  service: Service;
  /** Every pod of the Service's namespace; the controller selects. */
  pods: Pod[];
  /** Every Node by name. */
  nodes: ReadonlyMap<string, Node>;
  /** Slices labelled kubernetes.io/service-name=<svc> and managed by this controller. */
  existingSlices: EndpointSlice[];
  maxEndpointsPerSlice: number;
  /** endpoints.kubernetes.io/last-change-trigger-time; the annotation is removed when absent. */
  triggerTime?: string;
  /** See SlicePlan.topologyHintsPopulated. */
  topologyHintsPopulated?: boolean;
}

/**
 * Without the long-lived cache (caller did not pass the flag), "hints were populated by
 * topology-mode Auto" is read off the existing slices, conservatively: only while the annotation is
 * on (it then only decides whether TopologyAwareHintsEnabled is announced again). Zone hints on a
 * Service without the annotation may come from trafficDistribution, so no Disabled event is
 * guessed; pass `topologyHintsPopulated` back from the previous plan to get that event.
 */
function inferTopologyHintsPopulated(service: Service, slices: readonly EndpointSlice[]): boolean {
  if (!hintsEnabled(service.metadata.annotations)) return false;
  return slices.some((s) => (s.endpoints ?? []).some((ep) => (ep.hints?.forZones?.length ?? 0) > 0));
}

/** utilerrors.NewAggregate(...).Error(): one message as is, several deduplicated in brackets. */
function aggregateMessage(errors: readonly string[]): string {
  const unique = [...new Set(errors)];
  return unique.length === 1 ? unique[0] : `[${unique.join(', ')}]`;
}

/** syncService for one Service: the writes the controller would make, and its events. */
export function reconcileEndpointSlices(input: ReconcileEndpointSlicesInput): SlicePlan {
  const { service } = input;
  if (!serviceWantsEndpoints(service)) return { create: [], update: [], delete: [], events: [] };

  const pods = selectPods(service, input.pods);
  // The lister selects by both labels; slices pending deletion are dropped so they cannot block.
  const name = service.metadata.name ?? '';
  const existing = input.existingSlices.filter(
    (s) =>
      !s.metadata.deletionTimestamp &&
      s.metadata.labels?.[LABEL_SERVICE_NAME] === name &&
      s.metadata.labels?.[LABEL_MANAGED_BY] === CONTROLLER_NAME &&
      (s.metadata.namespace ?? '') === (service.metadata.namespace ?? ''),
  );

  const result = new Reconciler({
    service,
    nodes: input.nodes,
    maxEndpointsPerSlice: input.maxEndpointsPerSlice,
    triggerTime: input.triggerTime,
    topologyHintsPopulated: input.topologyHintsPopulated ?? inferTopologyHintsPopulated(service, existing),
  }).reconcile(pods, existing);

  const involved = { kind: 'Service' as const, namespace: service.metadata.namespace, name };
  const events: Omit<SimEvent, 'time'>[] = result.events.map((e) => ({
    type: e.eventType,
    reason: e.reason,
    message: e.message,
    source: EVENT_SOURCE,
    involved,
  }));
  if (result.errors.length > 0) {
    // The writes above still happen; the failed sync is retried with backoff.
    events.push({
      type: 'Warning',
      reason: 'FailedToUpdateEndpointSlices',
      message: `Error updating Endpoint Slices for Service ${service.metadata.namespace}/${name}: ${aggregateMessage(result.errors)}`,
      source: EVENT_SOURCE,
      involved,
    });
  }
  return {
    create: result.create,
    update: result.update,
    delete: result.delete,
    events,
    topologyHintsPopulated: result.topologyHintsPopulated,
  };
}
