// Change routing: every store write passes through here once, as informer events do in a real cluster,
// and each part that watches that kind hears of it: the indexes, the garbage collector, pod bookkeeping,
// the workload controllers' queues and the endpoint controllers' triggers (endpoint-triggers.ts).

import type { Node, Service } from '../types';
import type { ApiServer } from './apply';
import type { EndpointTriggers } from './endpoint-triggers';
import type { GarbageCollector } from './gc';
import { labelPairs, objectKey, type LabelIndex, type OwnerIndex } from './indexes';
import type { PodLifecycle } from './pod-lifecycle';
import type { PodNetwork } from './pod-network';
import type { Scheduler } from './scheduler';
import type { WorkQueues } from './settle';
import type { Change } from './store';
import { controllerRef } from './workloads';

export interface ChangeRouterDeps {
  owners: OwnerIndex;
  podLabels: LabelIndex;
  gc: GarbageCollector;
  pods: PodLifecycle;
  apiServer: ApiServer;
  podNet: PodNetwork;
  scheduler: Scheduler;
  queues: WorkQueues;
  endpoints: EndpointTriggers;
}

export class ChangeRouter {
  constructor(private readonly deps: ChangeRouterDeps) {}

  onChange(c: Change): void {
    const d = this.deps;
    const key = objectKey(c.kind, c.namespace, c.name);
    if (c.old) d.owners.remove(key, c.old);
    if (c.obj) d.owners.add(key, c.obj);
    d.gc.onChange(c);
    switch (c.kind) {
      case 'Pod': {
        if (c.old) d.podLabels.remove(c.namespace, c.name, labelPairs(c.old.metadata.labels));
        if (c.obj) d.podLabels.add(c.namespace, c.name, labelPairs(c.obj.metadata.labels));
        d.pods.onPodChange(c, key);
        d.endpoints.onPodChange(c);
        // The owning ReplicaSet recounts (replicaset_controller.go addPod/updatePod/deletePod).
        const owner = controllerRef((c.obj ?? c.old)!);
        if (owner?.kind === 'ReplicaSet') d.queues.replicaSets.add(objectKey('ReplicaSet', c.namespace, owner.name));
        // deployment_controller.go deletePod: a Recreate Deployment waits for its old pods to be gone.
        if (owner?.kind === 'ReplicaSet' && !c.obj) d.queues.podGoneFromReplicaSet.add(objectKey('ReplicaSet', c.namespace, owner.name));
        break;
      }
      case 'Service':
        if (c.old && !c.obj) d.apiServer.serviceDeleted(c.old as Service);
        d.endpoints.onServiceChange(c);
        break;
      case 'Node':
        if (c.obj && !c.old) d.podNet.registerNode(c.obj as Node);
        d.queues.nodesChanged = true;
        d.endpoints.onNodeChange(c);
        if (c.old && !c.obj) d.scheduler.nodeRemoved(c.name);
        break;
      case 'Deployment':
        if (c.obj) d.queues.deployments.add(key);
        break;
      case 'ReplicaSet': {
        if (c.obj) d.queues.replicaSets.add(key);
        const owner = controllerRef((c.obj ?? c.old)!);
        if (owner?.kind === 'Deployment') d.queues.deployments.add(objectKey('Deployment', c.namespace, owner.name));
        break;
      }
      case 'EndpointSlice':
        d.endpoints.onEndpointSliceChange(c);
        break;
      case 'Endpoints':
        d.endpoints.onEndpointsChange(c);
        break;
    }
  }
}
