// The node lifecycle controller's reaction to a Node whose Ready condition stops being True, and back.
// Upstream: pkg/controller/nodelifecycle/node_lifecycle_controller.go (monitorNodeHealth: on the transition
// RecordNodeStatusChange "NodeNotReady", then MarkPodsNotReady; doNoExecuteTaintingPass and
// doNoScheduleTaintingPass: the node.kubernetes.io/not-ready taints, NoExecute with timeAdded), and
// pkg/controller/util/node/controller_utils.go (MarkPodsNotReady: each pod's Ready condition set False,
// Warning "NodeNotReady" "Node is not ready" per pod; SwapNodeControllerTaint).
//
// What `sim node NAME ready false` stands for: the kubelet posts Ready=False (reason KubeletNotReady) and
// the controller has seen it at its next monitor pass. The --node-monitor-grace-period (50 s) only applies
// when the kubelet stops posting at all (Ready=Unknown, the unreachable taint), which is not simulated.

import type { Node, Pod, PodCondition } from '../types';
import type { SimClock } from './clock';
import type { NewEvent } from './events';
import type { ObjectStore } from './store';

export const NOT_READY_TAINT = 'node.kubernetes.io/not-ready';

type Taint = { key: string; value?: string; effect: string; timeAdded?: string };

export interface NodeLifecycleDeps {
  store: ObjectStore;
  clock: SimClock;
  recordEvent(e: NewEvent): void;
}

export class NodeLifecycle {
  constructor(private readonly deps: NodeLifecycleDeps) {}

  /** The kubelet reports the node Ready or not; the controller reacts as described above. */
  setNodeReady(name: string, ready: boolean): void {
    const { store, clock } = this.deps;
    const node = store.get('Node', undefined, name) as Node | undefined;
    if (!node) throw new Error(`nodes "${name}" not found`);
    const now = clock.now();
    const conditions = [...(node.status?.conditions ?? [])];
    const i = conditions.findIndex((c) => c.type === 'Ready');
    const wasReady = i >= 0 && conditions[i].status === 'True';
    if (wasReady === ready) return;
    const condition = ready
      ? { type: 'Ready', status: 'True', lastHeartbeatTime: now, lastTransitionTime: now, reason: 'KubeletReady', message: 'kubelet is posting ready status' }
      : { type: 'Ready', status: 'False', lastHeartbeatTime: now, lastTransitionTime: now, reason: 'KubeletNotReady', message: 'container runtime status check may not have completed yet' };
    if (i >= 0) conditions[i] = condition;
    else conditions.push(condition);
    const others = ((node.spec?.taints ?? []) as Taint[]).filter((t) => t.key !== NOT_READY_TAINT);
    const taints = ready
      ? others
      : [...others, { key: NOT_READY_TAINT, effect: 'NoSchedule' }, { key: NOT_READY_TAINT, effect: 'NoExecute', timeAdded: now }];
    const spec: Record<string, unknown> = { ...(node.spec ?? {}) };
    if (taints.length) spec.taints = taints;
    else delete spec.taints;
    store.update({ ...node, spec, status: { ...node.status, conditions } } as Node, 'system');
    if (ready) return;
    const ref = { kind: 'Node' as const, name };
    this.deps.recordEvent({ type: 'Normal', reason: 'NodeNotReady', message: `Node ${name} status is now: NodeNotReady`, source: 'node-controller', involved: ref });
    this.markPodsNotReady(name);
  }

  private markPodsNotReady(nodeName: string): void {
    const { store, clock } = this.deps;
    for (const pod of store.list('Pod') as Pod[]) {
      if (pod.spec.nodeName !== nodeName) continue;
      const conditions = [...(pod.status?.conditions ?? [])];
      const i = conditions.findIndex((c) => c.type === 'Ready');
      // UpdatePodCondition reports no change (and no write, no event) when Ready is already False.
      if (i < 0 || conditions[i].status === 'False') continue;
      conditions[i] = { ...conditions[i], status: 'False', lastTransitionTime: clock.now() } as PodCondition;
      store.update({ ...pod, status: { ...pod.status, conditions } }, 'system');
      this.deps.recordEvent({
        type: 'Warning',
        reason: 'NodeNotReady',
        message: 'Node is not ready',
        source: 'node-controller',
        involved: { kind: 'Pod', namespace: pod.metadata.namespace, name: pod.metadata.name! },
      });
    }
  }
}
