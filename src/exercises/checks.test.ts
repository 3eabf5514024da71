import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../diagnose';
import type { EndpointSlice, Endpoints, SimulationResult } from '../sim/types';
import { runChecks, type CheckInput } from './checks';
import { checkSchema, type Check } from './schema';

const slice = (name: string, service: string | undefined, extra: Partial<EndpointSlice> = {}, namespace = 'default'): EndpointSlice => ({
  apiVersion: 'discovery.k8s.io/v1',
  kind: 'EndpointSlice',
  metadata: { name, namespace, labels: service ? { 'kubernetes.io/service-name': service } : {} },
  addressType: 'IPv4',
  endpoints: [],
  ports: [],
  ...extra,
});

const state = (slices: EndpointSlice[], endpoints: Endpoints[] = []): SimulationResult => ({
  endpointSlices: slices,
  endpoints,
  pods: [],
  services: [],
  writes: [],
  events: [],
});

const input = (s: SimulationResult, more: Partial<CheckInput> = {}): CheckInput => ({
  state: s,
  diagnostics: [],
  validationErrors: [],
  kubectl: () => ({ stdout: '', stderr: '', exitCode: 0 }),
  ...more,
});

const check = (c: Record<string, unknown>): Check => checkSchema.parse({ says: 'a sentence for the learner', ...c });
const passed = (c: Record<string, unknown>, i: CheckInput) => runChecks([check(c)], i)[0];

describe('readyEndpoints', () => {
  const s = state([
    slice('web-a', 'web', {
      endpoints: [
        { addresses: ['10.0.0.1'], conditions: { ready: true } },
        { addresses: ['10.0.0.2'], conditions: { ready: false, serving: true, terminating: true } },
        // The API says an unset ready condition means ready (kube-proxy reads it that way).
        { addresses: ['10.0.0.3'] },
      ],
    }),
    slice('other', 'db', { endpoints: [{ addresses: ['10.0.0.9'], conditions: { ready: true } }] }),
    slice('web-elsewhere', 'web', { endpoints: [{ addresses: ['10.0.1.1'], conditions: { ready: true } }] }, 'shop'),
  ]);
  it('counts ready and unset endpoints of the slices labelled for the Service in its namespace', () => {
    expect(passed({ type: 'readyEndpoints', service: 'web', count: 2 }, input(s))).toEqual({ says: 'a sentence for the learner', passed: true });
    expect(passed({ type: 'readyEndpoints', service: 'web', count: 3 }, input(s))).toMatchObject({ passed: false, found: 'found 2 ready endpoints' });
    expect(passed({ type: 'readyEndpoints', service: 'web', namespace: 'shop', count: 1 }, input(s)).passed).toBe(true);
  });
  it('ignores a slice without the service-name label, whatever its name', () => {
    const s2 = state([slice('web-x', undefined, { endpoints: [{ addresses: ['10.0.0.1'] }] })]);
    expect(passed({ type: 'readyEndpoints', service: 'web', count: 0 }, input(s2)).passed).toBe(true);
    expect(passed({ type: 'sliceCount', service: 'web', count: 0 }, input(s2)).passed).toBe(true);
  });
});

describe('endpointPorts and addressType', () => {
  const s = state([
    slice('web-a', 'web', { ports: [{ name: 'http', port: 8080, protocol: 'TCP' }, { name: 'metrics', port: 9090, protocol: 'TCP' }] }),
    slice('web-b', 'web', { ports: [{ name: 'metrics', port: 9090, protocol: 'TCP' }, { name: 'http', port: 8080, protocol: 'TCP' }] }),
  ]);
  it('compares the port set of every slice, in any order', () => {
    const ports = [{ name: 'http', port: 8080 }, { name: 'metrics', port: 9090, protocol: 'TCP' }];
    expect(passed({ type: 'endpointPorts', service: 'web', ports }, input(s)).passed).toBe(true);
  });
  it('tells an unnamed port from a named one (kube-proxy pairs ports by name)', () => {
    const named = state([slice('web-a', 'web', { ports: [{ name: 'http', port: 9376, protocol: 'TCP' }] })]);
    const r = passed({ type: 'endpointPorts', service: 'web', ports: [{ port: 9376 }] }, input(named));
    expect(r).toMatchObject({ passed: false, found: 'web-a has ports http:9376/TCP' });
  });
  it('fails when the Service has no slice at all', () => {
    expect(passed({ type: 'addressType', service: 'nope', addressType: 'IPv4' }, input(s))).toMatchObject({ passed: false });
    expect(passed({ type: 'addressType', service: 'web', addressType: 'IPv6' }, input(s))).toMatchObject({ passed: false, found: 'web-a has addressType IPv4' });
  });
});

describe('podEndpoint and endpointsAddresses', () => {
  it('reads the conditions of the endpoint pointing at the Pod', () => {
    const s = state([
      slice('web-a', 'web', {
        endpoints: [{ addresses: ['10.0.0.2'], conditions: { ready: false, serving: true, terminating: true }, targetRef: { kind: 'Pod', name: 'web-1', namespace: 'default' } }],
      }),
    ]);
    expect(passed({ type: 'podEndpoint', service: 'web', pod: 'web-1', conditions: { serving: true, terminating: true } }, input(s)).passed).toBe(true);
    expect(passed({ type: 'podEndpoint', service: 'web', pod: 'web-1', conditions: { ready: true } }, input(s))).toMatchObject({ passed: false, found: 'ready is false' });
    expect(passed({ type: 'podEndpoint', service: 'web', pod: 'web-2', conditions: { ready: true } }, input(s)).passed).toBe(false);
  });
  it('counts ready and not-ready addresses of the legacy Endpoints object', () => {
    const ep: Endpoints = {
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: { name: 'web', namespace: 'default' },
      subsets: [{ addresses: [{ ip: '10.0.0.1' }, { ip: '10.0.0.2' }], notReadyAddresses: [{ ip: '10.0.0.3' }], ports: [{ port: 80 }] }],
    };
    const i = input(state([], [ep]));
    expect(passed({ type: 'endpointsAddresses', service: 'web', ready: 2, notReady: 1 }, i).passed).toBe(true);
    expect(passed({ type: 'endpointsAddresses', service: 'web', ready: 3 }, i).passed).toBe(false);
    expect(passed({ type: 'endpointsAddresses', service: 'api', ready: 0 }, i)).toMatchObject({ passed: false, found: 'there is no Endpoints object named api' });
  });
});

describe('noErrorDiagnostics and kubectl', () => {
  const diag = (severity: Diagnostic['severity']): Diagnostic => ({
    code: 'no-ready-endpoints', severity, message: `a ${severity}`, object: { kind: 'Service', namespace: 'default', name: 'web' }, fix: '', lesson: '',
  });
  it('fails on an error diagnostic or a validation error, not on warnings or notes', () => {
    const c = { type: 'noErrorDiagnostics' };
    expect(passed(c, input(state([]), { diagnostics: [diag('warning'), diag('info')] })).passed).toBe(true);
    expect(passed(c, input(state([]), { diagnostics: [diag('error')] }))).toMatchObject({ passed: false, found: 'a error' });
    expect(passed(c, input(state([]), { validationErrors: ['line 3: bad'] }))).toMatchObject({ passed: false, found: 'line 3: bad' });
  });
  it('looks for the text in the stream it names', () => {
    const kubectl = () => ({ stdout: 'NAME   ENDPOINTS\nweb    10.0.0.1:80\n', stderr: 'Warning: v1 Endpoints is deprecated\n', exitCode: 0 });
    const i = input(state([]), { kubectl });
    expect(passed({ type: 'kubectl', command: 'kubectl get endpoints web', contains: ':80' }, i).passed).toBe(true);
    expect(passed({ type: 'kubectl', command: 'kubectl get endpoints web', contains: 'deprecated' }, i).passed).toBe(false);
    expect(passed({ type: 'kubectl', command: 'kubectl get endpoints web', contains: 'deprecated', stream: 'stderr' }, i).passed).toBe(true);
  });
});

describe('servicePort, serviceSelector, endpointPods and sliceManagedBy', () => {
  const service = (name: string, spec: Record<string, unknown>) =>
    ({ apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default' }, spec }) as unknown as SimulationResult['services'][number];
  const pod = (name: string, owner?: string, hash?: string) =>
    ({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name,
        namespace: 'default',
        labels: hash ? { app: 'web', 'pod-template-hash': hash } : { app: 'web' },
        ownerReferences: owner ? [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: owner, uid: 'u', controller: true }] : [],
      },
      spec: { containers: [] },
    }) as unknown as SimulationResult['pods'][number];
  const ep = (ip: string, podName?: string) => ({
    addresses: [ip],
    conditions: { ready: true },
    ...(podName ? { targetRef: { kind: 'Pod', name: podName, namespace: 'default' } } : {}),
  });
  const withPods = (slices: EndpointSlice[]): SimulationResult => ({
    ...state(slices),
    pods: [pod('web-abc-1', 'web-abc', 'abc'), pod('web-abc-2', 'web-abc', 'abc'), pod('intruder')],
    services: [service('web', { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 9376 }] }), service('bare', { ports: [{ port: 9376 }] })],
  });

  it('servicePort reads the Service port and its targetPort; an omitted targetPort is the port itself', () => {
    const i = input(withPods([]));
    expect(passed({ type: 'servicePort', service: 'web', port: 80, targetPort: 9376 }, i).passed).toBe(true);
    expect(passed({ type: 'servicePort', service: 'bare', port: 80, targetPort: 9376 }, i)).toMatchObject({
      passed: false,
      found: 'the Service has port 9376 → targetPort 9376, none is port 80',
    });
    expect(passed({ type: 'servicePort', service: 'bare', port: 9376, targetPort: 'http' }, i)).toMatchObject({ passed: false });
    expect(passed({ type: 'servicePort', service: 'gone', port: 80, targetPort: 80 }, i)).toMatchObject({ found: 'there is no Service named gone' });
  });

  it('serviceSelector fails for a Service without a selector', () => {
    const i = input(withPods([]));
    expect(passed({ type: 'serviceSelector', service: 'web' }, i).passed).toBe(true);
    expect(passed({ type: 'serviceSelector', service: 'bare' }, i)).toMatchObject({ passed: false, found: expect.stringContaining('no selector') });
  });

  it("endpointPods wants exactly the Deployment's Pods, each through a targetRef", () => {
    const c = { type: 'endpointPods', service: 'web', deployment: 'web' };
    const good = withPods([slice('web-1', 'web', { endpoints: [ep('10.0.0.1', 'web-abc-1'), ep('10.0.0.2', 'web-abc-2')] })]);
    expect(passed(c, input(good)).passed).toBe(true);
    const faked = withPods([slice('web-1', 'web', { endpoints: [ep('10.0.0.1'), ep('10.0.0.2')] })]);
    expect(passed(c, input(faked))).toMatchObject({ passed: false, found: expect.stringContaining('10.0.0.1 points at no Pod') });
    const hijacked = withPods([slice('web-1', 'web', { endpoints: [ep('10.0.0.1', 'web-abc-1'), ep('10.0.0.9', 'intruder')] })]);
    expect(passed(c, input(hijacked))).toMatchObject({
      passed: false,
      found: "intruder is not one of the web Deployment's Pods; web-abc-2 is missing",
    });
    expect(passed({ type: 'endpointPods', service: 'web', pods: ['web-abc-1', 'intruder'] }, input(hijacked)).passed).toBe(true);
    expect(passed(c, input(withPods([])))).toMatchObject({ passed: false, found: 'found no endpoint for it' });
    expect(() => check({ type: 'endpointPods', service: 'web' })).toThrow(/deployment/);
  });

  it('sliceManagedBy names the slice written by another manager', () => {
    const label = (name: string, by?: string) =>
      slice(name, 'web', {
        metadata: { name, namespace: 'default', labels: { 'kubernetes.io/service-name': 'web', ...(by ? { 'endpointslice.kubernetes.io/managed-by': by } : {}) } },
      });
    const c = { type: 'sliceManagedBy', service: 'web', managedBy: 'endpointslice-controller.k8s.io' };
    expect(passed(c, input(state([label('a', 'endpointslice-controller.k8s.io')]))).passed).toBe(true);
    expect(passed(c, input(state([label('a', 'endpointslice-controller.k8s.io'), label('b', 'me')])))).toMatchObject({ passed: false, found: 'b is managed by me' });
    expect(passed(c, input(state([label('c')])))).toMatchObject({ found: 'c is managed by (no managed-by label)' });
    expect(passed(c, input(state([])))).toMatchObject({ found: 'found no EndpointSlice for it' });
  });
});

describe('prediction', () => {
  const svc = (annotations?: Record<string, string>) =>
    ({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default', annotations }, spec: { selector: { app: 'web' } } }) as unknown as SimulationResult['services'][number];
  const twoSlices = JSON.stringify({ items: [slice('a', 'web', { endpoints: [{ addresses: ['10.0.0.1'] }] }), slice('b', 'web')] });
  const c = { type: 'prediction', service: 'web', annotation: 'slicelab.dev/predicted', steps: ['kubectl scale deployment web --replicas=1', 'sim advance 60s'], measure: 'sliceCount' };

  it('runs the steps in order, then compares the annotation with what kubectl shows', () => {
    const ran: string[] = [];
    const kubectl = (line: string) => (ran.push(line), { stdout: line.includes('-o json') ? twoSlices : 'ok', stderr: '', exitCode: 0 });
    const i = (value?: string) => input({ ...state([]), services: [svc(value === undefined ? undefined : { 'slicelab.dev/predicted': value })] }, { kubectl });
    expect(passed(c, i('2')).passed).toBe(true);
    expect(ran).toEqual([...c.steps, 'kubectl get endpointslices -n default -l kubernetes.io/service-name=web -o json']);
    expect(passed(c, i('3'))).toMatchObject({
      passed: false,
      found: 'you predicted 3; after `kubectl scale deployment web --replicas=1`, `sim advance 60s` the Service has 2 EndpointSlices',
    });
    expect(passed({ ...c, measure: 'readyEndpoints' }, i('1')).passed).toBe(true);
    expect(passed(c, i('?'))).toMatchObject({ passed: false, found: expect.stringContaining('write your prediction as a number') });
    expect(passed(c, i())).toMatchObject({ passed: false, found: expect.stringContaining('write your prediction') });
  });

  it('fails with the step that failed', () => {
    const kubectl = () => ({ stdout: '', stderr: 'Error from server (NotFound): deployments.apps "web" not found', exitCode: 1 });
    const i = input({ ...state([]), services: [svc({ 'slicelab.dev/predicted': '2' })] }, { kubectl });
    expect(passed(c, i)).toMatchObject({ passed: false, found: expect.stringContaining('not found') });
  });
});
