// `kubectl delete` (kubectl/pkg/cmd/delete/delete.go): `<kind> "<name>" deleted from <ns> namespace`
// per object (plain `deleted` for cluster-scoped ones),
// `force deleted` with --grace-period=0 --force, and --wait (default true), which blocks until the
// objects are gone — here the simulated clock runs on until graceful pod terminations finish.

import { parseFlags, GLOBAL_FLAGS, type FlagSpec } from '../args';
import { Ctx, KubectlError } from '../context';
import type { Kind } from '../../sim/types';
import { kindPrefix, ReadOnlyEventsError } from '../resources';
import { findTargets } from './targets';

const DELETE_FLAGS: FlagSpec[] = [
  ...GLOBAL_FLAGS,
  { long: 'filename', short: 'f', type: 'array' },
  { long: 'selector', short: 'l', type: 'string' },
  { long: 'all', type: 'bool' },
  { long: 'all-namespaces', short: 'A', type: 'bool' },
  { long: 'grace-period', type: 'int' },
  { long: 'now', type: 'bool' },
  { long: 'force', type: 'bool' },
  { long: 'wait', type: 'bool' },
  { long: 'ignore-not-found', type: 'bool' },
  { long: 'output', short: 'o', type: 'string' },
];

export function runDelete(ctx: Ctx, argv: string[]): void {
  const { flags, args } = parseFlags(argv, DELETE_FLAGS);
  const filenames = (flags.filename as string[] | undefined) ?? [];
  if (args.length === 0 && filenames.length === 0) {
    throw new KubectlError(
      "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'",
    );
  }
  let grace = flags['grace-period'] as number | undefined;
  if (flags.now === true) grace = 1;
  if (flags.force === true && grace === undefined) grace = 0;
  if (grace === 0 && flags.force !== true) {
    // kubectl turns --grace-period=0 without --force into a 1 second grace period.
    grace = 1;
  }
  if (grace === 0) {
    ctx.warn(
      'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.',
    );
  }
  const errors: string[] = [];
  const { targets, listed } = findTargets(
    ctx,
    { args, filenames, selector: flags.selector as string | undefined, all: flags.all === true, allNamespaces: flags['all-namespaces'] === true },
    errors,
  );
  const deleted: { kind: Kind; namespace: string | undefined; name: string }[] = [];
  for (const t of targets) {
    ctx.touched(t.type.kind);
    if (t.type.kind === 'Event') throw new KubectlError(new ReadOnlyEventsError().message);
    const kind = t.type.kind;
    const ok = ctx.cluster.delete(
      { kind, namespace: t.namespace, name: t.name },
      grace !== undefined && grace >= 0 ? { gracePeriodSeconds: grace } : undefined,
    );
    if (!ok) continue;
    deleted.push({ kind, namespace: t.namespace, name: t.name });
    if (flags.output === 'name') ctx.out(`${kindPrefix(t.type)}/${t.name}\n`);
    else {
      // kubectl ≥ 1.34 names the namespace of namespaced objects (kubernetes/kubernetes#126619).
      const op = grace === 0 ? 'force deleted' : 'deleted';
      ctx.out(`${kindPrefix(t.type)} "${t.name}" ${op}${t.type.namespaced && t.namespace ? ` from ${t.namespace} namespace` : ''}\n`);
    }
  }
  // delete.go DeleteResult writes this to stdout (o.Out), unlike `get`, which uses stderr.
  if (listed && targets.length === 0 && errors.length === 0) ctx.out('No resources found\n');
  // --wait: block until every deleted object is gone (graceful pod termination runs on the clock).
  if (flags.wait !== false) {
    for (let i = 0; i < 120; i++) {
      const remaining = deleted.filter((d) => ctx.cluster.get(d.kind, d.namespace, d.name));
      if (remaining.length === 0) break;
      const deadlines = remaining
        .map((d) => ctx.cluster.get(d.kind, d.namespace, d.name)?.metadata.deletionTimestamp)
        .filter((t): t is string => !!t)
        .map((t) => Date.parse(t) - Date.parse(ctx.cluster.now()));
      const step = deadlines.length ? Math.max(1, Math.ceil(Math.max(...deadlines) / 1000)) : 1;
      ctx.cluster.advance(step);
    }
  }
  if (flags['ignore-not-found'] !== true) for (const e of errors) ctx.err(e);
  if (errors.length && flags['ignore-not-found'] !== true) throw new KubectlError('');
}
