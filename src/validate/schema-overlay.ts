// The one hand-written layer over the Kubernetes OpenAPI documents (vendor/kubernetes-openapi/): what
// the API server enforces that the documents do not say. Types, int32/int64 formats, required fields
// and descriptions all come from the documents; used by scripts/gen-schemas.ts at build time.
//
// Keys: OpenAPI schema name + '.' + property.

/**
 * Editor-only tightening (red squiggles in monaco-yaml): port ranges that API-server validation
 * enforces (ValidatePortNumOrName, validateServicePort, validateContainerPorts, validateEndpointPort
 * in pkg/apis/core/validation) but the OpenAPI documents only type as int32. The run-time validator
 * does NOT use these: the semantic checks report them with the API server's own wording. The
 * discovery/v1 EndpointPort is left out on purpose: the EndpointSlice validation does not range-check
 * its port (src/validate/README.md, "Choices").
 */
export const EDITOR_RANGES: Readonly<Record<string, { minimum: number; maximum: number }>> = {
  'io.k8s.api.core.v1.ServicePort.port': { minimum: 1, maximum: 65535 },
  'io.k8s.api.core.v1.ServicePort.nodePort': { minimum: 1, maximum: 65535 },
  'io.k8s.api.core.v1.ContainerPort.containerPort': { minimum: 1, maximum: 65535 },
  'io.k8s.api.core.v1.ContainerPort.hostPort': { minimum: 1, maximum: 65535 },
  'io.k8s.api.core.v1.EndpointPort.port': { minimum: 1, maximum: 65535 }, // core/v1 EndpointPort (Endpoints)
};

/** What Go's encoding/json accepts for an integer of each OpenAPI format (the strict decoder's range). */
export const INTEGER_RANGES: Readonly<Record<'int32' | 'int64', { minimum: number; maximum: number }>> = {
  int32: { minimum: -2147483648, maximum: 2147483647 },
  // 2^63 is not a double away from 2^63-1, so this bound is as close as JavaScript numbers allow.
  int64: { minimum: -9223372036854775808, maximum: 9223372036854775807 },
};
