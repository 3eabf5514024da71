// The endpoint controllers' side of the settle loop: the queue of Services and Endpoints to sync (filled
// by endpoint-triggers.ts), the pods a Service selects (cached, kept in name order), trigger times, and
// applying the controllers' plans to the store as recorded writes.
// Upstream: pkg/controller/endpointslice/endpointslice_controller.go (syncService),
// pkg/controller/endpoint/endpoints_controller.go (syncService, onEndpointsDelete),
// pkg/controller/endpointslicemirroring/endpointslicemirroring_controller.go (queueing by Endpoints name).

import type { ClusterControllers, Controller, Endpoints, EndpointSlice, KObject, Node, Pod, Service, SimEvent, Write } from '../types';
import { endpointReady, reconcileEndpointSlices, serviceOverloaded, type SlicePlan } from '../endpointslice';
import { checkSettled, onePodPlan, type SettledSlices } from '../endpointslice/onePodUpdate';
import { reconcileEndpoints } from '../endpoints';
import { reconcileMirroring } from '../mirroring';
import type { ObjectStore, Change } from './store';
import type { NameGenerator } from './ids';
import { labelPairs, type LabelIndex } from './indexes';
import { serviceSelector, serviceSelectorSet } from '../podutil';
import { TriggerTimeTracker, formatTriggerTime } from './trigger-time';
import { defaultSlicePorts } from './endpoint-defaults';
import { countSim } from './counters';

import {
  LABEL_MANAGED_BY,
  LABEL_SERVICE_NAME,
  MIRRORING_CONTROLLER_NAME as MIRRORING_CONTROLLER,
  SLICE_CONTROLLER_NAME as SLICE_CONTROLLER,
} from '../well-known';

export interface EndpointSyncDeps {
  store: ObjectStore;
  now(): string;
  maxEndpointsPerSlice: number;
  /** Which endpoint controllers run (ClusterOptions.controllers, resolved: true = on). */
  controllers: Required<Omit<ClusterControllers, 'podgc'>>;
  podLabels: LabelIndex;
  names: NameGenerator;
  /** `stored` is the object as written (absent for a delete); its size is taken from it. */
  recordWrite(w: Omit<Write, 'seq' | 'time' | 'bytes'>, stored?: object): void;
  recordEvent(e: Omit<SimEvent, 'time'>): void;
}

interface Selection {
  pods: Pod[];
  pos: Map<string, number>;
}

type SyncReason = Set<string> | 'full';

export class EndpointSync {
  private dirty = new Map<string, SyncReason>();
  private mirrorDirty = new Set<string>();
  private readonly tracker = new TriggerTimeTracker();
  private readonly selections = new Map<string, Selection>();
  private readonly hintsPopulated = new Map<string, boolean>();
  /** Services whose slices were checked to be what a full reconcile would leave as they are. */
  private readonly settled = new Map<string, SettledSlices>();
  /** ns → service name (label) → slice names */
  private readonly slicesByService = new Map<string, Map<string, Set<string>>>();

  constructor(private readonly deps: EndpointSyncDeps) {}

  hasWork(): boolean {
    return this.dirty.size > 0 || this.mirrorDirty.size > 0;
  }

  // ---- the queue (what to sync is decided in endpoint-triggers.ts) ---------------------------------

  /** Sync this Service in full (every selected pod looked at). */
  queueService(key: string): void {
    this.dirty.set(key, 'full');
  }

  /** Sync the mirroring controller's key (the Endpoints and Service of that name). */
  queueMirroring(key: string): void {
    this.mirrorDirty.add(key);
  }

  /** The Service's selector may have changed: its selected pods are looked up again. */
  forgetSelection(key: string): void {
    this.selections.delete(key);
  }

  /** A pod the Service selected before and/or selects now changed: keep the selection cache, name the pod. */
  queuePodChange(key: string, podName: string, before: boolean, after: boolean, pod: Pod | undefined): void {
    const sel = this.selections.get(key);
    if (sel) {
      const i = sel.pos.get(podName);
      if (before && after && pod && i !== undefined) sel.pods[i] = pod;
      else this.selections.delete(key);
    }
    const reason = this.dirty.get(key);
    if (reason === 'full') return;
    if (reason) reason.add(podName);
    else this.dirty.set(key, new Set([podName]));
  }

  /**
   * Nodes changed: a slice checked to be settled against the old Nodes (zones) is no longer known to
   * be, so the next sync of every Service goes the full way.
   */
  nodesChanged(): void {
    this.settled.clear();
  }

  /**
   * TopologyCache.GetOverloadedServices: the Services with hints (hintsPopulated) that serviceOverloaded
   * finds short of endpoints in some zone, given the zones' CPU shares. The hints per zone are counted
   * from the controller's slices (ready endpoints), which is what SetHints recorded when it wrote them.
   */
  overloadedServices(zoneRatios: ReadonlyMap<string, number> | null): string[] {
    const out: string[] = [];
    for (const [key, populated] of this.hintsPopulated) {
      if (!populated) continue;
      const slash = key.indexOf('/');
      const byAddressType = new Map<string, Map<string, number>>();
      for (const slice of this.slicesOf(key.slice(0, slash), key.slice(slash + 1), SLICE_CONTROLLER)) {
        let zones = byAddressType.get(slice.addressType);
        if (!zones) byAddressType.set(slice.addressType, (zones = new Map()));
        for (const ep of slice.endpoints ?? []) {
          if (!endpointReady(ep)) continue;
          for (const h of ep.hints?.forZones ?? []) zones.set(h.name, (zones.get(h.name) ?? 0) + 1);
        }
      }
      if ([...byAddressType.values()].some((zones) => serviceOverloaded(zones, zoneRatios))) out.push(key);
    }
    return out.sort();
  }

  /** Keep the slices-by-Service index (kubernetes.io/service-name label) in step with the store. */
  indexSlice(c: Change): void {
    const oldSvc = c.old?.metadata.labels?.[LABEL_SERVICE_NAME];
    const newSvc = c.obj?.metadata.labels?.[LABEL_SERVICE_NAME];
    if (oldSvc !== undefined) this.slicesByService.get(c.namespace)?.get(oldSvc)?.delete(c.name);
    if (newSvc !== undefined && c.obj) {
      let byNs = this.slicesByService.get(c.namespace);
      if (!byNs) this.slicesByService.set(c.namespace, (byNs = new Map()));
      let set = byNs.get(newSvc);
      if (!set) byNs.set(newSvc, (set = new Set()));
      set.add(c.name);
    }
  }

  recordDelete(controller: Controller, kind: 'EndpointSlice' | 'Endpoints', namespace: string, name: string): void {
    this.deps.recordWrite({ controller, verb: 'delete', kind, namespace, name });
  }

  // ---- syncing --------------------------------------------------------------------------------

  run(): void {
    const keys = [...this.dirty.keys()].sort();
    const reasons = this.dirty;
    this.dirty = new Map();
    for (const key of keys) this.syncService(key, reasons.get(key)!);
    const mirror = [...this.mirrorDirty].sort();
    this.mirrorDirty = new Set();
    for (const key of mirror) this.syncMirroring(key);
  }

  /** Pods the Service selects, in name order (cached until membership changes). */
  selectedPods(ns: string, svc: Service): Pod[] {
    const key = `${ns}/${svc.metadata.name}`;
    const cached = this.selections.get(key);
    if (cached) return cached.pods;
    const sel = serviceSelectorSet(svc);
    let pods: Pod[] = [];
    if (sel) {
      const selector = serviceSelector(svc);
      let smallest: ReadonlySet<string> | undefined;
      for (const pair of labelPairs(sel)) {
        const s = this.deps.podLabels.get(ns, pair);
        if (!s) {
          smallest = new Set();
          break;
        }
        if (!smallest || s.size < smallest.size) smallest = s;
      }
      const bucket = this.deps.store.bucket('Pod', ns);
      const names = [...(smallest ?? [])];
      // Index sets keep insertion order, and pods mostly arrive in name order: sort only if needed.
      if (!inOrder(names)) names.sort();
      for (const n of names) {
        const p = bucket.get(n) as Pod | undefined;
        if (p && selector.matches(p.metadata.labels)) pods.push(p);
      }
    }
    const pos = new Map<string, number>();
    pods.forEach((p, i) => pos.set(p.metadata.name!, i));
    this.selections.set(key, { pods, pos });
    return pods;
  }

  private syncService(key: string, reason: SyncReason): void {
    countSim('serviceSyncs');
    const { store } = this.deps;
    const slash = key.indexOf('/');
    const ns = key.slice(0, slash);
    const name = key.slice(slash + 1);
    const svc = store.get('Service', ns, name) as Service | undefined;
    if (!svc) {
      // Endpoints controller: the Service is gone, so is the Endpoints object of that name.
      // (Its slices are owned by the Service: the garbage collector removes them.)
      if (this.deps.controllers.endpoints && store.remove('Endpoints', ns, name, 'endpoints-controller')) {
        this.recordDelete('endpoints-controller', 'Endpoints', ns, name);
      }
      this.tracker.delete(key);
      this.selections.delete(key);
      this.hintsPopulated.delete(key);
      this.settled.delete(key);
      return;
    }
    // Both controllers return early for ExternalName and selector-less Services (and leave what exists).
    if (!serviceSelectorSet(svc)) return;
    // Pod changes that kept the set of selected pods (readiness, termination...) keep the cache.
    const membershipKept = this.selections.has(key);
    const pods = this.selectedPods(ns, svc);
    let trigger: number | undefined;
    if (reason !== 'full') {
      const sel = this.selections.get(key)!;
      trigger = this.tracker.computeIncremental(key, svc, reason, (n) => {
        const i = sel.pos.get(n);
        return i === undefined ? undefined : sel.pods[i];
      });
    }
    if (trigger === undefined) trigger = this.tracker.compute(key, svc, pods);
    const triggerTime = formatTriggerTime(trigger);

    if (this.deps.controllers.endpointslice) this.syncSlices(key, ns, svc, pods, triggerTime, reason, membershipKept);
    if (this.deps.controllers.endpoints) this.syncEndpoints(ns, svc, pods, triggerTime);
  }

  /** The EndpointSlice controller's syncService. */
  private syncSlices(
    key: string,
    ns: string,
    svc: Service,
    pods: Pod[],
    triggerTime: string | undefined,
    reason: SyncReason,
    membershipKept: boolean,
  ): void {
    const { store } = this.deps;
    const name = svc.metadata.name!;
    const nodes = store.bucket('Node', '') as ReadonlyMap<string, Node>;
    const existingSlices = this.slicesOf(ns, name, SLICE_CONTROLLER);
    // One pod of a settled Service changed: the fast path gives the full reconcile's plan (see
    // endpointslice/onePodUpdate.ts) or declines. A settled state is only trusted for the next sync
    // of this Service: every other change (Service, Nodes, slices, several pods) goes the full way.
    const settled = this.settled.get(key);
    this.settled.delete(key);
    let plan: SlicePlan | undefined;
    if (settled && reason !== 'full' && reason.size === 1) {
      const [podName] = reason;
      const sel = this.selections.get(key)!;
      const podByName = (n: string) => {
        const i = sel.pos.get(n);
        return i === undefined ? undefined : sel.pods[i];
      };
      plan = onePodPlan(settled, { service: svc, nodes, existingSlices, podName, podByName, triggerTime });
    }
    const fast = plan !== undefined;
    plan ??= reconcileEndpointSlices({
      service: svc,
      pods,
      nodes,
      existingSlices,
      maxEndpointsPerSlice: this.deps.maxEndpointsPerSlice,
      triggerTime,
      topologyHintsPopulated: this.hintsPopulated.get(key),
    });
    if (plan.topologyHintsPopulated !== undefined) this.hintsPopulated.set(key, plan.topologyHintsPopulated);
    this.applyPlan(ns, plan, 'endpointslice-controller');
    // The settled check costs about one full reconcile: make it only after the kind of change the
    // fast path serves (pods changed in place), not after Service/Node changes or pods coming and going.
    if (reason === 'full' || (!fast && !membershipKept)) return;
    const after = this.slicesOf(ns, name, SLICE_CONTROLLER);
    const next = fast
      ? { ...settled!, slices: after }
      : checkSettled({ service: svc, pods, nodes, existingSlices: after, topologyHintsPopulated: this.hintsPopulated.get(key) });
    // The fast path's writes must have landed as planned (same slices, the planned endpoint lists).
    if (next && fast && !sameSlicesAfter(settled!, after, plan)) return;
    if (next) this.settled.set(key, next);
  }

  /** The Endpoints controller's syncService. */
  private syncEndpoints(ns: string, svc: Service, pods: Pod[], triggerTime: string | undefined): void {
    const { store } = this.deps;
    const name = svc.metadata.name!;
    const existing = store.get('Endpoints', ns, name) as Endpoints | undefined;
    const desired = reconcileEndpoints({ service: svc, pods, existing, triggerTime });
    if (desired === existing) return;
    const obj = { ...desired, metadata: { ...desired.metadata, name, namespace: ns } };
    if (!existing) {
      const stored = store.create(obj, 'endpoints-controller');
      this.deps.recordWrite({ controller: 'endpoints-controller', verb: 'create', kind: 'Endpoints', namespace: ns, name }, stored);
    } else {
      const stored = store.update(obj, 'endpoints-controller');
      if (stored !== existing) {
        this.deps.recordWrite({ controller: 'endpoints-controller', verb: 'update', kind: 'Endpoints', namespace: ns, name }, stored);
      }
    }
  }

  private syncMirroring(key: string): void {
    const { store } = this.deps;
    if (!this.deps.controllers.endpointslicemirroring) return;
    const slash = key.indexOf('/');
    const ns = key.slice(0, slash);
    const name = key.slice(slash + 1);
    const plan = reconcileMirroring({
      service: store.get('Service', ns, name) as Service | undefined,
      endpoints: store.get('Endpoints', ns, name) as Endpoints | undefined,
      existingSlices: this.slicesOf(ns, name, MIRRORING_CONTROLLER),
    });
    this.applyPlan(ns, plan, 'endpointslicemirroring-controller');
  }

  /** Slices labelled service-name=<name> and managed-by=<manager>, in name order. */
  private slicesOf(ns: string, service: string, manager: string): EndpointSlice[] {
    const names = this.slicesByService.get(ns)?.get(service);
    if (!names || names.size === 0) return [];
    const bucket = this.deps.store.bucket('EndpointSlice', ns);
    const out: EndpointSlice[] = [];
    for (const n of [...names].sort()) {
      const s = bucket.get(n) as EndpointSlice | undefined;
      if (s && s.metadata.labels?.[LABEL_MANAGED_BY] === manager) out.push(s);
    }
    return out;
  }

  /** reconciler.finalize order: creates, then updates, then deletes. */
  private applyPlan(
    ns: string,
    plan: { create: EndpointSlice[]; update: EndpointSlice[]; delete: EndpointSlice[]; events: Omit<SimEvent, 'time'>[] },
    controller: 'endpointslice-controller' | 'endpointslicemirroring-controller',
  ): void {
    const { store, names } = this.deps;
    const bucket = store.bucket('EndpointSlice', ns);
    for (const s of plan.create) {
      const name = s.metadata.name || names.generate(ns, s.metadata.generateName ?? '', (n) => bucket.has(n));
      const stored = store.create(normalizeSlice({ ...s, metadata: { ...s.metadata, name, namespace: ns } }), controller);
      this.deps.recordWrite({ controller, verb: 'create', kind: 'EndpointSlice', namespace: ns, name }, stored);
    }
    for (const s of plan.update) {
      const name = s.metadata.name!;
      const old = bucket.get(name);
      if (!old) continue;
      const stored = store.update(normalizeSlice({ ...s, metadata: { ...s.metadata, namespace: ns } }), controller);
      if (stored !== old) {
        this.deps.recordWrite({ controller, verb: 'update', kind: 'EndpointSlice', namespace: ns, name }, stored);
      }
    }
    for (const s of plan.delete) {
      const name = s.metadata.name!;
      if (store.remove('EndpointSlice', ns, name, controller)) this.recordDelete(controller, 'EndpointSlice', ns, name);
    }
    for (const e of plan.events) this.deps.recordEvent(e);
  }
}

/** Whether the default sort (UTF-16 code unit order, as `<` compares) would leave the list as it is. */
function inOrder(names: readonly string[]): boolean {
  for (let i = 1; i < names.length; i++) if (names[i - 1] > names[i]) return false;
  return true;
}

/** After a fast-path plan: the same slices by name, each updated one stored with the planned endpoints. */
function sameSlicesAfter(before: SettledSlices, after: readonly EndpointSlice[], plan: SlicePlan): boolean {
  if (after.length !== before.slices.length) return false;
  const planned = new Map(plan.update.map((s) => [s.metadata.name, s]));
  for (let i = 0; i < after.length; i++) {
    const p = planned.get(after[i].metadata.name);
    if (!p) {
      if (after[i] !== before.slices[i]) return false;
      continue;
    }
    const a = after[i].endpoints ?? [];
    const b = p.endpoints ?? [];
    if (a.length !== b.length || a.some((e, j) => e !== b[j])) return false;
  }
  return true;
}

/** Empty endpoint/port lists do not survive protobuf storage: they read back as null. API field order, port defaults. */
export function normalizeSlice(obj: KObject): KObject {
  const { apiVersion, kind, metadata, addressType, endpoints, ports, ...rest } = obj;
  const e = Array.isArray(endpoints) && endpoints.length > 0 ? endpoints : null;
  // Ports of hand-made slices get the API defaults (name "", protocol TCP); controller ports are complete.
  const p = Array.isArray(ports) && ports.length > 0 ? defaultSlicePorts(ports) : null;
  return { kind, apiVersion, metadata, addressType, endpoints: e, ports: p, ...rest } as KObject;
}
