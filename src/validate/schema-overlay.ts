// The one hand-written layer over the generated schemas: what TypeScript's `number` loses.
// kubernetes-models' declarations say `number` for every integer; the Go types say int32 or int64.
// Used by scripts/gen-schemas.ts (build time) and by the decoder-error wording at run time.
//
// Sources: k8s.io/api core/v1, apps/v1, discovery/v1 and apimachinery meta/v1 types.go (field types).

/** Integer fields that are int64 in Go (every other integer field of the 8 kinds is int32). */
export const INT64_FIELDS: ReadonlySet<string> = new Set([
  'IObjectMeta.generation',
  'IObjectMeta.deletionGracePeriodSeconds',
  'IPodSpec.activeDeadlineSeconds',
  'IPodSpec.terminationGracePeriodSeconds',
  'IProbe.terminationGracePeriodSeconds',
  'IPodSecurityContext.runAsUser',
  'IPodSecurityContext.runAsGroup',
  'IPodSecurityContext.fsGroup',
  'ISecurityContext.runAsUser',
  'ISecurityContext.runAsGroup',
  'IServiceAccountTokenProjection.expirationSeconds',
  'IPodCertificateProjection.maxExpirationSeconds',
  'IDeploymentStatus.observedGeneration',
  'IReplicaSetStatus.observedGeneration',
  'IPodStatus.observedGeneration',
  'IPodCondition.observedGeneration',
  'ICondition.observedGeneration',
  'ISleepAction.seconds',
]);

/**
 * Editor-only tightening (hover, completion, red squiggles in monaco-yaml): ranges the API server
 * enforces in validation. The run-time validator does NOT use these (they are reported by the
 * semantic checks with the API server's own wording); they are merged into the per-kind JSON Schemas.
 * Key: definition name + '.' + property.
 */
export const EDITOR_RANGES: Readonly<Record<string, { minimum: number; maximum: number }>> = {
  'IServicePort.port': { minimum: 1, maximum: 65535 },
  'IServicePort.nodePort': { minimum: 1, maximum: 65535 },
  'IContainerPort.containerPort': { minimum: 1, maximum: 65535 },
  'IContainerPort.hostPort': { minimum: 1, maximum: 65535 },
  'IEndpointPort.port': { minimum: 1, maximum: 65535 }, // core/v1 EndpointPort (Endpoints)
};

export const INT32 = { minimum: -2147483648, maximum: 2147483647 } as const;
export const INT64 = { minimum: -9223372036854775808, maximum: 9223372036854775807 } as const;
