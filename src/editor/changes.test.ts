import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadExercise } from '../exercises/load';
import { ExerciseSession } from '../exercises/session';
import type { EndpointSlice, KObject } from '../sim/types';
import { clusterChanges, describeChanges, hasChanges, type ClusterObjects } from './changes';

const dir = 'exercises/create-example-service';
const exercise = loadExercise(dir, (f) => (existsSync(join(dir, f)) ? readFileSync(join(dir, f), 'utf8') : undefined));

function objectsOf(text: string): ClusterObjects {
  const ev = new ExerciseSession(exercise).evaluate(text);
  return { slices: ev.cluster!.list('EndpointSlice') as EndpointSlice[], endpoints: ev.cluster!.list('Endpoints') as KObject[] };
}

const slice = (name: string, ready: boolean[], port = 80): EndpointSlice => ({
  apiVersion: 'discovery.k8s.io/v1',
  kind: 'EndpointSlice',
  metadata: { name, namespace: 'default', labels: { 'kubernetes.io/service-name': 'web' }, resourceVersion: String(Math.random()) },
  addressType: 'IPv4',
  ports: [{ port, protocol: 'TCP' }],
  endpoints: ready.map((r, i) => ({ addresses: [`10.0.0.${i + 1}`], conditions: { ready: r }, targetRef: { kind: 'Pod', name: `web-${i}` } })),
});

describe('clusterChanges on real simulations', () => {
  it('the same text twice changes nothing', () => {
    const c = clusterChanges(objectsOf(exercise.solutionText), objectsOf(exercise.solutionText));
    expect(hasChanges(c)).toBe(false);
    expect(describeChanges(c)).toBe('');
  });
  it('adding the selector creates the Service’s slice; changing targetPort updates it', () => {
    const starter = objectsOf(exercise.starterText);
    const solved = objectsOf(exercise.solutionText);
    const created = clusterChanges(starter, solved);
    const slices = [...created.objects.get('EndpointSlice')!.entries()];
    expect(slices.length).toBeGreaterThan(0);
    expect(slices.every(([, what]) => what === 'updated' || what === 'created')).toBe(true);
    expect(describeChanges(created)).toMatch(/EndpointSlices? (created|updated)/);

    const otherPort = objectsOf(exercise.solutionText.replace(/targetPort: \d+/, 'targetPort: 9999'));
    const updated = clusterChanges(solved, otherPort);
    expect([...updated.objects.get('EndpointSlice')!.values()]).toEqual(['updated']);
    expect(updated.objects.get('Endpoints')!.get('default/example-service')).toBe('updated');
    expect(updated.readiness).toEqual([]);
  });
});

describe('clusterChanges on hand-made slices', () => {
  it('ignores resourceVersion, names created, updated and deleted slices', () => {
    const c = clusterChanges(
      { slices: [slice('web-a', [true]), slice('web-b', [true]), slice('web-c', [true])], endpoints: [] },
      { slices: [slice('web-a', [true]), slice('web-b', [true], 81), slice('web-d', [true])], endpoints: [] },
    );
    expect([...c.objects.get('EndpointSlice')!]).toEqual([
      ['default/web-b', 'updated'],
      ['default/web-d', 'created'],
      ['default/web-c', 'deleted'],
    ]);
    expect(describeChanges(c)).toBe('1 EndpointSlice created, 1 EndpointSlice updated, 1 EndpointSlice deleted');
  });
  it('reports endpoints that became ready or not ready, also when they moved to another slice', () => {
    const c = clusterChanges(
      { slices: [slice('web-a', [true, false, true])], endpoints: [] },
      { slices: [slice('web-x', [false, true, true])], endpoints: [] },
    );
    expect(c.readiness).toEqual([
      { slice: 'web-x', address: '10.0.0.1', pod: 'web-0', ready: false },
      { slice: 'web-x', address: '10.0.0.2', pod: 'web-1', ready: true },
    ]);
    expect(describeChanges(c)).toBe(
      '1 EndpointSlice created, 1 EndpointSlice deleted, 1 endpoint became ready, 1 endpoint became not ready',
    );
  });
});
