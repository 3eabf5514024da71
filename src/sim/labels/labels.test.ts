// Ported from k8s.io/apimachinery/pkg/labels/labels_test.go (TestSetString, TestLabelHas,
// TestLabelSelectorParse for ConvertSelectorToLabelsMap), with literal expectations.
import { describe, expect, it } from 'vitest';
import { convertSelectorToLabelsMap, formatLabels, hasLabel, labelsEqual, labelsString } from './index';

describe('TestSetString / FormatLabels', () => {
  it.each<[Record<string, string>, string]>([
    [{ x: 'y' }, 'x=y'],
    [{ foo: 'bar' }, 'foo=bar'],
    [{ foo: 'bar', baz: 'qup' }, 'baz=qup,foo=bar'],
    [{}, ''],
  ])('%j → %j', (set, want) => expect(labelsString(set)).toBe(want));
  it('FormatLabels prints <none> for no labels', () => {
    expect(formatLabels({})).toBe('<none>');
    expect(formatLabels(undefined)).toBe('<none>');
    expect(formatLabels({ b: '2', a: '1' })).toBe('a=1,b=2');
  });
});

describe('TestLabelHas', () => {
  it.each<[Record<string, string>, string, boolean]>([
    [{ x: 'y' }, 'x', true],
    [{ x: '' }, 'x', true],
    [{ x: 'y' }, 'foo', false],
    // own properties only
    [{ x: 'y' }, 'toString', false],
    [{ x: 'y' }, 'constructor', false],
    [{ x: 'y' }, '__proto__', false],
  ])('%j has %j: %s', (set, key, want) => expect(hasLabel(set, key)).toBe(want));
  it('nil labels have nothing', () => {
    expect(hasLabel(undefined, 'x')).toBe(false);
    expect(hasLabel(null, 'x')).toBe(false);
  });
});

describe('labels.Equals', () => {
  it('compares keys and values', () => {
    expect(labelsEqual({ a: '1' }, { a: '1' })).toBe(true);
    expect(labelsEqual({ a: '1' }, { a: '2' })).toBe(false);
    expect(labelsEqual({ a: '1' }, { b: '1' })).toBe(false);
    expect(labelsEqual({}, undefined)).toBe(true);
  });
});

describe('TestLabelSelectorParse (ConvertSelectorToLabelsMap)', () => {
  it.each<[string, Record<string, string>]>([
    ['', {}],
    ['x=a', { x: 'a' }],
    ['x=a,y=b,z=c', { x: 'a', y: 'b', z: 'c' }],
    [' x = a , y = b , z = c ', { x: 'a', y: 'b', z: 'c' }],
    ['color=green,env=test,service=front', { color: 'green', env: 'test', service: 'front' }],
    ['color=green, env=test, service=front', { color: 'green', env: 'test', service: 'front' }],
  ])('%j → %j', (sel, want) => expect(convertSelectorToLabelsMap(sel)).toEqual(want));
  it.each([',', 'x', 'x,y', 'x=$y', 'x!=y', 'x==y', 'x=a||y=b', 'x in (y)', 'x notin (y)', 'x y'])('%j is refused', (sel) => {
    expect(() => convertSelectorToLabelsMap(sel)).toThrow();
  });
  it('messages', () => {
    expect(() => convertSelectorToLabelsMap('x')).toThrow('invalid selector: [x]');
    expect(() => convertSelectorToLabelsMap('x==y')).toThrow('invalid selector: [x  y]');
  });
});
