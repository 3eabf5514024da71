// Every exercise folder, read at build time through Vite's glob import, checked by loadExercise.
// Imported only from server-rendered code (Exercise.astro): the browser gets one exercise as JSON.
import { loadExercise, ExerciseError } from './load';
import type { Exercise } from './schema';

const files = import.meta.glob('/exercises/*/*.yaml', { query: '?raw', import: 'default', eager: true }) as Record<
  string,
  string
>;

const folders = [...new Set(Object.keys(files).map((p) => p.split('/')[2]))].sort();
let all: Map<string, Exercise> | undefined;

/** Every exercise folder, each checked against the schema (a broken one fails the build, used or not). */
export function allExercises(): Map<string, Exercise> {
  all ??= new Map(folders.map((id) => [id, loadExercise(`exercises/${id}`, (file) => files[`/exercises/${id}/${file}`])]));
  return all;
}

export function getExercise(id: string): Exercise {
  const folder = `/exercises/${id}`;
  if (!Object.keys(files).some((p) => p.startsWith(`${folder}/`)))
    throw new ExerciseError(`<Exercise id="${id}" />: there is no folder exercises/${id}/`);
  return allExercises().get(id)!;
}
