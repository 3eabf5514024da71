// `kubectl label` and `kubectl annotate` (kubectl/pkg/cmd/label/label.go, annotate/annotate.go):
// `key=value` sets, `key-` removes, --overwrite to change an existing value; prints
// `pod/x labeled|unlabeled|not labeled` and `pod/x annotated`.

import { parseFlags, GLOBAL_FLAGS, type FlagSpec } from '../args';
import { Ctx, KubectlError } from '../context';
import { kindPrefix } from '../resources';
import { findTargets } from './targets';
import { clone, write } from './write';

const FLAGS: FlagSpec[] = [
  ...GLOBAL_FLAGS,
  { long: 'overwrite', type: 'bool' },
  { long: 'selector', short: 'l', type: 'string' },
  { long: 'all', type: 'bool' },
  { long: 'all-namespaces', short: 'A', type: 'bool' },
  { long: 'filename', short: 'f', type: 'array' },
  { long: 'output', short: 'o', type: 'string' },
];

const LABEL_KEY = /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

export function runLabel(ctx: Ctx, argv: string[], which: 'label' | 'annotate'): void {
  const { flags, args } = parseFlags(argv, FLAGS);
  const filenames = (flags.filename as string[] | undefined) ?? [];
  // Split the resource arguments from the key=value / key- arguments.
  // (label.go parseLabels: the first argument containing '=' or ending in '-' starts the updates).
  const first = args.findIndex((a) => a.includes('=') || a.endsWith('-'));
  const resources = first < 0 ? args : args.slice(0, first);
  const updates = first < 0 ? [] : args.slice(first);
  if (resources.length === 0 && filenames.length === 0) {
    throw new KubectlError(
      `error: one or more resources must be specified as <resource> <name> or <resource>/<name>\nSee 'kubectl ${which} -h' for help and examples`,
    );
  }
  if (updates.length === 0) {
    throw new KubectlError(`error: at least one ${which === 'label' ? 'label' : 'annotation'} update is required\nSee 'kubectl ${which} -h' for help and examples`);
  }
  const set: Record<string, string> = {};
  const remove: string[] = [];
  for (const u of updates) {
    if (u.endsWith('-') && !u.includes('=')) {
      remove.push(u.slice(0, -1));
      continue;
    }
    const eq = u.indexOf('=');
    const key = u.slice(0, eq);
    const value = u.slice(eq + 1);
    if (which === 'label' && (!LABEL_KEY.test(key) || !LABEL_VALUE.test(value) || value.length > 63)) {
      throw new KubectlError(`error: invalid label spec: ${u}`);
    }
    set[key] = value;
  }
  // label.go parseLabels; annotate.go validateAnnotations lists the clashing keys.
  const both = remove.filter((k) => k in set);
  if (both.length && which === 'label') throw new KubectlError('error: can not both modify and remove a label in the same command');
  if (both.length) throw new KubectlError(`error: can not both modify and remove the following annotation(s) in the same command: ${both.join(', ')}`);
  const errors: string[] = [];
  const { targets } = findTargets(
    ctx,
    { args: resources, filenames, selector: flags.selector as string | undefined, all: flags.all === true, allNamespaces: flags['all-namespaces'] === true },
    errors,
  );
  for (const t of targets) {
    const obj = clone(t.obj!);
    const field = which === 'label' ? 'labels' : 'annotations';
    const before = { ...(obj.metadata[field] ?? {}) };
    const after: Record<string, string> = { ...before };
    if (which === 'label') {
      // label.go RunLabel: each removed key that is not there is reported on stdout first.
      for (const k of remove) if (!(k in before)) ctx.out(`label ${JSON.stringify(k)} not found.\n`);
    }
    if (flags.overwrite !== true) {
      // label.go validateNoOverwrites refuses any existing key, even with the same value;
      // annotate.go validateNoAnnotationOverwrites only a different value.
      const clashes = Object.keys(set).filter((k) => k in before && (which === 'label' || before[k] !== set[k]));
      if (clashes.length) {
        if (which === 'label') throw new KubectlError(`error: '${clashes[0]}' already has a value (${before[clashes[0]]}), and --overwrite is false`);
        throw new KubectlError(
          `error: --overwrite is false but found the following declared annotation(s): ${clashes
            .map((k) => `'${k}' already has a value (${before[k]})`)
            .join('; ')}`,
        );
      }
    }
    Object.assign(after, set);
    for (const k of remove) delete after[k];
    if (Object.keys(after).length) obj.metadata[field] = after;
    else delete obj.metadata[field];
    const changed = JSON.stringify(before) !== JSON.stringify(after);
    if (changed) write(ctx, [obj]);
    let msg: string;
    if (which === 'annotate') msg = 'annotated';
    else if (!changed) msg = 'not labeled';
    else msg = flags.overwrite !== true && JSON.stringify(after).length < JSON.stringify(before).length ? 'unlabeled' : 'labeled';
    ctx.out(flags.output === 'name' ? `${kindPrefix(t.type)}/${t.name}\n` : `${kindPrefix(t.type)}/${t.name} ${msg}\n`);
  }
  for (const e of errors) ctx.err(e);
  if (errors.length) throw new KubectlError('');
}
