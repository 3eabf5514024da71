// One-shot simulation: a fresh cluster, every object applied in one batch, controllers settled.

import type { Cluster, ClusterOptions, EndpointSlice, Endpoints, Kind, KObject, Pod, Service, SimulationResult } from '../types';
import { KINDS } from '../types';
import { createCluster, type SimCluster } from './cluster';

/**
 * Apply `objects` to a new cluster and return the settled state.
 *
 * - Objects are processed Namespaces → Nodes → Services → Endpoints → EndpointSlices → Deployments →
 *   ReplicaSets → Pods (pods in name order), then the controllers run until nothing changes.
 * - All lists are sorted by namespace, then name. Objects are copies: mutating them changes nothing.
 * - Server fields given in the manifests (uid, creationTimestamp, clusterIP(s), ipFamilies, status) are kept;
 *   pods without status are scheduled (default nodes node-a/b/c in zone-a/b/c when no Node is given) and
 *   become Running and Ready. The clock starts at options.startTime (default 2024-01-01T00:00:00Z).
 * - Objects of kinds outside KINDS (ConfigMap, Ingress, ...) are ignored: they cannot change endpoints.
 * - Throws, before changing anything, on an object without metadata.name/generateName.
 */
export function simulate(objects: KObject[], options: ClusterOptions = {}): SimulationResult {
  return stateOf(settledCluster(objects, options));
}

/**
 * simulate() for a caller that only reads the result and keeps no cluster (the command line): the lists
 * hold the settled cluster's own stored objects, not copies (10,000 pods are not copied once more).
 * Stored objects are never changed in place, but they share parts (one version with the next, the write
 * log's sizes with both), so the caller must not mutate them: diagnose() and the printers only read.
 */
export function simulateReadOnly(objects: KObject[], options: ClusterOptions = {}): SimulationResult {
  const cluster = settledCluster(objects, options) as SimCluster;
  const { store } = cluster;
  return {
    endpointSlices: store.list('EndpointSlice') as EndpointSlice[],
    endpoints: store.list('Endpoints') as Endpoints[],
    pods: store.list('Pod') as Pod[],
    services: store.list('Service') as Service[],
    writes: cluster.writes(),
    events: cluster.events(),
  };
}

/** simulate(), keeping the cluster: for callers that go on reading it (kubectl) or fork it. */
export function settledCluster(objects: KObject[], options: ClusterOptions = {}): Cluster {
  const cluster = createCluster(options);
  // Kinds the simulator does not model (ConfigMap, Ingress, ...) cannot change endpoints: left out.
  cluster.apply(objects.filter((o) => KINDS.includes(o?.kind as Kind)));
  return cluster;
}

/** What simulate() returns, read from any cluster (one a test or the browser has driven further). */
export function stateOf(cluster: Cluster): SimulationResult {
  return {
    endpointSlices: cluster.list<EndpointSlice>('EndpointSlice'),
    endpoints: cluster.list<Endpoints>('Endpoints'),
    pods: cluster.list<Pod>('Pod'),
    services: cluster.list<Service>('Service'),
    writes: cluster.writes(),
    events: cluster.events(),
  };
}
