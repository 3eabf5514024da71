import { describe, expect, it } from 'vitest';
import { simulate } from './simulate';
import { deployment, service } from './testkit.testutil';

describe('simulate', () => {
  it('returns the settled state, sorted by namespace and name, and ignores kinds it does not model', () => {
    const other = service('b-svc', { app: 'web' });
    other.metadata.namespace = 'alpha';
    const result = simulate([
      deployment('web', 2),
      service('web'),
      other,
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg' }, data: { a: '1' } },
    ]);
    expect(result.services.map((s) => `${s.metadata.namespace}/${s.metadata.name}`)).toEqual(['alpha/b-svc', 'default/web']);
    expect(result.endpointSlices.map((s) => s.metadata.namespace)).toEqual(['alpha', 'default']);
    expect(result.endpoints.map((e) => e.metadata.name)).toEqual(['b-svc', 'web']);
    expect(result.pods).toHaveLength(2);
    // alpha/b-svc selects no pod (other namespace): a placeholder slice and an Endpoints without subsets.
    expect(result.endpointSlices[0].endpoints).toBeNull();
    expect(result.endpoints[0].subsets).toBeUndefined();
    expect(result.writes.map((w) => `${w.verb} ${w.kind} ${w.namespace}`)).toEqual([
      'create EndpointSlice alpha',
      'create Endpoints alpha',
      'create EndpointSlice default',
      'create Endpoints default',
    ]);
  });

  it('honours maxEndpointsPerSlice (⌈N/max⌉ slices, all full but the last — reference §6.3)', () => {
    const result = simulate([deployment('web', 7), service('web')], { maxEndpointsPerSlice: 3 });
    expect(result.endpointSlices.map((s) => s.endpoints!.length).sort()).toEqual([1, 3, 3]);
  });
});
