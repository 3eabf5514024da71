// Fidelity scenarios: every folder in tests/scenarios holds manifests (input.yaml), optional cluster
// options (options.yaml) and follow-up actions (steps.yaml), and the WHOLE expected `endpointSlices` and
// `endpoints` lists (expected.yaml), written by hand from the Kubernetes rules (see tests/scenarios/README.md
// and the comment at the top of each expected.yaml). Optionally `writes` pins the controllers' write log and
// `events` the Events recorded (type, reason, message, source, involved object).
//
// Comparison rules:
// - objects are compared whole (toEqual); only server-invented values use placeholders (sim-kit.testutil.ts);
// - slices are put in content order on both sides, since generated names (hence the API's name order) are
//   arbitrary; the actual list is separately checked to be in API order (namespace, name);
// - endpoint order inside a slice is unspecified upstream (hash-map iteration); the simulator uses pod-name
//   order and the expected files are written in that order.

import { describe, expect, it } from 'vitest';
import { createCluster } from '../../src/sim/index';
import type { EndpointSlice, Endpoints, Kind, KObject } from '../../src/sim/index';
import { dumpEndpointSubset, fnv128aHex } from '../../src/sim/hash';
import { byContent, expectApiListOrder, loadScenarios, withMatchers, writeSummary } from './sim-kit.testutil';

const scenarios = loadScenarios();

/**
 * Expected Endpoints may list several subsets in any order: the ≥1.35 order is the FNV-128a digest of each
 * subset's go-spew dump (pkg/api/v1/endpoints SortSubsets, reference §15.1), which nobody can work out by
 * hand, so it is applied here with the hash module (pinned by its own tests against published kube-dns
 * orders). Only the subsets are reordered: addresses (IP byte order, then uid) and ports (digest order,
 * worked out independently, see README) inside each subset are written by hand and compared as written.
 */
function inSubsetOrder(ep: KObject): KObject {
  const subsets = (ep as Endpoints).subsets;
  if (!subsets || subsets.length < 2) return ep;
  const keyed = subsets.map((s) => ({ s, key: fnv128aHex(dumpEndpointSubset(s)) }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { ...ep, subsets: keyed.map((k) => k.s) };
}

describe('simulator fidelity scenarios (tests/scenarios)', () => {
  it('has at least 40 scenarios', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(40);
  });

  for (const sc of scenarios) {
    it(sc.name, () => {
      const cluster = createCluster(sc.options);
      cluster.apply(sc.input);
      for (const step of sc.steps) {
        if ('apply' in step) cluster.apply(step.apply);
        else if ('delete' in step) {
          const d = step.delete;
          cluster.delete({ kind: d.kind as Kind, namespace: d.namespace, name: d.name }, { gracePeriodSeconds: d.gracePeriodSeconds });
        } else if ('setPodReady' in step) cluster.setPodReady(step.setPodReady.namespace, step.setPodReady.name, step.setPodReady.ready);
        else if ('advance' in step) cluster.advance(step.advance);
      }
      const slices = cluster.list<EndpointSlice>('EndpointSlice');
      const endpoints = cluster.list<Endpoints>('Endpoints');
      expectApiListOrder(slices);
      expectApiListOrder(endpoints);
      // Every generated name is unique and was made from the object's own generateName.
      for (const s of slices) {
        if (s.metadata.generateName) expect(s.metadata.name!.startsWith(s.metadata.generateName)).toBe(true);
      }
      expect(byContent(slices)).toEqual(withMatchers(byContent(sc.expected.endpointSlices ?? [])));
      expect(endpoints).toEqual(withMatchers((sc.expected.endpoints ?? []).map(inSubsetOrder)));
      if (sc.expected.events) {
        const events = cluster.events().map(({ type, reason, message, source, involved }) => ({ type, reason, message, source, involved }));
        expect(events).toEqual(sc.expected.events);
      }
      if (sc.expected.writes) {
        expect(cluster.writes().map(writeSummary)).toEqual(withMatchers(sc.expected.writes));
      }
    });
  }
});
