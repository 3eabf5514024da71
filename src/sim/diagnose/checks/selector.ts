// Why a Service selects no pods (or misses a few): empty selector, wrong namespace, a Deployment
// template or pods whose labels differ from the selector. Services select pods only in their own
// namespace, by exact, case-sensitive equality of every selector label (§1 of the behaviour spec).

import type { Labels, Pod, Service } from '../../types';
import { type Ctx, hasEmptySelector, nsOf, refOf, slicesOf, type Target } from '../context';
import { compareLabels, describeGot, explainDiff, type LabelDiff, selectorMatches } from '../labels';
import { formatPodLabels, formatSelector, listNames, plural, yamlPair } from '../text';
import { guessWorkload, podLabelTarget, relatedNames, selectorExample, type Workload, workloadsIn } from '../workloads';

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
  if (none) {
    otherNamespaces(ctx, svc, sel);
    matchesNoPods(ctx, svc, sel, pods);
  }
}

const selectorTarget = (svc: Service, key?: string): Target => ({
  ref: refOf(svc),
  at: ['spec', 'selector', ...(key ? [key] : [])],
});

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

// ---- Deployment / ReplicaSet templates ------------------------------------------------------------

/** Labels that name the application itself: a different value there means a different app. */
const IDENTITY_KEYS = new Set(['app', 'app.kubernetes.io/name', 'k8s-app', 'name']);

/** The selector and the labels agree on every identity label the selector uses (and it uses one). */
function sameApp(sel: Labels, labels: Labels): boolean {
  const ids = Object.keys(sel).filter((k) => IDENTITY_KEYS.has(k));
  return ids.length > 0 && ids.every((k) => labels[k] === sel[k]);
}

function templateMismatches(ctx: Ctx, svc: Service, sel: Labels, none: boolean): Workload[] {
  const keys = Object.keys(sel).length;
  const found: Array<{ w: Workload; diffs: LabelDiff[] }> = [];
  for (const w of workloadsIn(ctx, nsOf(svc))) {
    if (selectorMatches(sel, w.templateLabels)) continue;
    const diffs = compareLabels(sel, w.templateLabels, !none);
    const one = diffs.length === 1 ? diffs[0] : undefined;
    const intended = none
      ? relatedNames(svc.metadata.name ?? '', w.obj.metadata.name ?? '') ||
        (one !== undefined && (one.closeness >= 2 || (keys >= 2 && !IDENTITY_KEYS.has(one.key)))) ||
        sameApp(sel, w.templateLabels)
      : one?.closeness === 3; // with pods selected, only a case slip is surely a mistake
    if (intended) found.push({ w, diffs });
  }
  // With nothing selected, the closest templates are the intended ones: fewest differing labels,
  // then a name like the Service's, then not differing in the app's identity label.
  const score = (f: { w: Workload; diffs: LabelDiff[] }) =>
    f.diffs.length * 4 -
    (relatedNames(svc.metadata.name ?? '', f.w.obj.metadata.name ?? '') ? 2 : 0) +
    (f.diffs.some((d) => IDENTITY_KEYS.has(d.key)) ? 1 : 0);
  const best = Math.min(...found.map(score));
  const chosen = none ? found.filter((f) => score(f) === best) : found;
  for (const { w, diffs } of chosen) emitTemplateMismatch(ctx, svc, sel, w, diffs, none);
  // Pods of every candidate are explained by the template analysis, chosen or not.
  return found.map((f) => f.w);
}

function emitTemplateMismatch(ctx: Ctx, svc: Service, sel: Labels, w: Workload, diffs: LabelDiff[], none: boolean): void {
  const kind = w.obj.kind;
  const wname = w.obj.metadata.name;
  const count = w.pods.length || w.replicas;
  const inSelector = new Set(Object.keys(w.obj.spec.selector?.matchLabels ?? {}));
  const immutable = diffs.some((d) => inSelector.has(d.kind === 'key' ? d.gotKey : d.key) && d.kind !== 'missing');
  const first = diffs[0];
  ctx.emit({
    code: 'deployment-template-labels-mismatch',
    severity: none ? 'error' : 'warning',
    message:
      `Service ${svc.metadata.name} selects ${formatSelector(sel)}, but ${kind} ${wname} labels its pods ` +
      `${formatPodLabels(w.templateLabels)} (spec.template.metadata.labels): ${diffs.map(explainDiff).join('; ')}. ` +
      (count ? `None of its ${plural(count, 'pod')} is selected.` : 'Its pods would not be selected.'),
    fix: !ctx.isUser(refOf(w.obj))
      ? `${capitalize(diffs.map(fixSelectorOnly).join('; '))} (${kind} ${wname} is part of the exercise).`
      : capitalize(diffs.map((d) => fixTemplate(d)).join('; ')) +
      '.' +
      (immutable
        ? ` Changing that label in the template also means changing spec.selector.matchLabels, which is immutable: delete and re-create the ${kind}, or change the Service instead.`
        : ''),
    targets: [
      { ref: refOf(w.obj), at: ['spec', 'template', 'metadata', 'labels', first.kind === 'key' ? first.gotKey : first.key] },
      selectorTarget(svc, first.key),
    ],
  });
}

function fixSelectorOnly(d: LabelDiff): string {
  if (d.kind === 'value') return `change the Service selector to ${yamlPair(d.key, d.got)}`;
  if (d.kind === 'key') return `use the key ${d.gotKey} in the Service selector`;
  return `remove ${d.key} from the Service selector`;
}

function fixTemplate(d: LabelDiff): string {
  if (d.kind === 'value') return `set the template label to ${yamlPair(d.key, d.want)}, or the Service selector to ${yamlPair(d.key, d.got)}`;
  if (d.kind === 'key') return `rename the template label ${d.gotKey} to ${d.key}, or use ${d.gotKey} in the Service selector`;
  return `add ${yamlPair(d.key, d.want)} to the template labels, or remove ${d.key} from the Service selector`;
}

// ---- pods that differ in one label ----------------------------------------------------------------

function nearMisses(ctx: Ctx, svc: Service, sel: Labels, pods: Pod[], podsInNs: number, none: boolean): void {
  const keys = Object.keys(sel).length;
  const groups = new Map<string, { d: LabelDiff; pods: Pod[] }>();
  for (const pod of pods) {
    const diffs = compareLabels(sel, pod.metadata.labels, !none);
    if (diffs.length !== 1) continue;
    const d = diffs[0];
    // Nothing selected: a typo, or one (non-identity) label off a multi-label selector. Some selected: only case slips.
    // A different value of the app's own label is another app, not a slip.
    if (none ? !(d.closeness >= 2 || (keys >= 2 && !IDENTITY_KEYS.has(d.key))) : d.closeness !== 3) continue;
    const sig = JSON.stringify(d);
    const g = groups.get(sig);
    if (g) g.pods.push(pod);
    else groups.set(sig, { d, pods: [pod] });
  }
  const sorted = [...groups.values()].sort((a, b) => b.d.closeness - a.d.closeness || b.pods.length - a.pods.length);
  const strongest = sorted[0]?.d.closeness;
  for (const g of sorted.filter((x) => x.d.closeness === strongest).slice(0, 3)) emitNearMiss(ctx, svc, sel, g.d, g.pods, podsInNs, none);
}

function emitNearMiss(ctx: Ctx, svc: Service, sel: Labels, d: LabelDiff, pods: Pod[], podsInNs: number, none: boolean): void {
  const ns = nsOf(svc);
  const names = pods.map((p) => p.metadata.name ?? '');
  const who =
    pods.length === 1
      ? `pod ${names[0]} in namespace ${ns} is`
      : `${pods.length === podsInNs ? 'the' : ''} ${pods.length} pods ${listNames(names)} in namespace ${ns} are`.trim();
  const what = d.kind === 'missing' ? `labelled ${formatPodLabels(pods[0].metadata.labels)}, without ${d.key}=${d.want}` : `labelled ${describeGot(d)}: ${explainDiff(d)}`;
  const podTarget = podLabelTarget(ctx, pods[0], d.kind === 'key' ? d.gotKey : d.key);
  const svcTarget = selectorTarget(svc, d.key);
  const onPods = pods.length === 1 ? `pod ${names[0]}` : 'the pods';
  const podFix =
    d.kind === 'value' ? `label ${onPods} ${yamlPair(d.key, d.want)}` : d.kind === 'key' ? `rename the label ${d.gotKey} of ${onPods} to ${d.key}` : `add ${yamlPair(d.key, d.want)} to the labels of ${onPods}`;
  const selFix =
    d.kind === 'value' ? `change the selector to ${yamlPair(d.key, d.got)}` : d.kind === 'key' ? `use ${d.gotKey} in the selector` : `remove ${d.key} from the selector`;
  ctx.emit({
    code: 'selector-near-miss',
    severity: none ? 'error' : 'warning',
    message:
      `Service ${svc.metadata.name} selects ${formatSelector(sel)}, but ${who} ${what}` +
      (none ? '.' : `, so ${pods.length === 1 ? 'it is' : 'they are'} not among the Service's endpoints.`),
    fix: capitalize(
      !podTarget || !ctx.isUser(podTarget.ref) ? `${selFix}.` : none ? `${selFix}, or ${podFix}.` : `${podFix}, or ${selFix}.`,
    ),
    targets: none || !podTarget ? [svcTarget, ...(podTarget ? [podTarget] : [])] : [podTarget, svcTarget],
  });
}

// ---- pods elsewhere, or nowhere --------------------------------------------------------------------

function otherNamespaces(ctx: Ctx, svc: Service, sel: Labels): void {
  const ns = nsOf(svc);
  const byNs = new Map<string, string[]>();
  for (const [other, pods] of ctx.podsByNs) {
    if (other === ns) continue;
    const names = pods.filter((p) => selectorMatches(sel, p.metadata.labels)).map((p) => p.metadata.name ?? '');
    if (names.length) byNs.set(other, names);
  }
  if (byNs.size === 0) return;
  const [firstNs, firstNames] = [...byNs.entries()].sort((a, b) => b[1].length - a[1].length)[0];
  const where = [...byNs.entries()].map(([n, names]) => `${plural(names.length, 'pod')} in namespace ${n}`).join(' and ');
  ctx.emit({
    code: 'pods-in-other-namespace',
    severity: 'error',
    message:
      `Service ${svc.metadata.name} in namespace ${ns} selects ${formatSelector(sel)}; no pod in ${ns} has these labels, ` +
      `but ${where} ${byNs.size === 1 && firstNames.length === 1 ? 'does' : 'do'} (${listNames(firstNames)}). ` +
      `A Service only selects pods in its own namespace.`,
    fix: `Create the Service in namespace ${firstNs} (metadata.namespace: ${firstNs}), or run the pods in namespace ${ns}.`,
    targets: [{ ref: refOf(svc), at: ['metadata', 'namespace'] }, ...podNamespaceTarget(ctx, svc, sel, firstNs)],
  });
}

/** Second choice: the namespace of the written object the pods come from (Pod or workload). */
function podNamespaceTarget(ctx: Ctx, svc: Service, sel: Labels, ns: string): Target[] {
  const p = (ctx.podsByNs.get(ns) ?? []).find((x) => selectorMatches(sel, x.metadata.labels));
  const t = p && podLabelTarget(ctx, p);
  return t ? [{ ref: t.ref, at: ['metadata', 'namespace'] }] : [];
}

function matchesNoPods(ctx: Ctx, svc: Service, sel: Labels, pods: Pod[]): void {
  const ns = nsOf(svc);
  const name = svc.metadata.name;
  const idle = workloadsIn(ctx, ns).find((w) => w.replicas === 0 && selectorMatches(sel, w.templateLabels));
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

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
