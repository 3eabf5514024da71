// The taint eviction controller: pods on a node with NoExecute taints they do not tolerate forever are
// deleted when their shortest tolerationSeconds runs out (at once when a taint is not tolerated at all).
// Upstream: pkg/controller/tainteviction/taint_eviction.go (processPodOnNode: getMinTolerationTime, the
// eviction scheduled at now + that time and cancelled when the taints go; deletePodHandler →
// emitPodDeletionEvent "TaintManagerEviction" "Marking for deletion Pod <ns>/<name>", then
// addConditionAndDeletePod: DisruptionTarget=True DeletionByTaintManager, and a delete with the pod's own
// grace period). The admission plugin DefaultTolerationSeconds gives every pod 300 s for not-ready.

import type { Node, Pod, PodCondition } from '../types';
import type { SimClock } from './clock';
import type { NewEvent } from './events';
import { objectKey, splitKey } from './indexes';
import type { PodLifecycle } from './pod-lifecycle';
import type { ObjectStore } from './store';

type Taint = { key: string; value?: string; effect: string };
type Toleration = { key?: string; operator?: string; value?: string; effect?: string; tolerationSeconds?: number };

export interface TaintEvictionDeps {
  store: ObjectStore;
  clock: SimClock;
  pods: PodLifecycle;
  recordEvent(e: NewEvent): void;
}

const tolerates = (tol: Toleration, t: Taint) =>
  (!tol.effect || tol.effect === t.effect) &&
  (tol.operator === 'Exists' ? !tol.key || tol.key === t.key : tol.key === t.key && (tol.value ?? '') === (t.value ?? ''));

export class TaintEviction {
  /** Pod key → epoch ms at which it is to be deleted (the taint eviction queue). */
  private readonly scheduled = new Map<string, number>();

  constructor(private readonly deps: TaintEvictionDeps) {}

  /** A node's taints changed: (re)schedule or cancel the evictions of the pods bound to it. */
  nodeChanged(nodeName: string): void {
    const { store, clock } = this.deps;
    const node = store.get('Node', undefined, nodeName) as Node | undefined;
    const taints = ((node?.spec?.taints ?? []) as Taint[]).filter((t) => t.effect === 'NoExecute');
    for (const pod of store.list('Pod') as Pod[]) {
      if (pod.spec.nodeName !== nodeName) continue;
      const key = objectKey('Pod', pod.metadata.namespace!, pod.metadata.name!);
      if (!taints.length) {
        this.scheduled.delete(key);
        continue;
      }
      const tolerations = (pod.spec.tolerations ?? []) as Toleration[];
      let seconds = Infinity;
      for (const t of taints) {
        const used = tolerations.filter((tol) => tolerates(tol, t));
        if (!used.length) seconds = 0; // not tolerated: evicted at once
        else for (const tol of used) if (tol.tolerationSeconds !== undefined) seconds = Math.min(seconds, Math.max(0, tol.tolerationSeconds));
      }
      if (seconds === Infinity) {
        this.scheduled.delete(key);
        continue;
      }
      // An eviction already scheduled keeps its start; a shorter toleration brings it forward.
      const at = clock.nowMs() + seconds * 1000;
      const existing = this.scheduled.get(key);
      if (existing === undefined || at < existing) this.scheduled.set(key, at);
    }
  }

  /** When the next eviction is due (Infinity: none). */
  nextDue(): number {
    let next = Infinity;
    for (const at of this.scheduled.values()) next = Math.min(next, at);
    return next;
  }

  /** Deletes every pod whose eviction is due now. */
  evictDue(): void {
    const { store, clock, pods } = this.deps;
    const now = clock.nowMs();
    for (const [key, at] of [...this.scheduled].sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1))) {
      if (at > now) continue;
      this.scheduled.delete(key);
      const k = splitKey(key);
      const pod = store.get('Pod', k.namespace, k.name) as Pod | undefined;
      if (!pod) continue;
      this.deps.recordEvent({
        type: 'Normal',
        reason: 'TaintManagerEviction',
        message: `Marking for deletion Pod ${k.namespace}/${k.name}`,
        source: 'taint-eviction-controller',
        involved: { kind: 'Pod', namespace: k.namespace, name: k.name },
      });
      const condition: PodCondition = {
        type: 'DisruptionTarget',
        status: 'True',
        lastProbeTime: null,
        lastTransitionTime: clock.now(),
        reason: 'DeletionByTaintManager',
        message: 'Taint manager: deleting due to NoExecute taint',
      };
      const conditions = [...(pod.status?.conditions ?? []).filter((c) => c.type !== 'DisruptionTarget'), condition];
      const updated = store.update({ ...pod, status: { ...pod.status, conditions } }, 'system') as Pod;
      pods.deleteGracefully(updated, undefined, 'system');
    }
  }
}
