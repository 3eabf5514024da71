// PodGC's orphan collection: pods bound to a Node that no longer exists are marked Failed and force-deleted.
// Upstream: pkg/controller/podgc/gc_controller.go (1.35). gc() runs every gcCheckPeriod (20 s); gcOrphaned
// puts the missing node's name in a delaying queue (AddAfter quarantineTime, 40 s) and only when the name
// leaves the queue and a GET still finds no Node are that node's pods deleted: markFailedAndDeletePodWithCondition
// patches phase Failed + DisruptionTarget (DeletionByPodGC) and deletes with grace period 0. PodGC records no
// Event. So a deleted Node's pods go 40–60 s later. The simulation checks at startTime + 20 s, + 40 s, ...
// (cluster.ts advance() stops the clock at each check).

import type { Pod, PodCondition } from '../types';
import type { SimClock } from './clock';
import type { ObjectStore } from './store';

export const GC_CHECK_PERIOD_SECONDS = 20;
export const QUARANTINE_SECONDS = 40;

export interface PodGCDeps {
  store: ObjectStore;
  clock: SimClock;
}

export class PodGC {
  /** The delaying queue: node name → epoch ms at which it leaves quarantine. */
  private readonly quarantine = new Map<string, number>();
  /** Epoch ms of the next gc() run. */
  private nextCheckMs: number;

  constructor(private readonly deps: PodGCDeps) {
    this.nextCheckMs = deps.clock.nowMs() + GC_CHECK_PERIOD_SECONDS * 1000;
  }

  /** When gc() runs next (cluster.ts moves the clock there first when an advance passes it). */
  nextCheck(): number {
    return this.nextCheckMs;
  }

  /** One gc() run at the current time (gcOrphaned; the other collections have nothing to do here). */
  check(): void {
    const { store, clock } = this.deps;
    const now = clock.nowMs();
    this.nextCheckMs = now + GC_CHECK_PERIOD_SECONDS * 1000;
    const nodes = store.bucket('Node', '');
    const pods = store.list('Pod') as Pod[];
    for (const pod of pods) {
      const node = pod.spec.nodeName;
      // AddAfter keeps the earlier ready time of an item already waiting.
      if (node && !nodes.has(node) && !this.quarantine.has(node)) this.quarantine.set(node, now + QUARANTINE_SECONDS * 1000);
    }
    // discoverDeletedNodes: every name whose delay is over leaves the queue; a node still missing is deleted.
    const deleted = new Set<string>();
    for (const [node, readyAt] of [...this.quarantine]) {
      if (readyAt > now) continue;
      this.quarantine.delete(node);
      if (!nodes.has(node)) deleted.add(node);
    }
    for (const pod of pods) {
      if (pod.spec.nodeName && deleted.has(pod.spec.nodeName)) this.markFailedAndDelete(pod);
    }
  }

  private markFailedAndDelete(pod: Pod): void {
    const { store, clock } = this.deps;
    const ns = pod.metadata.namespace!;
    const name = pod.metadata.name!;
    const phase = pod.status?.phase;
    if (phase !== 'Succeeded' && phase !== 'Failed') {
      const condition: PodCondition = {
        type: 'DisruptionTarget',
        status: 'True',
        lastProbeTime: null,
        lastTransitionTime: clock.now(),
        reason: 'DeletionByPodGC',
        message: 'PodGC: node no longer exists',
      };
      // apipod.UpdatePodCondition: a new condition is appended; an existing one is replaced where it is
      // (keeping its lastTransitionTime when the status does not change).
      const conditions = [...(pod.status?.conditions ?? [])];
      const i = conditions.findIndex((c) => c.type === 'DisruptionTarget');
      if (i < 0) conditions.push(condition);
      else conditions[i] = { ...condition, lastTransitionTime: conditions[i].status === 'True' ? conditions[i].lastTransitionTime : condition.lastTransitionTime };
      store.update({ ...pod, status: { ...pod.status, phase: 'Failed', conditions } }, 'system');
    }
    store.remove('Pod', ns, name, 'system');
  }
}
