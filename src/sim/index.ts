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
//   simulateReadOnly(objects, options)      // the same without copies, for a caller that only reads (the CLI)
//   settledCluster(objects, options)        // the same, keeping the cluster to read on
//   cluster.fork()                          // a copy in the same state, no controller run
//   copyOnWrite(cluster)                    // reads the cluster, forks it on the first change
//   simCounters()                           // clusters made and Services synced so far (for tests)

export {
  createCluster,
  simulate,
  simulateReadOnly,
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

// Label selectors (k8s.io/apimachinery/pkg/labels, metav1.LabelSelectorAsSelector).
export * from './labels';

// Pod and Service state (pkg/api/v1/pod/util.go podutil, controller.IsPodActive, ShouldPodBeInEndpoints…),
// read the same way by the controllers and their clients (diagnostics, kubectl); the fake container
// runtime's IDs live there too, so kubectl prints the IDs the cluster reports.
export * from './podutil';

// IP parsing and canonical forms (netutils), shared with the validator.
export { parseIP, formatIP, canonicalIP, ipFamily, isIPv6String, type ParsedIP } from './net/ip';
