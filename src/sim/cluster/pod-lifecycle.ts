// Pods from start to finish: the scheduler + kubelet stand-in that binds a pod and reports it Running,
// creation by controllers, graceful deletion and its end, retries of pods left Pending.
// Upstream: pkg/registry/core/pod/strategy.go (CheckGracefulDelete), the kubelet's status manager,
// the scheduler's retry of unschedulable pods on Node events.

import type { IPFamily, Node, Pod, Service } from '../types';
import { isPodTerminal, serviceSelectorSet } from '../podutil';
import type { SimClock } from './clock';
import { parseTime } from './clock';
import type { NameGenerator } from './ids';
import { objectKey, splitKey } from './indexes';
import { nodeInternalIPs } from './nodes';
import { admitPodSpec } from './pod-admission';
import { defaultPodSpec } from './pod-defaults';
import type { PodNetwork } from './pod-network';
import { runningStatus, unschedulableStatus, withReadiness } from './pod-status';
import { readinessDelaySeconds } from './readiness';
import type { Scheduler } from './scheduler';
import type { Actor, Change, ObjectStore } from './store';

export interface PodLifecycleDeps {
  store: ObjectStore;
  clock: SimClock;
  scheduler: Scheduler;
  podNet: PodNetwork;
  names: NameGenerator;
}

export class PodLifecycle {
  /** Pods with a deletionTimestamp, waiting for their grace period to end. */
  private readonly terminating = new Set<string>();
  /** Pods left Pending without a node, retried when Nodes change. */
  private readonly unscheduled = new Set<string>();
  /** Started pods whose readiness probe has not passed yet: pod key -> epoch ms it turns Ready. */
  private readonly readyAt = new Map<string, number>();

  constructor(private readonly deps: PodLifecycleDeps) {}

  /** Bookkeeping for a stored pod change: node pod counts, released IPs, the two sets above. */
  onPodChange(c: Change, key: string): void {
    const { scheduler, podNet } = this.deps;
    const oldPod = c.old as Pod | undefined;
    const pod = c.obj as Pod | undefined;
    if (oldPod) {
      scheduler.countOnNode(oldPod, -1);
      if (!pod) {
        for (const ip of oldPod.status?.podIPs ?? []) podNet.release(ip.ip);
      }
    }
    if (pod) scheduler.countOnNode(pod, +1);
    if (pod?.metadata.deletionTimestamp) this.terminating.add(key);
    else this.terminating.delete(key);
    if (pod && !pod.spec.nodeName && pod.status?.phase === 'Pending') this.unscheduled.add(key);
    else this.unscheduled.delete(key);
    if (!pod || pod.metadata.deletionTimestamp) this.readyAt.delete(key);
  }

  /** A pod applied with a status keeps it; its IPs are taken from the pool so no other pod gets them. */
  reserveIPs(pod: Pod): void {
    for (const ip of pod.status?.podIPs ?? []) this.deps.podNet.reserve(ip.ip);
    if (pod.status?.podIP) this.deps.podNet.reserve(pod.status.podIP);
  }

  /** Scheduler + kubelet: bind to a node (unless spec.nodeName is set) and report a Running status. */
  start(pod: Pod): Pod {
    const { clock, scheduler, store, podNet } = this.deps;
    const now = clock.now();
    const nodeName = pod.spec.nodeName || scheduler.schedule(pod);
    if (!nodeName) return { ...pod, status: unschedulableStatus(pod, now, scheduler.unschedulableMessage(pod)) };
    const node = store.get('Node', undefined, nodeName) as Node | undefined;
    const families: IPFamily[] = this.namespaceWantsIPv6(pod.metadata.namespace!) ? ['IPv4', 'IPv6'] : ['IPv4'];
    const hostIPs = nodeInternalIPs(node);
    let podIPs: string[];
    if (pod.spec.hostNetwork) {
      podIPs = hostIPs.filter((_ip, i) => i < families.length);
    } else {
      podIPs = podNet.allocate(nodeName, families, node) ?? [];
    }
    const spec = { ...pod.spec, nodeName };
    const started: Pod = { ...pod, spec };
    started.status = runningStatus(started, now, podIPs, hostIPs.slice(0, families.length));
    // prober_manager.go: a container with a readiness probe starts not ready and turns Ready at the
    // first successful probe, after initialDelaySeconds; without a probe it is Ready once started.
    const delay = readinessDelaySeconds(pod);
    if (delay === undefined || delay <= 0) return started;
    this.readyAt.set(objectKey('Pod', pod.metadata.namespace!, pod.metadata.name!), clock.nowMs() + delay * 1000);
    return withReadiness(started, false, now);
  }

  /** Pods get an IPv6 address too when a Service of their namespace selecting pods asks for IPv6. */
  private namespaceWantsIPv6(ns: string): boolean {
    for (const svc of this.deps.store.bucket('Service', ns).values() as Iterable<Service>) {
      if (serviceSelectorSet(svc) && (svc.spec.ipFamilies ?? []).includes('IPv6')) return true;
    }
    return false;
  }

  /** Pods a controller creates (generateName set): named, defaulted, admitted and started, in name order. */
  create(pods: Pod[]): Pod[] {
    const { store, names } = this.deps;
    const batch = new Set<string>();
    for (const pod of pods) {
      const ns = pod.metadata.namespace!;
      const name = names.generate(ns, pod.metadata.generateName!, (n) => batch.has(n) || !!store.get('Pod', ns, n));
      batch.add(name);
      pod.metadata = { ...pod.metadata, name };
    }
    pods.sort((a, b) => (a.metadata.name! < b.metadata.name! ? -1 : 1));
    return pods.map((pod) => {
      const spec = admitPodSpec(defaultPodSpec(pod.spec), `${pod.metadata.namespace}/${pod.metadata.name}`);
      return store.create(this.start({ ...pod, spec }), 'system') as Pod;
    });
  }

  /** Graceful delete: deletionTimestamp = now + grace; unscheduled or finished pods go at once. */
  deleteGracefully(pod: Pod, grace: number | undefined, actor: Extract<Actor, 'user' | 'system' | 'garbage-collector'>): void {
    const { store, clock } = this.deps;
    const ns = pod.metadata.namespace!;
    const name = pod.metadata.name!;
    let seconds = grace ?? pod.spec.terminationGracePeriodSeconds ?? 30;
    // pod strategy CheckGracefulDelete: unscheduled or finished pods go at once.
    if (!pod.spec.nodeName || isPodTerminal(pod)) seconds = 0;
    if (seconds <= 0) {
      store.remove('Pod', ns, name, actor);
      return;
    }
    const deadline = clock.after(seconds);
    if (pod.metadata.deletionTimestamp && pod.metadata.deletionTimestamp <= deadline) return;
    store.update({ ...pod, metadata: { ...pod.metadata, deletionTimestamp: deadline, deletionGracePeriodSeconds: seconds } }, actor);
  }

  /** Pods whose grace period is over disappear (the kubelet confirms with a final delete). */
  finishTerminations(): void {
    const { store, clock } = this.deps;
    const now = clock.nowMs();
    for (const key of [...this.terminating].sort()) {
      const k = splitKey(key);
      const pod = store.get('Pod', k.namespace, k.name);
      if (pod?.metadata.deletionTimestamp && parseTime(pod.metadata.deletionTimestamp) <= now) {
        store.remove('Pod', k.namespace, k.name, 'system');
      }
    }
  }

  /** The earliest moment a pending readiness probe or grace period ends (epoch ms), if any. */
  nextDue(): number | undefined {
    let next: number | undefined;
    for (const t of this.readyAt.values()) if (next === undefined || t < next) next = t;
    for (const key of this.terminating) {
      const k = splitKey(key);
      const ts = this.deps.store.get('Pod', k.namespace, k.name)?.metadata.deletionTimestamp;
      if (ts) {
        const t = parseTime(ts);
        if (next === undefined || t < next) next = t;
      }
    }
    return next;
  }

  /** Pods whose readiness probe's initial delay is over report Ready (the probe succeeds). */
  finishReadinessDelays(): void {
    const { store, clock } = this.deps;
    const now = clock.nowMs();
    const due = [...this.readyAt].filter(([, t]) => t <= now).map(([k]) => k).sort();
    for (const key of due) {
      this.readyAt.delete(key);
      const k = splitKey(key);
      const pod = store.get('Pod', k.namespace, k.name) as Pod | undefined;
      if (pod && !pod.metadata.deletionTimestamp) store.update(withReadiness(pod, true, clock.now()), 'system');
    }
  }

  /** A Node appeared or changed: pods left Pending for lack of a node try again. */
  retryUnscheduled(): void {
    const { store } = this.deps;
    for (const key of [...this.unscheduled].sort()) {
      const k = splitKey(key);
      const pod = store.get('Pod', k.namespace, k.name) as Pod | undefined;
      if (!pod || pod.spec.nodeName) continue;
      const started = this.start({ ...pod, status: undefined });
      if (started.spec.nodeName) store.update(started, 'system');
    }
  }
}
