// Endpoints crossing 1,000 addresses and back, driven by scaling a Deployment (endpoints_controller.go
// syncService: more than maxCapacity = 1000 addresses -> the first 1000 kept (truncateEndpoints, ready ones
// first) and annotation endpoints.kubernetes.io/over-capacity: truncated; at or under 1000 again the
// annotation is removed). EndpointSlices are never truncated: ceil(n / 100) slices hold every pod.
import { describe, expect, it } from 'vitest';
import type { EndpointSlice, Endpoints, KObject } from '../../src/sim/types';
import { createCluster } from '../../src/sim/cluster/cluster';

const OVER = 'endpoints.kubernetes.io/over-capacity';
const objects = [
  { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' }, spec: { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080 }] } },
  {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default' },
    spec: { replicas: 1000, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'web:1' }] } } },
  },
] as KObject[];

describe('Endpoints over capacity and back', () => {
  it('1000 -> 1001 sets over-capacity: truncated with 1000 addresses; back to 1000 removes it', () => {
    const c = createCluster({ defaultNodes: 10 });
    c.apply(objects);
    const ep = () => c.get<Endpoints>('Endpoints', 'default', 'web')!;
    const addresses = () => (ep().subsets ?? []).reduce((n, s) => n + (s.addresses?.length ?? 0) + (s.notReadyAddresses?.length ?? 0), 0);
    const sliced = () => c.list<EndpointSlice>('EndpointSlice', 'default').reduce((n, s) => n + (s.endpoints?.length ?? 0), 0);
    expect(addresses()).toBe(1000);
    expect(ep().metadata.annotations?.[OVER]).toBeUndefined();

    c.scale('Deployment', 'default', 'web', 1001);
    expect(addresses()).toBe(1000);
    expect(ep().metadata.annotations?.[OVER]).toBe('truncated');
    expect(sliced()).toBe(1001);
    expect(c.list('EndpointSlice', 'default')).toHaveLength(11);

    // The scaled-down pod terminates for 30 s. The Endpoints controller leaves terminating pods out at once
    // (ShouldPodBeInEndpoints without publishNotReadyAddresses): 1000 addresses, annotation gone; the
    // slices keep it as a terminating endpoint until the pod object is gone.
    c.scale('Deployment', 'default', 'web', 1000);
    expect(addresses()).toBe(1000);
    expect(ep().metadata.annotations?.[OVER]).toBeUndefined();
    expect(sliced()).toBe(1001);
    c.advance(30);
    expect(addresses()).toBe(1000);
    expect(ep().metadata.annotations?.[OVER]).toBeUndefined();
    expect(sliced()).toBe(1000);
  });
});
