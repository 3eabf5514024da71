// Quiz results: the last answer a learner checked for each quiz question, kept in this browser.
// One versioned key; every read checks the shape, so an old or hand-edited value reads as empty.
//
// Stored under QUIZ_KEY ('slicelab:quiz:v1') as
//   { version: 1,
//     questions: { '<quiz>/<question id>': { correct: boolean, chosen: number[], attempts: number, at: ISO time } } }
// where <quiz> is the lesson's entry id (e.g. 'lessons/services'), `chosen` the 0-based indexes of the
// choices checked last, `attempts` how many times Check was pressed, `at` when it was last pressed.
// Read it with quizResults(); a 'slicelab:quiz' window event fires after every write.
import { readJSON, writeJSON, type StorageStatus } from './storage';

export const QUIZ_KEY = 'slicelab:quiz:v1';

export interface QuizAnswer {
  correct: boolean;
  chosen: number[];
  attempts: number;
  at: string;
}

export interface StoredQuiz {
  version: 1;
  questions: Record<string, QuizAnswer>;
}

function isAnswer(value: unknown): value is QuizAnswer {
  const a = value as QuizAnswer;
  return !!a && typeof a === 'object' && typeof a.correct === 'boolean' && Array.isArray(a.chosen)
    && a.chosen.every((n) => Number.isInteger(n)) && Number.isInteger(a.attempts) && typeof a.at === 'string';
}

function isStoredQuiz(value: unknown): value is StoredQuiz {
  const v = value as StoredQuiz;
  return !!v && typeof v === 'object' && v.version === 1 && !!v.questions && typeof v.questions === 'object'
    && Object.values(v.questions).every(isAnswer);
}

/** The key one question is stored under. */
export const questionKey = (quiz: string, questionId: string) => `${quiz}/${questionId}`;

/** Every stored result, by question key ('<quiz>/<question id>'); empty when nothing is stored or storage fails. */
export function quizResults(): Record<string, QuizAnswer> {
  return readJSON(QUIZ_KEY, isStoredQuiz)?.questions ?? {};
}

/** Records one Check of a question: its choices, whether they were right, one more attempt. */
export function saveQuizAnswer(key: string, chosen: number[], correct: boolean): StorageStatus {
  const questions = quizResults();
  const attempts = (questions[key]?.attempts ?? 0) + 1;
  questions[key] = { correct, chosen: [...chosen], attempts, at: new Date().toISOString() };
  const status = writeJSON(QUIZ_KEY, { version: 1, questions } satisfies StoredQuiz);
  if (typeof window !== 'undefined') window.dispatchEvent(new CustomEvent('slicelab:quiz', { detail: { key } }));
  return status;
}
