// Vendor the parts of Kubernetes' published OpenAPI v3 documents this course uses. Run by hand when the
// Kubernetes version changes (the output is committed; `npm run gen` reads it):
//
//   npx tsx scripts/vendor-openapi.ts <folder with api_v1.json, apis_apps_v1.json, apis_discovery.k8s.io_v1.json>
//
// Each document keeps only the `components.schemas` entries reachable (through `$ref`) from the kinds
// listed below; a kept schema is copied whole (descriptions, formats, required, defaults, x-kubernetes-*).
// `paths` is dropped: nothing here serves HTTP, and kubectl explain finds a kind by the
// x-kubernetes-group-version-kind of its schema. Output: vendor/kubernetes-openapi/<version>/.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const OPENAPI_VERSION = 'v1.35';
const MAX_BYTES = 1024 * 1024;

/** File name → the kinds (group/version/kind) kept from it: the simulator's kinds, plus Event for kubectl. */
export const DOCUMENTS: Record<string, { group: string; version: string; kind: string }[]> = {
  'api_v1.json': ['Namespace', 'Node', 'Pod', 'Service', 'Endpoints', 'Event'].map((kind) => ({ group: '', version: 'v1', kind })),
  'apis_apps_v1.json': ['Deployment', 'ReplicaSet'].map((kind) => ({ group: 'apps', version: 'v1', kind })),
  'apis_discovery.k8s.io_v1.json': [{ group: 'discovery.k8s.io', version: 'v1', kind: 'EndpointSlice' }],
};

type Json = any; // OpenAPI documents are walked structurally
const REF = '#/components/schemas/';

function refs(node: Json, out: string[]): void {
  if (Array.isArray(node)) node.forEach((n) => refs(n, out));
  else if (node && typeof node === 'object') {
    if (typeof node.$ref === 'string' && node.$ref.startsWith(REF)) out.push(node.$ref.slice(REF.length));
    Object.values(node).forEach((v) => refs(v, out));
  }
}

export function trim(doc: Json, kinds: { group: string; version: string; kind: string }[], file = 'document'): Json {
  const all: Record<string, Json> = doc.components?.schemas ?? {};
  const roots = kinds.map((gvk) => {
    const name = Object.keys(all).find((n) =>
      (all[n]['x-kubernetes-group-version-kind'] ?? []).some(
        (g: Json) => g.group === gvk.group && g.version === gvk.version && g.kind === gvk.kind,
      ),
    );
    if (!name) throw new Error(`${file}: no schema for ${gvk.group || 'core'}/${gvk.version} ${gvk.kind}`);
    return name;
  });
  const keep = new Set<string>();
  const todo = [...roots];
  while (todo.length) {
    const n = todo.pop()!;
    if (keep.has(n)) continue;
    if (!all[n]) throw new Error(`${file}: $ref to missing schema ${n}`);
    keep.add(n);
    refs(all[n], todo);
  }
  // the upstream order (sorted by name) is kept, so a re-vendoring diffs cleanly
  const schemas = Object.fromEntries(Object.keys(all).filter((n) => keep.has(n)).map((n) => [n, all[n]]));
  return { openapi: doc.openapi, info: doc.info, components: { schemas } };
}

function main(): void {
  const src = process.argv[2];
  if (!src) {
    console.error('usage: npx tsx scripts/vendor-openapi.ts <folder of upstream api/openapi-spec/v3 documents>');
    process.exit(2);
  }
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const out = join(root, 'vendor/kubernetes-openapi', OPENAPI_VERSION);
  mkdirSync(out, { recursive: true });
  for (const [file, kinds] of Object.entries(DOCUMENTS)) {
    const doc = JSON.parse(readFileSync(join(src, file), 'utf8'));
    const trimmed = trim(doc, kinds, file);
    let text = JSON.stringify(trimmed, null, 1) + '\n';
    if (Buffer.byteLength(text) > MAX_BYTES) text = JSON.stringify(trimmed) + '\n';
    if (Buffer.byteLength(text) > MAX_BYTES) throw new Error(`${file}: ${Buffer.byteLength(text)} bytes even minified`);
    writeFileSync(join(out, basename(file)), text);
    const n = Object.keys(trimmed.components.schemas).length;
    console.log(`${file}: ${n} of ${Object.keys(doc.components.schemas).length} schemas, ${(Buffer.byteLength(text) / 1024).toFixed(0)} KiB`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
