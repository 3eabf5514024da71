// Grading one Check: pure, so the rules are unit-tested apart from the page.

export interface Grade {
  correct: boolean;
  /** Right choices the learner picked, and how many right choices there are. */
  found: number;
  total: number;
  /** Choices picked that are wrong. */
  wrong: number;
}

export function grade(chosen: readonly number[], answers: readonly number[]): Grade {
  const right = new Set(answers);
  const found = chosen.filter((c) => right.has(c)).length;
  const wrong = chosen.length - found;
  return { correct: wrong === 0 && found === right.size, found, total: right.size, wrong };
}

/** The one sentence the live region announces after Check. */
export function feedbackText(g: Grade, multiple: boolean): string {
  if (g.correct) return multiple ? `Right: you found all ${g.total} right answers.` : 'Right.';
  if (!multiple) return 'Not right yet. Read why under your choice, then try another.';
  const parts = [`You found ${g.found} of ${g.total} right answers`];
  if (g.wrong) parts.push(`${g.wrong} of your choices ${g.wrong === 1 ? 'is' : 'are'} wrong`);
  return `Not right yet: ${parts.join(', and ')}. Read why under your choices, then try again.`;
}
