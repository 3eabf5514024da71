// Lessons are read from the top-level content/lessons/ folder; each file becomes /lessons/<file-name>/.
// Two collections over the same files, because Starlight validates the home page's frontmatter
// (StarlightPage) with the `docs` schema too, and the home page is not a lesson:
// - `docs`, Starlight's pages: the course fields are optional there;
// - `lessons`: every course field required, so a lesson without one fails the build, named by zod.
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
import { courseFields, lessonSchema } from './course/lesson-schema';
import { readModules } from './course/modules.mjs';

const lessonFiles = () =>
  glob({
    base: './content/lessons',
    pattern: '**/[^_]*.{md,mdx}',
    generateId: ({ entry }) => `lessons/${entry.replace(/\.mdx?$/, '')}`,
  });
const moduleIds = readModules().map((m) => m.id);

export const collections = {
  docs: defineCollection({ loader: lessonFiles(), schema: docsSchema({ extend: courseFields(moduleIds).partial() }) }),
  lessons: defineCollection({ loader: lessonFiles(), schema: lessonSchema(moduleIds) }),
};
