// The course as the progress and facilitator pages list it: modules in order, their lessons in
// order, and each lesson's exercises in the order the lesson shows them. Server-side only.
import { getCollection } from 'astro:content';
import { readModules } from '../course/modules.mjs';
import { allExercises } from '../exercises/catalog';

export interface OutlineExercise {
  id: string;
  title: string;
}
export interface OutlineLesson {
  slug: string;
  href: string;
  title: string;
  minutes: number;
  exercises: OutlineExercise[];
}
export interface OutlineModule {
  id: string;
  title: string;
  summary: string;
  lessons: OutlineLesson[];
}

export async function courseOutline(): Promise<OutlineModule[]> {
  const lessons = await getCollection('docs', (e) => e.id.startsWith('lessons/'));
  const exercises = allExercises();
  return readModules().map((m) => ({
    id: m.id,
    title: m.title,
    summary: m.summary,
    lessons: lessons
      .filter((l) => l.data.module === m.id)
      .sort((a, b) => (a.data.order ?? 0) - (b.data.order ?? 0))
      .map((l) => ({
        slug: l.id,
        href: `/${l.id}/`,
        title: l.data.title,
        minutes: l.data.minutes ?? 0,
        exercises: [...(l.body ?? '').matchAll(/<Exercise\s+id="([^"]+)"/g)].map(([, id]) => ({ id, title: exercises.get(id)!.title })),
      })),
  }));
}
