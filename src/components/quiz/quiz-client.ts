// Makes the server-rendered quiz questions interactive: Check grades the choices, reveals the
// explanation under each chosen answer (under every answer once right, or for a prediction), and
// stores the result; on the next visit the stored answer is shown again.
import { quizResults, saveQuizAnswer } from '../../course/quiz-store';
import { feedbackText, grade } from './grade';

function chosenOf(form: HTMLFormElement): number[] {
  return [...form.querySelectorAll<HTMLInputElement>('input[type=radio], input[type=checkbox]')]
    .filter((i) => i.checked)
    .map((i) => Number(i.value));
}

function show(form: HTMLFormElement, chosen: number[], answers: number[]) {
  const g = grade(chosen, answers);
  const isPrediction = !!form.querySelector('[data-computed]');
  for (const why of form.querySelectorAll<HTMLElement>('[data-why]')) {
    const i = Number(why.dataset.why);
    why.hidden = !(chosen.includes(i) || g.correct || isPrediction);
  }
  const computed = form.querySelector<HTMLElement>('[data-computed]');
  if (computed) computed.hidden = false;
  return g;
}

function enhance(form: HTMLFormElement) {
  const key = form.dataset.quizKey!;
  const answers = JSON.parse(form.dataset.answers!) as number[];
  const multiple = !!form.querySelector('input[type=checkbox]');
  const button = form.querySelector<HTMLButtonElement>('.quiz-check')!;
  const feedback = form.querySelector<HTMLElement>('.quiz-feedback')!;

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const chosen = chosenOf(form);
    if (chosen.length === 0) {
      feedback.textContent = multiple ? 'Choose at least one answer, then press Check.' : 'Choose an answer, then press Check.';
      return;
    }
    const g = show(form, chosen, answers);
    const status = saveQuizAnswer(key, chosen, g.correct);
    const unsaved = status === 'ok' ? '' : ' (Your browser is not saving quiz results: storage is full or disabled.)';
    feedback.textContent = feedbackText(g, multiple) + unsaved;
  });

  const saved = quizResults()[key];
  if (saved) {
    for (const input of form.querySelectorAll<HTMLInputElement>('input')) input.checked = saved.chosen.includes(Number(input.value));
    show(form, saved.chosen, answers);
    const tries = saved.attempts === 1 ? '1 try' : `${saved.attempts} tries`;
    feedback.textContent = `Your last answer here was ${saved.correct ? 'right' : 'not right yet'} (${tries}).`;
  }
  button.hidden = false;
}

export function enhanceQuizzes() {
  for (const form of document.querySelectorAll<HTMLFormElement>('form.quiz-question:not([data-enhanced])')) {
    form.dataset.enhanced = '';
    enhance(form);
  }
}
