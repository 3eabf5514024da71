// Fidelity scenarios: every folder in tests/scenarios holds manifests (input.yaml), optional cluster
// options (options.yaml) and follow-up actions (steps.yaml), and the WHOLE expected `endpointSlices` and
// `endpoints` lists (expected.yaml), written by hand from the Kubernetes rules (see tests/scenarios/README.md
// and the comment at the top of each expected.yaml). Optionally `writes` pins the controllers' write log
// (from the last `clearWrites` step on, if any) and `events` the Events recorded (type, reason, message,
// source, involved object).
//
// Comparison rules:
// - objects are compared whole (toEqual); only server-invented values use placeholders (sim-kit.testutil.ts);
// - slices are put in content order on both sides, since generated names (hence the API's name order) are
//   arbitrary; the actual list is separately checked to be in API order (namespace, name);
// - endpoint order inside a slice is unspecified upstream (hash-map iteration); the simulator uses pod-name
//   order and the expected files are written in that order;
// - everything else is compared in the order written: Endpoints subsets and ports in their ≥1.35 hash
//   order, worked out apart from the simulator (tests/scenarios/README.md).

import { describe, expect, it } from 'vitest';
import { createCluster } from '../../src/sim/index';
import type { Cluster, EndpointSlice, Endpoints, Kind } from '../../src/sim/index';
import { byContent, expectApiListOrder, loadScenarios, withMatchers, writeSummary, type Scenario, type Step } from './sim-kit.testutil';

const scenarios = loadScenarios();

const STEP_KINDS = ['apply', 'delete', 'setPodReady', 'setNodeReady', 'advance', 'clearWrites'] as const;

/** Runs the steps in order; returns where `expected.writes` starts in the write log (0 without clearWrites). */
function runSteps(cluster: Cluster, name: string, steps: Step[]): number {
  let writesFrom = 0;
  steps.forEach((step, i) => {
    const keys = step && typeof step === 'object' ? Object.keys(step) : [];
    if (keys.length !== 1 || !(STEP_KINDS as readonly string[]).includes(keys[0])) {
      throw new Error(
        `scenario ${name}, step ${i + 1}: unknown step ${JSON.stringify(keys.length ? keys.join(', ') : step)} (a step is one of ${STEP_KINDS.join(', ')})`,
      );
    }
    if ('apply' in step) cluster.apply(step.apply);
    else if ('delete' in step) {
      const d = step.delete;
      cluster.delete({ kind: d.kind as Kind, namespace: d.namespace, name: d.name }, { gracePeriodSeconds: d.gracePeriodSeconds });
    } else if ('setPodReady' in step) cluster.setPodReady(step.setPodReady.namespace, step.setPodReady.name, step.setPodReady.ready);
    else if ('setNodeReady' in step) cluster.setNodeReady(step.setNodeReady.name, step.setNodeReady.ready);
    else if ('advance' in step) cluster.advance(step.advance);
    else if ('clearWrites' in step) writesFrom = cluster.writes().length;
  });
  return writesFrom;
}

/** The cluster after a scenario's input and steps, and the writes that `expected.writes` is compared with. */
function runScenario(sc: Pick<Scenario, 'name' | 'options' | 'input' | 'steps'>) {
  const cluster = createCluster(sc.options);
  cluster.apply(sc.input);
  const writesFrom = runSteps(cluster, sc.name, sc.steps);
  return { cluster, writes: cluster.writes().slice(writesFrom).map(writeSummary) };
}

describe('simulator fidelity scenarios (tests/scenarios)', () => {
  it('has at least 40 scenarios', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(40);
  });

  for (const sc of scenarios) {
    it(sc.name, () => {
      const { cluster, writes } = runScenario(sc);
      const slices = cluster.list<EndpointSlice>('EndpointSlice');
      const endpoints = cluster.list<Endpoints>('Endpoints');
      expectApiListOrder(slices);
      expectApiListOrder(endpoints);
      // Every generated name is unique and was made from the object's own generateName.
      for (const s of slices) {
        if (s.metadata.generateName) expect(s.metadata.name!.startsWith(s.metadata.generateName)).toBe(true);
      }
      expect(byContent(slices)).toEqual(withMatchers(byContent(sc.expected.endpointSlices ?? [])));
      expect(endpoints).toEqual(withMatchers(sc.expected.endpoints ?? []));
      if (sc.expected.events) {
        const events = cluster.events().map(({ type, reason, message, source, involved }) => ({ type, reason, message, source, involved }));
        expect(events).toEqual(sc.expected.events);
      }
      if (sc.expected.writes) {
        expect(writes).toEqual(withMatchers(sc.expected.writes));
      }
    });
  }
});

describe('scenario steps', () => {
  const base = scenarios.find((s) => s.name === 'basic-one-pod')!;
  const notReady: Step = { setPodReady: { namespace: 'default', name: 'web-1', ready: false } };
  const sliceUpdate = { controller: 'endpointslice-controller', verb: 'update', kind: 'EndpointSlice', namespace: 'default' };
  const endpointsUpdate = { controller: 'endpoints-controller', verb: 'update', kind: 'Endpoints', namespace: 'default', name: 'web' };

  it('clearWrites: the writes compared are only those after the step', () => {
    const all = runScenario({ ...base, name: 'all', steps: [notReady] }).writes;
    const cleared = runScenario({ ...base, name: 'cleared', steps: [{ clearWrites: true }, notReady] }).writes;
    expect(all.map((w) => w.verb)).toEqual(['create', 'create', 'update', 'update']);
    expect(cleared).toEqual([
      { ...sliceUpdate, name: expect.stringMatching(/^web-/) },
      endpointsUpdate,
    ]);
    expect(runScenario({ ...base, name: 'last', steps: [notReady, { clearWrites: true }] }).writes).toEqual([]);
  });

  it('an unknown step is refused, naming the scenario and the step', () => {
    const typo = [{ advance: 5 }, { clearwrites: true }] as unknown as Step[];
    expect(() => runScenario({ ...base, name: 'typo-scenario', steps: typo })).toThrow(
      'scenario typo-scenario, step 2: unknown step "clearwrites" (a step is one of apply, delete, setPodReady, setNodeReady, advance, clearWrites)',
    );
    const twoInOne = [{ advance: 5, clearWrites: true }] as unknown as Step[];
    expect(() => runScenario({ ...base, name: 'two', steps: twoInOne })).toThrow('scenario two, step 1: unknown step "advance, clearWrites"');
  });
});
