// Names the legacy Endpoints controller writes. Upstream: k8s.io/api core/v1
// annotation_key_constants.go and well_known_labels.go, pkg/controller/endpoint.

export { ANNOTATION_TRIGGER_TIME, LABEL_HEADLESS } from '../well-known';
/** Set to "truncated" when more than MAX_CAPACITY addresses were dropped (v1.EndpointsOverCapacity). */
export const ANNOTATION_OVER_CAPACITY = 'endpoints.kubernetes.io/over-capacity';
export const OVER_CAPACITY_VALUE = 'truncated';
/** 1.33+: label marking Endpoints written by this controller. */
export const LABEL_ENDPOINTS_MANAGED_BY = 'endpoints.kubernetes.io/managed-by';
export const ENDPOINTS_CONTROLLER_NAME = 'endpoint-controller';
/** The controller keeps at most this many addresses (ready + not ready) in one Endpoints. */
export const MAX_CAPACITY = 1000;
