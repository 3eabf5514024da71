// Public face of endpointslice/: the EndpointSlice controller of kube-controller-manager as a pure
// function (staging/src/k8s.io/endpointslice + pkg/controller/endpointslice).
export {
  reconcileEndpointSlices,
  selectPods,
  serviceWantsEndpoints,
  type ReconcileEndpointSlicesInput,
  type SlicePlan,
} from './controller';
export {
  ANNOTATION_TOPOLOGY_MODE,
  ANNOTATION_TRIGGER_TIME,
  CONTROLLER_NAME,
  EVENT_SOURCE,
  LABEL_HEADLESS,
  LABEL_MANAGED_BY,
  LABEL_SERVICE_NAME,
  LABEL_TOPOLOGY_ZONE,
} from './constants';
export { isPodReady, shouldPodBeInEndpoints } from './util/controllerUtils';
export { cpuRatios, serviceOverloaded } from './topologycache/topologyCache';
export { endpointReady, isNodeReady } from './topologycache/utils';
