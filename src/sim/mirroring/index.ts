// Public face of mirroring/: the EndpointSlice mirroring controller as a pure function.
export { reconcileMirroring, shouldMirror } from './reconcile';
export type { ReconcileMirroringInput } from './reconcile';
export type { SlicePlan } from './plan';
export { addressToEndpoint, toSlicePorts } from './desired';
export * from './constants';
