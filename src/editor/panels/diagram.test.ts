import { describe, expect, it } from 'vitest';
import type { EndpointSlice, Service, SimulationResult } from '../../sim/types';
import { diagramSvg, endpointState } from './diagram';

describe('endpointState', () => {
  // The three rows of the EndpointSlices lesson's table, plus the API's "unset ready means ready".
  it('names each combination of conditions in words', () => {
    expect(endpointState({ addresses: ['a'], conditions: { ready: true, serving: true, terminating: false } })).toEqual({ state: 'ready', words: 'ready' });
    expect(endpointState({ addresses: ['a'], conditions: { ready: false, serving: false, terminating: false } })).toEqual({ state: 'not-ready', words: 'not ready' });
    expect(endpointState({ addresses: ['a'], conditions: { ready: false, serving: true, terminating: true } })).toEqual({ state: 'serving-terminating', words: 'serving, terminating' });
    expect(endpointState({ addresses: ['a'], conditions: { ready: false, serving: false, terminating: true } })).toEqual({ state: 'terminating', words: 'terminating, not serving' });
    expect(endpointState({ addresses: ['a'] })).toEqual({ state: 'ready', words: 'ready' });
  });
});

describe('diagramSvg', () => {
  const svc: Service = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' }, spec: { ports: [{ port: 80, targetPort: 9376, protocol: 'TCP' }] } };
  const slice: EndpointSlice = {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { name: 'web-abcde', namespace: 'default', labels: { 'kubernetes.io/service-name': 'web' } },
    addressType: 'IPv4',
    ports: [{ name: '', port: 9376, protocol: 'TCP' }],
    endpoints: [
      { addresses: ['10.244.0.2'], conditions: { ready: true, serving: true, terminating: false }, targetRef: { kind: 'Pod', name: 'web-1' } },
      { addresses: ['10.244.1.2'], conditions: { ready: false, serving: true, terminating: true }, targetRef: { kind: 'Pod', name: 'web-2' } },
    ],
  };
  const state: SimulationResult = { services: [svc], endpointSlices: [slice], endpoints: [], pods: [], writes: [], events: [] };

  it('draws Service -> slice -> endpoints -> Pods with states in words and ports on the edges', () => {
    const svg = diagramSvg(state);
    for (const text of ['Service web', '80→9376/TCP', 'web-abcde', 'IPv4 · 9376/TCP', '10.244.0.2', 'Pod web-1', 'Pod web-2', '>ready<', '>serving, terminating<', '>:9376<'])
      expect(svg).toContain(text);
    expect(svg).toContain('class="ep ep-ready"');
    expect(svg).toContain('class="ep ep-serving-terminating"');
    expect(svg).toContain('1 EndpointSlice, 1 ready, 1 serving and terminating, 0 terminating, 0 not ready.');
  });
  it('says so when a Service has no slice, and escapes names', () => {
    const lonely: SimulationResult = { ...state, endpointSlices: [], services: [{ ...svc, metadata: { name: 'a<b' } }] };
    const svg = diagramSvg(lonely);
    expect(svg).toContain('no EndpointSlice labelled kubernetes.io/service-name=a&lt;b');
    expect(svg).not.toContain('a<b');
  });
});
