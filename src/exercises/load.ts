// Reads one exercise folder's texts into an Exercise: exercise.yaml checked against the zod schema,
// then its starter and solution files. Pure (the caller reads files), so the build, the unit test
// and any script share it; every error names the file it is about.
import { load } from 'js-yaml';
import { exerciseSchema, type Exercise } from './schema';

export class ExerciseError extends Error {}

/** `read(name)` returns the text of a file in the exercise's folder, or undefined when absent. */
export function loadExercise(folder: string, read: (file: string) => string | undefined): Exercise {
  const where = `${folder}/exercise.yaml`;
  const text = read('exercise.yaml');
  if (text === undefined) throw new ExerciseError(`${where}: file not found`);
  let raw: unknown;
  try {
    raw = load(text);
  } catch (e) {
    throw new ExerciseError(`${where}: not valid YAML: ${(e as Error).message}`);
  }
  const parsed = exerciseSchema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  - ${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new ExerciseError(`${where} does not match the exercise schema:\n${lines.join('\n')}`);
  }
  const spec = parsed.data;
  const folderName = folder.split('/').pop();
  if (folderName && spec.id !== folderName)
    throw new ExerciseError(`${where}: id "${spec.id}" must equal the folder name "${folderName}"`);
  const file = (name: string) => {
    const t = read(name);
    if (t === undefined) throw new ExerciseError(`${folder}/${name}: file not found (named in exercise.yaml)`);
    return t;
  };
  const starterText = file(spec.starter);
  const solutionText = file(spec.solution);
  if (starterText.trim() === solutionText.trim())
    throw new ExerciseError(`${folder}: the solution is the same text as the starter`);
  return { ...spec, starterText, solutionText };
}
