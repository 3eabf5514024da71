// Reads the learning path (content/modules.yaml) and every lesson's frontmatter, for the sidebar
// (astro.config.mjs) and the home page. Plain JS because astro.config.mjs imports it.
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

const REQUIRED = { title: 'string', description: 'string', module: 'string', order: 'number', minutes: 'number' };

/** Fail the build early, naming the file, when a lesson lacks a course field. */
function checkLesson(file, data) {
  const missing = Object.entries(REQUIRED)
    .filter(([key, type]) => typeof data[key] !== type)
    .map(([key]) => key);
  if (!Array.isArray(data.objectives) || data.objectives.length === 0) missing.push('objectives');
  if (missing.length) throw new Error(`content/lessons/${file}: frontmatter needs ${missing.join(', ')}`);
  const modules = readModules().map((m) => m.id);
  if (!modules.includes(data.module)) {
    throw new Error(`content/lessons/${file}: module "${data.module}" is not in content/modules.yaml (${modules.join(', ')})`);
  }
}

/** Lessons with their frontmatter and slug, grouped under their module, in course order. */
export function readCourse() {
  const dir = new URL('content/lessons/', root);
  const lessons = readdirSync(dir)
    .filter((f) => /^[^_].*\.mdx?$/.test(f))
    .map((file) => {
      const data = frontmatter(readFileSync(join(dir.pathname, file), 'utf8'));
      checkLesson(file, data);
      return { ...data, slug: `lessons/${file.replace(/\.mdx?$/, '')}` };
    });
  return readModules().map((module) => {
    const own = lessons.filter((l) => l.module === module.id).sort((a, b) => a.order - b.order);
    return { ...module, lessons: own };
  });
}

/** Starlight sidebar: one group per module, lessons in order. */
export function sidebarFromCourse() {
  return readCourse().map((module) => ({
    label: module.title,
    items: module.lessons.map((lesson) => ({ label: lesson.title, slug: lesson.slug })),
  }));
}
