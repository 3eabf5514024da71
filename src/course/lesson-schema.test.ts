// The lessons collection's schema is the one check of lesson frontmatter (src/content.config.ts).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import { lessonSchema } from './lesson-schema';
import { readModules } from './modules.mjs';

const moduleIds = readModules().map((m) => m.id);
const schema = lessonSchema(moduleIds);
const lessonsDir = join(process.cwd(), 'content/lessons');

function frontmatter(file: string): Record<string, unknown> {
  const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(join(lessonsDir, file), 'utf8'));
  return (match ? load(match[1]) : {}) as Record<string, unknown>;
}

const complete = {
  title: 'EndpointSlices',
  description: 'What a slice holds.',
  module: 'endpoints',
  order: 2,
  minutes: 15,
  objectives: ['Read an EndpointSlice.'],
};

describe('lesson frontmatter schema', () => {
  it('accepts every lesson in content/lessons', () => {
    const files = readdirSync(lessonsDir).filter((f) => /^[^_].*\.mdx?$/.test(f));
    expect(files.length).toBeGreaterThan(0);
    const failures = files.flatMap((f) => {
      const result = schema.safeParse(frontmatter(f));
      return result.success ? [] : [`${f}: ${z.prettifyError(result.error)}`];
    });
    expect(failures).toEqual([]);
  });

  it('rejects a lesson without minutes, naming the field', () => {
    const { minutes: _, ...withoutMinutes } = complete;
    expect(schema.safeParse(complete).success).toBe(true);
    const result = schema.safeParse(withoutMinutes);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => ({ path: i.path, message: i.message }))).toEqual([
      { path: ['minutes'], message: 'Invalid input: expected number, received undefined' },
    ]);
    expect(z.prettifyError(result.error!)).toBe('✖ Invalid input: expected number, received undefined\n  → at minutes');
  });

  it.each(['module', 'order', 'objectives', 'title', 'description'])('rejects a lesson without %s', (field) => {
    const result = schema.safeParse({ ...complete, [field]: undefined });
    expect(result.error?.issues.map((i) => i.path)).toEqual([[field]]);
  });

  it('rejects an empty objectives list and a module that content/modules.yaml does not list', () => {
    const result = schema.safeParse({ ...complete, objectives: [], module: 'networking' });
    expect(result.error?.issues.map((i) => i.path)).toEqual([['module'], ['objectives']]);
    expect(result.error?.issues[0].message).toBe(`Invalid option: expected one of ${moduleIds.map((id) => `"${id}"`).join('|')}`);
  });
});
