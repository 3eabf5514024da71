// Well-known names the EndpointSlice controller reads and writes.
// Upstream: k8s.io/api discovery/v1/well_known_labels.go, core/v1/annotation_key_constants.go,
// core/v1/well_known_labels.go and pkg/controller/endpointslice/endpointslice_controller.go.

export { LABEL_SERVICE_NAME, LABEL_MANAGED_BY, LABEL_HEADLESS, ANNOTATION_TRIGGER_TIME } from '../well-known';
/** The controller's managed-by value (controllerQualifiedName). */
export { SLICE_CONTROLLER_NAME as CONTROLLER_NAME } from '../well-known';
/** Event source component of the controller's event recorder. */
export const EVENT_SOURCE = 'endpoint-slice-controller';

export const ANNOTATION_TOPOLOGY_MODE = 'service.kubernetes.io/topology-mode';
/** Deprecated spelling; takes precedence over topology-mode when present. */
export const ANNOTATION_TOPOLOGY_AWARE_HINTS = 'service.kubernetes.io/topology-aware-hints';

export const LABEL_TOPOLOGY_ZONE = 'topology.kubernetes.io/zone';

export const SLICE_API_VERSION = 'discovery.k8s.io/v1';
