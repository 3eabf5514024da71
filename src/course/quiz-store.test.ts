// Quiz results survive in one versioned key and a corrupt or stale value reads as nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { QUIZ_KEY, questionKey, quizResults, saveQuizAnswer } from './quiz-store';

class MemoryStorage {
  data = new Map<string, string>();
  getItem(k: string) {
    return this.data.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.data.set(k, v);
  }
}

let storage: MemoryStorage;
beforeEach(() => {
  storage = new MemoryStorage();
  (globalThis as { localStorage?: unknown }).localStorage = storage;
});
afterEach(() => {
  delete (globalThis as { localStorage?: unknown }).localStorage;
});

describe('quiz results', () => {
  it('records the last answer and counts attempts', () => {
    const key = questionKey('lessons/services', 'extra-labels');
    expect(key).toBe('lessons/services/extra-labels');
    expect(saveQuizAnswer(key, [1], false)).toBe('ok');
    expect(saveQuizAnswer(key, [0], true)).toBe('ok');
    const r = quizResults()[key];
    expect(r).toMatchObject({ correct: true, chosen: [0], attempts: 2 });
    expect(JSON.parse(storage.getItem(QUIZ_KEY)!).version).toBe(1);
  });
  it('reads a corrupt, stale or foreign value as empty', () => {
    for (const raw of ['{', '{"version":2,"questions":{}}', '{"version":1,"questions":{"a/b":{"correct":"yes"}}}', 'null']) {
      storage.setItem(QUIZ_KEY, raw);
      expect(quizResults()).toEqual({});
    }
  });
  it('reports a full storage instead of throwing', () => {
    storage.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    expect(saveQuizAnswer('a/b', [0], true)).toBe('full');
  });
});
