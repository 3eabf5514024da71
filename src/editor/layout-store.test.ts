import { afterEach, describe, expect, it } from 'vitest';
import { clampSplit, DEFAULT_PREFS, LAYOUT_KEY, loadPrefs, savePrefs } from './layout-store';

// A Map-backed localStorage for the guarded storage to use (Node has none).
const data = new Map<string, string>();
(globalThis as { localStorage?: unknown }).localStorage = {
  getItem: (k: string) => data.get(k) ?? null,
  setItem: (k: string, v: string) => void data.set(k, v),
  removeItem: (k: string) => void data.delete(k),
};

describe('layout prefs', () => {
  afterEach(() => data.clear());
  it('default when nothing or something malformed is stored', () => {
    expect(loadPrefs()).toEqual(DEFAULT_PREFS);
    data.set(LAYOUT_KEY, '{"split": 90, "full": null, "phoneView": "editor"}');
    expect(loadPrefs()).toEqual(DEFAULT_PREFS);
    data.set(LAYOUT_KEY, '{"split": 40, "full": true, "phoneView": "editor"}');
    expect(loadPrefs()).toEqual(DEFAULT_PREFS);
    data.set(LAYOUT_KEY, 'not json');
    expect(loadPrefs()).toEqual(DEFAULT_PREFS);
  });
  it('round-trips a valid choice', () => {
    savePrefs({ split: 35, full: 'fix-selector', phoneView: 'results' });
    expect(loadPrefs()).toEqual({ split: 35, full: 'fix-selector', phoneView: 'results' });
  });
  it('clamps the split to 25..75 and rounds it', () => {
    expect([clampSplit(3), clampSplit(52.6), clampSplit(99)]).toEqual([25, 53, 75]);
  });
});
