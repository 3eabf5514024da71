// Stored progress: the migration from the shape the site stored before versions (a literal value
// copied from a v1 browser), guarded storage, and progress files (export, import, merge).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadProgress, markLesson, resetProgress } from '../course/progress';
import { PROGRESS_KEY, PROGRESS_KEY_V1, migrateProgress } from '../course/progress-migrate';
import { applyProgressFile, buildProgressFile, mergeProgress, parseProgressFile } from './progress-file';

class MemoryStorage {
  data = new Map<string, string>();
  get length() {
    return this.data.size;
  }
  key(i: number) {
    return [...this.data.keys()][i] ?? null;
  }
  getItem(k: string) {
    return this.data.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.data.set(k, String(v));
  }
  removeItem(k: string) {
    this.data.delete(k);
  }
  clear() {
    this.data.clear();
  }
}

// Exactly what the site before versioned progress wrote (src/course/progress.ts at 1de56b5).
const V1_VALUE =
  '{"lessons":{"lessons/services":{"done":true,"at":"2026-11-30T09:12:00.000Z"},"lessons/endpoints":{"done":false,"at":"2026-11-30T09:20:00.000Z"}},"exercises":{"fix-selector":{"done":true,"at":"2026-11-30T09:15:30.000Z"}}}';

let storage: MemoryStorage;
beforeEach(() => {
  storage = new MemoryStorage();
  vi.stubGlobal('localStorage', storage);
});
afterEach(() => vi.unstubAllGlobals());

describe('migration from the unversioned v1 progress', () => {
  it('keeps every completion, drops undone entries, adds a version and quizzes', () => {
    expect(migrateProgress(JSON.parse(V1_VALUE))).toEqual({
      version: 2,
      lessons: { 'lessons/services': { done: true, at: '2026-11-30T09:12:00.000Z' } },
      exercises: { 'fix-selector': { done: true, at: '2026-11-30T09:15:30.000Z' } },
      quizzes: {},
    });
  });

  it('moves the stored value to the new key on first read, and removes the old key only then', () => {
    storage.setItem(PROGRESS_KEY_V1, V1_VALUE);
    expect(loadProgress().lessons['lessons/services']?.done).toBe(true);
    expect(storage.getItem(PROGRESS_KEY_V1)).toBeNull();
    expect(JSON.parse(storage.getItem(PROGRESS_KEY)!)).toMatchObject({ version: 2, exercises: { 'fix-selector': { done: true } } });
  });

  it('keeps the old key when the migrated value cannot be written (storage full)', () => {
    storage.setItem(PROGRESS_KEY_V1, V1_VALUE);
    storage.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    expect(Object.keys(loadProgress().lessons)).toEqual(['lessons/services']);
    expect(storage.getItem(PROGRESS_KEY_V1)).toBe(V1_VALUE);
  });

  it('reads a value no version knows as no progress, and never throws', () => {
    for (const bad of [null, 3, 'x', { lessons: 1 }, { version: 9, lessons: {}, exercises: {}, quizzes: {} }])
      expect(migrateProgress(bad)).toBeUndefined();
    storage.setItem(PROGRESS_KEY, '{not json');
    expect(loadProgress()).toEqual({ version: 2, lessons: {}, exercises: {}, quizzes: {} });
  });

  it('works with no storage at all', () => {
    vi.stubGlobal('localStorage', undefined);
    expect(markLesson('lessons/services', true)).toBe('unavailable');
    expect(loadProgress().lessons).toEqual({});
  });
});

describe('progress files', () => {
  it('export then import into an empty browser restores progress and exercise texts', () => {
    markLesson('lessons/services', true);
    storage.setItem('slicelab:exercise:v1:fix-selector', JSON.stringify({ text: 'kind: Service\n', checks: null, savedAt: '2026-12-01T10:00:00.000Z' }));
    const text = JSON.stringify(buildProgressFile(new Date('2026-12-01T11:00:00.000Z')));
    storage.clear();
    const parsed = parseProgressFile(text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(applyProgressFile(parsed.file, 'merge')).toBe('ok');
    expect(loadProgress().lessons['lessons/services']?.done).toBe(true);
    expect(JSON.parse(storage.getItem('slicelab:exercise:v1:fix-selector')!).text).toBe('kind: Service\n');
  });

  it('says what is wrong with a file that is not one', () => {
    const message = (text: string) => {
      const r = parseProgressFile(text);
      return r.ok ? 'ok' : r.message;
    };
    expect(message('{"lessons": ')).toMatch(/not a SliceLab progress file: it is not valid JSON/);
    expect(message('{"name": "my-package", "version": "1.0.0"}')).toMatch(/^This file is not a SliceLab progress file\. Choose the file/);
    expect(message('{"format":"slicelab-progress","version":7}')).toMatch(/newer SliceLab \(file version 7/);
    expect(
      message('{"format":"slicelab-progress","version":2,"exportedAt":"x","progress":{"version":2,"lessons":{"a":{"done":"yes","at":"x"}},"exercises":{},"quizzes":{}},"work":{}}'),
    ).toMatch(/damaged at "progress\.lessons\.a\.done"/);
  });

  it('merge keeps both sides and the later record; replace drops what the file does not have', () => {
    const mine = { version: 2 as const, lessons: { a: { done: true as const, at: '2026-01-02' } }, exercises: {}, quizzes: { q: { score: 1, total: 3, at: '2026-01-05' } } };
    const theirs = { version: 2 as const, lessons: { a: { done: true as const, at: '2026-01-01' }, b: { done: true as const, at: '2026-01-03' } }, exercises: {}, quizzes: { q: { score: 3, total: 3, at: '2026-01-04' } } };
    expect(mergeProgress(mine, theirs)).toEqual({ ...mine, lessons: { a: mine.lessons.a, b: theirs.lessons.b } });
    storage.setItem('slicelab:exercise:v1:other', JSON.stringify({ text: 'x', checks: null, savedAt: '2026-01-01' }));
    applyProgressFile({ format: 'slicelab-progress', version: 2, exportedAt: 'now', progress: theirs, work: {} }, 'replace');
    expect(storage.getItem('slicelab:exercise:v1:other')).toBeNull();
    expect(loadProgress()).toEqual(theirs);
  });

  it('a merged exercise text never replaces a newer one', () => {
    storage.setItem('slicelab:exercise:v1:e', JSON.stringify({ text: 'mine', checks: null, savedAt: '2026-02-01' }));
    const work = { e: { text: 'theirs', checks: null, savedAt: '2026-01-01' } };
    applyProgressFile({ format: 'slicelab-progress', version: 2, exportedAt: 'now', progress: loadProgress(), work }, 'merge');
    expect(JSON.parse(storage.getItem('slicelab:exercise:v1:e')!).text).toBe('mine');
  });

  it('reset forgets completions', () => {
    markLesson('lessons/services', true);
    resetProgress();
    expect(loadProgress().lessons).toEqual({});
  });
});
