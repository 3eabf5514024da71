// ClusterOptions.controllers: kube-controller-manager --controllers for the endpoint controllers.
import { describe, expect, it } from 'vitest';
import { createCluster } from './index';
import type { KObject } from '../types';

const objects: KObject[] = [
  { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } },
  { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web-1', namespace: 'default', labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'x' }] } },
];

describe('controllers option', () => {
  it('all endpoint controllers run by default', () => {
    const c = createCluster();
    c.apply(objects);
    expect(c.list('Endpoints').map((e) => e.metadata.name)).toEqual(['web']);
    expect(c.list('EndpointSlice')).toHaveLength(1);
  });

  it('{ endpoints: false }: no Endpoints object, the same slices and slice writes', () => {
    const on = createCluster();
    on.apply(objects);
    const off = createCluster({ controllers: { endpoints: false } });
    off.apply(objects);
    expect(off.list('Endpoints')).toEqual([]);
    expect(off.writes().some((w) => w.controller === 'endpoints-controller')).toBe(false);
    expect(off.list('EndpointSlice').map((s) => ({ ...s, metadata: { ...s.metadata, resourceVersion: undefined } }))).toEqual(
      on.list('EndpointSlice').map((s) => ({ ...s, metadata: { ...s.metadata, resourceVersion: undefined } })),
    );
  });

  it('{ endpointslice: false }: Endpoints only', () => {
    const c = createCluster({ controllers: { endpointslice: false } });
    c.apply(objects);
    expect(c.list('EndpointSlice')).toEqual([]);
    expect(c.list('Endpoints')).toHaveLength(1);
  });
});
