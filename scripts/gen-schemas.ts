// Build step: the JSON Schemas and validators of the 8 kinds the simulator accepts, from Kubernetes'
// own OpenAPI v3 documents (vendor/kubernetes-openapi/, see its README), tightened only by
// src/validate/schema-overlay.ts, with ajv standalone validators so the browser never compiles a schema
// at run time (the site runs under a CSP without 'unsafe-eval').
//
// Run: npx tsx scripts/gen-schemas.ts [--force]
// Writes src/validate/generated/ (gitignored):
//   schemas/<Kind>.json        one self-contained JSON Schema per kind (for monaco-yaml hover/completion)
//   schemas/manifest.json      one schema for any supported kind (if kind then that kind), with every
//                              vendored definition: kubectl explain reads its documentation from here
//   validators.js + .d.ts      ajv standalone ESM: one decode-check function per kind, shared code
//   shapes.ts                  compact Go field types per struct (decoder wording, did-you-mean)
//   .stamp                     hash of inputs: a second run with the same inputs does nothing
//
// OpenAPI v3 → JSON Schema draft-07: `#/components/schemas/X` becomes `#/definitions/X`; the
// `allOf: [{$ref}]` wrappers (how OpenAPI puts a description beside a $ref) become `$ref` with that
// description beside it (what editors read; ajv applies $ref with its siblings); a struct (an object with properties) gets `additionalProperties: false`, as strict field validation
// rejects unknown fields. The editor schema keeps the documents' texts and structure (kubectl explain
// walks it as kubectl walks the OpenAPI document); the validator schema keeps only what Go's strict
// JSON decoder enforces, with `format: int32/int64` turned into the decoder's integer range.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { isDeepStrictEqual } from 'node:util';
import { EDITOR_RANGES, INTEGER_RANGES } from '../src/validate/schema-overlay';
import { DOCUMENTS, OPENAPI_VERSION } from './vendor-openapi';
import { API_VERSION } from '../src/sim/types';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'src/validate/generated');
const vendorDir = join(root, 'vendor/kubernetes-openapi', OPENAPI_VERSION);
const require = createRequire(import.meta.url);

/** The kinds the simulator accepts: kind → apiVersion (one list, in src/sim/types.ts). */
const KINDS: Record<string, string> = API_VERSION;

type Json = any; // JSON Schema fragments are walked structurally
const OPENAPI_REF = '#/components/schemas/';
const DEF_REF = '#/definitions/';
/** Schemas Go decodes with their own UnmarshalJSON: named in decoder messages by their Go type. */
const SCALARS: Record<string, string> = {
  'io.k8s.apimachinery.pkg.util.intstr.IntOrString': 'intstr',
  'io.k8s.apimachinery.pkg.api.resource.Quantity': 'quantity',
  'io.k8s.apimachinery.pkg.apis.meta.v1.Time': 'time',
  'io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime': 'time',
};

function version(pkg: string): string {
  return JSON.parse(readFileSync(join(root, 'node_modules', pkg, 'package.json'), 'utf8')).version;
}

function stamp(): string {
  const h = createHash('sha256');
  h.update(`ajv@${version('ajv')}\n`);
  for (const file of Object.keys(DOCUMENTS)) h.update(readFileSync(join(vendorDir, file)));
  for (const f of ['src/validate/schema-overlay.ts', 'scripts/vendor-openapi.ts']) h.update(readFileSync(join(root, f)));
  h.update(readFileSync(fileURLToPath(import.meta.url)));
  return h.digest('hex');
}

function upToDate(s: string): boolean {
  const files = ['.stamp', 'validators.js', 'validators.d.ts', 'shapes.ts', 'schemas/manifest.json'];
  if (!files.every((f) => existsSync(join(outDir, f)))) return false;
  return readFileSync(join(outDir, '.stamp'), 'utf8').trim() === s;
}

// ---- reading the documents ------------------------------------------------------------------------

/** All vendored `components.schemas`, by OpenAPI name; the core types every document repeats must agree. */
function readDocuments(): Record<string, Json> {
  const all: Record<string, Json> = {};
  for (const file of Object.keys(DOCUMENTS)) {
    const doc = JSON.parse(readFileSync(join(vendorDir, file), 'utf8'));
    for (const [name, schema] of Object.entries<Json>(doc.components.schemas)) {
      if (all[name] && !isDeepStrictEqual(all[name], schema)) throw new Error(`${file}: ${name} differs from another document's`);
      all[name] = schema;
    }
  }
  return all;
}

/** The OpenAPI schema name of a kind, found as kubectl finds it: by x-kubernetes-group-version-kind. */
function schemaOfKind(all: Record<string, Json>, kind: string, apiVersion: string): string {
  const [group, ver] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
  const name = Object.keys(all).find((n) =>
    (all[n]['x-kubernetes-group-version-kind'] ?? []).some((g: Json) => g.group === group && g.version === ver && g.kind === kind),
  );
  if (!name) throw new Error(`no schema for ${apiVersion} ${kind} in ${vendorDir}`);
  return name;
}

// ---- editor schema: the documents' structure and texts --------------------------------------------

/** Keywords the editor schema drops: `default` (monaco-yaml would insert it on completion) and the
 * list/map/patch extensions, which mean nothing to a JSON Schema; x-kubernetes-group-version-kind stays
 * (kubectl explain's GROUP/KIND/VERSION). */
const EDITOR_DROP = new Set(['default', 'x-kubernetes-list-type', 'x-kubernetes-list-map-keys', 'x-kubernetes-map-type',
  'x-kubernetes-patch-strategy', 'x-kubernetes-patch-merge-key', 'x-kubernetes-unions']);

export function toDraft07(node: Json): Json {
  if (Array.isArray(node)) return node.map(toDraft07);
  if (!node || typeof node !== 'object') return node;
  const out: Json = {};
  for (const [k, v] of Object.entries<Json>(node)) {
    if (EDITOR_DROP.has(k)) continue;
    if (k === '$ref') {
      if (!String(v).startsWith(OPENAPI_REF)) throw new Error(`unexpected $ref ${v}`);
      out.$ref = DEF_REF + String(v).slice(OPENAPI_REF.length);
    } else if (k === 'properties') out.properties = Object.fromEntries(Object.entries<Json>(v).map(([p, s]) => [p, toDraft07(s)]));
    else out[k] = toDraft07(v);
  }
  // OpenAPI's `allOf: [{$ref}]` beside a description becomes `$ref` beside it: JSON Schema tools
  // (monaco-yaml's hover) take a field's text from the first schema they match, which inside allOf is
  // the referenced type's. Lossless: the documents have no other kind of allOf and no $ref with
  // siblings, and kubectl explain (explain-schema.ts) reads the pair back as the wrapper.
  if (Array.isArray(out.allOf) && out.allOf.length === 1 && Object.keys(out.allOf[0]).join() === '$ref' && !out.$ref) {
    out.$ref = out.allOf[0].$ref;
    delete out.allOf;
  }
  // x-kubernetes-int-or-string (CRD style): accept both, as the API server does
  if (out['x-kubernetes-int-or-string'] && !out.oneOf && !out.anyOf) {
    out.anyOf = [{ type: 'integer' }, { type: 'string' }];
    delete out.type;
  }
  // a struct: strict field validation rejects unknown fields
  if (out.properties && out.additionalProperties === undefined && !out['x-kubernetes-preserve-unknown-fields']) out.additionalProperties = false;
  if ((out.format === 'int32' || out.format === 'int64') && out.type === 'integer') Object.assign(out, INTEGER_RANGES[out.format as 'int32' | 'int64']);
  return out;
}

/** The editor's copy adds the port ranges of the overlay (the validator's does not). */
function withEditorRanges(base: Record<string, Json>): Record<string, Json> {
  const defs: Record<string, Json> = structuredClone(base);
  for (const [key, range] of Object.entries(EDITOR_RANGES)) {
    const i = key.lastIndexOf('.');
    const s = defs[key.slice(0, i)]?.properties?.[key.slice(i + 1)];
    if (!s) throw new Error(`overlay: editor range ${key} not found`);
    Object.assign(s, range);
  }
  return defs;
}

// ---- validator schema: what Go's strict JSON decoder enforces -------------------------------------

/** Types, integer ranges (from format), unknown fields; no description, enum, required or format. */
export function decoderSchema(n: Json): Json {
  if (Array.isArray(n)) return n.map(decoderSchema);
  if (!n || typeof n !== 'object') return n;
  const o: Json = {};
  for (const [k, v] of Object.entries<Json>(n)) {
    if (['description', 'enum', 'const', 'required', 'format', 'default', 'readOnly'].includes(k) || k.startsWith('x-kubernetes-')) continue;
    o[k] = k === 'properties' ? Object.fromEntries(Object.entries<Json>(v).map(([pk, pv]) => [pk, decoderSchema(pv)])) : decoderSchema(v);
  }
  // oneOf/anyOf of bare types (IntOrString, Quantity): one `type` list, so a wrong value gives one
  // `type` error at its own path; an integer branch keeps its int32 range (IntOrString.IntVal is int32).
  const alts = n.oneOf ?? n.anyOf;
  if (Array.isArray(alts) && alts.every((a: Json) => Object.keys(a).every((k) => k === 'type'))) {
    delete o.oneOf;
    delete o.anyOf;
    o.type = alts.map((a: Json) => a.type);
    if (o.type.includes('integer')) Object.assign(o, INTEGER_RANGES.int32);
  }
  if (n.format === 'int32' || n.format === 'int64') Object.assign(o, INTEGER_RANGES[n.format as 'int32' | 'int64']);
  return o;
}

// ---- shapes: Go types for the decoder's wording ---------------------------------------------------

/** Compact Go type of a schema node: int32, int64, string, bool, any, intstr, quantity, time, @Def, []X, map[string]X. */
function goType(s: Json): string {
  if (!s || typeof s !== 'object') return 'any';
  if (Array.isArray(s.allOf) && s.allOf.length === 1 && !s.properties) return goType(s.allOf[0]);
  if (s.$ref) {
    const name = s.$ref.slice(DEF_REF.length);
    return SCALARS[name] ?? '@' + name;
  }
  if (s.format === 'int-or-string' || s['x-kubernetes-int-or-string']) return 'intstr';
  const t = s.type;
  if (t === 'integer') return s.format === 'int64' ? 'int64' : 'int32';
  if (t === 'number') return 'float64';
  if (t === 'string') return 'string';
  if (t === 'boolean') return 'bool';
  if (t === 'array') return '[]' + goType(s.items);
  if (t === 'object' && !s.properties && s.additionalProperties && typeof s.additionalProperties === 'object') {
    return 'map[string]' + goType(s.additionalProperties);
  }
  return 'any';
}

function shapes(defs: Record<string, Json>): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  for (const [name, def] of Object.entries(defs)) {
    if (!def.properties || SCALARS[name]) continue;
    out[name] = Object.fromEntries(Object.entries<Json>(def.properties).map(([p, s]) => [p, goType(s)]));
  }
  return out;
}

// ---- outputs --------------------------------------------------------------------------------------

function refsOf(node: Json, out: Set<string>): void {
  if (Array.isArray(node)) node.forEach((n) => refsOf(n, out));
  else if (node && typeof node === 'object') {
    if (typeof node.$ref === 'string') out.add(node.$ref.slice(DEF_REF.length));
    Object.values(node).forEach((v) => refsOf(v, out));
  }
}

function closure(defs: Record<string, Json>, start: string): string[] {
  const done = new Set<string>();
  const todo = [start];
  while (todo.length) {
    const n = todo.pop()!;
    if (done.has(n)) continue;
    done.add(n);
    const r = new Set<string>();
    refsOf(defs[n], r);
    r.forEach((x) => todo.push(x));
  }
  return [...done].sort();
}

async function main(): Promise<void> {
  const force = process.argv.includes('--force');
  const s = stamp();
  if (!force && upToDate(s)) {
    console.log('gen-schemas: up to date');
    return;
  }
  const t0 = Date.now();
  const all = readDocuments();
  const roots: Record<string, string> = Object.fromEntries(Object.entries(KINDS).map(([k, v]) => [k, schemaOfKind(all, k, v)]));
  mkdirSync(join(outDir, 'schemas'), { recursive: true });

  // editor schemas
  const base: Record<string, Json> = Object.fromEntries(Object.entries(all).map(([n, d]) => [n, toDraft07(d)]));
  const ed = withEditorRanges(base);
  for (const [kind, def] of Object.entries(roots)) {
    const schema = {
      $schema: 'http://json-schema.org/draft-07/schema#',
      $id: `slicelab:${kind}`,
      title: `${KINDS[kind]} ${kind}`,
      $ref: DEF_REF + def,
      definitions: Object.fromEntries(closure(ed, def).map((n) => [n, ed[n]])),
    };
    writeFileSync(join(outDir, 'schemas', `${kind}.json`), JSON.stringify(schema, null, 1) + '\n');
  }
  const manifest = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'slicelab:manifest',
    title: 'A SliceLab manifest (one supported Kubernetes object)',
    description: `Kubernetes ${OPENAPI_VERSION} OpenAPI v3 (vendor/kubernetes-openapi)`,
    type: 'object',
    properties: {
      apiVersion: { type: 'string', enum: [...new Set(Object.values(KINDS))] },
      kind: { type: 'string', enum: Object.keys(KINDS) },
    },
    allOf: Object.entries(roots).map(([kind, def]) => ({
      if: { properties: { kind: { const: kind } }, required: ['kind'] },
      then: { $ref: DEF_REF + def },
    })),
    definitions: ed,
  };
  writeFileSync(join(outDir, 'schemas', 'manifest.json'), JSON.stringify(manifest) + '\n');

  // ajv standalone validators
  const Ajv = require('ajv').default;
  const standaloneCode = require('ajv/dist/standalone').default;
  const dd: Record<string, Json> = Object.fromEntries(Object.entries(base).map(([n, d]) => [n, decoderSchema(d)]));
  const ajv = new Ajv({ allErrors: true, strict: false, inlineRefs: false, code: { source: true, esm: true, optimize: true, lines: false } });
  ajv.addSchema({ $id: 'defs', definitions: dd });
  const exports: Record<string, string> = {};
  for (const [kind, def] of Object.entries(roots)) {
    ajv.addSchema({ $id: kind, $ref: `defs${DEF_REF}${def}` });
    exports[`validate${kind}`] = kind;
  }
  const code = standaloneCode(ajv, exports);
  if (/\bnew Function\b|\beval\(/.test(code)) throw new Error('standalone validator uses eval');
  writeFileSync(join(outDir, 'validators.js'), '// @ts-nocheck\n// Generated by scripts/gen-schemas.ts: do not edit.\n' + code);
  const dts = [
    '// Generated by scripts/gen-schemas.ts: do not edit.',
    'export interface DecodeError { instancePath: string; schemaPath: string; keyword: string; params: Record<string, any>; }',
    'export interface DecodeCheck { (data: unknown): boolean; errors?: DecodeError[] | null }',
    ...Object.keys(exports).map((e) => `export declare const ${e}: DecodeCheck;`),
    '',
  ].join('\n');
  writeFileSync(join(outDir, 'validators.d.ts'), dts);

  writeFileSync(
    join(outDir, 'shapes.ts'),
    '// Generated by scripts/gen-schemas.ts: do not edit.\n' +
      '// Go field types per struct, compact: int32 int64 float64 string bool any intstr quantity time @Struct []T map[string]T\n' +
      `export const ROOTS: Record<string, string> = ${JSON.stringify(roots)};\n` +
      `export const SHAPES: Record<string, Record<string, string>> = ${JSON.stringify(shapes(base))};\n`,
  );
  writeFileSync(join(outDir, '.stamp'), s + '\n');
  console.log(`gen-schemas: ${Object.keys(ed).length} definitions from Kubernetes ${OPENAPI_VERSION} OpenAPI, validators ${(code.length / 1024).toFixed(0)} KiB, ${Date.now() - t0} ms`);
}

// run as a script (npm run gen), not when a test imports the translation functions
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
