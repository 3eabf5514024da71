// Lessons are the Starlight `docs` collection, read from the top-level content/lessons/ folder.
// Each file becomes /lessons/<file-name>/; the frontmatter adds the course's own fields.
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { docsSchema } from '@astrojs/starlight/schema';
import { lessonFields } from './course/lesson-schema';

export const collections = {
  docs: defineCollection({
    loader: glob({
      base: './content/lessons',
      pattern: '**/[^_]*.{md,mdx}',
      generateId: ({ entry }) => `lessons/${entry.replace(/\.mdx?$/, '')}`,
    }),
    schema: docsSchema({ extend: z.object(lessonFields) }),
  }),
};
