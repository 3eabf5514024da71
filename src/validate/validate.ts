// validateManifests(text) → { objects, errors, warnings }: YAML → documents with positions →
// kind/apiVersion → the strict decoder (types, unknown fields) → the API server's validation.
// One pass collects every problem; each carries kubectl's text for that single cause, the JSON
// pointer and the source range, so the editor, the CLI and the tests read the same data.

import { endpointsWarnings, ENDPOINTS_DEPRECATION, serviceWarnings } from './checks/api-warnings';
import type { KObject } from '../sim/types';
import { errorBody, goQuote, type FieldError } from './checks/field';
import { validateObject } from './checks/index';
import type { CheckContext, Obj } from './checks/util';
import { decodeProblems } from './decode';
import { isSupportedKind, OTHER_BUILTIN_KINDS, RESOURCE, supportedKinds } from './kinds';
import { LineCounter } from './line-counter';
import { inputTooLarge, objectTooLarge } from './limits';
import { parseManifestText, type ParsedDoc } from './parse';
import type { ObjectRefLite, ParsedObject, Range, ValidateOptions, ValidationIssue, ValidationResult } from './types';
import { API_VERSION, CLUSTER_SCOPED } from '../sim/types';

const SUPPORTED_LIST = supportedKinds.map((k) => `${k.kind} (${k.apiVersion})`).join(', ');

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

/**
 * A `kind: List` (what `kubectl get -o yaml` prints) stands for its items, as kubectl reads it. Each item
 * becomes a document of its own, with its positions re-rooted (so /spec/ports/0 is the item's), on first read.
 */
function expandList(doc: ParsedDoc): { doc: ParsedDoc; prefix: string }[] {
  const v = doc.value as Obj | null;
  if (!v || typeof v !== 'object' || Array.isArray(v) || typeof v.kind !== 'string' || !v.kind.endsWith('List') || !Array.isArray(v.items))
    return [{ doc, prefix: '' }];
  // one pass over the List's maps splits them for every item, the first time any item's are read
  let split: { positions: Map<string, Range>[]; keyPositions: Map<string, Range>[] } | undefined;
  const items = () => (split ??= { positions: splitByItem(doc.positions), keyPositions: splitByItem(doc.keyPositions) });
  return v.items.map((item, i) => {
    const item$: ParsedDoc = {
      index: doc.index,
      value: item,
      // an item's own text is not known without positions; the List's is an upper bound
      sourceChars: doc.sourceChars,
      aliases: doc.aliases,
      get positions() {
        return items().positions[i] ?? new Map();
      },
      get keyPositions() {
        return items().keyPositions[i] ?? new Map();
      },
      get range() {
        return item$.positions.get('') ?? doc.range;
      },
    };
    return { doc: item$, prefix: `/items/${i}` };
  });
}

/** A List's position map cut into one per item, re-rooted (/items/3/spec → /spec of item 3). */
function splitByItem(m: Map<string, Range>): Map<string, Range>[] {
  const out: Map<string, Range>[] = [];
  for (const [k, r] of m) {
    if (!k.startsWith('/items/')) continue;
    const slash = k.indexOf('/', 7);
    const i = Number(slash < 0 ? k.slice(7) : k.slice(7, slash));
    (out[i] ??= new Map()).set(slash < 0 ? '' : k.slice(slash), r);
  }
  return out;
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
  const tooLarge = inputTooLarge(text);
  if (tooLarge) {
    // no line counting over a huge input: answer at once
    errors.push({
      code: 'limit',
      severity: 'error',
      message: tooLarge,
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

  for (const { doc, prefix } of docs.flatMap(expandList)) {
    const docErrors: ValidationIssue[] = [];
    const docWarnings: ValidationIssue[] = [];
    validateDoc(doc, options, docErrors, docWarnings);
    if (prefix) for (const e of [...docErrors, ...docWarnings]) e.path = prefix + e.path;
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
      objects.push(parsedObject(o, doc));
    }
    errors.push(...docErrors);
    warnings.push(...docWarnings);
  }
  errors.push(...issues);
  errors.sort((a, b) => (a.doc === b.doc ? a.range.start.line - b.range.start.line || a.range.start.col - b.range.start.col : a.doc - b.doc));
  void file;
  return { objects, errors, warnings };
}

/** The public shape of a valid object; its positions stay lazy (read through the document). */
function parsedObject(object: KObject, doc: ParsedDoc): ParsedObject {
  return {
    object,
    doc: doc.index,
    get positions() {
      return doc.positions;
    },
    get keyPositions() {
      return doc.keyPositions;
    },
    get range() {
      return doc.range;
    },
  };
}

function validateDoc(doc: ParsedDoc, options: ValidateOptions, errors: ValidationIssue[], warnings: ValidationIssue[]): void {
  const v = doc.value;
  const file = options.filename;
  const base = { severity: 'error' as const, doc: doc.index };
  if (v === null || typeof v !== 'object' || Array.isArray(v)) {
    errors.push({
      ...base,
      code: 'not-an-object',
      message: `error validating ${goQuote(file ?? 'STDIN')}: error validating data: invalid object to validate; if you choose to ignore these errors, turn validation off with --validate=false`,
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

  // kubectl checks apiVersion and kind on its side first (validation.getObjectKind)
  if (!kind || !apiVersion) {
    const missing = [!apiVersion ? 'apiVersion not set' : '', !kind ? 'kind not set' : ''].filter(Boolean);
    const list = missing.length === 1 ? missing[0] : `[${missing.join(', ')}]`;
    errors.push({
      ...base,
      code: 'missing-kind',
      message: `error validating ${goQuote(file ?? 'STDIN')}: error validating data: ${list}; if you choose to ignore these errors, turn validation off with --validate=false`,
      hint: isSupportedKind(kind) ? `${kind} is apiVersion: ${API_VERSION[kind]}` : `every object needs apiVersion and kind: one of ${SUPPORTED_LIST}`,
      object: ref,
      path: !apiVersion ? '/apiVersion' : '/kind',
      range: doc.keyPositions.get('/kind') ?? doc.keyPositions.get('/apiVersion') ?? rangeFor(doc, '/kind'),
    });
    return;
  }
  if (!isSupportedKind(kind) || API_VERSION[kind] !== apiVersion) {
    const notSimulated = !isSupportedKind(kind) && OTHER_BUILTIN_KINDS.has(kind);
    const message = notSimulated
      ? `kind ${goQuote(kind)} is not part of this course's simulator`
      : `resource mapping not found for name: ${goQuote(name)} namespace: ${goQuote(namespace)} from ${goQuote(file ?? 'STDIN')}: no matches for kind ${goQuote(kind)} in version ${goQuote(apiVersion)}`;
    const hint = isSupportedKind(kind) ? `${kind} is served as apiVersion: ${API_VERSION[kind]}` : `the simulator accepts ${SUPPORTED_LIST}`;
    errors.push({
      ...base,
      code: 'unknown-kind',
      message,
      hint,
      object: ref,
      path: isSupportedKind(kind) ? '/apiVersion' : '/kind',
      range: rangeFor(doc, isSupportedKind(kind) ? '/apiVersion' : '/kind'),
    });
    return;
  }

  // The request reaches the API server from here on: the installer adds the deprecation warning of
  // v1 Endpoints before the handler decodes or validates anything, so a refused object carries it too.
  if (kind === 'Endpoints')
    warnings.push({ ...base, severity: 'warning', code: 'warning', message: ENDPOINTS_DEPRECATION, object: ref, path: '/kind', range: rangeFor(doc, '/kind') });
  // Past kubectl's own checks the object is sent: the API server reads the body before decoding it (413),
  // etcd sees it only once it is valid.
  const tooLarge = objectTooLarge(o, doc.sourceChars, doc.aliases > 0, () => `${kind} ${goQuote(name)}`);
  const sizeIssue = (t: NonNullable<typeof tooLarge>): ValidationIssue => ({
    ...base,
    code: 'too-large',
    message: t.message,
    hint: t.hint,
    object: ref,
    path: '',
    range: rangeFor(doc, '/kind'),
  });
  if (tooLarge?.by === 'apiserver') {
    errors.push(sizeIssue(tooLarge));
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

  const serverWarnings: { pointer: string; text: string }[] = [];
  const ctx: CheckContext = {
    serviceNameValidation: options.serviceNameValidation ?? 'dns1035',
    nodePortRange: options.nodePortRange ?? [30000, 32767],
    warn: (pointer, text) => serverWarnings.push({ pointer, text }),
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
  if (tooLarge && errors.length === 0) {
    errors.push(sizeIssue(tooLarge));
    return;
  }
  // the API server sends the strategy's warnings only with a write that passed validation
  if (kind === 'Service') serverWarnings.push(...serviceWarnings(o));
  if (kind === 'Endpoints') serverWarnings.push(...endpointsWarnings(o));
  if (errors.length === 0)
    for (const w of serverWarnings)
      warnings.push({ ...base, severity: 'warning', code: 'warning', message: w.text, object: ref, path: w.pointer, range: rangeFor(doc, w.pointer) });
}
