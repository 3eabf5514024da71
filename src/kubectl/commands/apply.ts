// `kubectl apply -f` (kubectl/pkg/cmd/apply): client-side apply with the
// kubectl.kubernetes.io/last-applied-configuration annotation; prints `<kind>/<name> created`,
// `configured` or `unchanged` per object, like the name printer with an operation.

import type { KObject } from '../../sim/types';
import { parseFlags, GLOBAL_FLAGS, type FlagSpec } from '../args';
import { Ctx, KubectlError } from '../context';
import { toCompactJson } from '../format/json';
import { parseOutput, printGeneric } from '../output';
import { LAST_APPLIED } from '../printers/describe';
import { byKind, kindPrefix, qualifiedResource, type ResourceType } from '../resources';
import { clientError, printErrors, readForWrite, rejectionError, targetNamespace, type CommandError } from './manifests';
import { clone, namespaceExists, write } from './write';

export const APPLY_FLAGS: FlagSpec[] = [
  ...GLOBAL_FLAGS,
  { long: 'filename', short: 'f', type: 'array' },
  { long: 'output', short: 'o', type: 'string' },
  { long: 'validate', type: 'string' },
  { long: 'recursive', short: 'R', type: 'bool' },
];

/** The annotation value: the manifest as applied (namespace filled in, own annotation removed), compact JSON + newline. */
export function lastAppliedConfiguration(obj: KObject, namespaced: boolean): string {
  const c = clone(obj);
  const annotations = { ...(c.metadata.annotations ?? {}) };
  delete annotations[LAST_APPLIED];
  c.metadata.annotations = annotations;
  if (namespaced) c.metadata.namespace = obj.metadata.namespace;
  return toCompactJson(c) + '\n';
}

/** Keeps what others added to labels/annotations (not in the previous applied config), takes the rest from the manifest. */
function mergeMap(live: Record<string, string> | undefined, prevApplied: Record<string, string> | undefined, next: Record<string, string> | undefined) {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(live ?? {})) if (!(prevApplied && k in prevApplied)) out[k] = v;
  Object.assign(out, next ?? {});
  return out;
}

/**
 * apply.go applyOneObject: info.Get() runs before anything reaches the server, so a nameless object
 * fails there (client-go: "resource name may not be empty"), wrapped by cmdutil.AddSourceToErr with
 * resource.Info.String() (GroupVersionResource.String() / GroupVersionKind.String(): "/v1, ...").
 */
function nameMissing(type: ResourceType, namespace: string | undefined, source: string): string {
  const gv = `${type.group}/${type.version}`;
  return (
    `error: error when retrieving current configuration of:\nResource: "${gv}, Resource=${type.plural}", GroupVersionKind: "${gv}, Kind=${type.kind}"\n` +
    `Name: "", Namespace: "${namespace ?? ''}"\nfrom server for: "${source}": resource name may not be empty`
  );
}

export function runApply(ctx: Ctx, argv: string[]): void {
  const { flags, args } = parseFlags(argv, APPLY_FLAGS);
  const filenames = (flags.filename as string[] | undefined) ?? [];
  if (args.length > 0) throw new KubectlError(`error: Unexpected args: [${args.join(' ')}]\nSee 'kubectl apply -h' for help and examples`);
  if (filenames.length === 0) throw new KubectlError("error: must specify one of -f and -k");
  const output = parseOutput(flags.output as string | undefined);
  const items = readForWrite(ctx, filenames);
  if (items.length === 0) throw new KubectlError('error: no objects passed to apply');
  const errors: CommandError[] = [];
  const fail = (text: string) => errors.push(text.startsWith('error: ') ? clientError(text) : { single: text, inAggregate: text });
  for (const item of items) {
    if (item.t === 'rejected') {
      for (const w of item.warnings) ctx.warn(w);
      const r = byKind(item.kind);
      // A nameless object never reaches server-side validation (see nameMissing).
      if (r && item.name === '' && item.issues.some((i) => i.field === 'metadata.name')) {
        fail(nameMissing(r, r.namespaced ? item.namespace ?? ctx.namespace : undefined, item.source));
        continue;
      }
      const exists = r ? ctx.listQuietly(r.kind, r.namespaced ? item.namespace ?? ctx.namespace : undefined).some((o) => o.metadata.name === item.name) : false;
      ctx.touched(item.kind);
      errors.push(rejectionError(item, exists ? 'patching' : 'creating'));
      continue;
    }
    const m = item.manifest;
    const ns = targetNamespace(ctx, m);
    const obj = clone(m.obj);
    if (ns !== undefined) obj.metadata.namespace = ns;
    const name = obj.metadata.name;
    if (!name) {
      fail(obj.metadata.generateName ? `error: from ${obj.metadata.generateName}: cannot use generate name with apply` : nameMissing(m.type, ns, m.source));
      continue;
    }
    if (ns !== undefined && !namespaceExists(ctx, ns)) {
      fail(`Error from server (NotFound): error when creating "${m.source}": namespaces "${ns}" not found`);
      continue;
    }
    const applied = lastAppliedConfiguration(obj, m.type.namespaced);
    obj.metadata.annotations = { ...(obj.metadata.annotations ?? {}), [LAST_APPLIED]: applied };
    const live = ctx.get(m.type.kind, ns, name);
    let action: 'created' | 'configured' | 'unchanged';
    try {
      // The strategy's warnings come with a write; an unchanged object sends no request (empty patch).
      const sendWarnings = () => item.warnings.forEach((w) => ctx.warn(w));
      if (!live) {
        sendWarnings();
        write(ctx, [obj]);
        action = 'created';
      } else {
        const prev = live.metadata.annotations?.[LAST_APPLIED];
        if (prev === applied) {
          action = 'unchanged';
        } else {
          if (prev === undefined) {
            ctx.warn(
              `Warning: resource ${qualifiedResource(m.type)}/${name} is missing the ${LAST_APPLIED} annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.`,
            );
          }
          let prevObj: KObject | undefined;
          try {
            prevObj = prev ? (JSON.parse(prev) as KObject) : undefined;
          } catch {
            prevObj = undefined;
          }
          const merged: KObject = { ...clone(live), ...clone(obj) };
          merged.metadata = {
            ...clone(live.metadata),
            ...clone(obj.metadata),
            labels: mergeMap(live.metadata.labels, prevObj?.metadata.labels, obj.metadata.labels),
            annotations: mergeMap(live.metadata.annotations, prevObj?.metadata.annotations, obj.metadata.annotations),
          };
          if (Object.keys(merged.metadata.labels ?? {}).length === 0) delete merged.metadata.labels;
          if (!('status' in obj) && 'status' in live) merged.status = clone(live.status);
          sendWarnings();
          write(ctx, [merged]);
          action = 'configured';
        }
      }
    } catch (e) {
      if (e instanceof KubectlError) {
        fail(e.text);
        continue;
      }
      throw e;
    }
    if (output.t === 'table') ctx.out(`${kindPrefix(m.type)}/${name} ${action}\n`);
    else {
      const now = ctx.listQuietly(m.type.kind, ns).find((o) => o.metadata.name === name) ?? obj;
      ctx.out(printGeneric(output, [now], true));
    }
  }
  printErrors(ctx, errors);
  if (errors.length) throw new KubectlError('');
}
