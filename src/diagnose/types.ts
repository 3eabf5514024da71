// Diagnostics: the troubleshooting hints the course shows beside the learner's manifest.
// Data only (a stable code, a JSON pointer, a lesson), in the spirit of eemeli/yaml's errors.

import type { Kind, KObject, ObjectRef, SimulationResult } from '../sim/types';

export type Severity = 'error' | 'warning' | 'info';

export type DiagnosticCode =
  | 'empty-selector'
  | 'externalname-no-endpoints'
  | 'pods-in-other-namespace'
  | 'deployment-template-labels-mismatch'
  | 'selector-near-miss'
  | 'selector-matches-no-pods'
  | 'slice-missing-service-name-label'
  | 'slice-service-not-found'
  | 'slice-managed-by-controller'
  | 'slice-port-name-mismatch'
  | 'slice-port-without-number'
  | 'slice-address-family-mismatch'
  | 'slice-for-selector-service'
  | 'selectorless-service-without-endpoints'
  | 'endpoints-overwritten-by-controller'
  | 'endpoints-service-not-found'
  | 'named-port-not-found'
  | 'target-port-not-declared'
  | 'target-port-declared-by-some'
  | 'pod-terminal-phase'
  | 'pod-without-ip'
  | 'pod-node-not-found'
  | 'no-ready-endpoints'
  | 'only-terminating-endpoints'
  | 'some-endpoints-not-ready'
  | 'endpoints-over-capacity'
  | 'endpoints-api-deprecated';

export interface DiagnosticObject {
  kind: Kind;
  namespace: string;
  name: string;
}

export interface Diagnostic {
  code: DiagnosticCode;
  severity: Severity;
  /** Plain words, naming the objects, labels, ports and counts involved. */
  message: string;
  /** The object the hint is about (the one `path` points into). */
  object: DiagnosticObject;
  /** JSON pointer into the learner's own manifest of `object`; absent for objects the learner did not write. */
  path?: string;
  /** A short, concrete change to make. */
  fix: string;
  /** Course page that explains the behaviour. */
  lesson: string;
}

export interface DiagnoseInput {
  /** The objects as written (before API-server defaults), learner's and possibly the exercise's. */
  objects: KObject[];
  /** What the simulated cluster holds after settling (simulate() in src/sim/index.ts). */
  state: SimulationResult;
  /**
   * Objects that came from the learner's editor (refs, or keys made by `refKey`). Only these get a `path`.
   * When absent, every object in `objects` counts as the learner's.
   */
  userRefs?: Iterable<ObjectRef | string>;
}
