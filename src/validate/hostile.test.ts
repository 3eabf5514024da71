// Hostile input: each gets a clear error and never a throw or a hang. How fast is measured by
// `npm run bench` (bench/validate.ts), not asserted here.
import { describe, expect, it } from 'vitest';
import { validateManifests, LIMITS } from './index';


describe('hostile input', () => {
  it('refuses more than 1 MiB', () => {
    const r = validateManifests('a: ' + 'x'.repeat(LIMITS.maxBytes) + '\n');
    expect(r.errors.map((e) => e.code)).toEqual(['limit']);
    expect(r.errors[0].message).toMatch(/1 MiB/);
  });

  it('refuses 10 MiB at once', () => {
    const r = validateManifests('x'.repeat(10 * LIMITS.maxBytes));
    expect(r.errors.map((e) => e.code)).toEqual(['limit']);
  });

  it('stops after 500 documents', () => {
    const r = validateManifests('apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ns\n---\n'.repeat(600));
    expect(r.errors.map((e) => e.message)).toEqual(['more than 500 documents; at most 500 are accepted']);
    expect(r.errors[0].range.start).toEqual({ line: 501 * 5, col: 1 });
    expect(r.objects).toEqual([]);
  });

  it('stops a billion-laughs alias bomb', () => {
    let text = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
    let prev = 'a';
    for (const n of 'bcdefghi') {
      text += `${n}: &${n} [${Array(9).fill('*' + prev).join(',')}]\n`;
      prev = n;
    }
    const r = validateManifests(text);
    expect(r.errors.map((e) => e.code)).toEqual(['limit']);
    expect(r.errors[0].message).toMatch(/expands to more than/);
  });

  it('stops deep nesting', () => {
    const r = validateManifests('a: ' + '['.repeat(5000) + ']'.repeat(5000) + '\n');
    expect(r.errors.map((e) => e.code)).toEqual(['limit']);
    expect(r.errors[0].message).toBe(`nesting deeper than ${LIMITS.maxDepth} levels`);
  });

  it('reports binary junk as a YAML error', () => {
    const junk = Array.from({ length: 200_000 }, (_, i) => String.fromCharCode((i * 7919) % 256)).join('');
    const r = validateManifests(junk);
    expect(r.errors.length).toBeGreaterThan(0);
    expect(r.errors[0].code).toBe('yaml-syntax');
  });

  it('refuses more than 20000 lines before parsing', () => {
    const r = validateManifests('a: 1\n'.repeat(25000));
    expect(r.errors.map((e) => e.message)).toEqual(['the input has 25000 lines and list items; at most 20000 are accepted']);
  });

  it('refuses a flow sequence of 100000 items before parsing', () => {
    const r = validateManifests('a: [' + '1,'.repeat(100000) + '1]\n');
    expect(r.errors.map((e) => e.code)).toEqual(['limit']);
  });

  it('still validates a (legitimate) document with 5000 keys ', () => {
    const many = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ns\n  labels:\n' + Array.from({ length: 5000 }, (_, i) => `    k${i}: v`).join('\n') + '\n';
    const r = validateManifests(many);
    expect(r.errors).toEqual([]);
    expect(r.objects).toHaveLength(1);
  });
});
