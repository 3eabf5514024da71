// Public face of cluster/: the simulated cluster and the one-shot simulation.
export { createCluster } from './cluster';
export { resolveOptions, DEFAULT_OPTIONS } from './options';
export { simulate, stateOf } from './simulate';
export { jsonBytes, sortKeysDeep } from './json';
