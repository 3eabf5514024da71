// A lesson's frontmatter: Starlight's own fields (title, description, ...) plus the course's. Checked
// once, by zod, when the content collections load (src/content.config.ts): a lesson that lacks a field
// fails the build with zod's message, naming the file and the field.
import { z } from 'astro/zod';

/** The course's own fields; `moduleIds` are the ids in content/modules.yaml. */
export function courseFields(moduleIds: readonly string[]) {
  return z.object({
    /** Module id from content/modules.yaml. */
    module: z.enum(moduleIds as [string, ...string[]]),
    /** Position of the lesson inside its module (1, 2, ...). */
    order: z.number().int().positive(),
    /** What the learner can do after the lesson. */
    objectives: z.array(z.string()).min(1),
    /** Estimated minutes to read it and do its exercises. */
    minutes: z.number().int().positive(),
  });
}

/** Every lesson has all of these; the home page and the learning path show title and description. */
export function lessonSchema(moduleIds: readonly string[]) {
  return courseFields(moduleIds).extend({ title: z.string(), description: z.string() });
}
