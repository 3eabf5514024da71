// A Deployment or ReplicaSet whose pod template labels differ from the Service's selector: the
// line to change is in spec.template.metadata.labels (or in the selector, when the workload is the
// exercise's). Its pods are explained here and not repeated as near misses.

import type { Labels, Service } from '../../sim/types';
import { type Ctx, nsOf, refOf, selectorTarget } from '../context';
import { validatedSetSelector } from '../../sim';
import { compareLabels, explainDiff, IDENTITY_KEYS, type LabelDiff } from '../labels';
import { capitalize, formatPodLabels, formatSelector, plural, yamlPair } from '../text';
import { relatedNames, type Workload, workloadsIn } from '../workloads';

/** The selector and the labels agree on every identity label the selector uses (and it uses one). */
function sameApp(sel: Labels, labels: Labels): boolean {
  const ids = Object.keys(sel).filter((k) => IDENTITY_KEYS.has(k));
  return ids.length > 0 && ids.every((k) => labels[k] === sel[k]);
}

export function templateMismatches(ctx: Ctx, svc: Service, sel: Labels, none: boolean): Workload[] {
  const keys = Object.keys(sel).length;
  const found: Array<{ w: Workload; diffs: LabelDiff[] }> = [];
  for (const w of workloadsIn(ctx, nsOf(svc))) {
    if (validatedSetSelector(sel).matches(w.templateLabels)) continue;
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
