// Names the EndpointSlice mirroring controller reads and writes. Upstream: k8s.io/api discovery/v1
// well_known_labels.go, core/v1 annotation_key_constants.go, client-go resourcelock, and
// pkg/controller/endpointslicemirroring (controllerName, event reasons, recorder component).

export { LABEL_SERVICE_NAME, LABEL_MANAGED_BY, MIRRORING_CONTROLLER_NAME, ANNOTATION_TRIGGER_TIME } from '../well-known';
/** Endpoints labelled with this set to "true" are not mirrored. */
export const LABEL_SKIP_MIRROR = 'endpointslice.kubernetes.io/skip-mirror';
/** Leader-election records kept in Endpoints are never mirrored. */
export const ANNOTATION_LEADER = 'control-plane.alpha.kubernetes.io/leader';
export const ANNOTATION_LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';
/** kube-controller-manager --mirroring-max-endpoints-per-subset default. */
export const DEFAULT_MAX_ENDPOINTS_PER_SUBSET = 1000;
export const EVENT_SOURCE = 'endpoint-slice-mirroring-controller';
export const REASON_INVALID_IP = 'InvalidIPAddress';
export const REASON_TOO_MANY = 'TooManyAddressesToMirror';
