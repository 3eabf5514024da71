// Deployment and ReplicaSet validation as pkg/apis/apps/validation/validation.go does it
// (ValidateDeploymentSpec, ValidateReplicaSetSpec, ValidatePodTemplateSpecForReplicaSet).

import { FieldPath, forbidden, goJSONValue, goStringMapJSON, invalid, notSupported, required, type FieldError } from './field';
import { prefixable, validateLabelSelector, validateObjectMeta, workloadSelector } from './meta';
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
    if (!isObj(sel) || !workloadSelector(sel)?.matches(labels))
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
  if (isObj(sel) && !workloadSelector(sel)) errs.push(invalid(path.child('selector'), selectorValue(sel), 'invalid label selector'));
  else errs.push(...validateTemplateForReplicaSet(spec, path.child('template')));
  return errs;
}

/** ValidatePositiveIntOrPercent + IsNotMoreThan100Percent for maxSurge / maxUnavailable. */
function intOrPercent(v: unknown, path: FieldPath, max100: boolean): { errs: FieldError[]; value: number } {
  if (typeof v === 'number') return { errs: v < 0 ? [invalid(path, v, NONNEG)] : [], value: v };
  const s = String(v);
  const m = /^([0-9]+)%$/.exec(s);
  if (!m) return { errs: [invalid(path, s, "must be an integer or percentage (e.g '5%')")], value: -1 };
  const pct = Number(m[1]);
  return { errs: max100 && pct > 100 ? [invalid(path, s, 'must not be greater than 100%')] : [], value: pct };
}

/** ValidateDeploymentStrategy / ValidateRollingUpdateDeployment (defaults: RollingUpdate, 25% / 25%). */
function validateStrategy(strategy: Obj, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const type = has(strategy, 'type') ? str(strategy.type) : 'RollingUpdate';
  if (type === 'Recreate') {
    if (has(strategy, 'rollingUpdate')) errs.push(forbidden(path.child('rollingUpdate'), "may not be specified when strategy `type` is 'Recreate'"));
  } else if (type === 'RollingUpdate') {
    const ru = obj(strategy.rollingUpdate);
    const mu = has(ru, 'maxUnavailable') ? ru.maxUnavailable : '25%';
    const ms = has(ru, 'maxSurge') ? ru.maxSurge : '25%';
    const u = intOrPercent(mu, path.child('rollingUpdate', 'maxUnavailable'), true);
    const s = intOrPercent(ms, path.child('rollingUpdate', 'maxSurge'), false);
    errs.push(...u.errs, ...s.errs);
    if (u.value === 0 && s.value === 0) errs.push(invalid(path.child('rollingUpdate', 'maxUnavailable'), typeof mu === 'number' ? mu : String(mu), 'may not be 0 when `maxSurge` is 0'));
  } else errs.push(notSupported(path.child('type'), type, ['Recreate', 'RollingUpdate']));
  return errs;
}

export function validateDeployment(d: Obj): FieldError[] {
  const errs = validateObjectMeta(obj(d.metadata), true, prefixable(isDNS1123Subdomain), FieldPath.root('metadata'));
  const spec = obj(d.spec);
  const path = FieldPath.root('spec');
  errs.push(...validateWorkloadSpec(spec, path));
  if (has(spec, 'revisionHistoryLimit') && num(spec.revisionHistoryLimit) < 0)
    errs.push(invalid(path.child('revisionHistoryLimit'), num(spec.revisionHistoryLimit), NONNEG));
  errs.push(...validateStrategy(obj(spec.strategy), path.child('strategy')));
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
