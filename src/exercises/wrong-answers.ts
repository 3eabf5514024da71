// exercises/<id>/wrong-answers.yaml: degenerate answers (delete the Service, select every Pod,
// hard-code a slice...) that each must fail a named check with a message. Only the unit test reads it.
import { load } from 'js-yaml';
import { z } from 'zod';

export const wrongAnswerSchema = z.strictObject({
  /** Why the answer is wrong, in a sentence (what it fakes or misses). */
  why: z.string().min(10),
  /** The id of a check that must fail for it. */
  fails: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  /** A text the failing check's message ("found ...") must contain, so the learner is told what is wrong. */
  found: z.string().min(3),
  /** The learner's whole text. */
  text: z.string(),
});

export const wrongAnswersSchema = z.array(wrongAnswerSchema).min(2, 'at least two degenerate answers per exercise');

export type WrongAnswer = z.infer<typeof wrongAnswerSchema>;

export function parseWrongAnswers(where: string, text: string): WrongAnswer[] {
  const parsed = wrongAnswersSchema.safeParse(load(text));
  if (!parsed.success)
    throw new Error(`${where}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`);
  return parsed.data;
}
