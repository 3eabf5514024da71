// Public face of cluster/: the simulated cluster and the one-shot simulation.
export { createCluster, resolveOptions, DEFAULT_OPTIONS } from './cluster';
export { simulate, settledCluster, stateOf } from './simulate';
export { copyOnWrite, CopyOnWriteCluster } from './copy-on-write';
export { jsonBytes, sortKeysDeep } from './json';
export { simCounters, type SimCounters } from './counters';
