import { describe, expect, it } from 'vitest';
import type { Pod, Service } from '../types';
import {
  findPort,
  getPodCondition,
  getPodConditionFromList,
  getPodReadyCondition,
  hasPodReadyCondition,
  isPodActive,
  isPodPhaseTerminal,
  isPodReady,
  isPodReadyConditionTrue,
  isPodTerminal,
  kubeletContainerStatuses,
  podContainerStatuses,
  podIPsOfFamily,
  selectPods,
  serviceSelector,
  serviceSelectorSet,
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

describe('podutil (pkg/api/v1/pod/util.go) and controller.IsPodActive', () => {
  type Cond = { type: string; status: 'True' | 'False' | 'Unknown'; lastTransitionTime?: string };
  const withConditions = (conditions: Cond[] | undefined, phase: 'Running' | 'Succeeded' | 'Failed' | 'Pending' = 'Running') =>
    pod({ status: { phase, conditions } });
  const twoReady: Cond[] = [
    { type: 'Ready', status: 'False', lastTransitionTime: '2024-01-01T00:00:01Z' },
    { type: 'Ready', status: 'True', lastTransitionTime: '2024-01-01T00:00:02Z' },
  ];

  it('GetPodConditionFromList returns the FIRST condition of the type and its index', () => {
    expect(getPodConditionFromList(twoReady, 'Ready')).toEqual({ index: 0, condition: twoReady[0] });
    expect(getPodConditionFromList([{ type: 'PodScheduled', status: 'True' }, ...twoReady], 'Ready').index).toBe(1);
    expect(getPodConditionFromList(twoReady, 'ContainersReady')).toEqual({ index: -1, condition: undefined });
    expect(getPodConditionFromList(undefined, 'Ready')).toEqual({ index: -1, condition: undefined });
    expect(getPodCondition(undefined, 'Ready')).toEqual({ index: -1, condition: undefined });
    expect(getPodReadyCondition({ conditions: twoReady })?.lastTransitionTime).toBe('2024-01-01T00:00:01Z');
  });

  it('IsPodReady looks at the first Ready condition only; kubectl hasPodReadyCondition at any', () => {
    expect(isPodReadyConditionTrue({ conditions: twoReady })).toBe(false);
    expect(isPodReady(withConditions(twoReady))).toBe(false);
    expect(hasPodReadyCondition(twoReady)).toBe(true);
    expect(isPodReady(withConditions([{ type: 'Ready', status: 'True' }, { type: 'Ready', status: 'False' }]))).toBe(true);
    expect(isPodReady(withConditions([{ type: 'Ready', status: 'Unknown' }]))).toBe(false);
    expect(isPodReady(withConditions(undefined))).toBe(false);
    // the phase is not consulted
    expect(isPodReady(withConditions([{ type: 'Ready', status: 'True' }], 'Succeeded'))).toBe(true);
    expect(hasPodReadyCondition(undefined)).toBe(false);
  });

  it('IsPodPhaseTerminal / IsPodTerminal: Succeeded and Failed only', () => {
    expect(['Pending', 'Running', 'Succeeded', 'Failed', 'Unknown', undefined].map(isPodPhaseTerminal)).toEqual([false, false, true, true, false, false]);
    expect(isPodTerminal(withConditions([], 'Failed'))).toBe(true);
    expect(isPodTerminal(withConditions([], 'Running'))).toBe(false);
  });

  it('IsPodActive: not terminal and not being deleted', () => {
    const deleting = pod({ metadata: { name: 'p', namespace: 'default', deletionTimestamp: '2024-01-01T00:00:00Z' } });
    expect(isPodActive(pod())).toBe(true);
    expect(isPodActive(deleting)).toBe(false);
    expect(isPodActive(withConditions([], 'Succeeded'))).toBe(false);
    expect(isPodActive(withConditions([], 'Failed'))).toBe(false);
    expect(isPodActive(withConditions([], 'Pending'))).toBe(true);
  });
});

describe('container statuses (one builder for the cluster and the pod printer)', () => {
  const spec: Pod['spec'] = { containers: [{ name: 'app', image: 'nginx:1.27' }] };
  const uid = '8d6f3c2a-0000-4000-8000-000000000001';

  it('a running container, with the runtime IDs derived from pod and image', () => {
    const p = pod({ metadata: { name: 'p', namespace: 'default', uid }, spec });
    const [s] = kubeletContainerStatuses(p, { running: true, ready: true, startedAt: '2024-01-01T00:00:00Z' });
    expect(Object.keys(s)).toEqual(['name', 'containerID', 'image', 'imageID', 'ready', 'restartCount', 'started', 'state']);
    expect(s).toMatchObject({ name: 'app', image: 'nginx:1.27', ready: true, restartCount: 0, started: true, state: { running: { startedAt: '2024-01-01T00:00:00Z' } } });
    expect(s.containerID).toMatch(/^containerd:\/\/[0-9a-f]{64}$/);
    expect(s.imageID).toMatch(/^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/);
  });

  it('podContainerStatuses: given ones as they are, else derived from phase and Ready', () => {
    const given = [{ name: 'x', ready: false, restartCount: 3, state: { waiting: { reason: 'CrashLoopBackOff' } } }];
    expect(podContainerStatuses(pod({ spec, status: { phase: 'Running', containerStatuses: given } }))).toBe(given);
    const running = podContainerStatuses(pod({ spec, status: { phase: 'Running', startTime: '2024-01-01T00:01:00Z', conditions: [{ type: 'Ready', status: 'False' }, { type: 'Ready', status: 'True' }] } }));
    expect(running.map((s) => [s.ready, s.state])).toEqual([[true, { running: { startedAt: '2024-01-01T00:01:00Z' } }]]);
    const creating = podContainerStatuses(pod({ spec: { ...spec, nodeName: 'node-a' }, status: { phase: 'Pending' } }));
    expect(creating).toEqual([{ name: 'app', containerID: '', image: 'nginx:1.27', imageID: '', ready: false, restartCount: 0, started: false, state: { waiting: { reason: 'ContainerCreating' } } }]);
    expect(podContainerStatuses(pod({ spec, status: { phase: 'Pending' } }))).toEqual([]);
    expect(podContainerStatuses(pod({ spec, status: { phase: 'Succeeded' } }))).toEqual([]);
  });
});

describe('a Service selector is labels.ValidatedSetSelector(spec.selector)', () => {
  it('own properties only: a `constructor` selector key is not found on a pod without it', () => {
    const p = pod();
    expect(selectPods(svc({ selector: { constructor: 'x' } }), [p])).toEqual([]);
    expect(serviceSelector(svc({ selector: { app: 'web', tier: 'fe' } })).toString()).toBe('app=web,tier=fe');
    expect(serviceSelectorSet(svc({ selector: {} }))).toBeUndefined();
    expect(serviceSelectorSet(svc({ type: 'ExternalName', selector: { app: 'web' } }))).toBeUndefined();
    expect(serviceSelectorSet(svc({ selector: { app: 'web' } }))).toEqual({ app: 'web' });
  });
});
