// Public API of src/validate: manifest validation with kubectl's messages and source positions.

export { validateManifests } from './validate';
export { supportedKinds, isSupportedKind } from './kinds';
export { LIMITS } from './limits';
export { LineCounter } from './line-counter';
export type {
  IssueCode,
  ObjectRefLite,
  ParsedObject,
  Position,
  Range,
  ValidateOptions,
  ValidationIssue,
  ValidationResult,
} from './types';

import type { Kind } from '../sim/types';

type SchemaModule = { default: Record<string, unknown> };

/* Loaded on demand so the editor pays for a schema only when it asks for it. */
const SCHEMAS: Record<Kind | 'manifest', () => Promise<SchemaModule>> = {
  Namespace: () => import('./generated/schemas/Namespace.json'),
  Node: () => import('./generated/schemas/Node.json'),
  Pod: () => import('./generated/schemas/Pod.json'),
  Service: () => import('./generated/schemas/Service.json'),
  Endpoints: () => import('./generated/schemas/Endpoints.json'),
  Deployment: () => import('./generated/schemas/Deployment.json'),
  ReplicaSet: () => import('./generated/schemas/ReplicaSet.json'),
  EndpointSlice: () => import('./generated/schemas/EndpointSlice.json'),
  manifest: () => import('./generated/schemas/manifest.json'),
};

/**
 * The JSON Schema (draft-07, descriptions from the Kubernetes API docs, local definitions) of one
 * kind, or 'manifest' for one schema that dispatches on `kind` (for monaco-yaml: one schema for every
 * document of a multi-document file).
 */
export async function jsonSchemaFor(kind: Kind | 'manifest'): Promise<Record<string, unknown>> {
  return (await SCHEMAS[kind]()).default;
}
