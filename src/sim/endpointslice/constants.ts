// Well-known names the EndpointSlice controller reads and writes.
// Upstream: k8s.io/api discovery/v1/well_known_labels.go, core/v1/annotation_key_constants.go,
// core/v1/well_known_labels.go and pkg/controller/endpointslice/endpointslice_controller.go.

/** Label linking a slice to its Service (discovery.LabelServiceName). */
export const LABEL_SERVICE_NAME = 'kubernetes.io/service-name';
/** Label naming the slice's manager (discovery.LabelManagedBy). */
export const LABEL_MANAGED_BY = 'endpointslice.kubernetes.io/managed-by';
/** Label set on slices of headless Services (v1.IsHeadlessService). */
export const LABEL_HEADLESS = 'service.kubernetes.io/headless';
/** The controller's managed-by value (controllerQualifiedName). */
export const CONTROLLER_NAME = 'endpointslice-controller.k8s.io';
/** Event source component of the controller's event recorder. */
export const EVENT_SOURCE = 'endpoint-slice-controller';

export const ANNOTATION_TRIGGER_TIME = 'endpoints.kubernetes.io/last-change-trigger-time';
export const ANNOTATION_TOPOLOGY_MODE = 'service.kubernetes.io/topology-mode';
/** Deprecated spelling; takes precedence over topology-mode when present. */
export const ANNOTATION_TOPOLOGY_AWARE_HINTS = 'service.kubernetes.io/topology-aware-hints';

export const LABEL_TOPOLOGY_ZONE = 'topology.kubernetes.io/zone';

export const SLICE_API_VERSION = 'discovery.k8s.io/v1';
