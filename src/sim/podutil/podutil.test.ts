import { describe, expect, it } from 'vitest';
import type { Pod, Service } from '../types';
import {
  findPort,
  isPodReady,
  podIPsOfFamily,
  selectPods,
  serviceWantsEndpoints,
  shouldPodBeInEndpoints,
  shouldSetHostname,
} from './index';

const pod = (over: Partial<Pod> & { spec?: Pod['spec'] } = {}): Pod => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'p', namespace: 'default', labels: { app: 'web' }, ...(over.metadata ?? {}) },
  spec: over.spec ?? { containers: [{ name: 'c', ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }] }] },
  status: over.status ?? { phase: 'Running', podIP: '10.0.0.1', podIPs: [{ ip: '10.0.0.1' }] },
});
const svc = (spec: Service['spec'], name = 'web'): Service => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name, namespace: 'default' },
  spec,
});

describe('findPort', () => {
  it('numeric targetPort is used as is, even if no container exposes it', () => {
    expect(findPort(pod(), { port: 80, targetPort: 9999 })).toBe(9999);
  });
  it('omitted targetPort defaults to port', () => {
    expect(findPort(pod(), { port: 80 })).toBe(80);
  });
  it('named targetPort needs the same name and protocol', () => {
    expect(findPort(pod(), { port: 80, targetPort: 'http', protocol: 'TCP' })).toBe(8080);
    expect(findPort(pod(), { port: 80, targetPort: 'http', protocol: 'UDP' })).toBeUndefined();
    expect(findPort(pod(), { port: 80, targetPort: 'metrics' })).toBeUndefined();
  });
  it('falls back to restartable init containers only', () => {
    const spec: Pod['spec'] = {
      containers: [{ name: 'app' }],
      initContainers: [
        { name: 'init', ports: [{ name: 'proxy', containerPort: 1111 }] },
        { name: 'sidecar', restartPolicy: 'Always', ports: [{ name: 'proxy', containerPort: 15001 }] },
      ],
    };
    expect(findPort(pod({ spec }), { port: 80, targetPort: 'proxy' })).toBe(15001);
  });
  it('first matching container wins', () => {
    const spec: Pod['spec'] = {
      containers: [
        { name: 'a', ports: [{ name: 'http', containerPort: 1 }] },
        { name: 'b', ports: [{ name: 'http', containerPort: 2 }] },
      ],
    };
    expect(findPort(pod({ spec }), { port: 80, targetPort: 'http' })).toBe(1);
  });
});

describe('pod predicates', () => {
  it('ready only through the Ready condition', () => {
    expect(isPodReady(pod())).toBe(false);
    expect(isPodReady(pod({ status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] } }))).toBe(true);
    expect(isPodReady(pod({ status: { phase: 'Running', conditions: [{ type: 'ContainersReady', status: 'True' }] } }))).toBe(false);
  });
  it('shouldPodBeInEndpoints excludes terminal, IP-less and (unless asked) terminating pods', () => {
    expect(shouldPodBeInEndpoints(pod(), false)).toBe(true);
    expect(shouldPodBeInEndpoints(pod({ status: { phase: 'Succeeded', podIP: '10.0.0.1' } }), true)).toBe(false);
    expect(shouldPodBeInEndpoints(pod({ status: { phase: 'Running' } }), true)).toBe(false);
    const deleting = pod({ metadata: { name: 'p', namespace: 'default', deletionTimestamp: '2024-01-01T00:00:00Z' } });
    expect(shouldPodBeInEndpoints(deleting, false)).toBe(false);
    expect(shouldPodBeInEndpoints(deleting, true)).toBe(true);
  });
  it('hostname only with subdomain = Service name', () => {
    const p = pod({ spec: { containers: [], hostname: 'h', subdomain: 'web' } });
    expect(shouldSetHostname(p, svc({ selector: { app: 'web' } }))).toBe(true);
    expect(shouldSetHostname(p, svc({ selector: { app: 'web' } }, 'other'))).toBe(false);
  });
  it('podIPsOfFamily filters status.podIPs', () => {
    const p = pod({ status: { phase: 'Running', podIPs: [{ ip: '10.0.0.1' }, { ip: 'fd00::1' }] } });
    expect(podIPsOfFamily(p, 'IPv6')).toEqual(['fd00::1']);
    expect(podIPsOfFamily(p, 'IPv4')).toEqual(['10.0.0.1']);
  });
});

describe('service predicates', () => {
  it('ExternalName, nil and empty selectors get nothing from the controllers', () => {
    expect(serviceWantsEndpoints(svc({ selector: { app: 'web' } }))).toBe(true);
    expect(serviceWantsEndpoints(svc({ type: 'ExternalName', externalName: 'x', selector: { app: 'web' } }))).toBe(false);
    expect(serviceWantsEndpoints(svc({}))).toBe(false);
    expect(serviceWantsEndpoints(svc({ selector: {} }))).toBe(false);
  });
  it('selectPods: same namespace, every selector key equal', () => {
    const a = pod();
    const b = pod({ metadata: { name: 'b', namespace: 'other', labels: { app: 'web' } } });
    const c = pod({ metadata: { name: 'c', namespace: 'default', labels: { app: 'api' } } });
    expect(selectPods(svc({ selector: { app: 'web' } }), [a, b, c])).toEqual([a]);
  });
});
