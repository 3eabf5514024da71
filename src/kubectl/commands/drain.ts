// `kubectl drain` (kubectl pkg/cmd/drain/drain.go RunDrain + deleteOrEvictPodsSimple; pkg/drain/drain.go
// GetPodsForDeletion, evictPods, waitForDelete; pkg/drain/filters.go). Cordon first; then, per node, every
// pod bound to it (all namespaces, API order) goes through the filters in upstream order — DaemonSet,
// mirror, local storage, unreplicated — stopping at the first that keeps it; errors stop that node,
// warnings are printed once ("Warning: ..."); each remaining pod is evicted (a delete with the pod's or
// --grace-period's grace; PodDisruptionBudgets are not simulated) and drain waits, polling every second,
// until it is gone: the simulated clock moves on meanwhile, as a real drain blocks the terminal.

import type { Node, Pod } from '../../sim/types';
import { Ctx, KubectlError } from '../context';
import { completeNodes, cordonOrUncordon } from './cordon';

const LOCAL_STORAGE_FATAL = 'Pods with local storage (use --delete-emptydir-data to override)';
const LOCAL_STORAGE_WARNING = 'deleting Pods with local storage';
const UNMANAGED_FATAL = 'cannot delete Pods that declare no controller (use --force to override)';
const UNMANAGED_WARNING = 'deleting Pods that declare no controller';

interface Options {
  force: boolean;
  deleteEmptyDirData: boolean;
  gracePeriod: number;
}
type Status = { delete: boolean; reason: 'Okay' | 'Skip' | 'Warning' | 'Error'; message?: string };

const OKAY: Status = { delete: true, reason: 'Okay' };
const finished = (p: Pod) => p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed';
const controllerOf = (p: Pod) => (p.metadata.ownerReferences ?? []).find((r) => r.controller);

function filters(o: Options): ((p: Pod) => Status)[] {
  return [
    (p) => {
      const ref = controllerOf(p);
      if (!ref || ref.kind !== 'DaemonSet' || finished(p)) return OKAY;
      // The simulator has no DaemonSets, so the GET of the owner is always NotFound (an existing one would
      // give "DaemonSet-managed Pods (use --ignore-daemonsets to ignore)", or with --ignore-daemonsets the
      // warning "ignoring DaemonSet-managed Pods" and the pod kept).
      const err = `daemonsets.apps "${ref.name}" not found`;
      if (o.force) return { delete: true, reason: 'Warning', message: err };
      return { delete: false, reason: 'Error', message: err };
    },
    (p) => (p.metadata.annotations?.['kubernetes.io/config.mirror'] !== undefined ? { delete: false, reason: 'Skip' } : OKAY),
    (p) => {
      const volumes = (p.spec.volumes ?? []) as { emptyDir?: unknown }[];
      if (!volumes.some((v) => v.emptyDir !== undefined) || finished(p)) return OKAY;
      if (!o.deleteEmptyDirData) return { delete: false, reason: 'Error', message: LOCAL_STORAGE_FATAL };
      return { delete: true, reason: 'Warning', message: LOCAL_STORAGE_WARNING };
    },
    (p) => {
      if (finished(p) || controllerOf(p)) return OKAY;
      if (o.force) return { delete: true, reason: 'Warning', message: UNMANAGED_WARNING };
      return { delete: false, reason: 'Error', message: UNMANAGED_FATAL };
    },
  ];
}

/** GetPodsForDeletion: the pods to evict, the warning line, the errors (grouped by message, in first-seen order). */
function podsForDeletion(ctx: Ctx, nodeName: string, o: Options) {
  const items: { pod: Pod; status: Status }[] = [];
  for (const pod of ctx.cluster.list<Pod>('Pod')) {
    if (pod.spec.nodeName !== nodeName) continue;
    let status = OKAY;
    for (const f of filters(o)) {
      status = f(pod);
      if (!status.delete) break;
    }
    items.push({ pod, status });
  }
  const group = (reason: Status['reason']) => {
    const m = new Map<string, string[]>();
    for (const i of items) if (i.status.reason === reason) m.set(i.status.message || 'unexpected error', [...(m.get(i.status.message || 'unexpected error') ?? []), `${i.pod.metadata.namespace}/${i.pod.metadata.name}`]);
    return [...m];
  };
  const warnings = group('Warning').map(([msg, pods]) => `${msg}: ${pods.join(', ')}`).join('; ');
  const errors = group('Error').map(([msg, pods]) => `${msg.toLowerCase().startsWith('cannot delete') ? msg : `cannot delete ${msg}`}: ${pods.join(', ')}`);
  return { pods: items.filter((i) => i.status.delete).map((i) => i.pod), warnings, errors };
}

/** utilerrors.NewAggregate(...).Error(): one message as is, several in brackets. */
const aggregate = (msgs: string[]) => (msgs.length === 1 ? msgs[0] : `[${msgs.join(', ')}]`);

export function runDrain(ctx: Ctx, argv: string[]): void {
  let o: Options | undefined;
  const nodes: Node[] = completeNodes(ctx, argv, 'drain', [
    { long: 'force', type: 'bool' },
    { long: 'ignore-daemonsets', type: 'bool' }, // accepted; no DaemonSets are simulated (see the filter)
    { long: 'delete-emptydir-data', type: 'bool' },
    { long: 'delete-local-data', type: 'bool' },
    { long: 'grace-period', type: 'int' },
    { long: 'timeout', type: 'string' },
    { long: 'disable-eviction', type: 'bool' },
    { long: 'ignore-errors', type: 'bool' },
  ], (flags) => {
    o = {
      force: flags.force === true,
      deleteEmptyDirData: flags['delete-emptydir-data'] === true || flags['delete-local-data'] === true,
      gracePeriod: (flags['grace-period'] as number | undefined) ?? -1,
    };
  });
  cordonOrUncordon(ctx, nodes, true);
  const fatal: string[] = [];
  const remaining: string[] = [];
  for (const node of nodes) {
    const name = node.metadata.name!;
    const list = podsForDeletion(ctx, name, o!);
    if (list.errors.length) {
      const err = aggregate(list.errors);
      ctx.err(`error: unable to drain node "${name}" due to error: ${err}, continuing command...`);
      fatal.push(err);
      remaining.push(name);
      continue;
    }
    if (list.warnings) ctx.err(`Warning: ${list.warnings}`);
    evictAndWait(ctx, list.pods, o!.gracePeriod);
    ctx.out(`node/${name} drained\n`);
  }
  if (remaining.length) ctx.err(`There are pending nodes to be drained:\n${remaining.map((n) => ` ${n}`).join('\n')}`);
  if (fatal.length) throw new KubectlError(`error: ${aggregate(fatal)}`);
}

/** evictPods + waitForDelete: evict each pod, then poll every second until each is gone (a new uid counts). */
function evictAndWait(ctx: Ctx, pods: Pod[], gracePeriod: number): void {
  for (const pod of pods) {
    ctx.out(`evicting pod ${pod.metadata.namespace}/${pod.metadata.name}\n`);
    ctx.cluster.delete({ kind: 'Pod', namespace: pod.metadata.namespace, name: pod.metadata.name! }, gracePeriod >= 0 ? { gracePeriodSeconds: gracePeriod } : {});
  }
  let pending = pods;
  for (;;) {
    const still: Pod[] = [];
    for (const pod of pending) {
      const live = ctx.cluster.get<Pod>('Pod', pod.metadata.namespace, pod.metadata.name!);
      if (!live || live.metadata.uid !== pod.metadata.uid) ctx.out(`pod/${pod.metadata.name} evicted\n`);
      else still.push(pod);
    }
    pending = still;
    if (!pending.length) return;
    ctx.cluster.advance(1);
  }
}
