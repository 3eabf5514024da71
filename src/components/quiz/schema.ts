// The shape of "Check your understanding" questions, checked by zod when a lesson is built: a
// question whose answer names no choice (or a prediction that also types its answer) fails the
// build with the file and the question's path.
import { z } from 'zod';

const text = z.string().trim().min(1);

export const choiceSchema = z.strictObject({
  /** What the learner picks (inline Markdown: `code`, **bold**). */
  text,
  /** Why this choice is right or wrong; shown after Check. */
  why: text,
});

/** What the simulator counts for a prediction question, for the Service named in `service`. */
export const PREDICTION_COUNTS = ['slices', 'endpoints', 'readyEndpoints', 'endpointsReadyAddresses'] as const;

export const predictSchema = z.strictObject({
  /** Objects to simulate (YAML, several documents allowed); shown with the question. */
  manifest: text,
  service: z.string().min(1),
  namespace: z.string().min(1).default('default'),
  count: z.enum(PREDICTION_COUNTS),
});

export const questionSchema = z
  .strictObject({
    /** Stable id inside the quiz (results are stored under it): lower case, digits and dashes. */
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'use lower case letters, digits and dashes'),
    question: text,
    choices: z.array(choiceSchema).min(2),
    /** Index of the right choice (0-based), or indexes for a question with several right choices. */
    answer: z.union([z.number().int(), z.array(z.number().int()).min(1)]).optional(),
    /** A prediction: the answer is the choice whose text is the number the simulator computes. */
    predict: predictSchema.optional(),
  })
  .superRefine((q, ctx) => {
    if (q.predict) {
      if (q.answer !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['answer'], message: 'a prediction takes its answer from the simulator: remove `answer`' });
      }
      q.choices.forEach((c, i) => {
        if (!/^\d+$/.test(c.text)) ctx.addIssue({ code: 'custom', path: ['choices', i, 'text'], message: `a prediction's choices are whole numbers, not "${c.text}"` });
      });
      return;
    }
    if (q.answer === undefined) {
      ctx.addIssue({ code: 'custom', path: ['answer'], message: 'required: the index of the right choice (0-based), or a list of them' });
      return;
    }
    const answers = Array.isArray(q.answer) ? q.answer : [q.answer];
    answers.forEach((a, i) => {
      if (a < 0 || a >= q.choices.length) {
        ctx.addIssue({
          code: 'custom',
          path: Array.isArray(q.answer) ? ['answer', i] : ['answer'],
          message: `answer ${a} is not a choice: the ${q.choices.length} choices are numbered 0 to ${q.choices.length - 1}`,
        });
      }
    });
    if (new Set(answers).size !== answers.length) ctx.addIssue({ code: 'custom', path: ['answer'], message: 'an answer is listed twice' });
  });

export const quizSchema = z
  .array(questionSchema)
  .min(1)
  .superRefine((qs, ctx) => {
    const seen = new Set<string>();
    qs.forEach((q, i) => {
      if (seen.has(q.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `duplicate question id "${q.id}"` });
      seen.add(q.id);
    });
  });

export type QuestionInput = z.input<typeof questionSchema>;
export type Question = z.output<typeof questionSchema>;

/** Validates quiz data; throws one Error naming `source` and every problem with its path. */
export function parseQuiz(data: unknown, source: string): Question[] {
  const result = quizSchema.safeParse(data);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  ${formatPath(issue.path)}: ${issue.message}`);
  throw new Error(`${source}: invalid quiz\n${lines.join('\n')}`);
}

function formatPath(path: PropertyKey[]): string {
  if (path.length === 0) return '(the quiz)';
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('');
}
