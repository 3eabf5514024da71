// Every exercise, through the same pipeline the browser runs: exercise.yaml matches the schema, the
// starter fails exactly the checks its `starterFails` names, the solution passes every check with no error diagnostic, and
// every hint tied to a diagnostic code really gets that code from its `mistake` text.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadExercise } from '../src/exercises/load';
import { ExerciseSession } from '../src/exercises/session';
import { parseWrongAnswers } from '../src/exercises/wrong-answers';

const root = 'exercises';
const ids = readdirSync(root, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

const read = (id: string) => (file: string) => {
  const p = join(root, id, file);
  return existsSync(p) ? readFileSync(p, 'utf8') : undefined;
};

it('ships the three tutorial exercises', () => {
  expect(ids).toEqual(expect.arrayContaining(['create-example-service', 'fix-selector', 'selectorless-slice']));
});

for (const id of ids) {
  describe(`exercise ${id}`, () => {
    const exercise = loadExercise(`${root}/${id}`, read(id));
    const session = new ExerciseSession(exercise);

    it('is placed in an existing lesson that renders it', () => {
      const lesson = join('content/lessons', `${exercise.lesson}.mdx`);
      expect(existsSync(lesson), lesson).toBe(true);
      expect(readFileSync(lesson, 'utf8')).toContain(`<Exercise id="${id}"`);
    });

    it('the starter validates but fails at least one check: exactly those named in starterFails', () => {
      expect(session.evaluate(exercise.starterText).validation.errors).toEqual([]);
      const results = session.check(exercise.starterText);
      expect(results.filter((r) => !r.passed).length).toBeGreaterThan(0);
      // One result per check, in the order of exercise.yaml.
      expect(results.map((r) => r.says)).toEqual(exercise.checks.map((c) => c.says));
      const failed = exercise.checks
        .map((c, i) => ({ name: c.id ?? `check ${i + 1} (${c.type}, no id)`, passed: results[i].passed }))
        .filter((c) => !c.passed)
        .map((c) => c.name);
      expect(failed.sort()).toEqual([...exercise.starterFails].sort());
    });

    it('the solution passes every check with no error diagnostic', () => {
      const ev = session.evaluate(exercise.solutionText);
      expect(ev.validation.errors).toEqual([]);
      expect(ev.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      const failed = session.check(exercise.solutionText).filter((r) => !r.passed);
      expect(failed).toEqual([]);
    });

    for (const [i, hint] of exercise.hints.entries()) {
      if (!hint.diagnostic) continue;
      it(`hint ${i + 1} (${hint.diagnostic}) fires for its mistake`, () => {
        const ev = session.evaluate(hint.mistake!);
        expect(ev.validation.errors).toEqual([]);
        expect(ev.diagnostics.map((d) => d.code)).toContain(hint.diagnostic);
        // and it lands inside the learner's text, so "show me" has a line to jump to
        const d = ev.diagnostics.find((x) => x.code === hint.diagnostic)!;
        expect(d.range?.start.line).toBeGreaterThan(0);
      });
    }

    it('ships at least two degenerate wrong answers (wrong-answers.yaml)', () => {
      expect(existsSync(join(root, id, 'wrong-answers.yaml'))).toBe(true);
    });

    const wrongText = read(id)('wrong-answers.yaml');
    const wrong = wrongText === undefined ? [] : parseWrongAnswers(`${root}/${id}/wrong-answers.yaml`, wrongText);
    for (const [i, answer] of wrong.entries()) {
      it(`wrong answer ${i + 1} fails check ${answer.fails} with a message (${answer.why})`, () => {
        const index = exercise.checks.findIndex((c) => c.id === answer.fails);
        expect(index, `no check has the id ${answer.fails}`).toBeGreaterThanOrEqual(0);
        expect(session.evaluate(answer.text).validation.errors).toEqual([]);
        const result = session.check(answer.text)[index];
        expect(result.passed).toBe(false);
        expect(result.found).toContain(answer.found);
      });
    }

    it('the solution does not trigger any hint tied to a diagnostic', () => {
      const codes = new Set(session.evaluate(exercise.solutionText).diagnostics.map((d) => d.code));
      expect(exercise.hints.filter((h) => h.diagnostic && codes.has(h.diagnostic))).toEqual([]);
    });
  });
}
