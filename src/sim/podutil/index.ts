// Pod and Service helpers shared by the controllers, the cluster, kubectl and diagnostics, named after
// upstream's podutil (pkg/api/v1/pod/util.go) and controller helpers.
export { findPort } from './find-port';
export {
  getPodCondition,
  getPodConditionFromList,
  getPodReadyCondition,
  hasPodReadyCondition,
  isPodActive,
  isPodPhaseTerminal,
  isPodReady,
  isPodReadyConditionTrue,
  isPodTerminal,
  isPodTerminating,
  podIPsOfFamily,
  shouldPodBeInEndpoints,
  shouldSetHostname,
} from './pod';
export { kubeletContainerStatuses, podContainerStatuses, type ContainerState, type ContainerStatus } from './container-status';
export { containerID, fullImageName, imageID, pseudoDigest } from './runtime-ids';
export { isServiceIPSet, selectPods, serviceSelector, serviceSelectorSet, serviceWantsEndpoints } from './service';
