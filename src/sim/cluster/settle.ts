// The settle loop: after a change, the controllers run until nothing is left to do, in the order a
// quiet kube-controller-manager would finish them: garbage collector, Deployment, ReplicaSet, then the
// endpoint controllers last, so one batch of pod changes gives one write per endpoint object.

import type { Deployment, ReplicaSet } from '../types';
import type { EndpointSync } from './endpoint-sync';
import type { GarbageCollector } from './gc';
import { splitKey } from './indexes';
import type { PodLifecycle } from './pod-lifecycle';
import type { ObjectStore } from './store';
import { syncDeployment, syncReplicaSet, updateDeploymentStatus, updateReplicaSetStatus, type WorkloadHost } from './workloads';

const SETTLE_ROUND_LIMIT = 1000;

/** The workload controllers' work queues (object keys), filled by routing.ts. */
export class WorkQueues {
  deployments = new Set<string>();
  replicaSets = new Set<string>();
  /** A Node appeared or changed since the last round: Pending pods are retried. */
  nodesChanged = false;
}

export interface SettleDeps {
  store: ObjectStore;
  host: WorkloadHost;
  queues: WorkQueues;
  gc: GarbageCollector;
  pods: PodLifecycle;
  endpointSync: EndpointSync;
}

export function settle(d: SettleDeps): void {
  const { queues } = d;
  for (let round = 0; round < SETTLE_ROUND_LIMIT; round++) {
    let worked = false;
    if (d.gc.hasWork()) {
      worked = true;
      d.gc.collect();
    }
    if (queues.nodesChanged) {
      queues.nodesChanged = false;
      d.pods.retryUnscheduled();
    }
    if (queues.deployments.size) {
      worked = true;
      const keys = [...queues.deployments].sort();
      queues.deployments = new Set();
      for (const key of keys) {
        const k = splitKey(key);
        const dep = d.store.get('Deployment', k.namespace, k.name) as Deployment | undefined;
        if (!dep) continue;
        syncDeployment(d.host, dep);
        updateDeploymentStatus(d.host, dep);
      }
    }
    if (queues.replicaSets.size) {
      worked = true;
      const keys = [...queues.replicaSets].sort();
      queues.replicaSets = new Set();
      for (const key of keys) {
        const k = splitKey(key);
        const rs = d.store.get('ReplicaSet', k.namespace, k.name) as ReplicaSet | undefined;
        if (rs) syncReplicaSet(d.host, rs);
      }
      for (const key of keys) {
        const k = splitKey(key);
        const rs = d.store.get('ReplicaSet', k.namespace, k.name) as ReplicaSet | undefined;
        if (rs) updateReplicaSetStatus(d.host, rs);
      }
    }
    if (d.gc.hasWork() || queues.deployments.size || queues.replicaSets.size) continue;
    // Endpoint controllers last, so one batch of pod changes gives one write per object.
    if (d.endpointSync.hasWork()) {
      worked = true;
      d.endpointSync.run();
    }
    if (!worked && !d.endpointSync.hasWork()) return;
  }
  throw new Error('the cluster did not settle (controller loop); this is a simulator bug');
}
