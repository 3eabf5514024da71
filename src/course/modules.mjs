// Reads the learning path (content/modules.yaml) and every lesson's frontmatter, for the sidebar
// (astro.config.mjs) and the home page. Plain JS because astro.config.mjs imports it. It only reads:
// the frontmatter is validated by zod (the `lessons` collection, src/course/lesson-schema.ts), which
// fails the build naming the file; a lesson without a known module is simply in no sidebar group.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';

// Run from the project root (astro and npm scripts always are).
const root = new URL(`file://${process.cwd()}/`);

export function readModules() {
  return load(readFileSync(new URL('content/modules.yaml', root), 'utf8'));
}

function frontmatter(text) {
  const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  return match ? load(match[1]) : {};
}

/** Lessons with their frontmatter and slug, grouped under their module, in course order. */
export function readCourse() {
  const dir = new URL('content/lessons/', root);
  const lessons = readdirSync(dir)
    .filter((f) => /^[^_].*\.mdx?$/.test(f))
    .map((file) => {
      const data = frontmatter(readFileSync(join(dir.pathname, file), 'utf8'));
      return { ...data, slug: `lessons/${file.replace(/\.mdx?$/, '')}` };
    });
  return readModules().map((module) => {
    const own = lessons.filter((l) => l.module === module.id).sort((a, b) => a.order - b.order);
    return { ...module, lessons: own };
  });
}

/** Starlight sidebar: one group per module, lessons in order (Starlight labels each with its title). */
export function sidebarFromCourse() {
  return readCourse().map((module) => ({
    label: module.title,
    items: module.lessons.map((lesson) => ({ slug: lesson.slug })),
  }));
}
