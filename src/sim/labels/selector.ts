// Label selectors: requirements, their matching and printing, Everything / Nothing, selectors from a set.
// Upstream: k8s.io/apimachinery/pkg/labels/selector.go (NewRequirement, Requirement.Matches/String,
// internalSelector, nothingSelector, SelectorFromSet, SelectorFromValidatedSet, ValidatedSelectorFromSet)
// and pkg/selection/operator.go. Errors carry upstream's text (field.ErrorList.ToAggregate().Error()).

import type { Labels } from '../types';
import { hasLabel, type LabelsLike } from './labels';
import { isLabelKey, isValidLabelValue } from './validation';
import { LabelSelectorError } from './errors';

/** selection.Operator: the strings upstream uses. */
export type Operator = 'in' | 'notin' | '=' | '==' | '!=' | 'exists' | '!' | 'gt' | 'lt';

const BINARY_OPERATORS: readonly Operator[] = ['in', 'notin', '=', '==', '!=', 'gt', 'lt'];
const UNARY_OPERATORS: readonly Operator[] = ['exists', '!'];
/** validRequirementOperators, in upstream's order (it appears in error messages). */
export const VALID_REQUIREMENT_OPERATORS: readonly Operator[] = [...BINARY_OPERATORS, ...UNARY_OPERATORS];
export const binaryOperatorList = BINARY_OPERATORS.join(', ');


/** Go's %q for the strings in these messages. */
const quote = (s: string): string => JSON.stringify(s);
/** Go's %#v of a []string (a nil slice for no values, as the callers pass them). */
const goStrings = (vals: readonly string[]): string => (vals.length === 0 ? '[]string(nil)' : `[]string{${vals.map(quote).join(', ')}}`);

/** field.ErrorList.ToAggregate().Error(): one message as is, several in brackets. */
function aggregate(errs: string[]): string {
  return errs.length === 1 ? errs[0] : `[${errs.join(', ')}]`;
}

/** validateLabelKey: a field.Invalid error text, or undefined. */
export function labelKeyError(key: string, path: string): string | undefined {
  const errs = isLabelKey(key);
  return errs.length ? `${path}: Invalid value: ${quote(key)}: ${errs.join('; ')}` : undefined;
}

function labelValueError(key: string, value: string, path: string): string | undefined {
  const errs = isValidLabelValue(value);
  return errs.length ? `${path}[${key}]: Invalid value: ${quote(value)}: ${errs.join('; ')}` : undefined;
}

/** strconv.ParseInt(s, 10, 64), or undefined when it fails. */
function parseInt64(s: string): bigint | undefined {
  if (!/^[+-]?\d+$/.test(s)) return undefined;
  const v = BigInt(s);
  return v >= -(2n ** 63n) && v < 2n ** 63n ? v : undefined;
}

export class Requirement {
  constructor(
    readonly key: string,
    readonly operator: Operator,
    /** As given (ValuesUnsorted); String() sorts a copy. */
    readonly values: readonly string[],
  ) {}

  private hasValue(v: string): boolean {
    return this.values.includes(v);
  }

  /** Requirement.Matches. A key is present only as an own property (never through the prototype). */
  matches(labels: LabelsLike): boolean {
    const exists = hasLabel(labels, this.key);
    const val = exists ? labels![this.key] : '';
    switch (this.operator) {
      case 'in':
      case '=':
      case '==':
        return exists && this.hasValue(val);
      case 'notin':
      case '!=':
        return !exists || !this.hasValue(val);
      case 'exists':
        return exists;
      case '!':
        return !exists;
      case 'gt':
      case 'lt': {
        if (!exists) return false;
        const have = parseInt64(val);
        if (have === undefined || this.values.length !== 1) return false;
        const want = parseInt64(this.values[0]);
        if (want === undefined) return false;
        return this.operator === 'gt' ? have > want : have < want;
      }
      default:
        return false;
    }
  }

  /** Requirement.String(): `!k`, `k`, `k=v`, `k==v`, `k!=v`, `k>1`, `k<1`, `k in (a,b)`, `k notin (a,b)`. */
  toString(): string {
    const op = this.operator;
    let s = (op === '!' ? '!' : '') + this.key;
    if (op === 'exists' || op === '!') return s;
    s += op === 'in' ? ' in ' : op === 'notin' ? ' notin ' : op === 'gt' ? '>' : op === 'lt' ? '<' : op;
    const set = op === 'in' || op === 'notin';
    const values = this.values.length === 1 ? this.values[0] : [...this.values].sort().join(',');
    return set ? `${s}(${values})` : s + values;
  }
}

/**
 * NewRequirement: the key must be a label key, In/NotIn need values, equality exactly one value,
 * Exists/DoesNotExist none, Gt/Lt one integer; every value must be a label value. `path` is the
 * field path of the errors (`field.WithPath`); none gives `key`, `values[0][key]`, … like upstream.
 */
export function newRequirement(key: string, operator: Operator, values: readonly string[], path?: string): Requirement {
  const errs: string[] = [];
  const at = (child: string) => (path === undefined ? child : `${path}.${child}`);
  const keyErr = labelKeyError(key, at('key'));
  if (keyErr) errs.push(keyErr);
  const valuePath = at('values');
  switch (operator) {
    case 'in':
    case 'notin':
      if (values.length === 0) errs.push(`${valuePath}: Invalid value: ${goStrings(values)}: for 'in', 'notin' operators, values set can't be empty`);
      break;
    case '=':
    case '==':
    case '!=':
      if (values.length !== 1) errs.push(`${valuePath}: Invalid value: ${goStrings(values)}: exact-match compatibility requires one single value`);
      break;
    case 'exists':
    case '!':
      if (values.length !== 0) errs.push(`${valuePath}: Invalid value: ${goStrings(values)}: values set must be empty for exists and does not exist`);
      break;
    case 'gt':
    case 'lt':
      if (values.length !== 1) errs.push(`${valuePath}: Invalid value: ${goStrings(values)}: for 'Gt', 'Lt' operators, exactly one value is required`);
      values.forEach((v, i) => {
        if (parseInt64(v) === undefined) errs.push(`${valuePath}[${i}]: Invalid value: ${quote(v)}: for 'Gt', 'Lt' operators, the value must be an integer`);
      });
      break;
    default:
      errs.push(`${at('operator')}: Unsupported value: ${quote(operator)}: supported values: ${VALID_REQUIREMENT_OPERATORS.map(quote).join(', ')}`);
  }
  values.forEach((v, i) => {
    const e = labelValueError(key, v, `${valuePath}[${i}]`);
    if (e) errs.push(e);
  });
  if (errs.length) throw new LabelSelectorError(aggregate(errs));
  return new Requirement(key, operator, [...values]);
}

/** labels.Selector. */
export interface Selector {
  /** Matches: true when every requirement matches these labels. */
  matches(labels: LabelsLike): boolean;
  /** Empty: true when the selector does not restrict the selection (Everything). Nothing is not empty. */
  empty(): boolean;
  /** String(): requirements joined by ',' (sorted by key); '' for Everything and Nothing. */
  toString(): string;
  /** Requirements(): the requirements, and false for Nothing (it selects nothing at all). */
  requirements(): { requirements: readonly Requirement[]; selectable: boolean };
  /** Add: a new selector with these requirements too, sorted by key. */
  add(...reqs: Requirement[]): Selector;
  /** RequiresExactMatch: the value this selector demands for the label (=, == or a one-value in). */
  requiresExactMatch(label: string): string | undefined;
}

/** sort.Sort(ByKey(...)), kept stable so equal keys stay in the order given. */
const byKey = (reqs: Requirement[]): Requirement[] => reqs.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));

/** internalSelector: a list of requirements, all of which must match. */
class RequirementsSelector implements Selector {
  constructor(private readonly reqs: readonly Requirement[]) {}
  matches(labels: LabelsLike): boolean {
    for (const r of this.reqs) if (!r.matches(labels)) return false;
    return true;
  }
  empty(): boolean {
    return this.reqs.length === 0;
  }
  toString(): string {
    return this.reqs.map((r) => r.toString()).join(',');
  }
  requirements() {
    return { requirements: this.reqs, selectable: true };
  }
  add(...reqs: Requirement[]): Selector {
    return new RequirementsSelector(byKey([...this.reqs, ...reqs]));
  }
  requiresExactMatch(label: string): string | undefined {
    const r = this.reqs.find((x) => x.key === label);
    if (!r) return undefined;
    return (r.operator === '=' || r.operator === '==' || r.operator === 'in') && r.values.length === 1 ? r.values[0] : undefined;
  }
}

/** nothingSelector: matches no labels at all (what a nil LabelSelector converts to). */
const NOTHING: Selector = Object.freeze({
  matches: () => false,
  empty: () => false,
  toString: () => '',
  requirements: () => ({ requirements: [], selectable: false }),
  add(): Selector {
    return NOTHING;
  },
  requiresExactMatch: () => undefined,
});

const EVERYTHING: Selector = new RequirementsSelector([]);

/** labels.Everything(): matches all labels. */
export const everything = (): Selector => EVERYTHING;
/** labels.Nothing(): matches no labels. */
export const nothing = (): Selector => NOTHING;
/** labels.MatchesNothing: only the Nothing selector is known to match nothing. */
export const matchesNothing = (s: Selector): boolean => s === NOTHING;
/** labels.NewSelector(): no requirements yet (empty, matches everything). */
export const newSelector = (): Selector => new RequirementsSelector([]);
/** A selector of parsed or converted requirements (already sorted by the caller). */
export const selectorOf = (reqs: Requirement[]): Selector => new RequirementsSelector(reqs);

/**
 * SelectorFromValidatedSet (Set.AsSelectorPreValidated): every key equal to its value, no validation;
 * a nil or empty set is Everything. This is how a Service's spec.selector map selects pods.
 */
export function selectorFromValidatedSet(set: Labels | null | undefined): Selector {
  const keys = set ? Object.keys(set) : [];
  if (keys.length === 0) return EVERYTHING;
  return new RequirementsSelector(byKey(keys.map((k) => new Requirement(k, '=', [set![k]]))));
}

/**
 * ValidatedSetSelector: the set itself as a selector, not copied (upstream: "substantially more
 * efficient"; the endpoint controllers use it for a Service's selector). The set must not change.
 */
export function validatedSetSelector(set: Labels | null | undefined): Selector {
  const s = set ?? {};
  const keys = Object.keys(s);
  if (keys.length === 0) return EVERYTHING;
  const values = keys.map((k) => s[k]);
  return {
    // Hot path (every pod of a namespace per Service sync): compare the value first, then own-ness.
    matches(labels: LabelsLike): boolean {
      if (!labels) return false;
      for (let i = 0; i < keys.length; i++) {
        if (labels[keys[i]] !== values[i] || !Object.hasOwn(labels, keys[i])) return false;
      }
      return true;
    },
    empty: () => false,
    toString: () => selectorFromValidatedSet(s).toString(),
    requirements: () => selectorFromValidatedSet(s).requirements(),
    add: (...reqs: Requirement[]) => selectorFromValidatedSet(s).add(...reqs),
    requiresExactMatch: (label: string) => (Object.hasOwn(s, label) ? s[label] : undefined),
  };
}

/** SelectorFromSet (Set.AsSelector): the same, without validation either. */
export const selectorFromSet = selectorFromValidatedSet;

/** ValidatedSelectorFromSet (Set.AsValidatedSelector): the same, but keys and values are validated. */
export function validatedSelectorFromSet(set: Labels | null | undefined): Selector {
  const keys = set ? Object.keys(set) : [];
  if (keys.length === 0) return EVERYTHING;
  return new RequirementsSelector(byKey(keys.map((k) => newRequirement(k, '=', [set![k]]))));
}
