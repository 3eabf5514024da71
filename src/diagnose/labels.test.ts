import { describe, expect, it } from 'vitest';
import { closeness, compareLabels, editDistance, labelSelectorMatches } from './labels';

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and neighbour swaps as one edit each', () => {
    expect(editDistance('web', 'web')).toBe(0);
    expect(editDistance('web', 'wbe')).toBe(1);
    expect(editDistance('app', 'ap')).toBe(1);
    expect(editDistance('web', 'db')).toBe(2);
    expect(editDistance('frontend', 'fronted')).toBe(1);
  });
});

describe('closeness', () => {
  it('grades case slips, typos and different words', () => {
    expect(closeness('web', 'Web')).toBe(3);
    expect(closeness('web', 'wbe')).toBe(2);
    expect(closeness('db', 'bd')).toBe(2);
    expect(closeness('web', 'db')).toBe(1);
    expect(closeness('frontend', 'backend')).toBe(1);
  });
});

describe('compareLabels', () => {
  it('explains each selector label that is not satisfied', () => {
    expect(compareLabels({ app: 'web', tier: 'frontend' }, { App: 'web', tier: 'backend' })).toEqual([
      { kind: 'key', key: 'app', want: 'web', gotKey: 'App', got: 'web', closeness: 3 },
      { kind: 'value', key: 'tier', want: 'frontend', got: 'backend', closeness: 1 },
    ]);
    expect(compareLabels({ app: 'web' }, { run: 'web' })).toEqual([{ kind: 'missing', key: 'app', want: 'web', closeness: 1 }]);
    expect(compareLabels({ app: 'web' }, { app: 'web', extra: 'x' })).toEqual([]);
  });
});

describe('labelSelectorMatches (apps/v1)', () => {
  it('applies matchLabels and matchExpressions; an empty selector matches nothing here', () => {
    expect(labelSelectorMatches({ matchLabels: { app: 'web' } }, { app: 'web', x: 'y' })).toBe(true);
    expect(labelSelectorMatches({ matchExpressions: [{ key: 'tier', operator: 'In', values: ['fe'] }] }, { tier: 'fe' })).toBe(true);
    expect(labelSelectorMatches({ matchExpressions: [{ key: 'tier', operator: 'DoesNotExist' }] }, { tier: 'fe' })).toBe(false);
    expect(labelSelectorMatches({}, { app: 'web' })).toBe(false);
  });
});
