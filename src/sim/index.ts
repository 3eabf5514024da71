// The simulator's public API, used by the browser island, the CLI and the tests.
//
//   const cluster = createCluster({ maxEndpointsPerSlice: 100 });
//   cluster.apply(objects);                 // → [{ref, action: 'created' | 'configured' | 'unchanged'}]
//   cluster.list('EndpointSlice');          // settled state, sorted by namespace/name
//   cluster.setPodReady('default', 'web-…', false);
//   cluster.writes();                       // every controller write with its size in bytes
//
//   simulate(objects, options)              // one-shot: { endpointSlices, endpoints, pods, services, writes, events }

export { createCluster, simulate, stateOf, DEFAULT_OPTIONS } from './cluster';
export type * from './types';
export { KINDS, CLUSTER_SCOPED, API_VERSION } from './types';

// Label selectors (k8s.io/apimachinery/pkg/labels, metav1.LabelSelectorAsSelector).
export * from './labels';

// Pod and Service state (pkg/api/v1/pod/util.go podutil, controller.IsPodActive, ShouldPodBeInEndpoints…).
export * from './podutil';
