// Ported from k8s.io/apimachinery/pkg/apis/meta/v1/helpers_test.go (TestLabelSelectorAsSelector,
// TestLabelSelectorAsMap), with literal expectations; FormatLabelSelector from helpers.go.
import { describe, expect, it } from 'vitest';
import type { LabelSelector } from '../types';
import { everything, formatLabelSelector, labelSelectorAsMap, labelSelectorAsSelector, nothing, parse } from './index';

const matchLabels = { foo: 'bar' };
const matchExpressions = [{ key: 'baz', operator: 'In', values: ['qux', 'norf'] }];

describe('TestLabelSelectorAsSelector', () => {
  it('nil is Nothing, empty is Everything', () => {
    expect(labelSelectorAsSelector(undefined)).toBe(nothing());
    expect(labelSelectorAsSelector(null)).toBe(nothing());
    expect(labelSelectorAsSelector({})).toBe(everything());
    expect(labelSelectorAsSelector({ matchLabels: {}, matchExpressions: [] })).toBe(everything());
  });
  it.each<[LabelSelector, string]>([
    [{ matchLabels }, 'foo=bar'],
    [{ matchExpressions }, 'baz in (norf,qux)'],
    [{ matchLabels, matchExpressions }, 'baz in (norf,qux),foo=bar'],
  ])('%j prints as %j, like Parse of that string', (ls, want) => {
    const sel = labelSelectorAsSelector(ls);
    expect(sel.toString()).toBe(want);
    expect(sel.toString()).toBe(parse(want).toString());
  });
  it('does not modify its input', () => {
    const ls: LabelSelector = { matchLabels: { ...matchLabels }, matchExpressions: [{ key: 'baz', operator: 'In', values: ['qux', 'norf'] }] };
    labelSelectorAsSelector(ls);
    expect(ls).toEqual({ matchLabels: { foo: 'bar' }, matchExpressions: [{ key: 'baz', operator: 'In', values: ['qux', 'norf'] }] });
  });
  it('refuses Exists with values, and unknown operators', () => {
    expect(() => labelSelectorAsSelector({ matchExpressions: [{ key: 'baz', operator: 'Exists', values: ['qux', 'norf'] }] })).toThrow(
      'values: Invalid value: []string{"qux", "norf"}: values set must be empty for exists and does not exist',
    );
    expect(() => labelSelectorAsSelector({ matchExpressions: [{ key: 'app', operator: 'Equals', values: ['web'] }] })).toThrow(
      '"Equals" is not a valid pod selector operator',
    );
    expect(() => labelSelectorAsSelector({ matchExpressions: [{ key: 'app', operator: 'In' }] })).toThrow(
      "values: Invalid value: []string(nil): for 'in', 'notin' operators, values set can't be empty",
    );
    // the operator names of the string syntax are not LabelSelector operators
    expect(() => labelSelectorAsSelector({ matchExpressions: [{ key: 'app', operator: 'in', values: ['web'] }] })).toThrow('"in" is not a valid pod selector operator');
    expect(() => labelSelectorAsSelector({ matchExpressions: [{ key: 'app', operator: 'toString' }] })).toThrow('"toString" is not a valid pod selector operator');
  });
  it('matches In / NotIn / Exists / DoesNotExist, with own properties only', () => {
    const sel = (operator: string, values?: string[], key = 'tier') => labelSelectorAsSelector({ matchExpressions: [{ key, operator, values }] });
    expect(sel('In', ['fe']).matches({ tier: 'fe' })).toBe(true);
    expect(sel('In', ['fe']).matches({ tier: 'be' })).toBe(false);
    expect(sel('In', ['fe']).matches({})).toBe(false);
    expect(sel('NotIn', ['fe']).matches({})).toBe(true);
    expect(sel('NotIn', ['fe']).matches({ tier: 'fe' })).toBe(false);
    expect(sel('Exists').matches({ tier: '' })).toBe(true);
    expect(sel('Exists').matches({})).toBe(false);
    expect(sel('DoesNotExist').matches({ tier: 'fe' })).toBe(false);
    expect(sel('DoesNotExist').matches({})).toBe(true);
    // the bug this module fixes: `key in labels` found inherited names
    expect(sel('DoesNotExist', undefined, 'toString').matches({ app: 'web' })).toBe(true);
    expect(sel('Exists', undefined, 'constructor').matches({ app: 'web' })).toBe(false);
    expect(labelSelectorAsSelector({ matchLabels: { hasOwnProperty: 'x' } }).matches({})).toBe(false);
  });
});

describe('FormatLabelSelector', () => {
  it('<none> when empty or nil, <error> when invalid', () => {
    expect(formatLabelSelector({ matchLabels: { app: 'web' } })).toBe('app=web');
    expect(formatLabelSelector({})).toBe('<none>');
    expect(formatLabelSelector(undefined)).toBe('<none>');
    expect(formatLabelSelector({ matchExpressions: [{ key: 'a', operator: 'Bogus' }] })).toBe('<error>');
    expect(formatLabelSelector({ matchLabels: { b: '1' }, matchExpressions: [{ key: 'a', operator: 'DoesNotExist' }] })).toBe('!a,b=1');
  });
});

describe('TestLabelSelectorAsMap', () => {
  const expr = (operator: string, values: string[]) => [{ key: 'baz', operator, values }];
  it.each<[LabelSelector | undefined, Record<string, string> | undefined, string | undefined]>([
    [undefined, undefined, undefined],
    [{ matchLabels }, { foo: 'bar' }, undefined],
    [{ matchLabels, matchExpressions: expr('In', ['norf']) }, { foo: 'bar', baz: 'norf' }, undefined],
    [{ matchExpressions: expr('In', ['norf']) }, { baz: 'norf' }, undefined],
    [{ matchLabels, matchExpressions: expr('In', ['norf', 'qux']) }, { foo: 'bar' }, 'without a single value cannot be converted'],
    [{ matchExpressions: expr('NotIn', ['norf', 'qux']) }, {}, 'cannot be converted'],
    [{ matchLabels, matchExpressions: expr('Exists', []) }, { foo: 'bar' }, 'cannot be converted'],
    [{ matchExpressions: expr('DoesNotExist', []) }, {}, 'cannot be converted'],
  ])('%j', (ls, map, err) => {
    const got = labelSelectorAsMap(ls);
    expect(got.map).toEqual(map);
    if (err) expect(got.error).toContain(err);
    else expect(got.error).toBeUndefined();
  });
});
