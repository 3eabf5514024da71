// Deployment and ReplicaSet validation as pkg/apis/apps/validation/validation.go does it
// (ValidateDeploymentSpec, ValidateReplicaSetSpec, ValidatePodTemplateSpecForReplicaSet).

import { FieldPath, goJSONValue, goStringMapJSON, invalid, notSupported, required, type FieldError } from './field';
import { prefixable, selectorConvertible, selectorMatches, validateLabelSelector, validateObjectMeta } from './meta';
import { isDNS1123Subdomain } from './names';
import { validatePodTemplateSpec } from './pod';
import { arr, has, isObj, num, obj, str, strMap, type Obj } from './util';

const NONNEG = 'must be greater than or equal to 0';

/** json.Marshal of a metav1.LabelSelector (omitempty fields, struct field order). */
function selectorValue(sel: Obj): { goSyntax: string } {
  const out: Record<string, unknown> = {};
  const ml = strMap(sel.matchLabels);
  if (ml && Object.keys(ml).length) out.matchLabels = Object.fromEntries(Object.keys(ml).sort().map((k) => [k, ml[k]]));
  const me = arr(sel.matchExpressions).map((raw) => {
    const r = obj(raw);
    const req: Record<string, unknown> = { key: str(r.key), operator: str(r.operator) };
    const values = arr(r.values).map((v) => String(v ?? ''));
    if (values.length) req.values = values;
    return req;
  });
  if (me.length) out.matchExpressions = me;
  return goJSONValue(out);
}

function validateTemplateForReplicaSet(spec: Obj, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const tpl = obj(spec.template);
  const sel = spec.selector;
  // A nil selector converts to labels.Nothing(), which matches nothing: the mismatch is reported too.
  const empty = isObj(sel) && Object.keys(obj(sel.matchLabels)).length + arr(sel.matchExpressions).length === 0;
  if (!empty) {
    const labels = strMap(obj(tpl.metadata).labels);
    if (!isObj(sel) || !selectorMatches(sel, labels ?? {}))
      errs.push(invalid(path.child('metadata', 'labels'), goStringMapJSON(labels), '`selector` does not match template `labels`'));
  }
  errs.push(...validatePodTemplateSpec(tpl, path));
  const podSpec = obj(tpl.spec);
  const restart = has(podSpec, 'restartPolicy') ? str(podSpec.restartPolicy) : 'Always';
  if (restart !== 'Always') errs.push(notSupported(path.child('spec', 'restartPolicy'), restart, ['Always']));
  if (has(podSpec, 'activeDeadlineSeconds'))
    errs.push(invalid(path.child('spec', 'activeDeadlineSeconds'), num(podSpec.activeDeadlineSeconds), 'activeDeadlineSeconds in ReplicaSet is not Supported'));
  return errs;
}

function validateWorkloadSpec(spec: Obj, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const replicas = has(spec, 'replicas') ? num(spec.replicas) : 1;
  if (replicas < 0) errs.push(invalid(path.child('replicas'), replicas, NONNEG));
  if (has(spec, 'minReadySeconds') && num(spec.minReadySeconds) < 0) errs.push(invalid(path.child('minReadySeconds'), num(spec.minReadySeconds), NONNEG));
  const sel = spec.selector;
  if (!isObj(sel)) errs.push(required(path.child('selector')));
  else {
    errs.push(...validateLabelSelector(sel, path.child('selector')));
    if (Object.keys(obj(sel.matchLabels)).length + arr(sel.matchExpressions).length === 0)
      errs.push(invalid(path.child('selector'), selectorValue(sel), 'empty selector is invalid for deployment'));
  }
  if (isObj(sel) && !selectorConvertible(sel)) errs.push(invalid(path.child('selector'), selectorValue(sel), 'invalid label selector'));
  else errs.push(...validateTemplateForReplicaSet(spec, path.child('template')));
  return errs;
}

export function validateDeployment(d: Obj): FieldError[] {
  const errs = validateObjectMeta(obj(d.metadata), true, prefixable(isDNS1123Subdomain), FieldPath.root('metadata'));
  const spec = obj(d.spec);
  const path = FieldPath.root('spec');
  errs.push(...validateWorkloadSpec(spec, path));
  if (has(spec, 'revisionHistoryLimit') && num(spec.revisionHistoryLimit) < 0)
    errs.push(invalid(path.child('revisionHistoryLimit'), num(spec.revisionHistoryLimit), NONNEG));
  const strategy = obj(spec.strategy);
  if (has(strategy, 'type') && !['Recreate', 'RollingUpdate'].includes(str(strategy.type)))
    errs.push(notSupported(path.child('strategy', 'type'), str(strategy.type), ['Recreate', 'RollingUpdate']));
  if (has(spec, 'progressDeadlineSeconds')) {
    const pds = num(spec.progressDeadlineSeconds);
    if (pds < 0) errs.push(invalid(path.child('progressDeadlineSeconds'), pds, NONNEG));
    else if (pds <= num(spec.minReadySeconds)) errs.push(invalid(path.child('progressDeadlineSeconds'), pds, 'must be greater than minReadySeconds'));
  }
  return errs;
}

export function validateReplicaSet(rs: Obj): FieldError[] {
  const errs = validateObjectMeta(obj(rs.metadata), true, prefixable(isDNS1123Subdomain), FieldPath.root('metadata'));
  errs.push(...validateWorkloadSpec(obj(rs.spec), FieldPath.root('spec')));
  return errs;
}
