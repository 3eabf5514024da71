// What the API server's strict JSON decoder says before any validation runs: a value of the wrong
// type ("json: cannot unmarshal string into Go struct field ServicePort.spec.ports.port of type int32",
// only the first one, as encoding/json reports the earliest) or fields the type does not have
// (strict field validation: unknown field "spec.selectr"). The checks themselves are the ajv standalone
// validators generated at build time (no schema compiled at run time); the Go wording comes from the
// generated struct shapes.

import * as validators from './generated/validators';
import type { DecodeCheck, DecodeError } from './generated/validators';
import { ROOTS, SHAPES } from './generated/shapes';
import { goNumber } from './checks/field';
import { distance } from 'fastest-levenshtein';

export interface DecodeProblem {
  kind: 'type' | 'unknown-field';
  /** JSON pointer of the offending value (type) or of the unknown field (unknown-field). */
  pointer: string;
  /** Text after "<Kind> in version "v1" cannot be handled as a <Kind>: ". */
  text: string;
  hint?: string;
}

const CHECKS: Record<string, DecodeCheck> = {
  Namespace: validators.validateNamespace,
  Node: validators.validateNode,
  Pod: validators.validatePod,
  Service: validators.validateService,
  Endpoints: validators.validateEndpoints,
  Deployment: validators.validateDeployment,
  ReplicaSet: validators.validateReplicaSet,
  EndpointSlice: validators.validateEndpointSlice,
};

const unescape = (s: string) => s.replace(/~1/g, '/').replace(/~0/g, '~');
const segments = (pointer: string) => (pointer === '' ? [] : pointer.slice(1).split('/').map(unescape));

function goTypeName(desc: string): string {
  if (desc.startsWith('[]')) return '[]' + goTypeName(desc.slice(2));
  if (desc.startsWith('map[string]')) return 'map[string]' + goTypeName(desc.slice(11));
  if (desc.startsWith('@')) return 'v1.' + structName(desc.slice(1));
  // IntOrString.UnmarshalJSON decodes anything but a JSON string into its int32 IntVal
  return { intstr: 'int32', quantity: 'resource.Quantity', time: 'v1.Time', any: 'interface {}' }[desc] ?? desc;
}

/** The Go struct name of an OpenAPI schema name: io.k8s.api.core.v1.ServicePort → ServicePort. */
function structName(def: string): string {
  return def.slice(def.lastIndexOf('.') + 1);
}

interface Located {
  struct: string; // innermost Go struct holding the field
  structDef: string;
  fieldPath: string[]; // struct field names from the root, no indices
  display: string; // with indices, as strict decoding prints it: spec.ports[0].nme
  desc: string; // compact Go type of the node at the pointer
}

function locate(kind: string, pointer: string): Located {
  let desc = '@' + ROOTS[kind];
  let structDef = ROOTS[kind];
  const fieldPath: string[] = [];
  let display = '';
  for (const seg of segments(pointer)) {
    if (desc.startsWith('@')) {
      structDef = desc.slice(1);
      desc = SHAPES[structDef]?.[seg] ?? 'any';
      fieldPath.push(seg);
      display += (display ? '.' : '') + seg;
    } else if (desc.startsWith('[]')) {
      desc = desc.slice(2);
      display += `[${seg}]`;
    } else if (desc.startsWith('map[string]')) {
      desc = desc.slice(11);
      display += `[${seg}]`;
    } else {
      desc = 'any';
      display += (display ? '.' : '') + seg;
    }
  }
  return { struct: structName(structDef), structDef, fieldPath, display, desc };
}

function jsonKind(v: unknown): string {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'boolean') return 'bool';
  if (Array.isArray(v)) return 'array';
  return 'object';
}

function valueAt(root: unknown, pointer: string): unknown {
  let v: unknown = root;
  for (const seg of segments(pointer)) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[seg];
  }
  return v;
}


/** The known field of a struct closest to a misspelt one, if close enough to be a typo. */
export function closestField(structDef: string, name: string): string | undefined {
  const fields = Object.keys(SHAPES[structDef] ?? {});
  const lower = name.toLowerCase();
  const exactCase = fields.find((f) => f.toLowerCase() === lower);
  if (exactCase) return exactCase;
  let best: string | undefined;
  let bestD = Infinity;
  for (const f of fields) {
    const d = distance(lower, f.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = f;
    }
  }
  const limit = name.length <= 4 ? 1 : name.length <= 8 ? 2 : 3;
  return bestD <= limit ? best : undefined;
}

/**
 * Decode problems for one object of a supported kind, in document order, given a function that
 * orders pointers by source position.
 */
export function decodeProblems(kind: string, object: unknown, order: (pointer: string) => number): DecodeProblem[] {
  const check = CHECKS[kind];
  if (!check || check(object)) return [];
  const errors: DecodeError[] = check.errors ?? [];
  const typeProblems: { at: number; p: DecodeProblem }[] = [];
  const unknown: { at: number; p: DecodeProblem }[] = [];
  const seen = new Set<string>();
  for (const e of errors) {
    if (e.keyword === 'additionalProperties') {
      const field = String(e.params.additionalProperty);
      const pointer = `${e.instancePath}/${field.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      if (seen.has(pointer)) continue;
      seen.add(pointer);
      const loc = locate(kind, pointer);
      const parent = locate(kind, e.instancePath);
      const parentDef = parent.desc.startsWith('@') ? parent.desc.slice(1) : parent.structDef;
      const suggestion = closestField(parentDef, field);
      const prefix = parent.display ? parent.display + '.' : '';
      unknown.push({
        at: order(pointer),
        p: {
          kind: 'unknown-field',
          pointer,
          text: `strict decoding error: unknown field "${loc.display}"`,
          hint: suggestion ? `did you mean ${prefix}${suggestion}?` : undefined,
        },
      });
    } else if (e.keyword === 'type' || e.keyword === 'minimum' || e.keyword === 'maximum') {
      const value = valueAt(object, e.instancePath);
      if (value === null || value === undefined) continue; // Go leaves the zero value for null
      if (seen.has(e.instancePath)) continue;
      seen.add(e.instancePath);
      const loc = locate(kind, e.instancePath);
      // an array element or map value is reported on its field: the path stops at the last struct field
      const intTarget = /^int(32|64)$|^intstr$/.test(loc.desc);
      const what =
        typeof value === 'number' && (e.keyword !== 'type' || (intTarget && !Number.isInteger(value))) ? `number ${goNumber(value)}` : jsonKind(value);
      typeProblems.push({
        at: order(e.instancePath),
        p: {
          kind: 'type',
          pointer: e.instancePath,
          text: `json: cannot unmarshal ${what} into Go struct field ${loc.struct}.${loc.fieldPath.join('.')} of type ${goTypeName(loc.desc)}`,
        },
      });
    }
  }
  if (typeProblems.length) {
    typeProblems.sort((a, b) => a.at - b.at);
    return [typeProblems[0].p];
  }
  unknown.sort((a, b) => a.at - b.at);
  return unknown.map((u) => u.p);
}
