// Public face of cluster/: the simulated cluster and the one-shot simulation.
export { createCluster } from './cluster';
export { resolveOptions, DEFAULT_OPTIONS } from './options';
export { simulate, simulateReadOnly, settledCluster, stateOf } from './simulate';
export { copyOnWrite, CopyOnWriteCluster } from './copy-on-write';
export { jsonBytes, sortKeysDeep } from './json';
export { simCounters, type SimCounters } from './counters';
