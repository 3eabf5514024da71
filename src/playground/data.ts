// What the playground page embeds at build time (no request at run time): every sample's text.
import { allExercises } from '../exercises/catalog';
import { exerciseSamples, fileSamples, type Sample } from './samples';

export function playgroundSamples(): Sample[] {
  return [...fileSamples(), ...exerciseSamples(allExercises().values())];
}
