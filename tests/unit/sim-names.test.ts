// Generated names and determinism, through the public API.
// - utils.go getEndpointSlicePrefix: generateName "<service>-"; the API server's SimpleNameGenerator cuts the
//   base to 58 characters and appends 5 characters of k8s.io/apimachinery/pkg/util/rand's alphabet
//   (bcdfghjklmnpqrstvwxz2456789), so a generated name never exceeds 63 characters.
// - The simulator replaces randomness by hashing: the same manifests must give the same output, names included.

import { describe, expect, it } from 'vitest';
import { createCluster, simulate } from '../../src/sim/index';
import type { EndpointSlice, KObject } from '../../src/sim/index';
import { generatedNamePattern, loadScenarios } from './sim-kit.testutil';

const T0 = '2024-01-01T00:00:00Z';

function serviceWithPods(name: string, pods: number): KObject[] {
  return [
    { apiVersion: 'v1', kind: 'Node', metadata: { name: 'node-a', labels: { 'topology.kubernetes.io/zone': 'zone-a' } } },
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name, namespace: 'default', uid: 'uid-svc', creationTimestamp: T0 },
      spec: { selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 8080 }] },
    },
    ...Array.from({ length: pods }, (_, i) => ({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: `p-${i}`, namespace: 'default', uid: `uid-p-${i}`, labels: { app: 'web' } },
      spec: { nodeName: 'node-a', containers: [{ name: 'c', image: 'nginx' }] },
      status: {
        phase: 'Running',
        podIP: `10.244.1.${i + 1}`,
        podIPs: [{ ip: `10.244.1.${i + 1}` }],
        conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: T0 }],
      },
    })),
  ];
}

describe('generated slice names', () => {
  it('a 63-character Service name: generateName keeps "<name>-", the name is 58 characters of it + 5', () => {
    const name = 'a'.repeat(62) + 'z';
    const [slice] = simulate(serviceWithPods(name, 1)).endpointSlices;
    expect(slice.metadata.generateName).toBe(`${name}-`);
    expect(slice.metadata.name).toMatch(generatedNamePattern(`${name}-`));
    expect(slice.metadata.name!.startsWith(name.slice(0, 58))).toBe(true);
    expect(slice.metadata.name).toHaveLength(63);
  });

  it('several slices of one Service get distinct names from the same alphabet', () => {
    const slices = createCluster({ maxEndpointsPerSlice: 1 });
    slices.apply(serviceWithPods('web', 30));
    const names = slices.list<EndpointSlice>('EndpointSlice').map((s) => s.metadata.name!);
    expect(names).toHaveLength(30);
    expect(new Set(names).size).toBe(30);
    for (const n of names) expect(n).toMatch(generatedNamePattern('web-'));
  });
});

describe('determinism: the same input gives the same output', () => {
  it('every fidelity scenario simulated twice gives identical slices, Endpoints and writes', () => {
    for (const sc of loadScenarios()) {
      const a = simulate(sc.input, sc.options);
      const b = simulate(sc.input, sc.options);
      expect({ name: sc.name, slices: b.endpointSlices, endpoints: b.endpoints, writes: b.writes }).toEqual({
        name: sc.name,
        slices: a.endpointSlices,
        endpoints: a.endpoints,
        writes: a.writes,
      });
    }
  });
});
