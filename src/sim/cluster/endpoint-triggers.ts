// Every change that makes the endpoint controllers sync a Service, in one file, as upstream keeps the
// EndpointSlice controller's informer handlers together in pkg/controller/endpointslice/endpointslice_controller.go
// (NewController registers them; each handler below names the one it stands for). The Endpoints controller
// (pkg/controller/endpoint/endpoints_controller.go) shares the queue here: one sync runs both controllers,
// and the mirroring controller (pkg/controller/endpointslicemirroring) has a queue of its own.
//
//   change                         → what is queued
//   Service added/updated/deleted  → that Service (full sync), its mirroring key; selector cache updated
//   Pod added/updated/deleted      → every Service whose selector matched the old or matches the new labels
//                                    (label changes and readiness/IP/termination changes alike), with the pod
//                                    named so the sync may take the one-pod fast path
//   Node added/deleted, or its readiness or zone changed → the Services whose topology hints it overloads
//   EndpointSlice written by someone other than the controllers → the Service it is labelled for
//   Endpoints written by someone other than the controllers     → its mirroring key; a deletion also the Service

import type { Node, Pod, Service } from '../types';
import { cpuRatios, isNodeReady, LABEL_TOPOLOGY_ZONE } from '../endpointslice';
import { serviceSelector, serviceSelectorSet } from '../podutil';
import { LABEL_MANAGED_BY, LABEL_SERVICE_NAME, MIRRORING_CONTROLLER_NAME, SLICE_CONTROLLER_NAME } from '../well-known';
import type { EndpointSync } from './endpoint-sync';
import { indexPair, LabelIndex, labelPairs } from './indexes';
import type { Actor, Change, ObjectStore } from './store';

const serviceKey = (ns: string, name: string) => `${ns}/${name}`;
const zoneOf = (node: Node) => node.metadata.labels?.[LABEL_TOPOLOGY_ZONE];

/**
 * Writes by the endpoint controllers themselves (expected by their trackers) and the garbage collector's
 * deletions of their objects (the owner is gone, so is the need): neither causes a resync.
 */
function isControllerActor(a: Actor): boolean {
  return a === 'endpointslice-controller' || a === 'endpoints-controller' || a === 'endpointslicemirroring-controller' || a === 'garbage-collector';
}

export class EndpointTriggers {
  /**
   * Services by one of their selector pairs (ns → "key=value" → names): the controller's
   * serviceSelectorCache, so a pod change looks at few Services, not all of them.
   */
  private readonly serviceSelectors = new LabelIndex();

  constructor(
    private readonly store: ObjectStore,
    private readonly sync: EndpointSync,
  ) {}

  /** onServiceUpdate (add and update) and onServiceDelete: the selector cache follows, the Service is queued. */
  onServiceChange(c: Change): void {
    const oldSel = c.old && serviceSelectorSet(c.old as Service);
    const sel = c.obj && serviceSelectorSet(c.obj as Service);
    if (oldSel) this.serviceSelectors.remove(c.namespace, c.name, [indexPair(oldSel)]);
    if (sel) this.serviceSelectors.add(c.namespace, c.name, [indexPair(sel)]);
    const key = serviceKey(c.namespace, c.name);
    this.sync.queueService(key);
    this.sync.forgetSelection(key);
    // endpointslicemirroring_controller.go onServiceAdd/Update/Delete queue the Endpoints of that name.
    this.sync.queueMirroring(key);
  }

  /**
   * addPod, updatePod and deletePod (deletePod calls addPod with the last state): the Services the pod
   * belonged to before or belongs to now (endpointsliceutil.GetServicesToUpdateOnPodChange,
   * GetPodServiceMemberships). A label change that moves a pod between Services queues both; a readiness,
   * IP or termination change queues the Services it stays in. Upstream also drops updates whose
   * endpoint-relevant fields are unchanged (podEndpointsChanged); here such a sync writes nothing.
   */
  onPodChange(c: Change): void {
    const oldPod = c.old as Pod | undefined;
    const pod = c.obj as Pod | undefined;
    const candidates = new Set<string>();
    for (const p of [...labelPairs(oldPod?.metadata.labels), ...labelPairs(pod?.metadata.labels)]) {
      for (const svc of this.serviceSelectors.get(c.namespace, p) ?? []) candidates.add(svc);
    }
    for (const svcName of candidates) {
      const svc = this.store.get('Service', c.namespace, svcName) as Service | undefined;
      if (!svc || !serviceSelectorSet(svc)) continue;
      const sel = serviceSelector(svc);
      const before = !!oldPod && sel.matches(oldPod.metadata.labels);
      const after = !!pod && sel.matches(pod.metadata.labels);
      if (before || after) this.sync.queuePodChange(serviceKey(c.namespace, svcName), c.name, before, after, pod);
    }
  }

  /**
   * addNode, deleteNode, and updateNode when the Node's readiness or zone label changed: all three call
   * checkNodeTopologyDistribution, which feeds the topology cache (SetNodes) and queues only the
   * Services GetOverloadedServices names (hints that no longer fit the zones' CPU shares). No other
   * Service is synced: a pod on a deleted Node stays in the slices until that Service syncs for
   * another reason (PodGC would delete the pod), and endpoints keep the zone they were written with.
   */
  onNodeChange(c: Change): void {
    this.sync.nodesChanged();
    const oldNode = c.old as Node | undefined;
    const node = c.obj as Node | undefined;
    if (oldNode && node && isNodeReady(oldNode) === isNodeReady(node) && zoneOf(oldNode) === zoneOf(node)) return;
    const nodes = this.store.bucket('Node', '').values() as Iterable<Node>;
    for (const key of this.sync.overloadedServices(cpuRatios(nodes))) this.sync.queueService(key);
  }

  /**
   * onEndpointSliceAdd, onEndpointSliceUpdate, onEndpointSliceDelete. The controller's own writes are
   * expected (endpointSliceTracker.ShouldSync / HandleDeletion say no); a slice someone else created,
   * changed or deleted that is (or was) managed by a controller queues the Service it is labelled for,
   * so the controller repairs it. A changed kubernetes.io/service-name label queues both Services.
   */
  onEndpointSliceChange(c: Change): void {
    this.sync.indexSlice(c);
    if (isControllerActor(c.actor)) return;
    for (const obj of [c.old, c.obj]) {
      const svc = obj?.metadata.labels?.[LABEL_SERVICE_NAME];
      const by = obj?.metadata.labels?.[LABEL_MANAGED_BY];
      if (svc === undefined) continue;
      if (by === SLICE_CONTROLLER_NAME) this.sync.queueService(serviceKey(c.namespace, svc));
      // endpointslicemirroring_controller.go onEndpointSliceAdd/Update/Delete: slices it manages.
      if (by === MIRRORING_CONTROLLER_NAME) this.sync.queueMirroring(serviceKey(c.namespace, svc));
    }
  }

  /**
   * Endpoints written by a user: the mirroring controller's onEndpointsAdd/Update/Delete queue it; the
   * Endpoints controller only watches deletions (onEndpointsDelete) and recreates its object. It does
   * not watch updates, so a user's edit of its Endpoints stays until the next resync.
   */
  onEndpointsChange(c: Change): void {
    if (isControllerActor(c.actor)) return;
    const key = serviceKey(c.namespace, c.name);
    this.sync.queueMirroring(key);
    if (!c.obj) this.sync.queueService(key);
  }
}
