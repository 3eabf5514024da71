// Public face of endpoints/: the legacy Endpoints controller as pure functions.
export { reconcileEndpoints, desiredSubsets } from './reconcile';
export type { ReconcileEndpointsInput } from './reconcile';
export { repackSubsets } from './repack';
export type { RepackOptions } from './repack';
export { truncateSubsets } from './truncate';
export { endpointsIPFamily, podToEndpointAddress } from './pod-address';
export { subsetsEqualIgnoringResourceVersion } from './equality';
export * from './constants';
// shared helpers, re-exported for callers that think in terms of this controller
export { findPort, serviceWantsEndpoints } from '../podutil';
