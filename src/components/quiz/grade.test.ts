import { describe, expect, it } from 'vitest';
import { feedbackText, grade } from './grade';

describe('grading a Check', () => {
  it('a single choice is right only when it is the answer', () => {
    expect(grade([1], [1]).correct).toBe(true);
    expect(grade([0], [1]).correct).toBe(false);
    expect(feedbackText(grade([0], [1]), false)).toMatch(/^Not right yet/);
  });
  it('several right answers must all be chosen, and nothing else', () => {
    expect(grade([0, 2], [2, 0])).toEqual({ correct: true, found: 2, total: 2, wrong: 0 });
    expect(grade([0], [0, 2])).toEqual({ correct: false, found: 1, total: 2, wrong: 0 });
    expect(grade([0, 1, 2], [0, 2])).toEqual({ correct: false, found: 2, total: 2, wrong: 1 });
    expect(feedbackText(grade([0, 1], [0, 2]), true)).toBe(
      'Not right yet: You found 1 of 2 right answers, and 1 of your choices is wrong. Read why under your choices, then try again.',
    );
  });
});
