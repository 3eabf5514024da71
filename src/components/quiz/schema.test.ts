// The quiz data schema: what a lesson's build accepts and the messages it fails with.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseQuiz } from './schema';
import { loadQuizFile } from './load';
import { resolveQuiz } from './resolve';

const good = {
  id: 'extra-labels',
  question: 'A Pod is labelled `app: web, tier: front`. Does the selector `app: web` pick it?',
  choices: [
    { text: 'Yes', why: 'Extra labels on the Pod do not matter.' },
    { text: 'No', why: 'Only the selector keys must be present.' },
  ],
  answer: 0,
};

const deployment = (replicas: number) => `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: ${replicas}
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: web, image: web, ports: [{containerPort: 8080}]}]}
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  selector: {app: web}
  ports: [{port: 80, targetPort: 8080}]
`;

const prediction = (replicas: number, choices: string[]) => ({
  id: 'how-many-slices',
  question: 'How many EndpointSlices does web get?',
  predict: { manifest: deployment(replicas), service: 'web', count: 'slices' },
  choices: choices.map((text) => ({ text, why: `Because ${text}.` })),
});

describe('quiz schema', () => {
  it('accepts a single-choice and a multiple-choice question', () => {
    const quiz = parseQuiz([good, { ...good, id: 'two', answer: [0, 1] }], 'x.quiz.yaml');
    const resolved = resolveQuiz(quiz, 'x.quiz.yaml');
    expect(resolved.map((q) => [q.answers, q.multiple])).toEqual([[[0], false], [[0, 1], true]]);
  });

  it('fails on an answer index that names no choice, naming the source and the question', () => {
    expect(() => parseQuiz([good, { ...good, id: 'bad', answer: 2 }], 'content/lessons/x.quiz.yaml')).toThrow(
      /content\/lessons\/x\.quiz\.yaml: invalid quiz\n {2}\[1\]\.answer: answer 2 is not a choice: the 2 choices are numbered 0 to 1/,
    );
    expect(() => parseQuiz([{ ...good, answer: -1 }], 'q.yaml')).toThrow(/\[0\]\.answer: answer -1 is not a choice/);
    expect(() => parseQuiz([{ ...good, answer: [0, 5] }], 'q.yaml')).toThrow(/\[0\]\.answer\[1\]: answer 5 is not a choice/);
  });

  it('fails on a missing answer, a repeated answer, one choice, a duplicate id, an unknown field', () => {
    const { answer: _answer, ...noAnswer } = good;
    expect(() => parseQuiz([noAnswer], 'q.yaml')).toThrow(/\[0\]\.answer: required/);
    expect(() => parseQuiz([{ ...good, answer: [1, 1] }], 'q.yaml')).toThrow(/listed twice/);
    expect(() => parseQuiz([{ ...good, choices: [good.choices[0]] }], 'q.yaml')).toThrow(/\[0\]\.choices/);
    expect(() => parseQuiz([good, good], 'q.yaml')).toThrow(/\[1\]\.id: duplicate question id "extra-labels"/);
    expect(() => parseQuiz([{ ...good, answers: 0 }], 'q.yaml')).toThrow(/answers/);
    expect(() => parseQuiz([{ ...good, choices: [{ text: 'Yes' }, good.choices[1]] }], 'q.yaml')).toThrow(/\[0\]\.choices\[0\]\.why/);
  });

  it("takes a prediction's answer from the simulator, never from the data", () => {
    const [q] = resolveQuiz(parseQuiz([prediction(250, ['1', '2', '3'])], 'p.yaml'), 'p.yaml');
    expect(q.answers).toEqual([2]);
    expect(q.computed).toBe('3 EndpointSlices (100, 100, 50 endpoints)');
    const [small] = resolveQuiz(parseQuiz([prediction(100, ['1', '2', '3'])], 'p.yaml'), 'p.yaml');
    expect(small.answers).toEqual([0]);
    expect(() => parseQuiz([{ ...prediction(250, ['1', '3']), answer: 1 }], 'p.yaml')).toThrow(/\[0\]\.answer: a prediction takes its answer from the simulator/);
    expect(() => parseQuiz([prediction(250, ['one', '3'])], 'p.yaml')).toThrow(/\[0\]\.choices\[0\]\.text: a prediction's choices are whole numbers/);
  });

  it('fails when the simulated answer is not offered, or the manifest is broken', () => {
    expect(() => resolveQuiz(parseQuiz([prediction(250, ['2', '4'])], 'p.yaml'), 'p.yaml')).toThrow(
      'p.yaml: question "how-many-slices": the simulator computes 3, which is not among the choices (2, 4)',
    );
    const broken = { ...prediction(1, ['1', '2']), predict: { manifest: 'kind: [', service: 'web', count: 'slices' } };
    expect(() => resolveQuiz(parseQuiz([broken], 'p.yaml'), 'p.yaml')).toThrow(/p\.yaml: question "how-many-slices": its manifest is not valid YAML: .*\(1:8\)/s);
    const noService = { ...prediction(1, ['1', '2']), predict: { manifest: deployment(1), service: 'api', count: 'slices' } };
    expect(() => resolveQuiz(parseQuiz([noService], 'p.yaml'), 'p.yaml')).toThrow(/has no Service default\/api/);
  });

  it('a quiz file with a bad answer fails naming the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'quiz-'));
    writeFileSync(join(dir, 'bad.quiz.yaml'), `- id: q\n  question: Which?\n  choices:\n    - {text: a, why: b}\n    - {text: c, why: d}\n  answer: 3\n`);
    expect(() => loadQuizFile('bad.quiz.yaml', dir)).toThrow(`${join(dir, 'bad.quiz.yaml')}: invalid quiz\n  [0].answer: answer 3 is not a choice`);
    expect(() => loadQuizFile('missing.quiz.yaml', dir)).toThrow(/no such quiz file/);
  });
});

describe('questions written as MDX props', () => {
  it('are checked by the same schema, the error naming the lesson', async () => {
    const { loadQuizProps } = await import('./load');
    expect(loadQuizProps([good], 'lessons/services (<Quiz questions>)').map((q) => q.answers)).toEqual([[0]]);
    expect(() => loadQuizProps([{ ...good, answer: 7 }], 'lessons/services (<Quiz questions>)')).toThrow(
      /^lessons\/services \(<Quiz questions>\): invalid quiz\n {2}\[0\]\.answer: answer 7 is not a choice/,
    );
    expect(() => loadQuizProps({ id: 'x' }, 'lessons/x')).toThrow(/lessons\/x: invalid quiz/);
  });
});
