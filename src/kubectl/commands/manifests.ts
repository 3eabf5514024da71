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
export type WriteItem = (
  | { t: 'object'; manifest: Manifest }
  | { t: 'rejected'; source: string; kind: string; namespace?: string; name: string; issues: ValidationIssue[] }
) & {
  /** API warnings of this object's request ("Warning: ..." lines), printed when it is sent. */
  warnings: string[];
};

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
    const warningsOf = new Map<number, string[]>();
    for (const w of res.warnings) if (w.code === 'warning') warningsOf.set(w.doc, [...(warningsOf.get(w.doc) ?? []), `Warning: ${w.message}`]);
    const client = res.errors.filter((e) => CLIENT_SIDE.has(e.code));
    if (client.length) {
      clientErrors.push(...client.map((e) => clientMessage(e, source)));
      continue;
    }
    const byDoc = new Map<number, WriteItem[]>();
    const push = (doc: number, item: WriteItem) => {
      // the document's warnings go with its first request
      if (!byDoc.has(doc)) item.warnings = warningsOf.get(doc) ?? [];
      byDoc.set(doc, [...(byDoc.get(doc) ?? []), item]);
    };
    const rejected = new Map<string, Extract<WriteItem, { t: 'rejected' }>>();
    for (const e of res.errors) {
      const key = `${e.doc}/${e.object?.kind}/${e.object?.name ?? ''}`;
      let r = rejected.get(key);
      if (!r) {
        r = { t: 'rejected', source, kind: e.object?.kind ?? '', namespace: e.object?.namespace, name: e.object?.name ?? '', issues: [], warnings: [] };
        rejected.set(key, r);
        push(e.doc, r);
      }
      r.issues.push(e);
    }
    for (const p of res.objects) {
      const o = p.object as unknown as Record<string, unknown>;
      const type = RESOURCES.find((r) => r.kind === o.kind)!;
      if (!o.metadata || typeof o.metadata !== 'object') o.metadata = {};
      push(p.doc, { t: 'object', manifest: { obj: o as unknown as KObject, type, source }, warnings: [] });
    }
    for (const doc of [...byDoc.keys()].sort((a, b) => a - b)) items.push(...byDoc.get(doc)!);
  }
  if (clientErrors.length) throw new KubectlError(clientErrors.join('\n'));
  return items;
}

/**
 * kubectl's text for a server-side rejection: alone, cmdutil.CheckErr prints an Invalid error as
 * "The Kind "name" is invalid: ..." (one cause) or with "* cause" lines; among several errors it goes
 * through StandardErrorMessage like any API status: "Error from server (Invalid): error when creating
 * "file": Kind "name" is invalid: <cause>" (or "[<cause>, <cause>]", the aggregate's text).
 */
export function rejectionError(r: Extract<WriteItem, { t: 'rejected' }>, verb: 'creating' | 'patching'): CommandError {
  const invalid = r.issues.filter((i) => i.code === 'invalid');
  const single = rejectionText(r, verb);
  if (invalid.length === 0 || verb === 'patching') return { single, inAggregate: single };
  const causes = [...new Set(invalid.map((i) => `${i.field}: ${i.detail}`))];
  const agg = causes.length === 1 ? causes[0] : `[${causes.join(', ')}]`;
  return { single, inAggregate: `Error from server (Invalid): error when ${verb} "${r.source}": ${r.kind} "${r.name}" is invalid: ${agg}` };
}

/** One error of a command that goes on with the other objects: its text alone, and among several. */
export interface CommandError {
  single: string;
  inAggregate: string;
}

/** An error kubectl builds itself ("error: ..."): MultipleErrors prints it without the prefix. */
export function clientError(text: string): CommandError {
  return { single: text, inAggregate: text.replace(/^error: /, '') };
}

/**
 * cmdutil.CheckErr at the end of apply/create: the errors collected while the other objects were
 * written, after all of their output (apply.go Run returns errs[0] or utilerrors.NewAggregate(errs)).
 */
export function printErrors(ctx: Ctx, errors: CommandError[]): void {
  if (errors.length === 1) ctx.err(errors[0].single);
  else for (const e of errors) ctx.err(e.inAggregate);
}

/** kubectl's text for a server-side rejection when it is the command's only error. */
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
