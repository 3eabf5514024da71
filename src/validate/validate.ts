// validateManifests(text) → { objects, errors, warnings }: YAML → documents with positions →
// kind/apiVersion → the strict decoder (types, unknown fields) → the API server's validation.
// One pass collects every problem; each carries kubectl's text for that single cause, the JSON
// pointer and the source range, so the editor, the CLI and the tests read the same data.

import type { KObject } from '../sim/types';
import { errorBody, goQuote, type FieldError } from './checks/field';
import { validateObject } from './checks/index';
import type { CheckContext, Obj } from './checks/util';
import { decodeProblems } from './decode';
import { isSupportedKind, OTHER_BUILTIN_KINDS, RESOURCE, supportedKinds } from './kinds';
import { LineCounter } from './line-counter';
import { LIMITS, parseManifestText, type ParsedDoc } from './parse';
import type { ObjectRefLite, ParsedObject, Range, ValidateOptions, ValidationIssue, ValidationResult } from './types';
import { API_VERSION, CLUSTER_SCOPED } from '../sim/types';

const SUPPORTED_LIST = supportedKinds.map((k) => `${k.kind} (${k.apiVersion})`).join(', ');

/** Go's json.Marshal of a decoded YAML document: map keys sorted, HTML characters escaped. */
function goJSON(v: unknown): string {
  const sort = (x: unknown): unknown => {
    if (Array.isArray(x)) return x.map(sort);
    if (x && typeof x === 'object') return Object.fromEntries(Object.keys(x).sort().map((k) => [k, sort((x as Obj)[k])]));
    return x;
  };
  return JSON.stringify(sort(v)).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

function parentPointer(p: string): string {
  const i = p.lastIndexOf('/');
  return i <= 0 ? '' : p.slice(0, i);
}

/** Range for a pointer: the node itself, else the nearest ancestor's key (a missing field), else the document's first line. */
function rangeFor(doc: ParsedDoc, pointer: string, atKey = false): Range {
  if (atKey) {
    const k = doc.keyPositions.get(pointer);
    if (k) return k;
  }
  const own = doc.positions.get(pointer);
  if (own && pointer !== '') return own;
  let p = pointer;
  while (p !== '') {
    p = parentPointer(p);
    if (p === '') break;
    const key = doc.keyPositions.get(p);
    if (key) return key;
    const val = doc.positions.get(p);
    if (val) return val;
  }
  return doc.keyPositions.get('/kind') ?? { start: doc.range.start, end: { line: doc.range.start.line, col: doc.range.start.col + 1 } };
}

function orderOf(doc: ParsedDoc): (pointer: string) => number {
  return (pointer) => {
    const r = rangeFor(doc, pointer, true);
    return r.start.line * 1e6 + r.start.col;
  };
}

export function validateManifests(text: string, options: ValidateOptions = {}): ValidationResult {
  const errors: ValidationIssue[] = [];
  const warnings: ValidationIssue[] = [];
  const objects: ParsedObject[] = [];
  if (typeof text !== 'string') text = String(text);
  if (text.length > LIMITS.maxBytes * 4) {
    // no line counting over a huge input: answer at once
    errors.push({
      code: 'limit',
      severity: 'error',
      message: `the input is more than ${LIMITS.maxBytes} bytes (1 MiB); at most ${LIMITS.maxBytes} bytes are accepted`,
      path: '',
      range: { start: { line: 1, col: 1 }, end: { line: 1, col: 1 } },
      doc: -1,
    });
    return { objects, errors, warnings };
  }
  const lc = new LineCounter(text);
  const { docs, issues } = parseManifestText(text, lc);
  const file = options.filename;
  const seen = new Map<string, number>();

  for (const doc of docs) {
    const docErrors: ValidationIssue[] = [];
    const docWarnings: ValidationIssue[] = [];
    validateDoc(doc, options, docErrors, docWarnings);
    if (docErrors.length === 0) {
      const o = doc.value as KObject;
      const ns = CLUSTER_SCOPED.has(o.kind as never) ? '' : (o.metadata.namespace ?? 'default');
      const id = `${o.kind}/${ns}/${o.metadata.name}`;
      if (seen.has(id)) {
        docWarnings.push({
          code: 'duplicate-object',
          severity: 'warning',
          message: `${RESOURCE[o.kind as keyof typeof RESOURCE]} ${goQuote(String(o.metadata.name))} is defined twice in this input (document ${seen.get(id)! + 1} and ${doc.index + 1}); the later definition wins, as with kubectl apply`,
          object: { kind: o.kind, namespace: ns || undefined, name: o.metadata.name },
          path: '/metadata/name',
          range: rangeFor(doc, '/metadata/name'),
          doc: doc.index,
        });
      }
      seen.set(id, doc.index);
      objects.push({ object: o, positions: doc.positions, keyPositions: doc.keyPositions, doc: doc.index, range: doc.range });
    }
    errors.push(...docErrors);
    warnings.push(...docWarnings);
  }
  errors.push(...issues);
  errors.sort((a, b) => (a.doc === b.doc ? a.range.start.line - b.range.start.line || a.range.start.col - b.range.start.col : a.doc - b.doc));
  void file;
  return { objects, errors, warnings };
}

function validateDoc(doc: ParsedDoc, options: ValidateOptions, errors: ValidationIssue[], warnings: ValidationIssue[]): void {
  const v = doc.value;
  const file = options.filename;
  const base = { severity: 'error' as const, doc: doc.index };
  if (v === null || typeof v !== 'object' || Array.isArray(v)) {
    errors.push({
      ...base,
      code: 'not-an-object',
      message: `unable to decode ${file ? goQuote(file) : 'the document'}: json: cannot unmarshal ${Array.isArray(v) ? 'array' : typeof v === 'string' ? 'string' : typeof v === 'number' ? 'number' : 'bool'} into Go value of type map[string]interface {}`,
      hint: 'a Kubernetes object is a mapping with apiVersion, kind and metadata',
      path: '',
      range: doc.range,
    });
    return;
  }
  const o = v as Obj;
  const kind = typeof o.kind === 'string' ? o.kind : '';
  const apiVersion = typeof o.apiVersion === 'string' ? o.apiVersion : '';
  const meta = o.metadata && typeof o.metadata === 'object' && !Array.isArray(o.metadata) ? (o.metadata as Obj) : {};
  const name = typeof meta.name === 'string' ? meta.name : '';
  const namespace = typeof meta.namespace === 'string' ? meta.namespace : '';
  const ref: ObjectRefLite = { kind: kind || '?', ...(namespace ? { namespace } : {}), ...(name ? { name } : {}) };

  if (!kind) {
    errors.push({
      ...base,
      code: 'missing-kind',
      message: `unable to decode ${file ? goQuote(file) : 'the document'}: Object 'Kind' is missing in '${goJSON(o)}'`,
      hint: `add a kind: one of ${SUPPORTED_LIST}`,
      object: ref,
      path: '/kind',
      range: doc.positions.get('/kind') ?? rangeFor(doc, '/kind'),
    });
    return;
  }
  if (!isSupportedKind(kind) || API_VERSION[kind] !== apiVersion) {
    const notSimulated = !isSupportedKind(kind) && OTHER_BUILTIN_KINDS.has(kind);
    const message = notSimulated
      ? `kind ${goQuote(kind)} is not part of this course's simulator`
      : `resource mapping not found for name: ${goQuote(name)} namespace: ${goQuote(namespace)} from ${goQuote(file ?? '-')}: no matches for kind ${goQuote(kind)} in version ${goQuote(apiVersion)}`;
    const hint = isSupportedKind(kind)
      ? apiVersion
        ? `${kind} is served as apiVersion: ${API_VERSION[kind]}`
        : `apiVersion is missing: ${kind} is apiVersion: ${API_VERSION[kind]}`
      : `the simulator accepts ${SUPPORTED_LIST}`;
    errors.push({
      ...base,
      code: apiVersion ? 'unknown-kind' : 'missing-kind',
      message,
      hint,
      object: ref,
      path: apiVersion && isSupportedKind(kind) ? '/apiVersion' : apiVersion ? '/kind' : '/apiVersion',
      range: apiVersion && isSupportedKind(kind) ? rangeFor(doc, '/apiVersion') : apiVersion ? rangeFor(doc, '/kind') : doc.keyPositions.get('/kind') ?? rangeFor(doc, '/kind'),
    });
    return;
  }

  const group = apiVersion.includes('/') ? apiVersion.split('/')[1] : apiVersion;
  const decodePrefix = `${kind} in version ${goQuote(group)} cannot be handled as a ${kind}: `;
  const problems = decodeProblems(kind, o, orderOf(doc));
  if (problems.length) {
    for (const p of problems) {
      errors.push({
        ...base,
        code: p.kind === 'type' ? 'decode' : 'unknown-field',
        message: decodePrefix + p.text,
        detail: p.text,
        hint: p.hint,
        object: ref,
        path: p.pointer,
        range: rangeFor(doc, p.pointer, p.kind === 'unknown-field'),
      });
    }
    return;
  }

  const ctx: CheckContext = {
    serviceNameValidation: options.serviceNameValidation ?? 'dns1035',
    nodePortRange: options.nodePortRange ?? [30000, 32767],
    warn: () => undefined,
  };
  const fieldErrors: FieldError[] = validateObject(kind, o, ctx);
  const seen = new Set<string>();
  for (const fe of fieldErrors) {
    const detail = errorBody(fe);
    const message = `The ${kind} ${goQuote(name)} is invalid: ${fe.path.text}: ${detail}`;
    if (seen.has(message)) continue; // kubectl prints each distinct cause once
    seen.add(message);
    const pointer = fe.pointer ?? fe.path.pointer;
    errors.push({ ...base, code: 'invalid', message, field: fe.path.text, detail, object: ref, path: pointer, range: rangeFor(doc, pointer, fe.atKey) });
  }
  if (kind === 'Endpoints' && errors.length === 0) {
    warnings.push({
      ...base,
      severity: 'warning',
      code: 'warning',
      message: 'v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice',
      object: ref,
      path: '/kind',
      range: rangeFor(doc, '/kind'),
    });
  }
}
