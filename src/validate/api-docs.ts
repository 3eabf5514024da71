// The Kubernetes API documentation, as the editor schema carries it (generated from the vendored
// OpenAPI v3 documents by scripts/gen-schemas.ts): one definition per OpenAPI schema, with the
// documents' descriptions, types, formats, required lists, enums and $ref/allOf structure. kubectl
// explain reads it here, so the editor's hover and `kubectl explain` print the same text.
// A separate entry from ./index (which loads schemas on demand): importing this loads them all.

import manifest from './generated/schemas/manifest.json';

export interface ApiSchema {
  $ref?: string;
  description?: string;
  type?: string;
  format?: string;
  items?: ApiSchema;
  additionalProperties?: ApiSchema | boolean;
  allOf?: ApiSchema[];
  oneOf?: ApiSchema[];
  properties?: Record<string, ApiSchema>;
  required?: string[];
  enum?: unknown[];
  'x-kubernetes-group-version-kind'?: { group: string; version: string; kind: string }[];
}

/** OpenAPI schema name (io.k8s.api.core.v1.Service) → schema; `$ref`s read `#/definitions/<name>`. */
export const API_DEFINITIONS = (manifest as unknown as { definitions: Record<string, ApiSchema> }).definitions;

/** The definition of a kind, found as kubectl finds it: by its x-kubernetes-group-version-kind. */
export function definitionOfKind(group: string, version: string, kind: string): string | undefined {
  return Object.keys(API_DEFINITIONS).find((n) =>
    (API_DEFINITIONS[n]['x-kubernetes-group-version-kind'] ?? []).some((g) => g.group === group && g.version === version && g.kind === kind),
  );
}
