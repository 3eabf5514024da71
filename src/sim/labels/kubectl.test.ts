// The assertions of the former src/kubectl/format/labels.test.ts (kubectl's -l parser and printing
// had their own copy of this module), kept unchanged against the one implementation.
// k8s.io/apimachinery/pkg/labels: FormatLabels sorts keys and prints <none> when empty; selectors
// support =, ==, !=, in, notin, exists and !key, and String() sorts requirements by key.
import { describe, expect, it } from 'vitest';
import { formatLabels, formatLabelSelector, parse as parseSelector } from './index';

describe('labels', () => {
  it('formats labels', () => {
    expect(formatLabels({ b: '2', a: '1' })).toBe('a=1,b=2');
    expect(formatLabels({})).toBe('<none>');
    expect(formatLabels(undefined)).toBe('<none>');
  });

  it('parses and matches equality and set-based selectors', () => {
    const l = { app: 'web', tier: 'front' };
    expect(parseSelector('app=web').matches(l)).toBe(true);
    expect(parseSelector('app==web,tier!=back').matches(l)).toBe(true);
    expect(parseSelector('app in (web, api)').matches(l)).toBe(true);
    expect(parseSelector('app notin (web)').matches(l)).toBe(false);
    expect(parseSelector('tier').matches(l)).toBe(true);
    expect(parseSelector('!tier').matches(l)).toBe(false);
    expect(parseSelector('env!=prod').matches(l)).toBe(true);
  });

  it('prints selectors like Selector.String()', () => {
    expect(parseSelector('tier in (b,a),app=web').toString()).toBe('app=web,tier in (a,b)');
    expect(formatLabelSelector({ matchLabels: { app: 'web' } })).toBe('app=web');
    expect(formatLabelSelector({})).toBe('<none>');
  });

  it('rejects malformed selectors', () => {
    expect(() => parseSelector('app in web')).toThrow();
  });
});
