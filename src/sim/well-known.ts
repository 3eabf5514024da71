// Label and annotation keys, and manager names, that several parts of the simulator (and the course UI)
// read or write. One copy so a typo cannot split them. Upstream: k8s.io/api discovery/v1/well_known_labels.go,
// core/v1/annotation_key_constants.go, core/v1/well_known_labels.go, and the controllers' names.

/** Label linking a slice to its Service (discovery.LabelServiceName). */
export const LABEL_SERVICE_NAME = 'kubernetes.io/service-name';
/** Label naming the slice's manager (discovery.LabelManagedBy). */
export const LABEL_MANAGED_BY = 'endpointslice.kubernetes.io/managed-by';
/** Label set on slices and Endpoints of headless Services (v1.IsHeadlessService). */
export const LABEL_HEADLESS = 'service.kubernetes.io/headless';
/** The EndpointSlice controller's managed-by value (controllerQualifiedName). */
export const SLICE_CONTROLLER_NAME = 'endpointslice-controller.k8s.io';
/** The mirroring controller's managed-by value. */
export const MIRRORING_CONTROLLER_NAME = 'endpointslicemirroring-controller.k8s.io';
/** v1.EndpointsLastChangeTriggerTime. */
export const ANNOTATION_TRIGGER_TIME = 'endpoints.kubernetes.io/last-change-trigger-time';
