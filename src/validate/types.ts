// Shapes of the validator's results: errors as data (code, severity, message, object, JSON pointer,
// range), so the editor, the CLI and the tests read the same thing.

import type { KObject } from '../sim/types';

/** 1-based line and column (UTF-16 code units, as Monaco counts). */
export interface Position {
  line: number;
  col: number;
}

/** Start inclusive, end exclusive. */
export interface Range {
  start: Position;
  end: Position;
}

export type IssueCode =
  | 'yaml-syntax' // the YAML parser rejected the text
  | 'limit' // a guard against hostile input was hit (input size, depth, aliases, alias expansion)
  | 'too-large' // the API server (request body over 3 MiB) or etcd (over 1.5 MiB) refuses the object
  | 'not-an-object' // a document is not a mapping
  | 'missing-kind' // apiVersion or kind absent
  | 'unknown-kind' // kind/apiVersion not served (or not supported by the course)
  | 'decode' // the API server's JSON decoder rejects a value type ("cannot unmarshal")
  | 'unknown-field' // strict field validation: a field the type does not have
  | 'invalid' // an API-server validation error (field.Error)
  | 'duplicate-object' // the same kind/namespace/name twice in the input
  | 'warning'; // an API-server warning (kubectl prints "Warning: ...")

export interface ObjectRefLite {
  kind: string;
  namespace?: string;
  name?: string;
}

export interface ValidationIssue {
  code: IssueCode;
  severity: 'error' | 'warning';
  /** The exact text kubectl prints for this single cause (after "error: " where kubectl adds it). */
  message: string;
  /** For API-server field errors: the field path as the server prints it, e.g. spec.ports[0].port. */
  field?: string;
  /** For API-server field errors: the part after "<field>: ", e.g. Invalid value: 0: must be ... */
  detail?: string;
  /** A course hint that kubectl does not print (e.g. did you mean spec.selector?). */
  hint?: string;
  object?: ObjectRefLite;
  /** JSON pointer inside the document, e.g. /spec/ports/0/port ('' = the whole document). */
  path: string;
  range: Range;
  /** 0-based index of the YAML document in the input (-1 when the problem is the whole input). */
  doc: number;
}

export interface ParsedObject {
  object: KObject;
  /** JSON pointer → range of the value node. */
  positions: Map<string, Range>;
  /** JSON pointer → range of the mapping key that introduces the value (absent for list items and the root). */
  keyPositions: Map<string, Range>;
  /** 0-based document index. */
  doc: number;
  /** Range of the whole document. */
  range: Range;
}

export interface ValidateOptions {
  /** File name, used only in messages that kubectl prints with the file (none today) and by the CLI. */
  filename?: string;
  /**
   * Service names: 'relaxed' (KEP-5311 RelaxedServiceNameValidation on, DNS-1123 label) or 'dns1035'.
   * Default 'dns1035': see README for why.
   */
  serviceNameValidation?: 'dns1035' | 'relaxed';
  /** NodePort range of the simulated cluster (kube-apiserver --service-node-port-range). Default 30000-32767. */
  nodePortRange?: [number, number];
}

export interface ValidationResult {
  /** Objects that passed every check, in input order. */
  objects: ParsedObject[];
  errors: ValidationIssue[];
  warnings: ValidationIssue[];
}
