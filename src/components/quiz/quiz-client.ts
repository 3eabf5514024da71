// Makes the server-rendered quiz questions interactive: Check grades the choices, reveals the
// explanation under each chosen answer (under every answer once right, or for a prediction), and
// stores the result; on the next visit the stored answer is shown again.
import { recordQuiz } from '../../course/progress';
import { quizResults, saveQuizAnswer } from '../../course/quiz-store';
import { feedbackText, grade } from './grade';

function chosenOf(question: HTMLElement): number[] {
  return [...question.querySelectorAll<HTMLInputElement>('input[type=radio], input[type=checkbox]')]
    .filter((i) => i.checked)
    .map((i) => Number(i.value));
}

function show(question: HTMLElement, chosen: number[], answers: number[]) {
  const g = grade(chosen, answers);
  const isPrediction = !!question.querySelector('[data-computed]');
  for (const why of question.querySelectorAll<HTMLElement>('[data-why]')) {
    const i = Number(why.dataset.why);
    why.hidden = !(chosen.includes(i) || g.correct || isPrediction);
    // Described by its explanation only once it is shown: a hidden description would still be read out.
    const input = question.querySelector<HTMLInputElement>(`input[value="${i}"]`);
    if (why.hidden) input?.removeAttribute('aria-describedby');
    else input?.setAttribute('aria-describedby', why.id);
  }
  const computed = question.querySelector<HTMLElement>('[data-computed]');
  if (computed) computed.hidden = false;
  return g;
}

function enhance(question: HTMLElement) {
  const key = question.dataset.quizKey!;
  const answers = JSON.parse(question.dataset.answers!) as number[];
  const multiple = !!question.querySelector('input[type=checkbox]');
  const button = question.querySelector<HTMLButtonElement>('.quiz-check')!;
  const feedback = question.querySelector<HTMLElement>('.quiz-feedback')!;

  button.addEventListener('click', () => {
    const chosen = chosenOf(question);
    if (chosen.length === 0) {
      feedback.textContent = multiple ? 'Choose at least one answer, then press Check.' : 'Choose an answer, then press Check.';
      return;
    }
    const g = show(question, chosen, answers);
    const status = saveQuizAnswer(key, chosen, g.correct);
    recordScore(question);
    const unsaved = status === 'ok' ? '' : ' (Your browser is not saving quiz results: storage is full or disabled.)';
    feedback.textContent = feedbackText(g, multiple) + unsaved;
  });

  const saved = quizResults()[key];
  if (saved) {
    for (const input of question.querySelectorAll<HTMLInputElement>('input')) input.checked = saved.chosen.includes(Number(input.value));
    show(question, saved.chosen, answers);
    const tries = saved.attempts === 1 ? '1 try' : `${saved.attempts} tries`;
    feedback.textContent = `Your last answer here was ${saved.correct ? 'right' : 'not right yet'} (${tries}).`;
  }
  button.hidden = false;
}

/** The lesson's quiz score (questions answered right of all its questions) for the progress page. */
function recordScore(question: HTMLElement) {
  const quiz = question.closest<HTMLElement>('[data-quiz]');
  if (!quiz?.dataset.quiz) return;
  const results = quizResults();
  const questions = [...quiz.querySelectorAll<HTMLElement>('.quiz-question')];
  const score = questions.filter((q) => results[q.dataset.quizKey!]?.correct).length;
  recordQuiz(quiz.dataset.quiz, score, questions.length);
}

export function enhanceQuizzes() {
  for (const question of document.querySelectorAll<HTMLElement>('.quiz-question:not([data-enhanced])')) {
    question.dataset.enhanced = '';
    enhance(question);
  }
}
