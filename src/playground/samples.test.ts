// Every playground sample validates and simulates, and shows what its title promises.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadExercise } from '../exercises/load';
import { settledCluster, stateOf } from '../sim';
import { validateManifests } from '../validate';
import { exerciseSamples, fileSamples } from './samples';

const root = 'exercises';
const exercises = readdirSync(root, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => loadExercise(`${root}/${d.name}`, (f) => (existsSync(join(root, d.name, f)) ? readFileSync(join(root, d.name, f), 'utf8') : undefined)));

function simulateSample(text: string) {
  const v = validateManifests(text, { filename: 'playground.yaml' });
  expect(v.errors.map((e) => `line ${e.range.start.line}: ${e.message}`)).toEqual([]);
  return stateOf(settledCluster(v.objects.map((o) => o.object)));
}

describe('playground samples', () => {
  const samples = [...fileSamples(), ...exerciseSamples(exercises)];
  it('lists the four file samples and one per exercise', () => {
    expect(samples.map((s) => s.id).slice(0, 4)).toEqual(['basic', 'dual-stack', 'topology-hints', 'selectorless']);
    expect(samples.filter((s) => s.id.startsWith('exercise:'))).toHaveLength(exercises.length);
  });

  for (const s of samples) {
    it(`${s.id} validates and simulates`, () => {
      const state = simulateSample(s.text);
      expect(state.services.length).toBeGreaterThan(0);
    });
  }

  it('basic: three Nodes in three zones, three ready endpoints', () => {
    const state = simulateSample(fileSamples()[0].text);
    const eps = state.endpointSlices.flatMap((s) => s.endpoints ?? []);
    expect(eps).toHaveLength(3);
    expect(new Set(eps.map((e) => e.zone))).toEqual(new Set(['zone-a', 'zone-b', 'zone-c']));
  });

  it('dual-stack: one IPv4 and one IPv6 slice', () => {
    const state = simulateSample(fileSamples()[1].text);
    expect(state.endpointSlices.map((s) => s.addressType).sort()).toEqual(['IPv4', 'IPv6']);
    for (const slice of state.endpointSlices) expect(slice.endpoints ?? []).toHaveLength(3);
  });

  it('topology-hints: every endpoint has a zone hint', () => {
    const state = simulateSample(fileSamples()[2].text);
    const eps = state.endpointSlices.flatMap((s) => s.endpoints ?? []);
    expect(eps).toHaveLength(6);
    for (const e of eps) expect(e.hints?.forZones).toEqual([{ name: e.zone }]);
  });

  it('selectorless: the hand-made slice stands, no controller slice, no Endpoints written', () => {
    const state = simulateSample(fileSamples()[3].text);
    expect(state.endpointSlices.map((s) => s.metadata.name)).toEqual(['db-external']);
    expect(state.writes.filter((w) => w.kind === 'EndpointSlice')).toEqual([]);
  });
});
