// Properties over random mixes of (often broken) manifests: diagnose() never throws, is
// deterministic, every path names a node that exists in the object the learner wrote, and every
// diagnostic names an object that exists in the manifest or the simulated cluster.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { simulate } from '../sim/index';
import type { KObject } from '../sim/types';
import { diagnose, refKey } from './index';
import { dbService, deployment, endpointsObject, pod, service, slice } from './scenario.testutil';

const label = fc.constantFrom('web', 'Web', 'wbe', 'db', 'api');
const key = fc.constantFrom('app', 'App', 'tier');
const ns = fc.constantFrom('shop', 'default');
const sel = fc.option(fc.dictionary(key, label, { maxKeys: 2 }), { nil: null });
const target = fc.constantFrom<number | string>('http', 'web', 8080, 80);

const object: fc.Arbitrary<KObject> = fc.oneof(
  fc.record({ ns, sel, target }).map(({ ns, sel, target }) => service({ ns, selector: sel, ports: [{ name: 'http', port: 80, targetPort: target }] })),
  fc.record({ ns, labels: fc.dictionary(key, label, { minKeys: 1, maxKeys: 2 }), replicas: fc.integer({ min: 0, max: 3 }) }).map(({ ns, labels, replicas }) =>
    deployment({ ns, labels, replicas }),
  ),
  fc.record({ ns, labels: fc.dictionary(key, label, { maxKeys: 2 }), n: fc.integer({ min: 1, max: 9 }) }).map(({ ns, labels, n }) => pod({ name: `p-${n}`, ns, labels })),
  fc.record({ ns, sel: fc.constantFrom('db', 'bd', ''), port: fc.constantFrom('pg', '') }).map(({ ns, sel, port }) =>
    slice({ ns, labels: sel ? { 'kubernetes.io/service-name': sel } : {}, ports: [{ name: port, port: 5432 }] }),
  ),
  ns.map((ns) => dbService({ ns })),
  ns.map((ns) => endpointsObject({ ns })),
);

/** Later duplicates replace earlier ones, as `kubectl apply` of one manifest would. */
function dedupe(objects: KObject[]): KObject[] {
  const byKey = new Map<string, KObject>();
  for (const o of objects) byKey.set(refKey({ kind: o.kind, namespace: o.metadata.namespace, name: o.metadata.name ?? '' }), o);
  return [...byKey.values()];
}

function exists(doc: unknown, pointer: string): boolean {
  if (pointer === '') return true;
  let node: unknown = doc;
  for (const raw of pointer.slice(1).split('/')) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (node === null || typeof node !== 'object' || !(seg in (node as object))) return false;
    node = (node as Record<string, unknown>)[seg];
  }
  return true;
}

describe('diagnose() over random manifests', () => {
  it('never throws, is deterministic, and points only at nodes that exist', () => {
    fc.assert(
      fc.property(fc.array(object, { maxLength: 8 }), (list) => {
        const objects = dedupe(list);
        const state = simulate(objects);
        const ds = diagnose({ objects, state });
        expect(diagnose({ objects, state })).toEqual(ds);
        const known = new Set(
          [...objects, ...state.pods, ...state.endpointSlices, ...state.endpoints, ...state.services].map((o) =>
            refKey({ kind: o.kind, namespace: o.metadata.namespace, name: o.metadata.name ?? '' }),
          ),
        );
        for (const d of ds) {
          expect(known.has(refKey(d.object))).toBe(true);
          if (d.path === undefined) continue;
          const raw = objects.find((o) => refKey({ kind: o.kind, namespace: o.metadata.namespace, name: o.metadata.name ?? '' }) === refKey(d.object));
          expect(raw).toBeDefined();
          expect(exists(raw, d.path)).toBe(true);
        }
      }),
      { numRuns: 60, seed: 20261121 },
    );
  });
});
