// Reading `-f FILE` manifests the way kubectl's resource builder does: multi-document YAML or JSON,
// `kind: List` flattened, empty documents skipped, and kubectl's messages for a missing file, a YAML
// syntax error, a missing apiVersion/kind and a kind the server does not serve.

import type { KObject } from '../../sim/types';
import { Ctx, KubectlError } from '../context';
import { RESOURCES, type ResourceType } from '../resources';
import { LineCounter } from '../../validate/line-counter';
import { parseManifestText } from '../../validate/parse';
import { validateManifests } from '../../validate/validate';
import type { ValidationIssue } from '../../validate/types';

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

/**
 * The documents of one file, through the validator's YAML reader and its guards against hostile input
 * (alias bombs, deep nesting: src/validate/limits.ts); a syntax error is kubectl's "error parsing" line.
 */
function parseDocuments(text: string, source: string): unknown[] {
  if (text.trimStart().startsWith('{')) {
    // kubectl sniffs JSON and decodes it as JSON
    try {
      return [JSON.parse(text)];
    } catch (e) {
      throw new KubectlError(`error: error parsing ${source}: ${(e as Error).message}`);
    }
  }
  const { docs, issues } = parseManifestText(text, new LineCounter(text));
  const first = issues[0];
  if (first?.code === 'yaml-syntax')
    throw new KubectlError(`error: error parsing ${source}: error converting YAML to JSON: yaml: line ${first.range.start.line}: ${first.message.replace(/^YAML syntax error: /, '')}`);
  if (first) throw new KubectlError(`error: error parsing ${source}: ${first.message}`);
  return docs.map((d) => d.value);
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


// ---- apply / create: validated reading ------------------------------------------------------------


/** One document to write, or the API server's rejection of it (printed in document order). */
export type WriteItem =
  | { t: 'object'; manifest: Manifest }
  | { t: 'rejected'; source: string; kind: string; namespace?: string; name: string; issues: ValidationIssue[] };

const CLIENT_SIDE = new Set(['yaml-syntax', 'limit', 'not-an-object', 'missing-kind', 'unknown-kind']);

function clientMessage(i: ValidationIssue, source: string): string {
  if (i.code === 'yaml-syntax') {
    const reason = i.message.replace(/^YAML syntax error: /, '');
    return `error: error parsing ${source}: error converting YAML to JSON: yaml: line ${i.range.start.line}: ${reason}`;
  }
  if (i.code === 'unknown-kind' && i.message.startsWith('resource mapping not found')) return `error: ${i.message}\nensure CRDs are installed first`;
  return `error: ${i.message}`;
}

/**
 * Reads files for apply/create through the course validator (src/validate): client-side problems
 * (YAML, apiVersion/kind, unknown kinds) stop the command before anything is written, as kubectl's
 * resource builder does; server-side rejections (strict decoding, field validation) are returned per
 * object so the other objects are still written.
 */
export function readForWrite(ctx: Ctx, filenames: string[]): WriteItem[] {
  const items: WriteItem[] = [];
  const clientErrors: string[] = [];
  for (const source of filenames) {
    const text = readFile(ctx, source);
    const res = validateManifests(text, { filename: source });
    for (const w of res.warnings) if (w.code === 'warning') ctx.warn(`Warning: ${w.message}`);
    const client = res.errors.filter((e) => CLIENT_SIDE.has(e.code));
    if (client.length) {
      clientErrors.push(...client.map((e) => clientMessage(e, source)));
      continue;
    }
    const byDoc = new Map<number, WriteItem[]>();
    const push = (doc: number, item: WriteItem) => byDoc.set(doc, [...(byDoc.get(doc) ?? []), item]);
    const rejected = new Map<string, Extract<WriteItem, { t: 'rejected' }>>();
    for (const e of res.errors) {
      const key = `${e.doc}/${e.object?.kind}/${e.object?.name ?? ''}`;
      let r = rejected.get(key);
      if (!r) {
        r = { t: 'rejected', source, kind: e.object?.kind ?? '', namespace: e.object?.namespace, name: e.object?.name ?? '', issues: [] };
        rejected.set(key, r);
        push(e.doc, r);
      }
      r.issues.push(e);
    }
    for (const p of res.objects) {
      const o = p.object as unknown as Record<string, unknown>;
      const type = RESOURCES.find((r) => r.kind === o.kind)!;
      if (!o.metadata || typeof o.metadata !== 'object') o.metadata = {};
      push(p.doc, { t: 'object', manifest: { obj: o as unknown as KObject, type, source } });
    }
    for (const doc of [...byDoc.keys()].sort((a, b) => a - b)) items.push(...byDoc.get(doc)!);
  }
  if (clientErrors.length) throw new KubectlError(clientErrors.join('\n'));
  return items;
}

/** kubectl's text for a server-side rejection (cmdutil.CheckErr: Invalid → "The Kind "name" is invalid: ..."). */
export function rejectionText(r: Extract<WriteItem, { t: 'rejected' }>, verb: 'creating' | 'patching'): string {
  // 413 from the API server (reason RequestEntityTooLarge), or etcd's refusal passed on as a 500 without a reason
  const tooLarge = r.issues.find((i) => i.code === 'too-large');
  if (tooLarge) {
    const reason = tooLarge.message.startsWith('Request entity too large') ? ' (RequestEntityTooLarge)' : '';
    return `Error from server${reason}: error when ${verb} "${r.source}": ${tooLarge.message}`;
  }
  const invalid = r.issues.filter((i) => i.code === 'invalid');
  if (invalid.length) {
    const head = `The ${r.kind} "${r.name}" is invalid: `;
    if (invalid.length === 1) return invalid[0].message;
    return head + '\n' + invalid.map((i) => `* ${i.field}: ${i.detail}`).join('\n');
  }
  const decode = r.issues.filter((i) => i.code === 'decode' || i.code === 'unknown-field');
  if (decode.length) {
    // The server reports every strict-decoding problem of one object in one message.
    const [first, ...rest] = decode;
    const more = rest.map((i) => (i.detail ?? i.message).replace(/^strict decoding error: /, ''));
    const msg = [first.message, ...more].join(', ');
    return `Error from server (BadRequest): error when ${verb} "${r.source}": ${msg}`;
  }
  return `error: ${r.issues[0].message}`;
}
