// Lesson headings and the text under each, as the built site names them: Astro gives every Markdown
// heading an id made by github-slugger from its text, numbered when it repeats within a page.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import GithubSlugger from 'github-slugger';

export interface Section {
  id: string;
  depth: number;
  title: string;
  /** The heading's own line and everything up to the next heading of the same or a higher level. */
  text: string;
}

/** The visible text of a heading (what github-slugger sees): no backticks, emphasis or link targets. */
const headingText = (raw: string) =>
  raw.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[`*_]/g, '').trim();

export function lessonSections(lessonsDir: string, slug: string): Section[] {
  const lines = readFileSync(join(lessonsDir, `${slug}.mdx`), 'utf8').split('\n');
  const slugger = new GithubSlugger();
  const heads: Array<{ line: number; depth: number; title: string; id: string }> = [];
  let fenced = false;
  lines.forEach((line, i) => {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    const m = fenced ? null : /^(#{1,6})\s+(.+?)\s*#*$/.exec(line);
    if (m) heads.push({ line: i, depth: m[1].length, title: headingText(m[2]), id: slugger.slug(headingText(m[2])) });
  });
  return heads.map((h, k) => {
    const end = heads.slice(k + 1).find((n) => n.depth <= h.depth)?.line ?? lines.length;
    return { id: h.id, depth: h.depth, title: h.title, text: lines.slice(h.line, end).join('\n') };
  });
}
