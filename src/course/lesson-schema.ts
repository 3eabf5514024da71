// The course's frontmatter fields, on top of Starlight's own (title, description, ...).
// They are optional in the collection schema only because Starlight also validates non-lesson pages
// (the home page, 404) against it; every file in content/lessons must have them all, which
// src/course/modules.mjs checks when the site config loads (the build fails with the file named).
import { z } from 'astro/zod';

export const lessonFields = {
  /** Module id from content/modules.yaml. */
  module: z.string().optional(),
  /** Position of the lesson inside its module (1, 2, ...). */
  order: z.number().int().positive().optional(),
  /** What the learner can do after the lesson. */
  objectives: z.array(z.string()).min(1).optional(),
  /** Estimated minutes to read it and do its exercises. */
  minutes: z.number().int().positive().optional(),
};
