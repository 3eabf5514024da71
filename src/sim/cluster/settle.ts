// The settle loop: after a change, the controllers run until nothing is left to do, in the order a
// quiet kube-controller-manager would finish them: garbage collector, Deployment, ReplicaSet, then the
// endpoint controllers last, so one batch of pod changes gives one write per endpoint object.

import type { Deployment, ReplicaSet } from '../types';
import type { EndpointSync } from './endpoint-sync';
import type { GarbageCollector } from './gc';
import { objectKey, splitKey } from './indexes';
import type { PodLifecycle } from './pod-lifecycle';
import type { ObjectStore } from './store';
import { controllerRef, syncDeployment, syncReplicaSet, updateDeploymentStatus, updateReplicaSetStatus, type WorkloadHost } from './workloads';

const SETTLE_ROUND_LIMIT = 1000;

/** The workload controllers' work queues (object keys), filled by routing.ts. */
export class WorkQueues {
  deployments = new Set<string>();
  replicaSets = new Set<string>();
  /** ReplicaSets that lost a pod object: their Recreate Deployment is synced (deployment_controller.go deletePod). */
  podGoneFromReplicaSet = new Set<string>();
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

/** The key of the Recreate Deployment owning this ReplicaSet, if any. */
function recreateDeploymentOf(store: ObjectStore, rsKey: string): string | undefined {
  const k = splitKey(rsKey);
  const rs = store.get('ReplicaSet', k.namespace, k.name);
  const owner = rs && controllerRef(rs);
  if (owner?.kind !== 'Deployment') return undefined;
  const dep = store.get('Deployment', k.namespace, owner.name) as Deployment | undefined;
  return (dep?.spec.strategy as { type?: string } | undefined)?.type === 'Recreate' ? objectKey('Deployment', k.namespace!, owner.name) : undefined;
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
    if (queues.podGoneFromReplicaSet.size) {
      for (const key of [...queues.podGoneFromReplicaSet].sort()) {
        const dep = recreateDeploymentOf(d.store, key);
        if (dep) queues.deployments.add(dep);
      }
      queues.podGoneFromReplicaSet = new Set();
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
