// ObjectMeta, labels, annotations and label selectors, as pkg/apis/core/validation (ValidateObjectMeta)
// and apimachinery pkg/api/validation/objectmeta.go + pkg/apis/meta/v1/validation/validation.go check them.

import { FieldPath, forbidden, invalid, required, type FieldError } from './field';
import { goLen, isDNS1123Label as isDNS1123LabelNs, isQualifiedName, isValidLabelValue } from './names';
import { arr, isObj, obj, str, type Obj } from './util';
import type { LabelSelector } from '../../sim/types';
import { labelSelectorAsSelectorOrUndefined, type Selector } from '../../sim';

export type NameFn = (name: string, prefix: boolean) => string[];

/** Name functions mask a trailing dash when checking a generateName prefix (maskTrailingDash). */
export const prefixable =
  (fn: (s: string) => string[]): NameFn =>
  (name, prefix) =>
    fn(prefix && name.length > 1 && name.endsWith('-') ? name.slice(0, -2) + 'a' : name);

export function validateObjectMeta(meta: Obj, namespaced: boolean, nameFn: NameFn, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const name = str(meta.name);
  const generateName = str(meta.generateName);
  if (generateName) for (const m of nameFn(generateName, true)) errs.push(invalid(path.child('generateName'), generateName, m));
  if (!name) {
    if (!generateName) errs.push(required(path.child('name'), 'name or generateName is required'));
  } else for (const m of nameFn(name, false)) errs.push(invalid(path.child('name'), name, m));
  if (namespaced) {
    const ns = str(meta.namespace);
    if (ns) for (const m of isDNS1123LabelNs(ns)) errs.push(invalid(path.child('namespace'), ns, m));
  }
  errs.push(...validateLabels(meta.labels, path.child('labels')));
  errs.push(...validateAnnotations(meta.annotations, path.child('annotations')));
  return errs;
}

export function validateLabels(labels: unknown, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  if (!isObj(labels)) return errs;
  for (const [k, v] of Object.entries(labels)) {
    for (const m of isQualifiedName(k)) errs.push({ ...invalid(path, k, m), atKey: true, pointer: path.key(k).pointer });
    const value = v === null ? '' : String(v);
    for (const m of isValidLabelValue(value)) errs.push({ ...invalid(path, value, m), pointer: path.key(k).pointer });
  }
  return errs;
}

const TOTAL_ANNOTATION_SIZE_LIMIT = 256 * (1 << 10);

export function validateAnnotations(annotations: unknown, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  if (!isObj(annotations)) return errs;
  let total = 0;
  for (const [k, v] of Object.entries(annotations)) {
    for (const m of isQualifiedName(k.toLowerCase())) errs.push({ ...invalid(path, k, m), atKey: true, pointer: path.key(k).pointer });
    total += goLen(k) + goLen(v === null ? '' : String(v));
  }
  if (total > TOTAL_ANNOTATION_SIZE_LIMIT) errs.push({ type: 'TooLong', path, max: TOTAL_ANNOTATION_SIZE_LIMIT });
  return errs;
}

/** metav1validation.ValidateLabelSelector (AllowInvalidLabelValueInSelector false for new objects). */
export function validateLabelSelector(sel: Obj, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  arr(sel.matchExpressions).forEach((raw, i) => {
    const r = obj(raw);
    const p = path.child('matchExpressions').index(i);
    const op = str(r.operator);
    const values = arr(r.values);
    if (op === 'In' || op === 'NotIn') {
      if (values.length === 0) errs.push(required(p.child('values'), 'must be specified when `operator` is \'In\' or \'NotIn\''));
    } else if (op === 'Exists' || op === 'DoesNotExist') {
      if (values.length > 0) errs.push(forbidden(p.child('values'), 'may not be specified when `operator` is \'Exists\' or \'DoesNotExist\''));
    } else errs.push(invalid(p.child('operator'), op, 'not a valid selector operator'));
    for (const m of isQualifiedName(str(r.key))) errs.push(invalid(p.child('key'), str(r.key), m));
    values.forEach((v, j) => {
      for (const m of isValidLabelValue(String(v ?? ''))) errs.push(invalid(p.child('values').index(j), String(v ?? ''), m));
    });
  });
  errs.push(...validateLabels(sel.matchLabels, path.child('matchLabels')));
  return errs;
}

/** The LabelSelector an unvalidated object holds (values as strings, as decoding would give them). */
function asLabelSelector(sel: Obj): LabelSelector {
  const ml = obj(sel.matchLabels);
  return {
    matchLabels: Object.fromEntries(Object.keys(ml).map((k) => [k, String(ml[k] ?? '')])),
    matchExpressions: arr(sel.matchExpressions).map((raw) => {
      const r = obj(raw);
      return { key: str(r.key), operator: str(r.operator), values: arr(r.values).map((v) => String(v ?? '')) };
    }),
  };
}

/** metav1.LabelSelectorAsSelector of the object's selector; undefined where it fails (unknown operator, bad key or values). */
export function workloadSelector(sel: Obj): Selector | undefined {
  return labelSelectorAsSelectorOrUndefined(asLabelSelector(sel));
}
