// `kubectl get` (kubectl/pkg/cmd/get/get.go): resource groups printed with one tab writer whose
// remembered widths reset per group, a blank line between groups, `kind/` name prefixes when several
// types were requested, NAMESPACE with -A, `No resources found in <ns> namespace.` on stderr, NotFound
// errors after the table, and --watch as an initial table plus rows for every later change.

import type { KObject } from '../../sim/types';
import { parseFlags, type FlagSpec, GLOBAL_FLAGS } from '../args';
import { Ctx, KubectlError, notFound } from '../context';
import { LabelSelectorError, parse as parseLabelSelector, type Selector } from '../../sim';
import { parseResourceArgs, type Request } from '../format/selection';
import { GET_TABLE, TabWriter } from '../format/tabwriter';
import { parseOutput, printGeneric, nameLine, type OutputSpec } from '../output';
import { printTable, tableHeader, tableRow, type TableOptions } from '../printers/table';
import { kindPrefix, type ResourceType } from '../resources';
import { readManifests } from './manifests';
import { FieldSelectorError, fieldMatcher, parseFieldSelector } from '../format/fields';

export const GET_FLAGS: FlagSpec[] = [
  ...GLOBAL_FLAGS,
  { long: 'output', short: 'o', type: 'string' },
  { long: 'selector', short: 'l', type: 'string' },
  { long: 'field-selector', type: 'string' },
  { long: 'all-namespaces', short: 'A', type: 'bool' },
  { long: 'watch', short: 'w', type: 'bool' },
  { long: 'watch-only', type: 'bool' },
  { long: 'show-labels', type: 'bool' },
  { long: 'label-columns', short: 'L', type: 'array' },
  { long: 'show-kind', type: 'bool' },
  { long: 'no-headers', type: 'bool' },
  { long: 'ignore-not-found', type: 'bool' },
  { long: 'filename', short: 'f', type: 'array' },
];

export interface WatchHandle {
  /** Rows (or documents) for objects changed or deleted since the last poll; '' when nothing changed. */
  poll(): string;
}

/**
 * kubectl does not parse -l itself: the selector goes to the API server with the first list request,
 * which answers 400, and resource.EnhanceListError wraps the message with the resource (GVR.String())
 * and both selectors. Without a resource type (e.g. -f) the parse error is printed as is.
 */
export function parseSelectorFlag(value: string | undefined, type?: ResourceType, fieldSelector = ''): Selector | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  try {
    return parseLabelSelector(value.trim());
  } catch (e) {
    if (!(e instanceof LabelSelectorError)) throw e;
    if (!type) throw new KubectlError(`error: ${e.message}`);
    throw listBadRequest(type, value.trim(), fieldSelector, e.message);
  }
}

/** resource.EnhanceListError for a 400 answer to a list request with selectors. */
function listBadRequest(type: ResourceType, labelSelector: string, fieldSelector: string, message: string): KubectlError {
  return new KubectlError(
    `Error from server (BadRequest): Unable to find "${type.group}/${type.version}, Resource=${type.plural}" that match label selector "${labelSelector}", field selector "${fieldSelector}": ${message}`,
  );
}

/** The server-side --field-selector filter for one resource type (always true without a selector). */
function fieldFilter(type: ResourceType, labelSelector: string, fieldSelector: string): (o: KObject) => boolean {
  if (fieldSelector === '') return () => true;
  try {
    return fieldMatcher(type.kind, parseFieldSelector(fieldSelector));
  } catch (e) {
    if (e instanceof FieldSelectorError) throw listBadRequest(type, labelSelector, fieldSelector, e.message);
    throw e;
  }
}

interface Group {
  type: ResourceType;
  objs: KObject[];
}

export function runGet(ctx: Ctx, argv: string[]): { watch?: WatchHandle } {
  const { flags, args } = parseFlags(argv, GET_FLAGS);
  const output = parseOutput(flags.output as string | undefined);
  if (output.t === 'custom-columns') output.noHeaders = flags['no-headers'] === true;
  const allNamespaces = flags['all-namespaces'] === true;
  const filenames = (flags.filename as string[] | undefined) ?? [];
  const watch = flags.watch === true || flags['watch-only'] === true;

  let requests: Request[];
  if (filenames.length > 0) {
    requests = [];
    for (const m of readManifests(ctx, filenames)) {
      const prev = requests.find((r) => r.type === m.type);
      if (prev) prev.names.push(m.obj.metadata.name ?? '');
      else requests.push({ type: m.type, names: [m.obj.metadata.name ?? ''] });
    }
  } else {
    if (args.length === 0) {
      ctx.err('You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\n');
      throw new KubectlError(
        'error: Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\nSee \'kubectl get -h\' for help and examples',
      );
    }
    requests = parseResourceArgs(args);
  }
  if (allNamespaces && requests.some((r) => r.names.length > 0)) {
    throw new KubectlError('error: a resource cannot be retrieved by name across all namespaces');
  }
  if (((flags.selector as string | undefined) ?? '').trim() !== '' && requests.some((r) => r.names.length > 0)) {
    throw new KubectlError('error: name cannot be provided when a selector is specified');
  }
  // Builder errors come first; a malformed selector only fails at the first list request.
  const fieldSelector = ((flags['field-selector'] as string | undefined) ?? '').trim();
  const selector = parseSelectorFlag(flags.selector as string | undefined, requests[0]?.type, fieldSelector);
  const namespace = allNamespaces ? undefined : ctx.namespace;
  const keep = (type: ResourceType) => {
    const byField = fieldFilter(type, ((flags.selector as string | undefined) ?? '').trim(), fieldSelector);
    return (o: KObject) => (!selector || selector.matches(o.metadata.labels)) && byField(o);
  };

  const errors: string[] = [];
  const groups: Group[] = [];
  for (const req of requests) {
    const objs: KObject[] = [];
    if (req.names.length === 0) {
      const wanted = keep(req.type);
      for (const o of ctx.list(req.type.kind, namespace)) if (wanted(o)) objs.push(o);
    } else {
      for (const name of req.names) {
        const o = ctx.get(req.type.kind, ctx.namespace, name);
        if (o) objs.push(o);
        else if (flags['ignore-not-found'] !== true) errors.push(notFound(req.type.kind, name));
      }
    }
    groups.push({ type: req.type, objs });
  }
  const named = requests.some((r) => r.names.length > 0);
  // get.go multipleGVKsRequested(infos): decided on what came back — one table per listed type, one
  // per object found by name — so `get pods,svc x` with only pod x prints no `kind/` prefix.
  const returnedTypes = new Set(groups.filter((g, i) => requests[i].names.length === 0 || g.objs.length > 0).map((g) => g.type));
  const withKind = flags['show-kind'] === true || returnedTypes.size > 1;

  if (watch) {
    if (requests.length !== 1) throw new KubectlError('error: you may only specify a single resource type');
    const handle = startWatch(ctx, requests[0], keep(requests[0].type), namespace, output, {
      withNamespace: allNamespaces && requests[0].type.namespaced,
      showLabels: flags['show-labels'] === true,
      labelColumns: flags['label-columns'] as string[] | undefined,
      noHeaders: flags['no-headers'] === true,
      watchOnly: flags['watch-only'] === true,
    });
    for (const e of errors) ctx.err(e);
    if (errors.length) throw new KubectlError('');
    return { watch: handle };
  }

  if (output.t !== 'table') {
    const all = groups.flatMap((g) => g.objs);
    const single = named && requests.length === 1 && requests[0].names.length === 1;
    // get.go printGeneric: a single implied item that failed prints only the error; nothing found with
    // --ignore-not-found prints nothing; otherwise a List (possibly empty) is printed before the errors.
    const quiet = (single && errors.length > 0) || (all.length === 0 && flags['ignore-not-found'] === true);
    if (!quiet) ctx.out(printGeneric(output, all, single));
  } else {
    let text = '';
    let written = false;
    for (const g of groups) {
      if (g.objs.length === 0) continue;
      const opts: TableOptions = {
        wide: output.wide,
        withNamespace: allNamespaces && g.type.namespaced,
        showLabels: flags['show-labels'] === true,
        labelColumns: flags['label-columns'] as string[] | undefined,
        noHeaders: flags['no-headers'] === true,
        kindPrefix: withKind ? kindPrefix(g.type) : undefined,
      };
      // Each group has a tab writer of its own: widths are not remembered across groups.
      if (written && !opts.noHeaders) text += '\n';
      text += printTable(g.type.table, g.objs, { now: ctx.now() }, opts);
      written = true;
    }
    ctx.out(text);
    if (!written && errors.length === 0 && flags['ignore-not-found'] !== true) {
      const allNamespaced = !allNamespaces && requests.every((r) => r.type.namespaced);
      ctx.err(allNamespaced ? `No resources found in ${ctx.namespace} namespace.` : 'No resources found');
    }
  }
  for (const e of errors) ctx.err(e);
  if (errors.length) throw new KubectlError('');
  return {};
}

function startWatch(
  ctx: Ctx,
  req: Request,
  /** Label and field selectors (an object leaving the selection reads as deleted, as in a real watch). */
  wanted: (o: KObject) => boolean,
  namespace: string | undefined,
  output: OutputSpec,
  base: Omit<TableOptions, 'wide' | 'kindPrefix'> & { watchOnly?: boolean },
): WatchHandle {
  const opts: TableOptions = { ...base, wide: output.t === 'table' && output.wide };
  const w = new TabWriter(GET_TABLE);
  let headerPrinted = false;
  let printed = 0;
  const seen = new Map<string, { json: string; obj: KObject }>();
  const key = (o: KObject) => `${o.metadata.namespace ?? ''}/${o.metadata.name ?? ''}`;

  const current = (): KObject[] => {
    const all = ctx.listQuietly(req.type.kind, req.type.namespaced ? namespace : undefined);
    return all.filter(
      (o) => (req.names.length === 0 || req.names.includes(o.metadata.name ?? '')) && wanted(o),
    );
  };

  const render = (objs: KObject[]): string => {
    if (objs.length === 0) return '';
    if (output.t === 'table') {
      if (!headerPrinted && !opts.noHeaders) w.write(tableHeader(req.type.table, opts));
      headerPrinted = true;
      for (const o of objs) w.write(tableRow(req.type.table, o, { now: ctx.cluster.now() }, opts));
      return w.flush();
    }
    let text = '';
    for (const o of objs) {
      printed++;
      if (output.t === 'yaml' && printed > 1) text += '---\n';
      // custom-columns prints its header only before the first object (customcolumn.go lastType).
      const spec = output.t === 'custom-columns' ? { ...output, noHeaders: output.noHeaders || printed > 1 } : output;
      text += spec.t === 'name' ? nameLine(o) : printGeneric(spec, [o], true);
    }
    return text;
  };

  const initial = current();
  for (const o of initial) seen.set(key(o), { json: JSON.stringify(o), obj: o });
  // --watch-only skips the initial list.
  if (!base.watchOnly) ctx.out(render(initial));

  return {
    poll(): string {
      if (req.type.kind === 'Endpoints') {
        /* the warning was printed when the watch started */
      }
      const now = current();
      const changed: KObject[] = [];
      const present = new Set<string>();
      for (const o of now) {
        const k = key(o);
        present.add(k);
        const json = JSON.stringify(o);
        if (seen.get(k)?.json !== json) changed.push(o);
        seen.set(k, { json, obj: o });
      }
      for (const [k, v] of [...seen]) {
        if (!present.has(k)) {
          changed.push(v.obj);
          seen.delete(k);
        }
      }
      return render(changed);
    },
  };
}
