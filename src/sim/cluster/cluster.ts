// The simulated cluster: API-server bookkeeping (store, defaults, allocators), the workload controllers,
// a scheduler + kubelet stand-in that gives pods a node, IPs and a Running status, and the endpoint
// controllers run until the state settles after every change.
// Upstream pieces are named in each file this one wires together; the settle loop plays the role of
// kube-controller-manager's informers and work queues (only Services touched by a change are synced).

import type {
  ApplyResult,
  Cluster,
  ClusterOptions,
  Deployment,
  IPFamily,
  Kind,
  KObject,
  Node,
  ObjectRef,
  Pod,
  ReplicaSet,
  Service,
  SimEvent,
  Write,
} from '../types';
import { CLUSTER_SCOPED, KINDS } from '../types';
import { SimClock, DEFAULT_START_TIME, parseTime } from './clock';
import { clone, withLazyBytes } from './json';
import { NameGenerator } from './ids';
import { ObjectStore, nsKey, type Change } from './store';
import { ServiceAllocator, allocatedValues, defaultService } from './service-defaults';
import { defaultPodSpec } from './pod-defaults';
import { admitPodSpec, keepAdmittedFields } from './pod-admission';
import { PodNetwork } from './pod-network';
import { DEFAULT_MAX_PODS, nodeInternalIPs } from './nodes';
import { isPodTerminal } from '../podutil';
import { runningStatus, unschedulableStatus, withPodIPFields, withReadiness } from './pod-status';
import { LabelIndex, OwnerIndex, indexPair, labelPairs, objectKey, splitKey } from './indexes';
import { serviceSelector, serviceSelectorSet } from '../podutil';
import {
  controllerRef,
  defaultWorkloadSpec,
  syncDeployment,
  syncReplicaSet,
  updateDeploymentStatus,
  updateReplicaSetStatus,
  type WorkloadHost,
} from './workloads';
import { EndpointSync, normalizeSlice } from './endpoint-sync';
import { Scheduler } from './scheduler';
import {
  INITIAL_NAMESPACES,
  apiVersionOf,
  applyRank,
  carryServerFields,
  checkApplicable,
  defaultNamespace,
  namespaceObject,
  podNameOrder,
} from './admission';
import { defaultEndpoints } from './endpoint-defaults';

export const DEFAULT_OPTIONS: Required<ClusterOptions> = {
  maxEndpointsPerSlice: 100,
  startTime: DEFAULT_START_TIME,
  podCIDR: '10.244.0.0/16',
  podCIDRv6: 'fd00:10:244::/56',
  serviceCIDR: '10.96.0.0/12',
  serviceCIDRv6: 'fd00:10:96::/112',
  defaultNodes: 3,
  controllers: {},
};

const SETTLE_ROUND_LIMIT = 1000;

export function resolveOptions(options: ClusterOptions = {}): Required<ClusterOptions> {
  const o = { ...DEFAULT_OPTIONS };
  for (const k of Object.keys(options) as (keyof ClusterOptions)[]) {
    if (options[k] !== undefined) (o as Record<string, unknown>)[k] = options[k];
  }
  if (!Number.isInteger(o.maxEndpointsPerSlice) || o.maxEndpointsPerSlice < 1 || o.maxEndpointsPerSlice > 1000) {
    throw new Error(`maxEndpointsPerSlice must be an integer in 1..1000, got ${o.maxEndpointsPerSlice}`);
  }
  if (!Number.isInteger(o.defaultNodes) || o.defaultNodes < 1) {
    throw new Error(`defaultNodes must be a positive integer, got ${o.defaultNodes}`);
  }
  parseTime(o.startTime);
  return o;
}

export function createCluster(options: ClusterOptions = {}): Cluster {
  return new SimCluster(resolveOptions(options));
}

export class SimCluster implements Cluster, WorkloadHost {
  readonly options: Required<ClusterOptions>;
  readonly clock: SimClock;
  readonly store: ObjectStore;
  private readonly serviceAlloc: ServiceAllocator;
  private readonly podNet: PodNetwork;
  private readonly scheduler: Scheduler;
  private readonly endpointSync: EndpointSync;
  private readonly names = new NameGenerator();

  // indexes
  private readonly podLabels = new LabelIndex();
  private readonly serviceSelectors = new LabelIndex();
  private readonly owners = new OwnerIndex();
  private readonly terminating = new Set<string>();
  private readonly unscheduled = new Set<string>();

  // work queues of the settle loop
  private dirtyDeployments = new Set<string>();
  private dirtyReplicaSets = new Set<string>();
  private gcCandidates = new Set<string>();
  private nodesChanged = false;

  private readonly writeLog: Write[] = [];
  private readonly eventLog: SimEvent[] = [];

  constructor(options: Required<ClusterOptions>) {
    this.options = options;
    this.clock = new SimClock(options.startTime);
    this.store = new ObjectStore(() => this.clock.now(), (c) => this.onChange(c));
    this.serviceAlloc = new ServiceAllocator(options.serviceCIDR, options.serviceCIDRv6);
    this.podNet = new PodNetwork(options.podCIDR, options.podCIDRv6);
    this.scheduler = new Scheduler({ store: this.store, podNet: this.podNet, now: () => this.clock.now(), defaultNodes: options.defaultNodes });
    this.endpointSync = new EndpointSync({
      store: this.store,
      now: () => this.clock.now(),
      maxEndpointsPerSlice: options.maxEndpointsPerSlice,
      controllers: {
        endpoints: options.controllers.endpoints !== false,
        endpointslice: options.controllers.endpointslice !== false,
        endpointslicemirroring: options.controllers.endpointslicemirroring !== false,
      },
      podLabels: this.podLabels,
      names: this.names,
      recordWrite: (w, stored) =>
        this.writeLog.push(withLazyBytes({ seq: this.writeLog.length + 1, time: this.clock.now(), ...w }, stored)),
      recordEvent: (e) => this.event(e),
    });
    for (const ns of INITIAL_NAMESPACES) this.store.create(namespaceObject(ns), 'system');
  }

  // ---------------------------------------------------------------------------------------------
  // Public API (Cluster)

  now(): string {
    return this.clock.now();
  }

  writes(): Write[] {
    return this.writeLog.map((w) => ({ ...w }));
  }

  events(): SimEvent[] {
    return this.eventLog.map((e) => ({ ...e, involved: { ...e.involved } }));
  }

  get<T extends KObject = KObject>(kind: Kind, namespace: string | undefined, name: string): T | undefined {
    const obj = this.store.get(kind, namespace, name);
    return obj ? (clone(obj) as T) : undefined;
  }

  list<T extends KObject = KObject>(kind: Kind, namespace?: string): T[] {
    return this.store.list(kind, namespace).map((o) => clone(o) as T);
  }

  apply(objects: KObject[]): ApplyResult[] {
    // Refuse the whole batch before touching anything, so a bad object never leaves half a change.
    for (const obj of objects) checkApplicable(obj);
    const order = objects
      .map((obj, i) => ({ obj, i }))
      .sort((a, b) => applyRank(a.obj) - applyRank(b.obj) || podNameOrder(a.obj, b.obj) || a.i - b.i);
    const results: ApplyResult[] = new Array(objects.length);
    for (const { obj, i } of order) results[i] = this.applyOne(obj);
    this.settle();
    return results;
  }

  delete(ref: ObjectRef, opts: { gracePeriodSeconds?: number } = {}): boolean {
    const obj = this.store.get(ref.kind, ref.namespace, ref.name);
    if (!obj) return false;
    if (ref.kind === 'Namespace') this.deleteNamespace(ref.name);
    else if (ref.kind === 'Pod') this.deletePodGracefully(obj as Pod, opts.gracePeriodSeconds, 'user');
    else this.store.remove(ref.kind, ref.namespace, ref.name, 'user');
    this.settle();
    return true;
  }

  advance(seconds: number): void {
    this.clock.advance(seconds);
    this.finishTerminations();
    this.settle();
  }

  setPodReady(namespace: string, name: string, ready: boolean): void {
    const pod = this.store.get('Pod', namespace, name) as Pod | undefined;
    if (!pod) throw new Error(`pods "${name}" not found in namespace "${namespace}"`);
    this.store.update(withReadiness(pod, ready, this.clock.now()), 'system');
    this.settle();
  }

  scale(kind: 'Deployment' | 'ReplicaSet', namespace: string, name: string, replicas: number): void {
    if (!Number.isInteger(replicas) || replicas < 0) throw new Error(`invalid replica count ${replicas}`);
    const obj = this.store.get(kind, namespace, name) as Deployment | ReplicaSet | undefined;
    if (!obj) throw new Error(`${kind.toLowerCase()}s.apps "${name}" not found in namespace "${namespace}"`);
    this.store.update({ ...obj, spec: { ...obj.spec, replicas } }, 'user');
    this.settle();
  }

  rolloutRestart(namespace: string, name: string): void {
    const dep = this.store.get('Deployment', namespace, name) as Deployment | undefined;
    if (!dep) throw new Error(`deployments.apps "${name}" not found in namespace "${namespace}"`);
    const template = clone(dep.spec.template);
    template.metadata = {
      ...(template.metadata ?? {}),
      annotations: { ...(template.metadata?.annotations ?? {}), 'kubectl.kubernetes.io/restartedAt': this.clock.now() },
    };
    this.store.update({ ...dep, spec: { ...dep.spec, template } }, 'user');
    this.settle();
  }

  // ---------------------------------------------------------------------------------------------
  // apply: what the API server does with one object

  private applyOne(input: KObject): ApplyResult {
    const kind = input.kind as Kind;
    const ns = nsKey(kind, input.metadata.namespace);
    if (!CLUSTER_SCOPED.has(kind)) this.ensureNamespace(ns);
    let obj = clone(input);
    obj.metadata = { ...obj.metadata };
    if (!CLUSTER_SCOPED.has(kind)) obj.metadata.namespace = ns;
    else delete obj.metadata.namespace;
    if (!obj.apiVersion) obj.apiVersion = apiVersionOf(kind);
    if (!obj.metadata.name) {
      obj.metadata.name = this.names.generate(ns, obj.metadata.generateName!, (n) => !!this.store.get(kind, ns, n));
    }
    const name = obj.metadata.name!;
    const ref: ObjectRef = CLUSTER_SCOPED.has(kind) ? { kind, name } : { kind, namespace: ns, name };
    const old = this.store.get(kind, ns, name);
    delete obj.metadata.resourceVersion;
    delete obj.metadata.generation;
    if (old) obj = carryServerFields(obj, old);
    obj = this.prepare(obj, old);
    if (!old) {
      this.store.create(obj, 'user');
      return { ref, action: 'created' };
    }
    const stored = this.store.update(obj, 'user');
    return { ref, action: stored === old ? 'unchanged' : 'configured' };
  }

  private prepare(obj: KObject, old: KObject | undefined): KObject {
    switch (obj.kind as Kind) {
      case 'Namespace':
        return defaultNamespace(obj);
      case 'Service': {
        const svc = defaultService(obj as Service, old as Service | undefined, this.serviceAlloc);
        // Release what the old version held and the new one does not.
        const now = allocatedValues(svc);
        const before = allocatedValues(old as Service | undefined);
        for (const ip of before.ips) if (!now.ips.includes(ip)) this.serviceAlloc.releaseIP(ip);
        for (const p of before.ports) if (!now.ports.includes(p)) this.serviceAlloc.releasePort(p);
        return svc;
      }
      case 'Deployment':
      case 'ReplicaSet': {
        const w = obj as Deployment;
        const spec = { ...(w.spec ?? {}) } as Deployment['spec'];
        defaultWorkloadSpec(obj.kind as 'Deployment', spec);
        spec.template = { ...(spec.template ?? { spec: { containers: [] } }) };
        spec.template.spec = defaultPodSpec(spec.template.spec);
        return { ...w, spec };
      }
      case 'Pod':
        return this.preparePod(obj as Pod, old as Pod | undefined);
      case 'EndpointSlice':
        return normalizeSlice(obj);
      case 'Endpoints':
        return defaultEndpoints(obj);
      default:
        return obj;
    }
  }

  /** Defaults, then (for a new pod given without status) scheduling, IPs and a Running status. */
  private preparePod(input: Pod, old: Pod | undefined): Pod {
    const spec = defaultPodSpec(input.spec);
    const pod: Pod = {
      ...input,
      spec: old ? keepAdmittedFields(spec, old.spec) : admitPodSpec(spec, input.metadata.uid ?? `${input.metadata.namespace}/${input.metadata.name}`),
    };
    // podIP and podIPs are kept in step the way the API server's conversion does it.
    if (pod.status) pod.status = withPodIPFields(pod.status);
    if (old) return pod;
    if (pod.status) {
      for (const ip of pod.status.podIPs ?? []) this.podNet.reserve(ip.ip);
      if (pod.status.podIP) this.podNet.reserve(pod.status.podIP);
      return pod;
    }
    return this.startPod(pod);
  }

  /** Scheduler + kubelet: bind to a node (unless spec.nodeName is set) and report a Running status. */
  private startPod(pod: Pod): Pod {
    const now = this.clock.now();
    const nodeName = pod.spec.nodeName || this.scheduler.schedule(pod);
    if (!nodeName) return { ...pod, status: unschedulableStatus(pod, now, this.scheduler.unschedulableMessage(pod)) };
    const node = this.store.get('Node', undefined, nodeName) as Node | undefined;
    const families: IPFamily[] = this.namespaceWantsIPv6(pod.metadata.namespace!) ? ['IPv4', 'IPv6'] : ['IPv4'];
    const hostIPs = nodeInternalIPs(node);
    let podIPs: string[];
    if (pod.spec.hostNetwork) {
      podIPs = hostIPs.filter((_ip, i) => i < families.length);
    } else {
      podIPs = this.podNet.allocate(nodeName, families, node) ?? [];
    }
    const spec = { ...pod.spec, nodeName };
    const started: Pod = { ...pod, spec };
    started.status = runningStatus(started, now, podIPs, hostIPs.slice(0, families.length));
    return started;
  }

  /** Pods get an IPv6 address too when a Service of their namespace selecting pods asks for IPv6. */
  private namespaceWantsIPv6(ns: string): boolean {
    for (const svc of this.store.bucket('Service', ns).values() as Iterable<Service>) {
      if (serviceSelectorSet(svc) && (svc.spec.ipFamilies ?? []).includes('IPv6')) return true;
    }
    return false;
  }

  private ensureNamespace(ns: string): void {
    if (!this.store.get('Namespace', undefined, ns)) this.store.create(namespaceObject(ns), 'system');
  }

  private deleteNamespace(name: string): void {
    // The namespace controller empties the namespace; here everything goes at once (pods included).
    for (const kind of KINDS) {
      if (CLUSTER_SCOPED.has(kind)) continue;
      for (const obj of this.store.list(kind, name)) this.store.remove(kind, name, obj.metadata.name!, 'system');
    }
    this.store.remove('Namespace', undefined, name, 'user');
  }

  // ---------------------------------------------------------------------------------------------
  // Pods: creation by controllers, graceful deletion

  podsOwnedBy(namespace: string, uid: string): Pod[] {
    const out: Pod[] = [];
    for (const key of this.owners.dependentsOf(uid)) {
      const k = splitKey(key);
      if (k.kind !== 'Pod' || k.namespace !== namespace) continue;
      const pod = this.store.get('Pod', namespace, k.name) as Pod | undefined;
      if (pod && controllerRef(pod)?.uid === uid) out.push(pod);
    }
    return out;
  }

  /**
   * Record an event. An identical one (same object, source, type, reason and message) is merged into
   * the earlier record, counting it and moving its time, as client-go's EventCorrelator
   * (tools/record/events_cache.go, eventLogger.eventObserve) patches the existing Event.
   */
  event(e: Omit<SimEvent, 'time' | 'count' | 'firstTime'>): void {
    const now = this.clock.now();
    const same = this.eventLog.findIndex(
      (x) =>
        x.type === e.type && x.reason === e.reason && x.message === e.message && x.source === e.source &&
        x.involved.kind === e.involved.kind && x.involved.namespace === e.involved.namespace && x.involved.name === e.involved.name,
    );
    if (same < 0) {
      this.eventLog.push({ ...e, time: now });
      return;
    }
    const earlier = this.eventLog[same];
    // The merged Event moves to the end: it is the most recently updated one.
    this.eventLog.splice(same, 1);
    this.eventLog.push({ ...earlier, time: now, count: (earlier.count ?? 1) + 1, firstTime: earlier.firstTime ?? earlier.time });
  }

  createPods(pods: Pod[]): Pod[] {
    const batch = new Set<string>();
    for (const pod of pods) {
      const ns = pod.metadata.namespace!;
      const name = this.names.generate(ns, pod.metadata.generateName!, (n) => batch.has(n) || !!this.store.get('Pod', ns, n));
      batch.add(name);
      pod.metadata = { ...pod.metadata, name };
    }
    pods.sort((a, b) => (a.metadata.name! < b.metadata.name! ? -1 : 1));
    return pods.map((pod) => {
      const spec = admitPodSpec(defaultPodSpec(pod.spec), `${pod.metadata.namespace}/${pod.metadata.name}`);
      return this.store.create(this.startPod({ ...pod, spec }), 'system') as Pod;
    });
  }

  deletePod(pod: Pod): void {
    this.deletePodGracefully(pod, undefined, 'system');
  }

  private deletePodGracefully(pod: Pod, grace: number | undefined, actor: 'user' | 'system' | 'garbage-collector'): void {
    const ns = pod.metadata.namespace!;
    const name = pod.metadata.name!;
    let seconds = grace ?? pod.spec.terminationGracePeriodSeconds ?? 30;
    // pod strategy CheckGracefulDelete: unscheduled or finished pods go at once.
    if (!pod.spec.nodeName || isPodTerminal(pod)) seconds = 0;
    if (seconds <= 0) {
      this.store.remove('Pod', ns, name, actor);
      return;
    }
    const deadline = this.clock.after(seconds);
    if (pod.metadata.deletionTimestamp && pod.metadata.deletionTimestamp <= deadline) return;
    this.store.update(
      { ...pod, metadata: { ...pod.metadata, deletionTimestamp: deadline, deletionGracePeriodSeconds: seconds } },
      actor,
    );
  }

  /** Pods whose grace period is over disappear (the kubelet confirms with a final delete). */
  private finishTerminations(): void {
    const now = this.clock.nowMs();
    for (const key of [...this.terminating].sort()) {
      const k = splitKey(key);
      const pod = this.store.get('Pod', k.namespace, k.name);
      if (pod?.metadata.deletionTimestamp && parseTime(pod.metadata.deletionTimestamp) <= now) {
        this.store.remove('Pod', k.namespace, k.name, 'system');
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Change routing (informer event handlers)

  private onChange(c: Change): void {
    const key = objectKey(c.kind, c.namespace, c.name);
    if (c.old) this.owners.remove(key, c.old);
    if (c.obj) this.owners.add(key, c.obj);
    if (!c.obj && c.old?.metadata.uid) this.gcCandidates.add(`uid:${c.old.metadata.uid}`);
    if (c.obj && !c.old && c.actor === 'user' && c.obj.metadata.ownerReferences?.length) this.gcCandidates.add(key);
    switch (c.kind) {
      case 'Pod':
        this.onPodChange(c, key);
        break;
      case 'Service':
        this.onServiceChange(c);
        break;
      case 'Node':
        if (c.obj && !c.old) this.podNet.registerNode(c.obj as Node);
        this.nodesChanged = true;
        this.endpointSync.markAllServices();
        if (c.old && !c.obj) this.scheduler.nodeRemoved(c.name);
        break;
      case 'Deployment':
        if (c.obj) this.dirtyDeployments.add(key);
        break;
      case 'ReplicaSet': {
        if (c.obj) this.dirtyReplicaSets.add(key);
        const owner = controllerRef((c.obj ?? c.old)!);
        if (owner?.kind === 'Deployment') this.dirtyDeployments.add(objectKey('Deployment', c.namespace, owner.name));
        break;
      }
      case 'Endpoints':
      case 'EndpointSlice':
        this.endpointSync.onEndpointObjectChange(c);
        break;
    }
  }

  private onPodChange(c: Change, key: string): void {
    const oldPod = c.old as Pod | undefined;
    const pod = c.obj as Pod | undefined;
    if (oldPod) {
      this.podLabels.remove(c.namespace, c.name, labelPairs(oldPod.metadata.labels));
      this.scheduler.countOnNode(oldPod, -1);
      if (!pod) {
        for (const ip of oldPod.status?.podIPs ?? []) this.podNet.release(ip.ip);
      }
    }
    if (pod) {
      this.podLabels.add(c.namespace, c.name, labelPairs(pod.metadata.labels));
      this.scheduler.countOnNode(pod, +1);
    }
    if (pod?.metadata.deletionTimestamp) this.terminating.add(key);
    else this.terminating.delete(key);
    if (pod && !pod.spec.nodeName && pod.status?.phase === 'Pending') this.unscheduled.add(key);
    else this.unscheduled.delete(key);

    // Services selecting the old or the new labels (GetServicesToUpdateOnPodChange).
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
      if (before || after) this.endpointSync.onPodChange(c.namespace, svcName, c.name, before, after, pod);
    }
    const owner = controllerRef((pod ?? oldPod)!);
    if (owner?.kind === 'ReplicaSet') this.dirtyReplicaSets.add(objectKey('ReplicaSet', c.namespace, owner.name));
  }

  private onServiceChange(c: Change): void {
    const oldSvc = c.old as Service | undefined;
    const svc = c.obj as Service | undefined;
    const oldSel = oldSvc && serviceSelectorSet(oldSvc);
    const sel = svc && serviceSelectorSet(svc);
    if (oldSel) this.serviceSelectors.remove(c.namespace, c.name, [indexPair(oldSel)]);
    if (sel) this.serviceSelectors.add(c.namespace, c.name, [indexPair(sel)]);
    if (oldSvc && !svc) {
      const { ips, ports } = allocatedValues(oldSvc);
      for (const ip of ips) this.serviceAlloc.releaseIP(ip);
      for (const p of ports) this.serviceAlloc.releasePort(p);
    }
    this.endpointSync.onServiceChange(c.namespace, c.name);
  }

  // ---------------------------------------------------------------------------------------------
  // The settle loop

  private settle(): void {
    for (let round = 0; round < SETTLE_ROUND_LIMIT; round++) {
      let worked = false;
      if (this.gcCandidates.size) {
        worked = true;
        this.collectGarbage();
      }
      if (this.nodesChanged) {
        this.nodesChanged = false;
        this.retryUnscheduled();
      }
      if (this.dirtyDeployments.size) {
        worked = true;
        const keys = [...this.dirtyDeployments].sort();
        this.dirtyDeployments = new Set();
        for (const key of keys) {
          const k = splitKey(key);
          const dep = this.store.get('Deployment', k.namespace, k.name) as Deployment | undefined;
          if (!dep) continue;
          syncDeployment(this, dep);
          updateDeploymentStatus(this, dep);
        }
      }
      if (this.dirtyReplicaSets.size) {
        worked = true;
        const keys = [...this.dirtyReplicaSets].sort();
        this.dirtyReplicaSets = new Set();
        for (const key of keys) {
          const k = splitKey(key);
          const rs = this.store.get('ReplicaSet', k.namespace, k.name) as ReplicaSet | undefined;
          if (rs) syncReplicaSet(this, rs);
        }
        for (const key of keys) {
          const k = splitKey(key);
          const rs = this.store.get('ReplicaSet', k.namespace, k.name) as ReplicaSet | undefined;
          if (rs) updateReplicaSetStatus(this, rs);
        }
      }
      if (this.gcCandidates.size || this.dirtyDeployments.size || this.dirtyReplicaSets.size) continue;
      // Endpoint controllers last, so one batch of pod changes gives one write per object.
      if (this.endpointSync.hasWork()) {
        worked = true;
        this.endpointSync.run();
      }
      if (!worked && !this.endpointSync.hasWork()) return;
    }
    throw new Error('the cluster did not settle (controller loop); this is a simulator bug');
  }

  /** Garbage collector (background propagation): dependents whose owners are all gone are deleted. */
  private collectGarbage(): void {
    const candidates = [...this.gcCandidates];
    this.gcCandidates = new Set();
    const keys = new Set<string>();
    for (const c of candidates) {
      if (c.startsWith('uid:')) for (const k of this.owners.dependentsOf(c.slice(4))) keys.add(k);
      else keys.add(c);
    }
    for (const key of [...keys].sort()) {
      const k = splitKey(key);
      const obj = this.store.get(k.kind as Kind, k.namespace, k.name);
      const refs = obj?.metadata.ownerReferences ?? [];
      if (!obj || refs.length === 0 || refs.some((r) => this.owners.exists(r.uid))) continue;
      if (k.kind === 'Pod') this.deletePodGracefully(obj as Pod, undefined, 'garbage-collector');
      else {
        this.store.remove(k.kind as Kind, k.namespace, k.name, 'garbage-collector');
        if (k.kind === 'EndpointSlice' || k.kind === 'Endpoints') {
          this.endpointSync.recordDelete('garbage-collector', k.kind, k.namespace, k.name);
        }
      }
    }
  }

  /** A Node appeared or changed: pods left Pending for lack of a node try again. */
  private retryUnscheduled(): void {
    for (const key of [...this.unscheduled].sort()) {
      const k = splitKey(key);
      const pod = this.store.get('Pod', k.namespace, k.name) as Pod | undefined;
      if (!pod || pod.spec.nodeName) continue;
      const started = this.startPod({ ...pod, status: undefined });
      if (started.spec.nodeName) this.store.update(started, 'system');
    }
  }
}

// ---------------------------------------------------------------------------------------------------
// helpers

export { DEFAULT_MAX_PODS };
