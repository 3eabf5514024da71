// Deployments and ReplicaSets as the learner wrote them (the simulated state holds only their pods),
// and which written object a pod's labels and containers come from, so hints can point there.

import type { Deployment, Labels, Pod, ReplicaSet } from '../sim/types';
import { type Ctx, nsOf, refOf, type Target } from './context';
import { labelSelectorMatches } from './labels';
import type { Segment } from './pointer';
import { yamlPair } from './text';

export interface Workload {
  obj: Deployment | ReplicaSet;
  templateLabels: Labels;
  /** spec.replicas with the API default of 1. */
  replicas: number;
  pods: Pod[];
}

const cache = new WeakMap<Ctx, Map<string, Workload[]>>();

/** Pods a workload owns: its selector matches and the pod's ReplicaSet is (or belongs to) it. */
function owns(w: Deployment | ReplicaSet, pod: Pod): boolean {
  if (!labelSelectorMatches(w.spec?.selector, pod.metadata.labels)) return false;
  const name = w.metadata.name ?? '';
  const rs = pod.metadata.ownerReferences?.find((o) => o.kind === 'ReplicaSet');
  if (rs) return w.kind === 'ReplicaSet' ? rs.name === name : rs.name.startsWith(name + '-');
  return (pod.metadata.name ?? '').startsWith(name + '-');
}

export function workloadsIn(ctx: Ctx, namespace: string): Workload[] {
  let byNs = cache.get(ctx);
  if (!byNs) {
    byNs = new Map();
    for (const o of ctx.written) {
      if (o.kind !== 'Deployment' && o.kind !== 'ReplicaSet') continue;
      const w = o as Deployment | ReplicaSet;
      if (!w.spec?.template) continue;
      const ns = nsOf(w);
      const pods = (ctx.podsByNs.get(ns) ?? []).filter((p) => owns(w, p));
      const list = byNs.get(ns) ?? [];
      list.push({ obj: w, templateLabels: w.spec.template.metadata?.labels ?? {}, replicas: w.spec.replicas ?? 1, pods });
      byNs.set(ns, list);
    }
    cache.set(ctx, byNs);
  }
  return byNs.get(namespace) ?? [];
}

export function workloadOfPod(ctx: Ctx, pod: Pod): Workload | undefined {
  return workloadsIn(ctx, nsOf(pod)).find((w) => w.pods.includes(pod));
}

/** Where a pod's fields live in what the learner wrote: the Pod itself, or its workload's template. */
export function podSource(ctx: Ctx, pod: Pod): { target: (rel: Segment[]) => Target; labels: Segment[] } | undefined {
  const ref = refOf(pod);
  if (ctx.raw('Pod', ref.namespace, ref.name)) {
    return { target: (rel) => ({ ref, at: ['spec', ...rel] }), labels: ['metadata', 'labels'] };
  }
  const w = workloadOfPod(ctx, pod);
  if (!w) return undefined;
  const wref = refOf(w.obj);
  return {
    target: (rel) => ({ ref: wref, at: ['spec', 'template', 'spec', ...rel] }),
    labels: ['spec', 'template', 'metadata', 'labels'],
  };
}

export function podLabelTarget(ctx: Ctx, pod: Pod, key?: string): Target | undefined {
  const ref = refOf(pod);
  if (ctx.raw('Pod', ref.namespace, ref.name)) return { ref, at: ['metadata', 'labels', ...(key ? [key] : [])] };
  const w = workloadOfPod(ctx, pod);
  if (!w) return undefined;
  return { ref: refOf(w.obj), at: ['spec', 'template', 'metadata', 'labels', ...(key ? [key] : [])] };
}

/** Whether a workload's name suggests it backs the Service (web / web, example / example-service). */
export function relatedNames(service: string, workload: string): boolean {
  if (service === workload || service.startsWith(workload + '-') || workload.startsWith(service + '-')) return true;
  return firstWord(service) === firstWord(workload);
}

function firstWord(s: string): string {
  const dash = s.indexOf('-');
  return dash < 0 ? s : s.slice(0, dash);
}

/** The workload a Service without a usable selector most likely means: a related name, or the only one. */
export function guessWorkload(ctx: Ctx, namespace: string, service: string): Workload | undefined {
  const ws = workloadsIn(ctx, namespace).filter((w) => w.replicas > 0 || w.pods.length > 0);
  const related = ws.filter((w) => relatedNames(service, w.obj.metadata.name ?? ''));
  return related.length === 1 ? related[0] : ws.length === 1 ? ws[0] : undefined;
}

/** `{app: web}` from a workload's template labels, for suggesting a selector. */
export function selectorExample(w: Workload): string {
  const own = w.obj.spec.selector?.matchLabels;
  const labels = own && Object.keys(own).length ? own : w.templateLabels;
  return `{${Object.entries(labels)
    .map(([k, v]) => yamlPair(k, v))
    .join(', ')}}`;
}
