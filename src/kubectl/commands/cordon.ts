// `kubectl cordon` and `kubectl uncordon` (kubectl pkg/cmd/drain/drain.go Complete + RunCordonOrUncordon,
// pkg/drain/cordon.go CordonHelper): each node named (or selected with -l) gets spec.unschedulable set
// to the desired value when it differs; the name printer reports `node/<name> cordoned|uncordoned`, or
// `already cordoned|uncordoned` when nothing had to change. Unschedulable false is omitted (omitempty).

import type { Node } from '../../sim/types';
import { parseFlags, GLOBAL_FLAGS } from '../args';
import { Ctx, KubectlError } from '../context';
import { findTargets } from './targets';
import { clone, write } from './write';

export function runCordon(ctx: Ctx, argv: string[], desired: boolean): void {
  const command = desired ? 'cordon' : 'uncordon';
  const nodes = completeNodes(ctx, argv, command);
  cordonOrUncordon(ctx, nodes, desired);
}

/** drain.go Complete: the nodes named, or selected with -l; cmdutil.UsageErrorf texts otherwise. */
export function completeNodes(
  ctx: Ctx,
  argv: string[],
  command: string,
  extraFlags: Parameters<typeof parseFlags>[1] = [],
  onFlags?: (flags: ReturnType<typeof parseFlags>['flags']) => void,
): Node[] {
  const { flags, args } = parseFlags(argv, [...GLOBAL_FLAGS, { long: 'selector', short: 'l', type: 'string' }, { long: 'dry-run', type: 'string' }, ...extraFlags]);
  const selector = flags.selector as string | undefined;
  onFlags?.(flags);
  const usage = (msg: string) => new KubectlError(`${msg}\nSee 'kubectl ${command} -h' for help and examples`);
  if (args.length === 0 && selector === undefined) throw usage(`error: USAGE: ${command} NODE [flags]`);
  if (args.length > 0 && selector) throw usage('error: cannot specify both a node name and a --selector option');
  const errors: string[] = [];
  const { targets } = findTargets(ctx, { args: ['nodes', ...args], selector }, errors);
  // The builder's first error stops the command before any node is touched.
  if (errors.length) throw new KubectlError(errors[0]);
  return targets.map((t) => t.obj as Node);
}

export function cordonOrUncordon(ctx: Ctx, nodes: Node[], desired: boolean): void {
  for (const node of nodes) {
    const name = node.metadata.name!;
    if ((node.spec?.unschedulable === true) === desired) {
      ctx.out(`node/${name} already ${desired ? 'cordoned' : 'uncordoned'}\n`);
      continue;
    }
    const updated = clone(node);
    const spec = { ...(updated.spec ?? {}) } as Record<string, unknown>;
    if (desired) spec.unschedulable = true;
    else delete spec.unschedulable;
    updated.spec = spec as Node['spec'];
    write(ctx, [updated]);
    ctx.out(`node/${name} ${desired ? 'cordoned' : 'uncordoned'}\n`);
  }
}
