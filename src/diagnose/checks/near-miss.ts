// Pods that miss the selector by one label: a case slip, a typo in the key or value, or (for a
// multi-label selector) one missing or different label. Named with the pod and the label.

import type { Labels, Pod, Service } from '../../sim/types';
import { type Ctx, nsOf, selectorTarget } from '../context';
import { compareLabels, describeGot, explainDiff, IDENTITY_KEYS, type LabelDiff } from '../labels';
import { capitalize, formatPodLabels, formatSelector, listNames, yamlPair } from '../text';
import { podLabelTarget } from '../workloads';

export function nearMisses(ctx: Ctx, svc: Service, sel: Labels, pods: Pod[], podsInNs: number, none: boolean): void {
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
