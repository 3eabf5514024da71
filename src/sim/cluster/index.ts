// Public face of cluster/: the simulated cluster and the one-shot simulation.
export { createCluster, resolveOptions, DEFAULT_OPTIONS } from './cluster';
export { simulate, stateOf } from './simulate';
export { jsonBytes, sortKeysDeep } from './json';
export { simCounters, type SimCounters } from './counters';
