// Hostile input: each gets a clear error and never a throw or a hang. How fast is measured by
// `npm run bench` (bench/validate.ts), not asserted here. Size limits per object (what the API server and
// etcd refuse) are in limits.test.ts: a big file of ordinary objects is not hostile.
import { describe, expect, it } from 'vitest';
import { validateManifests, LIMITS } from './index';


describe('hostile input', () => {
  it('refuses an input over LIMITS.maxBytes (128 MiB) at once, before parsing', () => {
    const r = validateManifests('x'.repeat(LIMITS.maxBytes + 1));
    expect(r.errors.map((e) => e.message)).toEqual(['the input is more than 134217728 bytes (128 MiB); split it into several files']);
    expect(r.errors[0].code).toBe('limit');
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

  it('refuses a flow sequence of more items than a 3 MiB object can hold, before parsing', () => {
    const r = validateManifests('a: [' + '1,'.repeat(LIMITS.maxDocumentItems) + '1]\n');
    expect(r.errors.map((e) => e.message)).toEqual(['the document has more than 1572864 lines and list items; the API server would refuse it as too large']);
    expect(r.errors[0].code).toBe('limit');
  });

  it('refuses a block sequence of more lines than a 3 MiB object can hold, naming that document', () => {
    const ok = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ok\n';
    const r = validateManifests(ok + '---\na:\n' + '- 1\n'.repeat(LIMITS.maxDocumentItems));
    expect(r.errors.map(({ code, doc, range }) => ({ code, doc, line: range.start.line }))).toEqual([{ code: 'limit', doc: 1, line: 5 }]);
  });

  it('answers a flow sequence of 100000 items (200 KB, which kubectl parses) with kubectl\'s own error', () => {
    const r = validateManifests('a: [' + '1,'.repeat(100000) + '1]\n');
    expect(r.errors.map((e) => e.code)).toEqual(['missing-kind']);
  });

  it('still validates a (legitimate) document with 5000 keys ', () => {
    const many = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ns\n  labels:\n' + Array.from({ length: 5000 }, (_, i) => `    k${i}: v`).join('\n') + '\n';
    const r = validateManifests(many);
    expect(r.errors).toEqual([]);
    expect(r.objects).toHaveLength(1);
  });
});
