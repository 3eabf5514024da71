// Build step: derive the JSON Schemas of the 8 kinds the simulator accepts from kubernetes-models'
// type declarations (JSDoc kept as descriptions), tighten them with src/validate/schema-overlay.ts,
// and compile ajv standalone validators so the browser never compiles a schema at run time
// (the site runs under a CSP without 'unsafe-eval').
//
// Run: npx tsx scripts/gen-schemas.ts [--force]
// Writes src/validate/generated/ (gitignored):
//   schemas/<Kind>.json        one self-contained JSON Schema per kind (for monaco-yaml hover/completion)
//   schemas/manifest.json      one schema for any supported kind (if kind/apiVersion then that kind)
//   validators.js + .d.ts      ajv standalone ESM: one decode-check function per kind, shared code
//   shapes.ts                  compact Go field types per struct (decoder wording, did-you-mean)
//   .stamp                     hash of inputs: a second run with the same inputs does nothing
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { EDITOR_RANGES, INT32, INT64, INT64_FIELDS } from '../src/validate/schema-overlay';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'src/validate/generated');
const cacheDir = join(root, 'node_modules/.cache/slicelab-gen');
const require = createRequire(import.meta.url);

/** Kind → [apiVersion, module under kubernetes-models, interface name]. */
const KINDS: Record<string, [string, string, string]> = {
  Namespace: ['v1', 'kubernetes-models/v1/Namespace', 'INamespace'],
  Node: ['v1', 'kubernetes-models/v1/Node', 'INode'],
  Pod: ['v1', 'kubernetes-models/v1/Pod', 'IPod'],
  Service: ['v1', 'kubernetes-models/v1/Service', 'IService'],
  Endpoints: ['v1', 'kubernetes-models/v1/Endpoints', 'IEndpoints'],
  Deployment: ['apps/v1', 'kubernetes-models/apps/v1/Deployment', 'IDeployment'],
  ReplicaSet: ['apps/v1', 'kubernetes-models/apps/v1/ReplicaSet', 'IReplicaSet'],
  EndpointSlice: ['discovery.k8s.io/v1', 'kubernetes-models/discovery.k8s.io/v1/EndpointSlice', 'IEndpointSlice'],
};

type Json = any; // JSON Schema fragments are walked structurally

function version(pkg: string): string {
  return JSON.parse(readFileSync(join(root, 'node_modules', pkg, 'package.json'), 'utf8')).version;
}

function stamp(): string {
  const h = createHash('sha256');
  for (const p of ['kubernetes-models', '@kubernetes-models/apimachinery', 'ts-json-schema-generator', 'ajv'])
    h.update(`${p}@${version(p)}\n`);
  h.update(readFileSync(join(root, 'src/validate/schema-overlay.ts')));
  h.update(readFileSync(fileURLToPath(import.meta.url)));
  return h.digest('hex');
}

function upToDate(s: string): boolean {
  const files = ['.stamp', 'validators.js', 'validators.d.ts', 'shapes.ts', 'schemas/manifest.json'];
  if (!files.every((f) => existsSync(join(outDir, f)))) return false;
  return readFileSync(join(outDir, '.stamp'), 'utf8').trim() === s;
}

async function generateDefinitions(): Promise<{ defs: Record<string, Json>; roots: Record<string, string> }> {
  const { createGenerator } = await import('ts-json-schema-generator');
  mkdirSync(cacheDir, { recursive: true });
  const entry = join(cacheDir, 'entry.ts');
  const lines: string[] = [];
  for (const [kind, [, mod, iface]] of Object.entries(KINDS)) {
    lines.push(`import type { ${iface} } from ${JSON.stringify(mod)};`, `export type ${kind}Root = ${iface};`);
  }
  writeFileSync(entry, lines.join('\n') + '\n');
  const tsconfig = join(cacheDir, 'tsconfig.json');
  writeFileSync(
    tsconfig,
    JSON.stringify({
      compilerOptions: { module: 'esnext', moduleResolution: 'bundler', target: 'es2022', strict: true, skipLibCheck: true, noEmit: true },
      files: ['entry.ts'],
    }),
  );
  const gen = createGenerator({ path: entry, tsconfig, type: '*', expose: 'export', jsDoc: 'extended', skipTypeCheck: true, topRef: true });
  const defs: Record<string, Json> = {};
  const roots: Record<string, string> = {};
  for (const [kind, [, , iface]] of Object.entries(KINDS)) {
    let schema = gen.createSchema(`${kind}Root`) as Json;
    // Same short name, different API group (core EndpointPort vs discovery EndpointPort): prefix the
    // later one with its group ("discovery.IEndpointPort"); the Go struct name stays the part after '.'.
    const group = KINDS[kind][0].includes('/') ? KINDS[kind][0].split(/[./]/)[0] + '.' : '';
    const clashes = Object.keys(schema.definitions).filter(
      (n) => defs[n] && JSON.stringify(defs[n]) !== JSON.stringify(schema.definitions[n]),
    );
    if (clashes.length) {
      if (!group) throw new Error(`definition name clash in core group: ${clashes.join(', ')}`);
      let text = JSON.stringify(schema);
      for (const n of clashes) text = text.split(`"#/definitions/${n}"`).join(`"#/definitions/${group}${n}"`);
      schema = JSON.parse(text);
      for (const n of clashes) {
        schema.definitions[group + n] = schema.definitions[n];
        delete schema.definitions[n];
      }
    }
    for (const [name, def] of Object.entries<Json>(schema.definitions)) {
      if (name.endsWith('Root')) continue;
      defs[name] = def;
    }
    roots[kind] = iface;
  }
  return { defs, roots };
}

// ---- overlay --------------------------------------------------------------------------------------

/** number → integer with its Go range; FieldsV1 is free-form JSON in Go. */
function applyOverlay(defs: Record<string, Json>): void {
  const seen = new Set<string>();
  for (const [name, def] of Object.entries(defs)) {
    for (const [prop, s] of Object.entries<Json>(def.properties ?? {})) {
      const key = `${name}.${prop}`;
      const is64 = INT64_FIELDS.has(key);
      if (is64) seen.add(key);
      integerize(s, is64);
    }
    if (def.additionalProperties && typeof def.additionalProperties === 'object') integerize(def.additionalProperties, false);
  }
  for (const k of INT64_FIELDS) if (!seen.has(k) && defs[k.split('.')[0]]) console.warn(`overlay: ${k} not found`);
  if (defs.IFieldsV1) defs.IFieldsV1 = { type: 'object', description: defs.IFieldsV1.description };
}

function integerize(s: Json, is64: boolean): void {
  const range = is64 ? INT64 : INT32;
  if (s.type === 'number') Object.assign(s, { type: 'integer', format: is64 ? 'int64' : 'int32' }, range);
  else if (Array.isArray(s.type) && s.type.includes('number') && !s.$ref) s.type = s.type.map((t: string) => (t === 'number' ? 'integer' : t));
  if (s.type === 'array' && s.items) integerize(s.items, is64);
  if (s.type === 'object' && s.additionalProperties && typeof s.additionalProperties === 'object') integerize(s.additionalProperties, is64);
}

// ---- outputs --------------------------------------------------------------------------------------

function refsOf(node: Json, out: Set<string>): void {
  if (Array.isArray(node)) node.forEach((n) => refsOf(n, out));
  else if (node && typeof node === 'object') {
    if (typeof node.$ref === 'string') out.add(node.$ref.replace('#/definitions/', ''));
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

/** Editor schema: descriptions kept, API ranges tightened. */
function editorDefs(defs: Record<string, Json>): Record<string, Json> {
  const copy: Record<string, Json> = structuredClone(defs);
  for (const [key, range] of Object.entries(EDITOR_RANGES)) {
    const [d, p] = key.split('.');
    const s = copy[d]?.properties?.[p];
    if (!s) console.warn(`overlay: editor range ${key} not found`);
    else Object.assign(s, range);
  }
  return copy;
}

/** Validator schema: only what Go's strict JSON decoder enforces (types, int ranges, unknown fields). */
function decoderDefs(defs: Record<string, Json>): Record<string, Json> {
  const strip = (n: Json): Json => {
    if (Array.isArray(n)) return n.map(strip);
    if (!n || typeof n !== 'object') return n;
    const o: Json = {};
    for (const [k, v] of Object.entries(n)) {
      if (['description', 'enum', 'const', 'required', 'format', 'markdownDescription', 'default'].includes(k)) continue;
      o[k] = k === 'properties' ? Object.fromEntries(Object.entries(v as Json).map(([pk, pv]) => [pk, strip(pv)])) : strip(v);
    }
    // a schema that was only a const/enum becomes its bare type
    return o;
  };
  return strip(defs);
}

/** Compact Go type of a schema node: int32, int64, string, bool, any, intstr, @Def, []X, map[string]X. */
function goType(s: Json): string {
  if (!s || typeof s !== 'object') return 'any';
  if (s.$ref) {
    const name = s.$ref.replace('#/definitions/', '');
    if (name === 'IIntOrString') return 'intstr';
    if (name === 'IQuantity') return 'quantity';
    if (name === 'ITime' || name === 'IMicroTime') return 'time';
    return '@' + name;
  }
  const t = s.type;
  if (t === 'integer') return s.format === 'int64' ? 'int64' : 'int32';
  if (t === 'string') return 'string';
  if (t === 'boolean') return 'bool';
  if (t === 'array') return '[]' + goType(s.items);
  if (t === 'object') {
    if (s.properties) return 'any';
    if (s.additionalProperties && typeof s.additionalProperties === 'object') return 'map[string]' + goType(s.additionalProperties);
    return 'any';
  }
  if (Array.isArray(t) && t.includes('string') && t.includes('integer')) return 'intstr';
  if (Array.isArray(t) && t.includes('string')) return 'quantity';
  if (s.anyOf || s.oneOf) return 'any';
  return 'any';
}

function shapes(defs: Record<string, Json>): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  for (const [name, def] of Object.entries(defs)) {
    if (def.type !== 'object' || !def.properties) continue;
    out[name] = Object.fromEntries(Object.entries<Json>(def.properties).map(([p, s]) => [p, goType(s)]));
  }
  return out;
}

async function main(): Promise<void> {
  const force = process.argv.includes('--force');
  const s = stamp();
  if (!force && upToDate(s)) {
    console.log('gen-schemas: up to date');
    return;
  }
  const t0 = Date.now();
  const { defs, roots } = await generateDefinitions();
  applyOverlay(defs);
  mkdirSync(join(outDir, 'schemas'), { recursive: true });

  // editor schemas
  const ed = editorDefs(defs);
  for (const [kind, iface] of Object.entries(roots)) {
    const used = closure(ed, iface);
    const schema = {
      $schema: 'http://json-schema.org/draft-07/schema#',
      $id: `slicelab:${kind}`,
      title: `${KINDS[kind][0]} ${kind}`,
      $ref: `#/definitions/${iface}`,
      definitions: Object.fromEntries(used.map((n) => [n, ed[n]])),
    };
    writeFileSync(join(outDir, 'schemas', `${kind}.json`), JSON.stringify(schema, null, 1) + '\n');
  }
  const manifest = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'slicelab:manifest',
    title: 'A SliceLab manifest (one supported Kubernetes object)',
    type: 'object',
    properties: {
      apiVersion: { type: 'string', enum: [...new Set(Object.values(KINDS).map((k) => k[0]))] },
      kind: { type: 'string', enum: Object.keys(KINDS) },
    },
    allOf: Object.entries(roots).map(([kind, iface]) => ({
      if: { properties: { kind: { const: kind } }, required: ['kind'] },
      then: { $ref: `#/definitions/${iface}` },
    })),
    definitions: ed,
  };
  writeFileSync(join(outDir, 'schemas', 'manifest.json'), JSON.stringify(manifest) + '\n');

  // ajv standalone validators
  const Ajv = require('ajv').default;
  const standaloneCode = require('ajv/dist/standalone').default;
  const dd = decoderDefs(defs);
  const ajv = new Ajv({ allErrors: true, strict: false, inlineRefs: false, code: { source: true, esm: true, optimize: true, lines: false } });
  ajv.addSchema({ $id: 'defs', definitions: dd });
  const exports: Record<string, string> = {};
  for (const [kind, iface] of Object.entries(roots)) {
    ajv.addSchema({ $id: kind, $ref: `defs#/definitions/${iface}` });
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

  const sh = shapes(defs);
  writeFileSync(
    join(outDir, 'shapes.ts'),
    '// Generated by scripts/gen-schemas.ts: do not edit.\n' +
      '// Go field types per struct, compact: int32 int64 string bool any intstr quantity time @Struct []T map[string]T\n' +
      `export const ROOTS: Record<string, string> = ${JSON.stringify(roots)};\n` +
      `export const SHAPES: Record<string, Record<string, string>> = ${JSON.stringify(sh)};\n`,
  );
  writeFileSync(join(outDir, '.stamp'), s + '\n');
  console.log(`gen-schemas: ${Object.keys(defs).length} definitions, validators ${(code.length / 1024).toFixed(0)} KiB, ${Date.now() - t0} ms`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
