// Every lesson path the code, the lessons and the exercises point at must be a real lesson file, and
// the learning path must not list an empty module. A broken link here would be a 404 in the built site
// (e.g. a diagnostic hint whose "read more" goes nowhere).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { readCourse, readModules } from '../../src/course/modules.mjs';
import { CODE_TABLE } from '../../src/diagnose/table';
import type { DiagnosticCode } from '../../src/diagnose/types';
import { lessonSections } from '../support/lesson-sections';

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

/** `/lessons/<slug>/#<anchor>` links, wherever they are. */
const SECTION_LINK = /(?<![\w.-])\/lessons\/([a-z0-9][a-z0-9-]*)\/#([a-z0-9-]+)/g;

// What the section a code links to must be about, besides naming the code itself: a word of the
// behaviour, so a link to a section that merely lists the code in passing elsewhere fails.
const SUBJECT: Record<DiagnosticCode, string> = {
  'empty-selector': 'selector: {}',
  'externalname-no-endpoints': 'ExternalName',
  'pods-in-other-namespace': 'namespace',
  'deployment-template-labels-mismatch': 'template',
  'selector-near-miss': 'case-sensitive',
  'selector-matches-no-pods': 'selector',
  'slice-missing-service-name-label': 'kubernetes.io/service-name',
  'slice-service-not-found': 'namespace',
  'slice-managed-by-controller': 'endpointslice-controller.k8s.io',
  'slice-port-name-mismatch': 'name',
  'slice-port-without-number': 'port number',
  'slice-address-family-mismatch': 'addressType',
  'slice-for-selector-service': 'selector',
  'selectorless-service-without-endpoints': 'selector',
  'endpoints-overwritten-by-controller': 'overwrites',
  'endpoints-service-not-found': 'same name',
  'named-port-not-found': 'name',
  'target-port-not-declared': 'declares',
  'target-port-declared-by-some': 'named `targetPort`',
  'pod-terminal-phase': 'Succeeded',
  'pod-without-ip': 'no IP',
  'pod-node-not-found': 'Node that does not exist',
  'no-ready-endpoints': 'ready',
  'only-terminating-endpoints': 'terminating',
  'some-endpoints-not-ready': 'ready',
  'endpoints-over-capacity': 'over-capacity',
  'endpoints-api-deprecated': 'deprecated',
};

// Ids a page has that are not Markdown headings: the objectives box and each exercise's heading.
const NON_HEADING_IDS = /^(lesson-objectives-heading|exercise-[a-z0-9-]+)$/;

describe('links to lesson sections', () => {
  it('every diagnostic code links to a section whose text names the code and its subject', () => {
    const problems: string[] = [];
    expect(Object.keys(SUBJECT).sort()).toEqual(CODE_TABLE.map(([c]) => c).sort());
    for (const [code, { lesson }] of CODE_TABLE) {
      const m = /^\/lessons\/([a-z0-9-]+)\/#([a-z0-9-]+)$/.exec(lesson);
      if (!m) {
        problems.push(`${code}: ${lesson} names a page, not a section`);
        continue;
      }
      const section = lessonSections(lessonsDir, m[1]).find((s) => s.id === m[2]);
      if (!section) problems.push(`${code}: ${lesson} has no such heading`);
      else if (!section.text.includes(`\`${code}\``)) problems.push(`${code}: section "${section.title}" never names \`${code}\``);
      else if (!section.text.toLowerCase().includes(SUBJECT[code].toLowerCase())) problems.push(`${code}: section "${section.title}" never mentions "${SUBJECT[code]}"`);
    }
    expect(problems).toEqual([]);
  });

  it('the section check fails for a section that does not explain the code', () => {
    // Guards the check itself: the Services lesson's opening section is not about ExternalName.
    const first = lessonSections(lessonsDir, 'services').find((s) => s.id === 'what-a-service-says')!;
    expect(first.text).not.toContain('`externalname-no-endpoints`');
    const ext = lessonSections(lessonsDir, 'services').find((s) => s.id === 'externalname-services-have-no-endpoints')!;
    expect(ext.text).toContain('`externalname-no-endpoints`');
    expect(ext.text).not.toContain('## Key takeaways');
  });

  it('every /lessons/<slug>/#<anchor> in src/ and content/ is a heading of that lesson', () => {
    const files = [...walk(join(root, 'src')), ...walk(join(root, 'content'))];
    const links = files.flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(SECTION_LINK)].map((m) => ({ file: relative(root, file), slug: m[1], id: m[2] })),
    );
    expect(links.length).toBeGreaterThan(20);
    const broken = links
      .filter((l) => lessonSlugs.has(l.slug) && !NON_HEADING_IDS.test(l.id))
      .filter((l) => !lessonSections(lessonsDir, l.slug).some((s) => s.id === l.id))
      .map((l) => `${l.file}: /lessons/${l.slug}/#${l.id}`);
    expect(broken).toEqual([]);
  });
});

describe('lesson structure', () => {
  const lessons = [...lessonSlugs].filter((s) => s !== 'glossary');

  it('every lesson has a quiz under "Check your understanding" and ends with "Key takeaways"', () => {
    const problems = lessons.flatMap((slug) => {
      const sections = lessonSections(lessonsDir, slug);
      const quiz = sections.find((s) => s.depth === 2 && s.title === 'Check your understanding');
      const takeaways = sections.find((s) => s.depth === 2 && s.title === 'Key takeaways');
      const out: string[] = [];
      if (!quiz || !/<Quiz\s/.test(quiz.text)) out.push(`${slug}: no <Quiz> under "Check your understanding"`);
      if (!takeaways || !/^- /m.test(takeaways.text)) out.push(`${slug}: no "Key takeaways" list`);
      else if (sections.filter((s) => s.depth === 2).at(-1) !== takeaways) out.push(`${slug}: "Key takeaways" is not the last section`);
      if (sections.some((s) => /^Check yourself/.test(s.title))) out.push(`${slug}: still has a static "Check yourself"`);
      return out;
    });
    expect(lessons.length).toBeGreaterThanOrEqual(7);
    expect(problems).toEqual([]);
  });

  it('every glossary entry links to the lesson that teaches it', () => {
    const entries = lessonSections(lessonsDir, 'glossary').filter((s) => s.depth === 3);
    expect(entries.length).toBeGreaterThanOrEqual(30);
    const unlinked = entries.filter((e) => ![...e.text.matchAll(LESSON_PATH)].some((m) => m[1] !== 'glossary')).map((e) => e.title);
    expect(unlinked).toEqual([]);
  });

  it('the glossary defines the terms the course is built on', () => {
    const titles = lessonSections(lessonsDir, 'glossary').map((s) => s.title.toLowerCase());
    const required = ['service', 'selector', 'endpoints (object)', 'endpointslice', 'addresstype', 'conditions', 'hints', 'topology',
      'managed-by label', 'service-name label', 'placeholder slice', 'mirroring', 'publishnotreadyaddresses', 'targetport', 'named port',
      'appprotocol', 'ipfamilies / ipfamilypolicy', 'trafficdistribution', 'internaltrafficpolicy', 'over-capacity', 'podgc'];
    expect(required.filter((t) => !titles.includes(t))).toEqual([]);
  });
});

