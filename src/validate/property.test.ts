// Property: no input makes validateManifests throw; results are always well formed.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dump } from 'js-yaml';
import { validateManifests, type ValidationResult } from './index';
import { VALID_MANIFESTS } from './fixtures.testutil';

function wellFormed(r: ValidationResult): void {
  for (const e of [...r.errors, ...r.warnings]) {
    expect(typeof e.message).toBe('string');
    expect(e.range.start.line).toBeGreaterThanOrEqual(1);
    expect(e.range.start.col).toBeGreaterThanOrEqual(1);
  }
}

const DOCS = VALID_MANIFESTS.split(/^---$/m);

/** A random edit of a valid manifest: replace, delete or insert text at a position. */
const mutated = fc
  .record({
    doc: fc.integer({ min: 0, max: DOCS.length - 1 }),
    edits: fc.array(
      fc.record({
        at: fc.nat(),
        del: fc.nat({ max: 12 }),
        ins: fc.oneof(
          fc.string({ maxLength: 8 }),
          fc.constantFrom(': ', '- ', '\n', '  ', '"', "'", '[', '{', '&a', '*a', '0', '-1', '70000', 'null', 'yes', '~', '!!int', '|', '>', '#'),
        ),
      }),
      { minLength: 1, maxLength: 5 },
    ),
  })
  .map(({ doc, edits }) => {
    let t = DOCS[doc];
    for (const e of edits) {
      const at = e.at % (t.length + 1);
      t = t.slice(0, at) + e.ins + t.slice(at + e.del);
    }
    return t;
  });

/** A random JSON-like value dumped as YAML under a valid kind header. */
const randomObject = fc
  .record({
    kind: fc.constantFrom('Service', 'Pod', 'Deployment', 'EndpointSlice', 'Endpoints', 'Node', 'Namespace', 'ReplicaSet'),
    body: fc.jsonValue({ maxDepth: 4 }),
  })
  .map(({ kind, body }) => {
    const apiVersion = { Deployment: 'apps/v1', ReplicaSet: 'apps/v1', EndpointSlice: 'discovery.k8s.io/v1' }[kind as string] ?? 'v1';
    const spec = typeof body === 'object' && body !== null && !Array.isArray(body) ? body : { value: body };
    return dump({ apiVersion, kind, metadata: { name: 'x' }, spec, endpoints: spec, subsets: [spec] }, { skipInvalid: true });
  });

describe('never throws', () => {
  it('on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (s) => wellFormed(validateManifests(s))),
      { numRuns: 500 },
    );
  });
  it('on arbitrary unicode and binary-ish strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => wellFormed(validateManifests(s))),
      { numRuns: 300 },
    );
  });
  it('on mutated valid manifests', () => {
    fc.assert(fc.property(mutated, (s) => wellFormed(validateManifests(s))), { numRuns: 800 });
  });
  it('on random objects of every supported kind', () => {
    fc.assert(fc.property(randomObject, (s) => wellFormed(validateManifests(s))), { numRuns: 500 });
  });
});
