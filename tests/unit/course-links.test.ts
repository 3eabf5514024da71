// Every lesson path the code, the lessons and the exercises point at must be a real lesson file, and
// the learning path must not list an empty module. A broken link here would be a 404 in the built site
// (e.g. a diagnostic hint whose "read more" goes nowhere).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { readCourse, readModules } from '../../src/course/modules.mjs';

const root = process.cwd();
const lessonsDir = join(root, 'content/lessons');

const TEXT_FILE = /\.(ts|tsx|mts|js|mjs|astro|md|mdx|ya?ml|json)$/;

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : walk(path);
    return TEXT_FILE.test(name) ? [path] : [];
  });
}

/** `/lessons/<slug>/` (or `/lessons/<slug>#anchor`) as a site path; `content/lessons/x.mdx` is not one. */
const LESSON_PATH = /(?<![\w.-])\/lessons\/([a-z0-9][a-z0-9-]*)(?=[/#])/g;

function lessonLinks(files: string[]): Array<{ file: string; slug: string }> {
  return files.flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(LESSON_PATH)].map((m) => ({ file: relative(root, file), slug: m[1] })),
  );
}

const lessonSlugs = new Set(
  readdirSync(lessonsDir)
    .filter((f) => /^[^_].*\.mdx?$/.test(f))
    .map((f) => f.replace(/\.mdx?$/, '')),
);

describe('course links', () => {
  it('finds the lesson links it is meant to check', () => {
    // Guards the scan itself: the diagnostics table links to these pages.
    const fromTable = lessonLinks([join(root, 'src/diagnose/table.ts')]).map((l) => l.slug);
    expect(fromTable).toEqual(expect.arrayContaining(['services', 'endpoints', 'endpointslices', 'troubleshooting']));
    // ...and it does not mistake file paths for site paths.
    expect([...'see content/lessons/endpoints.mdx and content/lessons/x/'.matchAll(LESSON_PATH)]).toEqual([]);
  });

  it('every /lessons/<slug>/ path in src/ and content/ is a lesson file', () => {
    const links = lessonLinks([...walk(join(root, 'src')), ...walk(join(root, 'content'))]);
    expect(links.length).toBeGreaterThan(0);
    const broken = links.filter((l) => !lessonSlugs.has(l.slug)).map((l) => `${l.file}: /lessons/${l.slug}/`);
    expect(broken).toEqual([]);
  });

  it("every exercise's lesson is a lesson file", () => {
    const dir = join(root, 'exercises');
    const broken = readdirSync(dir)
      .map((name) => join(dir, name, 'exercise.yaml'))
      .filter((file) => {
        try {
          return statSync(file).isFile();
        } catch {
          return false;
        }
      })
      .map((file) => ({ file: relative(root, file), lesson: (load(readFileSync(file, 'utf8')) as { lesson?: unknown }).lesson }))
      .filter((e) => typeof e.lesson !== 'string' || !lessonSlugs.has(e.lesson))
      .map((e) => `${e.file}: lesson ${String(e.lesson)}`);
    expect(broken).toEqual([]);
  });

  it('every module in modules.yaml has at least one lesson, and orders are unique within a module', () => {
    // (A lesson lacking a frontmatter field or naming an unknown module fails the lessons schema: src/course/lesson-schema.test.ts.)
    const course = readCourse() as unknown as Array<{ id: string; lessons: Array<{ slug: string; order: number }> }>;
    expect(course.map((m) => m.id)).toEqual(readModules().map((m) => m.id));
    expect(course.filter((m) => m.lessons.length === 0).map((m) => m.id)).toEqual([]);
    for (const module of course) {
      const orders = module.lessons.map((l) => l.order);
      expect(new Set(orders).size, `duplicate order in module ${module.id}`).toBe(orders.length);
    }
  });
});
