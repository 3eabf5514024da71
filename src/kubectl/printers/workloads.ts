// Deployment and ReplicaSet tables (printers.go printDeployment, printReplicaSet, layoutContainerCells)
// and their describe output (describe.go describeDeployment, describeReplicaSet).

import type { Deployment, ReplicaSet, SimEvent, Pod } from '../../sim/types';
import { formatRFC1123Z, translateTimestampSince } from '../format/duration';
import { formatLabelSelector, labelSelectorAsSelectorOrUndefined, type LabelSelector } from '../../sim';
import { describeEvents, PrefixWriter, printAnnotationsMultiline, printLabelsMultiline } from './describe';
import { describePodTemplate } from './pods';
import type { TableSpec } from './table';

/** LabelSelectorAsSelector(...).String(), as printDeployment/describeDeployment print it ('' if invalid). */
const selectorText = (sel: LabelSelector | undefined): string => labelSelectorAsSelectorOrUndefined(sel)?.toString() ?? '';

const num = (v: unknown) => (typeof v === 'number' ? v : 0);
const containerNames = (o: Deployment | ReplicaSet) => o.spec.template.spec.containers.map((c) => c.name).join(',');
const images = (o: Deployment | ReplicaSet) => o.spec.template.spec.containers.map((c) => c.image ?? '').join(',');

export const deploymentTable: TableSpec<Deployment> = {
  columns: [
    { name: 'Name' },
    { name: 'Ready' },
    { name: 'Up-to-date' },
    { name: 'Available' },
    { name: 'Age' },
    { name: 'Containers', priority: 1 },
    { name: 'Images', priority: 1 },
    { name: 'Selector', priority: 1 },
  ],
  row: (d, ctx) => [
    d.metadata.name ?? '',
    `${num(d.status?.readyReplicas)}/${d.spec.replicas ?? 1}`,
    String(num(d.status?.updatedReplicas)),
    String(num(d.status?.availableReplicas)),
    translateTimestampSince(d.metadata.creationTimestamp, ctx.now),
    containerNames(d),
    images(d),
    selectorText(d.spec.selector),
  ],
};

export const replicaSetTable: TableSpec<ReplicaSet> = {
  columns: [
    { name: 'Name' },
    { name: 'Desired' },
    { name: 'Current' },
    { name: 'Ready' },
    { name: 'Age' },
    { name: 'Containers', priority: 1 },
    { name: 'Images', priority: 1 },
    { name: 'Selector', priority: 1 },
  ],
  row: (rs, ctx) => [
    rs.metadata.name ?? '',
    String(rs.spec.replicas ?? 1),
    String(num(rs.status?.replicas)),
    String(num(rs.status?.readyReplicas)),
    translateTimestampSince(rs.metadata.creationTimestamp, ctx.now),
    containerNames(rs),
    images(rs),
    selectorText(rs.spec.selector),
  ],
};

type Condition = { type: string; status: string; reason?: string };

export function describeDeployment(d: Deployment, ctx: { now: string; events: SimEvent[]; replicaSets: ReplicaSet[] }): string {
  const w = new PrefixWriter();
  const st = (d.status ?? {}) as Record<string, unknown>;
  w.write(0, `Name:\t${d.metadata.name ?? ''}\n`);
  w.write(0, `Namespace:\t${d.metadata.namespace ?? ''}\n`);
  w.write(0, `CreationTimestamp:\t${formatRFC1123Z(d.metadata.creationTimestamp)}\n`);
  printLabelsMultiline(w, 'Labels', d.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', d.metadata.annotations);
  w.write(0, `Selector:\t${selectorText(d.spec.selector)}\n`);
  w.write(
    0,
    `Replicas:\t${d.spec.replicas ?? 1} desired | ${num(st.updatedReplicas)} updated | ${num(st.replicas)} total | ${num(
      st.availableReplicas,
    )} available | ${num(st.unavailableReplicas)} unavailable\n`,
  );
  const strategy = (d.spec.strategy as { type?: string; rollingUpdate?: { maxUnavailable?: string | number; maxSurge?: string | number } } | undefined) ?? {};
  w.write(0, `StrategyType:\t${strategy.type ?? 'RollingUpdate'}\n`);
  w.write(0, `MinReadySeconds:\t${num(d.spec.minReadySeconds)}\n`);
  if (strategy.rollingUpdate || !strategy.type || strategy.type === 'RollingUpdate') {
    const ru = strategy.rollingUpdate ?? {};
    w.write(0, `RollingUpdateStrategy:\t${ru.maxUnavailable ?? '25%'} max unavailable, ${ru.maxSurge ?? '25%'} max surge\n`);
  }
  describePodTemplate(w, d.spec.template);
  const conditions = (st.conditions as Condition[] | undefined) ?? [];
  if (conditions.length) {
    w.write(0, 'Conditions:\n  Type\tStatus\tReason\n');
    w.write(1, '----\t------\t------\n');
    for (const c of conditions) w.write(1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`);
  }
  // The newest ReplicaSet (highest revision) is "new"; the others are old.
  const owned = ctx.replicaSets.filter((rs) => (rs.metadata.ownerReferences ?? []).some((o) => o.uid === d.metadata.uid));
  if (owned.length) {
    const rev = (rs: ReplicaSet) => Number(rs.metadata.annotations?.['deployment.kubernetes.io/revision'] ?? 0);
    const sorted = [...owned].sort((a, b) => rev(b) - rev(a));
    const fmt = (list: ReplicaSet[]) =>
      list.map((rs) => `${rs.metadata.name} (${num(rs.status?.replicas)}/${rs.spec.replicas ?? 1} replicas created)`).join(', ') || '<none>';
    // deploymentutil.GetAllReplicaSets: every older ReplicaSet, scaled to zero or not.
    w.write(0, `OldReplicaSets:\t${fmt(sorted.slice(1))}\n`);
    w.write(0, `NewReplicaSet:\t${fmt(sorted.slice(0, 1))}\n`);
  }
  describeEvents(w, ctx.events, ctx.now);
  return w.done();
}

export function describeReplicaSet(rs: ReplicaSet, ctx: { now: string; events: SimEvent[]; pods: Pod[] }): string {
  const w = new PrefixWriter();
  w.write(0, `Name:\t${rs.metadata.name ?? ''}\n`);
  w.write(0, `Namespace:\t${rs.metadata.namespace ?? ''}\n`);
  w.write(0, `Selector:\t${formatLabelSelector(rs.spec.selector)}\n`);
  printLabelsMultiline(w, 'Labels', rs.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', rs.metadata.annotations);
  const controller = (rs.metadata.ownerReferences ?? []).find((o) => o.controller);
  if (controller) w.write(0, `Controlled By:\t${controller.kind}/${controller.name}\n`);
  w.write(0, `Replicas:\t${num(rs.status?.replicas)} current / ${rs.spec.replicas ?? 1} desired\n`);
  const mine = ctx.pods.filter((p) => (p.metadata.ownerReferences ?? []).some((o) => o.controller && o.uid === rs.metadata.uid));
  const count = (phase: string) => mine.filter((p) => p.status?.phase === phase).length;
  w.write(0, 'Pods Status:\t');
  w.write(0, `${count('Running')} Running / ${count('Pending')} Waiting / ${count('Succeeded')} Succeeded / ${count('Failed')} Failed\n`);
  describePodTemplate(w, rs.spec.template);
  const conditions = ((rs.status as Record<string, unknown> | undefined)?.conditions as Condition[] | undefined) ?? [];
  if (conditions.length) {
    w.write(0, 'Conditions:\n  Type\tStatus\tReason\n');
    w.write(1, '----\t------\t------\n');
    for (const c of conditions) w.write(1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`);
  }
  describeEvents(w, ctx.events, ctx.now);
  return w.done();
}
