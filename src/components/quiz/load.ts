// Where a quiz's questions come from: a YAML file beside the lesson (`<Quiz from="x.quiz.yaml" />`,
// read from content/lessons/) or the `questions` prop written in the MDX. Either way they are
// validated by the same schema and resolved (predictions simulated) before anything renders.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { parseQuiz } from './schema';
import { resolveQuiz, type ResolvedQuestion } from './resolve';

export const LESSONS_DIR = 'content/lessons';

export function loadQuizFile(file: string, dir = LESSONS_DIR): ResolvedQuestion[] {
  const path = join(dir, file);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new Error(`${path}: no such quiz file (<Quiz from="${file}" /> reads it from ${dir}/)`);
  }
  let data: unknown;
  try {
    data = load(text);
  } catch (e) {
    throw new Error(`${path}: not valid YAML: ${(e as Error).message}`);
  }
  return resolveQuiz(parseQuiz(data, path), path);
}

export function loadQuizProps(questions: unknown, source: string): ResolvedQuestion[] {
  return resolveQuiz(parseQuiz(questions, source), source);
}
