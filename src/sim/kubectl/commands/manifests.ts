// Reading `-f FILE` manifests the way kubectl's resource builder does: multi-document YAML or JSON,
// `kind: List` flattened, empty documents skipped, and kubectl's messages for a missing file, a YAML
// syntax error, a missing apiVersion/kind and a kind the server does not serve.

import { load, loadAll, CORE_SCHEMA } from 'js-yaml';
import type { KObject } from '../../types';
import { Ctx, KubectlError } from '../context';
import { RESOURCES, type ResourceType } from '../resources';

export interface Manifest {
  obj: KObject;
  type: ResourceType;
  /** The file name, as kubectl names it in messages. */
  source: string;
}

export function readFile(ctx: Ctx, name: string): string {
  if (name === '-') return ctx.opts.stdin ?? '';
  const text = ctx.opts.files?.[name];
  if (text === undefined) throw new KubectlError(`error: the path "${name}" does not exist`);
  return text;
}

function parseDocuments(text: string, source: string): unknown[] {
  try {
    const trimmed = text.trimStart();
    if (trimmed.startsWith('{')) return [JSON.parse(text)];
    return loadAll(text, { schema: CORE_SCHEMA }) as unknown[];
  } catch (e) {
    const err = e as { mark?: { line?: number }; reason?: string; message?: string };
    if (err.mark && typeof err.mark.line === 'number') {
      const line = (err.mark.line ?? 0) + 1;
      throw new KubectlError(`error: error parsing ${source}: error converting YAML to JSON: yaml: line ${line}: ${err.reason ?? err.message}`);
    }
    throw new KubectlError(`error: error parsing ${source}: ${err.message ?? String(e)}`);
  }
}

function typeFor(obj: Record<string, unknown>): ResourceType | undefined {
  return RESOURCES.find((r) => r.kind === obj.kind && (r.group ? `${r.group}/${r.version}` : r.version) === obj.apiVersion);
}

/** Objects of every file, in order. */
export function readManifests(ctx: Ctx, filenames: string[]): Manifest[] {
  const out: Manifest[] = [];
  for (const source of filenames) {
    const docs = parseDocuments(readFile(ctx, source), source);
    const flat: unknown[] = [];
    for (const d of docs) {
      if (d && typeof d === 'object' && !Array.isArray(d) && (d as { kind?: unknown }).kind === 'List') {
        flat.push(...(((d as { items?: unknown[] }).items ?? []) as unknown[]));
      } else flat.push(d);
    }
    for (const d of flat) {
      if (d === null || d === undefined) continue;
      if (typeof d !== 'object' || Array.isArray(d)) {
        throw new KubectlError(
          `error: error validating "${source}": error validating data: invalid object to validate; if you choose to ignore these errors, turn validation off with --validate=false`,
        );
      }
      const obj = d as Record<string, unknown>;
      const missing = [!obj.apiVersion ? 'apiVersion not set' : '', !obj.kind ? 'kind not set' : ''].filter(Boolean);
      if (missing.length) {
        const list = missing.length === 1 ? missing[0] : `[${missing.join(', ')}]`;
        throw new KubectlError(
          `error: error validating "${source}": error validating data: ${list}; if you choose to ignore these errors, turn validation off with --validate=false`,
        );
      }
      const type = typeFor(obj);
      const meta = (obj.metadata ?? {}) as { name?: string; namespace?: string };
      if (!type) {
        const version = String(obj.apiVersion);
        throw new KubectlError(
          `error: resource mapping not found for name: "${meta.name ?? ''}" namespace: "${meta.namespace ?? ''}" from "${source}": no matches for kind "${String(
            obj.kind,
          )}" in version "${version}"\nensure CRDs are installed first`,
        );
      }
      if (!obj.metadata || typeof obj.metadata !== 'object') obj.metadata = {};
      out.push({ obj: obj as unknown as KObject, type, source });
    }
  }
  return out;
}

/** The namespace an object goes to: its own, else -n, else default; kubectl refuses a mismatch. */
export function targetNamespace(ctx: Ctx, m: Manifest): string | undefined {
  if (!m.type.namespaced) return undefined;
  const own = m.obj.metadata.namespace;
  if (own && ctx.namespaceGiven && own !== ctx.namespace) {
    throw new KubectlError(
      `error: the namespace from the provided object "${own}" does not match the namespace "${ctx.namespace}". You must pass '--namespace=${own}' to perform this operation.`,
    );
  }
  return own || ctx.namespace;
}

export { load };
