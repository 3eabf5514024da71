// The simulated cluster: this file only wires the parts together and offers the Cluster API.
//   apply.ts           the API server: batch order, names, server fields, defaults, allocations
//   pod-lifecycle.ts   scheduler + kubelet stand-in: start, controller-made pods, graceful deletion
//   routing.ts         every store change to the parts that watch its kind (informer events)
//   endpoint-triggers.ts  which changes queue which Services for the endpoint controllers
//   endpoint-sync.ts   the endpoint controllers' queue, syncs and writes
//   gc.ts              garbage collector
//   podgc.ts           PodGC: pods of a deleted Node go after the quarantine (checked every 20 s)
//   node-lifecycle.ts  a NotReady Node: its pods marked not ready, the not-ready taints
//   taint-eviction.ts  pods on a NoExecute-tainted Node deleted when their toleration runs out
//   settle.ts          the controllers run until nothing changes
//   events.ts          Events and the write log
// The settle loop plays the role of kube-controller-manager's informers and work queues (only Services
// touched by a change are synced).

import type { ApplyResult, Cluster, ClusterOptions, Deployment, Kind, KObject, ObjectRef, Pod, ReplicaSet, SimEvent, Write } from '../types';
import { ApiServer } from './apply';
import { INITIAL_NAMESPACES, namespaceObject } from './admission';
import { SimClock } from './clock';
import { EndpointSync } from './endpoint-sync';
import { EndpointTriggers } from './endpoint-triggers';
import { EventRecorder, WriteLog, type NewEvent } from './events';
import { GarbageCollector } from './gc';
import { NameGenerator } from './ids';
import { LabelIndex, OwnerIndex, splitKey } from './indexes';
import { clone } from './json';
import { DEFAULT_MAX_PODS } from './nodes';
import { resolveOptions } from './options';
import { PodLifecycle } from './pod-lifecycle';
import { PodNetwork } from './pod-network';
import { PodGC } from './podgc';
import { NodeLifecycle } from './node-lifecycle';
import { TaintEviction } from './taint-eviction';
import { withReadiness } from './pod-status';
import { ChangeRouter } from './routing';
import { Scheduler } from './scheduler';
import { ServiceAllocator } from './service-defaults';
import { settle, WorkQueues } from './settle';
import { ObjectStore } from './store';
import { availabilityWakeups, controllerRef, type WorkloadHost } from './workloads';
import { countSim } from './counters';
import { copyState } from './fork';

export { DEFAULT_OPTIONS, resolveOptions } from './options';
export { DEFAULT_MAX_PODS };

export function createCluster(options: ClusterOptions = {}): Cluster {
  countSim('clusters');
  return new SimCluster(resolveOptions(options));
}

export class SimCluster implements Cluster, WorkloadHost {
  readonly options: Required<ClusterOptions>;
  readonly clock: SimClock;
  readonly store: ObjectStore;
  private readonly names = new NameGenerator();
  private readonly owners = new OwnerIndex();
  private readonly podLabels = new LabelIndex();
  private readonly queues = new WorkQueues();
  private readonly eventLog: EventRecorder;
  private readonly writeLog: WriteLog;
  private readonly pods: PodLifecycle;
  private readonly apiServer: ApiServer;
  private readonly endpointSync: EndpointSync;
  private readonly gc: GarbageCollector;
  private readonly podGC: PodGC;
  private readonly nodeLifecycle: NodeLifecycle;
  private readonly taintEviction: TaintEviction;
  // A field (not only the store callback's closure) so that fork() copies the router's state too.
  private readonly router: ChangeRouter;

  constructor(options: Required<ClusterOptions>) {
    this.options = options;
    this.clock = new SimClock(options.startTime);
    const now = () => this.clock.now();
    this.eventLog = new EventRecorder(now);
    this.writeLog = new WriteLog(now);
    // The store reports every change to the router, which is built below (before the first write).
    let router: ChangeRouter | undefined;
    this.store = new ObjectStore(now, (c) => router!.onChange(c));
    const serviceAlloc = new ServiceAllocator(options.serviceCIDR, options.serviceCIDRv6);
    const podNet = new PodNetwork(options.podCIDR, options.podCIDRv6);
    const scheduler = new Scheduler({ store: this.store, podNet, now, defaultNodes: options.defaultNodes });
    this.pods = new PodLifecycle({ store: this.store, clock: this.clock, scheduler, podNet, names: this.names });
    this.apiServer = new ApiServer({ store: this.store, names: this.names, serviceAlloc, pods: this.pods });
    this.endpointSync = new EndpointSync({
      store: this.store,
      now,
      maxEndpointsPerSlice: options.maxEndpointsPerSlice,
      controllers: {
        endpoints: options.controllers.endpoints !== false,
        endpointslice: options.controllers.endpointslice !== false,
        endpointslicemirroring: options.controllers.endpointslicemirroring !== false,
      },
      podLabels: this.podLabels,
      names: this.names,
      recordWrite: (w, stored) => this.writeLog.record(w, stored),
      recordEvent: (e) => this.event(e),
    });
    this.gc = new GarbageCollector({
      store: this.store,
      owners: this.owners,
      pods: this.pods,
      recordDelete: (kind, namespace, name) => this.endpointSync.recordDelete('garbage-collector', kind, namespace, name),
    });
    this.podGC = new PodGC({ store: this.store, clock: this.clock });
    this.nodeLifecycle = new NodeLifecycle({ store: this.store, clock: this.clock, recordEvent: (e) => this.event(e) });
    this.taintEviction = new TaintEviction({ store: this.store, clock: this.clock, pods: this.pods, recordEvent: (e) => this.event(e) });
    this.router = router = new ChangeRouter({
      owners: this.owners,
      podLabels: this.podLabels,
      gc: this.gc,
      pods: this.pods,
      apiServer: this.apiServer,
      podNet,
      scheduler,
      queues: this.queues,
      endpoints: new EndpointTriggers(this.store, this.endpointSync),
    });
    for (const ns of INITIAL_NAMESPACES) this.store.create(namespaceObject(ns), 'system');
  }

  // ---------------------------------------------------------------------------------------------
  // Public API (Cluster)

  now(): string {
    return this.clock.now();
  }

  fork(): Cluster {
    const copy = new SimCluster(this.options);
    copyState(this, copy);
    return copy;
  }

  writes(): Write[] {
    return this.writeLog.list();
  }

  events(): SimEvent[] {
    return this.eventLog.list();
  }

  get<T extends KObject = KObject>(kind: Kind, namespace: string | undefined, name: string): T | undefined {
    const obj = this.store.get(kind, namespace, name);
    return obj ? (clone(obj) as T) : undefined;
  }

  list<T extends KObject = KObject>(kind: Kind, namespace?: string): T[] {
    return this.store.list(kind, namespace).map((o) => clone(o) as T);
  }

  apply(objects: KObject[]): ApplyResult[] {
    const results = this.apiServer.apply(objects);
    this.settle();
    return results;
  }

  delete(ref: ObjectRef, opts: { gracePeriodSeconds?: number } = {}): boolean {
    if (!this.apiServer.delete(ref, opts)) return false;
    this.settle();
    return true;
  }

  /** Time passes in steps: at each moment a probe delay, grace period or minReadySeconds ends, the controllers run. */
  advance(seconds: number): void {
    const target = this.clock.nowMs() + seconds * 1000;
    if (!Number.isFinite(target) || seconds < 0) this.clock.advance(seconds); // throws the clock's message
    // Controllers that act at their own moments run on the way, in time order, each moment followed by
    // a settle: PodGC every 20 s, taint evictions when a toleration runs out, readiness probes' initial
    // delays, grace periods and minReadySeconds ending.
    for (;;) {
      const now = this.clock.nowMs();
      const gcAt = this.options.controllers.podgc !== false ? this.podGC.nextCheck() : Infinity;
      const pending = [gcAt, this.taintEviction.nextDue(), this.pods.nextDue(), availabilityWakeups(this, now).next]
        .filter((t): t is number => t !== undefined && Number.isFinite(t) && t > now);
      // A PodGC check or an eviction due right now (t === now) also runs before time moves on.
      const dueNow = gcAt <= now || this.taintEviction.nextDue() <= now;
      const next = dueNow ? now : pending.length ? Math.min(...pending) : undefined;
      if (next === undefined || next > target) break;
      this.clock.advance((next - now) / 1000);
      this.tick(next === gcAt);
    }
    this.clock.advance((target - this.clock.nowMs()) / 1000);
    this.tick(false);
  }


  /** One moment of time: what falls due now happens, then the controllers settle. */
  private tick(podGCDue: boolean): void {
    this.pods.finishTerminations();
    this.taintEviction.evictDue();
    if (podGCDue) this.podGC.check();
    this.pods.finishReadinessDelays();
    for (const key of availabilityWakeups(this, this.clock.nowMs()).keys) this.queues.replicaSets.add(key);
    this.settle();
  }

  setNodeReady(name: string, ready: boolean): void {
    this.nodeLifecycle.setNodeReady(name, ready);
    this.taintEviction.nodeChanged(name);
    this.taintEviction.evictDue(); // a taint not tolerated at all evicts at once
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
  // WorkloadHost: what the Deployment and ReplicaSet controllers ask of the cluster

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

  /** Record an Event (identical ones are counted, as client-go's EventCorrelator does). */
  event(e: NewEvent): void {
    this.eventLog.record(e);
  }

  createPods(pods: Pod[]): Pod[] {
    return this.pods.create(pods);
  }

  deletePod(pod: Pod): void {
    this.pods.deleteGracefully(pod, undefined, 'system');
  }

  private settle(): void {
    settle({ store: this.store, host: this, queues: this.queues, gc: this.gc, pods: this.pods, endpointSync: this.endpointSync });
  }
}
