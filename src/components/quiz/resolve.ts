// Turns validated questions into what the page renders: the right choices as indexes, and for a
// prediction the number the simulator computes from the question's manifest (at build time, so the
// page shows the simulator's answer, never a number someone typed).
import { loadAll } from 'js-yaml';
import { simulate, type KObject, type SimulationResult } from '../../sim';
import type { Question } from './schema';

export interface ResolvedQuestion extends Question {
  /** Indexes of the right choices. */
  answers: number[];
  /** More than one right choice: checkboxes instead of radio buttons. */
  multiple: boolean;
  /** For a prediction: what the simulator computed, in words. */
  computed?: string;
}

export function resolveQuiz(questions: Question[], source: string): ResolvedQuestion[] {
  return questions.map((q) => {
    if (!q.predict) {
      const answers = Array.isArray(q.answer) ? q.answer : [q.answer!];
      return { ...q, answers, multiple: Array.isArray(q.answer) };
    }
    const { value, summary } = predict(q, source);
    const answers = q.choices.flatMap((c, i) => (Number(c.text) === value ? [i] : []));
    if (answers.length !== 1) {
      const offered = q.choices.map((c) => c.text).join(', ');
      throw new Error(`${source}: question "${q.id}": the simulator computes ${value}, which is ${answers.length ? 'offered twice' : 'not among the choices'} (${offered})`);
    }
    return { ...q, answers, multiple: false, computed: summary };
  });
}

function predict(q: Question, source: string): { value: number; summary: string } {
  const { manifest, service, namespace, count } = q.predict!;
  let objects: KObject[];
  try {
    objects = (loadAll(manifest) as KObject[]).filter((o) => o != null);
  } catch (e) {
    throw new Error(`${source}: question "${q.id}": its manifest is not valid YAML: ${(e as Error).message}`);
  }
  const state = simulate(objects);
  if (!state.services.some((s) => s.metadata.name === service && (s.metadata.namespace ?? 'default') === namespace)) {
    throw new Error(`${source}: question "${q.id}": its manifest has no Service ${namespace}/${service}`);
  }
  return measure(state, service, namespace, count);
}

function measure(state: SimulationResult, service: string, namespace: string, count: NonNullable<Question['predict']>['count']) {
  const slices = state.endpointSlices.filter(
    (s) => s.metadata.labels?.['kubernetes.io/service-name'] === service && (s.metadata.namespace ?? 'default') === namespace,
  );
  const sizes = slices.map((s) => s.endpoints?.length ?? 0);
  // Largest first: slice names (and so the list order) are random, the sizes are the lesson.
  const sizesText = sizes.length ? ` (${[...sizes].sort((a, b) => b - a).join(', ')} endpoints)` : '';
  switch (count) {
    case 'slices':
      return { value: slices.length, summary: `${plural(slices.length, 'EndpointSlice')}${sizesText}` };
    case 'endpoints': {
      const n = sizes.reduce((a, b) => a + b, 0);
      return { value: n, summary: `${plural(n, 'endpoint')} in ${plural(slices.length, 'EndpointSlice')}` };
    }
    case 'readyEndpoints': {
      const n = slices.flatMap((s) => s.endpoints ?? []).filter((e) => e.conditions?.ready !== false).length;
      return { value: n, summary: `${plural(n, 'ready endpoint')} in ${plural(slices.length, 'EndpointSlice')}` };
    }
    case 'endpointsReadyAddresses': {
      const ep = state.endpoints.find((e) => e.metadata.name === service && (e.metadata.namespace ?? 'default') === namespace);
      const n = (ep?.subsets ?? []).reduce((a, s) => a + (s.addresses?.length ?? 0), 0);
      return { value: n, summary: `${plural(n, 'ready address', 'ready addresses')} in the Endpoints object ${service}` };
    }
  }
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
