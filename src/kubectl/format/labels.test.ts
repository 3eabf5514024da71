// k8s.io/apimachinery/pkg/labels: FormatLabels sorts keys and prints <none> when empty; selectors
// support =, ==, !=, in, notin, exists and !key, and String() sorts requirements by key.
import { describe, expect, it } from 'vitest';
import { formatLabels, formatLabelSelector, matches, parseSelector, selectorString } from './labels';

describe('labels', () => {
  it('formats labels', () => {
    expect(formatLabels({ b: '2', a: '1' })).toBe('a=1,b=2');
    expect(formatLabels({})).toBe('<none>');
    expect(formatLabels(undefined)).toBe('<none>');
  });

  it('parses and matches equality and set-based selectors', () => {
    const l = { app: 'web', tier: 'front' };
    expect(matches(parseSelector('app=web'), l)).toBe(true);
    expect(matches(parseSelector('app==web,tier!=back'), l)).toBe(true);
    expect(matches(parseSelector('app in (web, api)'), l)).toBe(true);
    expect(matches(parseSelector('app notin (web)'), l)).toBe(false);
    expect(matches(parseSelector('tier'), l)).toBe(true);
    expect(matches(parseSelector('!tier'), l)).toBe(false);
    expect(matches(parseSelector('env!=prod'), l)).toBe(true);
  });

  it('prints selectors like Selector.String()', () => {
    expect(selectorString(parseSelector('tier in (b,a),app=web'))).toBe('app=web,tier in (a,b)');
    expect(formatLabelSelector({ matchLabels: { app: 'web' } })).toBe('app=web');
    expect(formatLabelSelector({})).toBe('<none>');
  });

  it('rejects malformed selectors', () => {
    expect(() => parseSelector('app in web')).toThrow();
  });
});
