// Why a Service selects no pods (or misses a few): empty selector, wrong namespace, a Deployment
// template or pods whose labels differ from the selector. Services select pods only in their own
// namespace, by exact, case-sensitive equality of every selector label (§1 of the behaviour spec).

import type { Labels, Pod, Service } from '../../sim/types';
import { type Ctx, hasEmptySelector, nsOf, refOf, selectorTarget, slicesOf, type Target } from '../context';
import { validatedSetSelector } from '../../sim';
import { formatPodLabels, formatSelector, listNames, plural } from '../text';
import { guessWorkload, podLabelTarget, selectorExample, workloadsIn } from '../workloads';
import { nearMisses } from './near-miss';
import { templateMismatches } from './template-labels';

export function checkSelector(ctx: Ctx, svc: Service): void {
  if (svc.spec.type === 'ExternalName') return; // externalname-no-endpoints covers it
  const ns = nsOf(svc);
  if (hasEmptySelector(ctx, svc)) {
    emptySelector(ctx, svc);
    return;
  }
  const sel = svc.spec.selector;
  if (!sel || Object.keys(sel).length === 0) return; // selectorless: see selectorless.ts

  const pods = ctx.podsByNs.get(ns) ?? [];
  const selected = ctx.selected(svc);
  const isSelected = new Set(selected);
  const none = selected.length === 0;
  const covered = templateMismatches(ctx, svc, sel, none);
  const coveredPods = new Set(covered.flatMap((w) => w.pods));
  nearMisses(ctx, svc, sel, pods.filter((p) => !isSelected.has(p) && !coveredPods.has(p)), pods.length, none);
  otherNamespaces(ctx, svc, sel, selected);
  if (none) matchesNoPods(ctx, svc, sel, pods);
}

function hasEndpoints(ctx: Ctx, svc: Service): boolean {
  return slicesOf(ctx, svc).some((s) => (s.endpoints?.length ?? 0) > 0);
}

function emptySelector(ctx: Ctx, svc: Service): void {
  const name = svc.metadata.name;
  const hand = hasEndpoints(ctx, svc);
  const guess = guessWorkload(ctx, nsOf(svc), name ?? '');
  ctx.emit({
    code: 'empty-selector',
    severity: hand ? 'info' : 'error',
    message:
      `Service ${name} has selector: {}. An empty selector does not select every pod: it is dropped like a missing ` +
      `selector, so Kubernetes treats ${name} as a Service without a selector and creates no EndpointSlices or Endpoints for it` +
      (hand ? '; only the EndpointSlices labelled for it by hand give it endpoints.' : ', and it has no endpoints.'),
    fix: guess
      ? `Put the labels of the pods to reach in the selector, e.g. selector: ${selectorExample(guess)} for ${guess.obj.kind} ${guess.obj.metadata.name}.`
      : 'Put the labels of the pods to reach in the selector (e.g. selector: {app: web}), or delete the empty selector and write EndpointSlices yourself.',
    targets: [selectorTarget(svc)],
  });
}
// ---- pods elsewhere, or nowhere --------------------------------------------------------------------

function otherNamespaces(ctx: Ctx, svc: Service, sel: Labels, selected: Pod[]): void {
  const ns = nsOf(svc);
  const byNs = new Map<string, string[]>();
  // With pods of its own, pods that a Service of their own namespace serves are another copy of the app.
  const servedThere = selected.length ? servedPods(ctx) : new Set<Pod>();
  for (const [other, pods] of ctx.podsByNs) {
    if (other === ns) continue;
    const names = pods.filter((p) => validatedSetSelector(sel).matches(p.metadata.labels) && !servedThere.has(p)).map((p) => p.metadata.name ?? '');
    if (names.length) byNs.set(other, names);
  }
  if (byNs.size === 0) return;
  const [firstNs, firstNames] = [...byNs.entries()].sort((a, b) => b[1].length - a[1].length)[0];
  const where = [...byNs.entries()].map(([n, names]) => `${plural(names.length, 'pod')} in namespace ${n}`).join(' and ');
  const verb = byNs.size === 1 && firstNames.length === 1 ? 'does' : 'do';
  if (selected.length) {
    // The Service works with its own pods; the others may be meant for it (or be another copy of the app).
    ctx.emit({
      code: 'pods-in-other-namespace',
      severity: 'info',
      message:
        `Service ${svc.metadata.name} in namespace ${ns} selects ${formatSelector(sel)}: ${plural(selected.length, 'pod')} in ${ns} ` +
        `${selected.length === 1 ? 'has' : 'have'} these labels, and ${where} ${verb} too (${listNames(firstNames)}). ` +
        `A Service only selects pods in its own namespace, so those are not its endpoints.`,
      fix: `If the pods in namespace ${firstNs} should serve ${svc.metadata.name} too, run them in namespace ${ns}; otherwise nothing needs to change.`,
      targets: [...podNamespaceTarget(ctx, sel, firstNs), { ref: refOf(svc), at: ['metadata', 'namespace'] }],
    });
    return;
  }
  ctx.emit({
    code: 'pods-in-other-namespace',
    severity: 'error',
    message:
      `Service ${svc.metadata.name} in namespace ${ns} selects ${formatSelector(sel)}; no pod in ${ns} has these labels, ` +
      `but ${where} ${verb} (${listNames(firstNames)}). ` +
      `A Service only selects pods in its own namespace.`,
    fix: `Create the Service in namespace ${firstNs} (metadata.namespace: ${firstNs}), or run the pods in namespace ${ns}.`,
    targets: [{ ref: refOf(svc), at: ['metadata', 'namespace'] }, ...podNamespaceTarget(ctx, sel, firstNs)],
  });
}

/** Pods selected by some Service of their namespace (built once per diagnose() call). */
const servedCache = new WeakMap<Ctx, Set<Pod>>();
function servedPods(ctx: Ctx): Set<Pod> {
  let served = servedCache.get(ctx);
  if (!served) {
    served = new Set<Pod>();
    for (const svc of ctx.services.values()) for (const p of ctx.selected(svc)) served.add(p);
    servedCache.set(ctx, served);
  }
  return served;
}

/** Second choice: the namespace of the written object the pods come from (Pod or workload). */
function podNamespaceTarget(ctx: Ctx, sel: Labels, ns: string): Target[] {
  const p = (ctx.podsByNs.get(ns) ?? []).find((x) => validatedSetSelector(sel).matches(x.metadata.labels));
  const t = p && podLabelTarget(ctx, p);
  return t ? [{ ref: t.ref, at: ['metadata', 'namespace'] }] : [];
}

function matchesNoPods(ctx: Ctx, svc: Service, sel: Labels, pods: Pod[]): void {
  const ns = nsOf(svc);
  const name = svc.metadata.name;
  const idle = workloadsIn(ctx, ns).find((w) => w.replicas === 0 && validatedSetSelector(sel).matches(w.templateLabels));
  let message = `Service ${name} selects ${formatSelector(sel)}, but `;
  if (idle) {
    message += `the only workload with these labels, ${idle.obj.kind} ${idle.obj.metadata.name}, has replicas: 0`;
  } else if (pods.length === 0) {
    message += `namespace ${ns} has no pods`;
  } else {
    const byLabels = new Map<string, string[]>();
    for (const p of pods) {
      const key = formatPodLabels(p.metadata.labels);
      byLabels.set(key, [...(byLabels.get(key) ?? []), p.metadata.name ?? '']);
    }
    const shown = [...byLabels.entries()].slice(0, 3).map(([labels, names]) => `${listNames(names)} (${labels})`);
    message +=
      `none of the ${plural(pods.length, 'pod')} in namespace ${ns} carries all of these labels: ` +
      `${shown.join('; ')}${byLabels.size > 3 ? `; and ${byLabels.size - 3} more label sets` : ''}`;
  }
  message += ', so it has no endpoints (its EndpointSlice lists none).';
  ctx.emit({
    code: 'selector-matches-no-pods',
    severity: 'error',
    message,
    fix: idle
      ? `Scale ${idle.obj.kind} ${idle.obj.metadata.name} up (spec.replicas: 1 or more).`
      : `Make the selector equal to labels the pods really carry (kubectl get pods -n ${ns} --show-labels lists them), or add those labels to the pods.`,
    targets: [...(idle ? [{ ref: refOf(idle.obj), at: ['spec', 'replicas'] }] : []), selectorTarget(svc)],
  });
}
