// The simulator's public API, used by the browser island, the CLI, kubectl, the diagnostics and the
// tests. Nothing outside src/sim imports any other file of it (tests/unit/layers.test.ts).
//
//   const cluster = createCluster({ maxEndpointsPerSlice: 100 });
//   cluster.apply(objects);                 // → [{ref, action: 'created' | 'configured' | 'unchanged'}]
//   cluster.list('EndpointSlice');          // settled state, sorted by namespace/name
//   cluster.setPodReady('default', 'web-…', false);
//   cluster.writes();                       // every controller write with its size in bytes
//
//   simulate(objects, options)              // one-shot: { endpointSlices, endpoints, pods, services, writes, events }
//   settledCluster(objects, options)        // the same, keeping the cluster to read on
//   cluster.fork()                          // a copy in the same state, no controller run
//   copyOnWrite(cluster)                    // reads the cluster, forks it on the first change
//   simCounters()                           // clusters made and Services synced so far (for tests)

export {
  createCluster,
  simulate,
  settledCluster,
  stateOf,
  copyOnWrite,
  CopyOnWriteCluster,
  DEFAULT_OPTIONS,
  sortKeysDeep,
  simCounters,
  type SimCounters,
} from './cluster';
export type * from './types';
export { KINDS, CLUSTER_SCOPED, API_VERSION } from './types';

// Well-known label and annotation keys and controller names.
export * from './well-known';

// What the controllers and their clients (diagnostics, kubectl) must agree on: which pods a Service
// selects and which of them count, read the same way everywhere.
export {
  findPort,
  isPodReady,
  isPodTerminal,
  isPodTerminating,
  podIPsOfFamily,
  shouldPodBeInEndpoints,
  shouldSetHostname,
  isServiceIPSet,
  selectPods,
  selectorMatches,
  serviceWantsEndpoints,
} from './podutil';
export { matchesLabelSelector } from './cluster/selectors';

// IP parsing and canonical forms (netutils), shared with the validator.
export { parseIP, formatIP, canonicalIP, ipFamily, isIPv6String, type ParsedIP } from './net/ip';

// The fake container runtime's IDs, so kubectl prints the IDs the cluster reports.
export { containerID, imageID } from './cluster/runtime-ids';
