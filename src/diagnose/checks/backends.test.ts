import { describe, expect, it } from 'vitest';
import { createCluster } from '../../sim/index';
import type { KObject, Pod } from '../../sim/types';
import { diagnose } from '../index';
import { deployment, node, pod, problems, run as simulateAndDiagnose, service, stateOf, status, withCode } from '../scenario.testutil';

// Pods here carry their own status (as a kubelet would report it), so the nodes they run on are given too.
const run = (objects: KObject[]) => simulateAndDiagnose([node('node-a'), node('node-b'), ...objects]);

const onNode = { nodeName: 'node-a' };
const webPod = (name: string, s: Parameters<typeof status>[0] = {}, extra: { spec?: Record<string, unknown>; metadata?: Record<string, unknown> } = {}) =>
  pod({ name, spec: { ...onNode, ...extra.spec }, status: status({ ip: `10.244.0.${10 + Number(name.replace(/\D/g, ''))}`, ...s }), metadata: extra.metadata });

describe('pod-terminal-phase', () => {
  it('fires for a selected pod that has finished, even with an IP', () => {
    const ds = run([service(), webPod('web-1'), webPod('web-2', { phase: 'Succeeded' })]);
    const [d] = withCode(ds, 'pod-terminal-phase');
    expect(d).toMatchObject({ severity: 'warning', object: { kind: 'Pod', name: 'web-2' } });
    expect(d.path).toBe('/spec'); // restartPolicy not written: the nearest existing node
    expect(d.message).toContain("Pod web-2 matches Service web's selector but has finished (phase Succeeded)");
  });
  it('is an error when no endpoint is left', () => {
    const [d] = withCode(run([service(), webPod('web-1', { phase: 'Failed' })]), 'pod-terminal-phase');
    expect(d.severity).toBe('error');
  });
  it('is quiet for running pods', () => {
    const ds = run([service(), webPod('web-1'), webPod('web-2')]);
    expect(withCode(ds, 'pod-terminal-phase')).toEqual([]);
    expect(problems(ds)).toEqual([]);
  });
});

describe('pod-without-ip', () => {
  it('fires for a selected pod that has no IP yet', () => {
    const ds = run([service(), webPod('web-1'), webPod('web-2', { ip: null, phase: 'Pending' }, { spec: { nodeName: undefined } })]);
    const [d] = withCode(ds, 'pod-without-ip');
    expect(d).toMatchObject({ severity: 'warning', object: { kind: 'Pod', name: 'web-2' }, path: '/spec' });
    expect(d.message).toContain("Pod web-2 matches Service web's selector but has no IP address yet (phase Pending, not scheduled to a node)");
  });
  it('is quiet when every selected pod has an IP', () => {
    expect(withCode(run([service(), webPod('web-1'), webPod('web-2')]), 'pod-without-ip')).toEqual([]);
  });
});

describe('pod-node-not-found', () => {
  it('fires for a pod bound to a node that does not exist', () => {
    const ds = run([service(), webPod('web-1'), webPod('web-2', {}, { spec: { nodeName: 'node-z' } })]);
    const [d] = withCode(ds, 'pod-node-not-found');
    expect(d).toMatchObject({ severity: 'warning', object: { kind: 'Pod', name: 'web-2' }, path: '/spec/nodeName' });
    expect(d.message).toContain('Pod web-2 runs on node node-z, which does not exist');
  });
  it('is quiet for pods on existing nodes', () => {
    expect(withCode(run([service(), webPod('web-1'), webPod('web-2', {}, { spec: { nodeName: 'node-b' } })]), 'pod-node-not-found')).toEqual([]);
  });
});

describe('no-ready-endpoints', () => {
  it('fires when every endpoint is not ready, naming the pods', () => {
    const ds = run([service(), webPod('web-1', { ready: false }), webPod('web-2', { ready: false })]);
    const [d] = withCode(ds, 'no-ready-endpoints');
    expect(d).toMatchObject({ severity: 'error', object: { kind: 'Pod', name: 'web-1' }, path: '/spec/containers' });
    expect(d.message).toContain('None of the 2 endpoints of Service web is ready: pods web-1 and web-2 are not Ready');
    expect(d.message).toContain('with ready: false');
    expect(ds[0].code).toBe('no-ready-endpoints');
  });
  it('is quiet when publishNotReadyAddresses makes not-ready pods ready endpoints', () => {
    const ds = run([service({ spec: { publishNotReadyAddresses: true } }), webPod('web-1', { ready: false })]);
    expect(withCode(ds, 'no-ready-endpoints')).toEqual([]);
    expect(problems(ds)).toEqual([]);
  });
  it('is quiet when the pods are Ready', () => {
    expect(withCode(run([service(), webPod('web-1'), webPod('web-2')]), 'no-ready-endpoints')).toEqual([]);
  });
});

describe('some-endpoints-not-ready', () => {
  it('fires when part of the endpoints are not ready', () => {
    const ds = run([service(), webPod('web-1'), webPod('web-2'), webPod('web-3', { ready: false })]);
    const [d] = withCode(ds, 'some-endpoints-not-ready');
    expect(d).toMatchObject({ severity: 'warning', object: { kind: 'Pod', name: 'web-3' } });
    expect(d.message).toContain('2 of the 3 endpoints of Service web are ready; pod web-3 is not Ready');
    expect(withCode(ds, 'no-ready-endpoints')).toEqual([]);
  });
  it('is quiet when all are ready', () => {
    expect(withCode(run([service(), webPod('web-1'), webPod('web-2'), webPod('web-3')]), 'some-endpoints-not-ready')).toEqual([]);
  });
});

describe('only-terminating-endpoints', () => {
  const deleting = { metadata: { deletionTimestamp: '2024-01-01T00:00:30Z' } };
  it('fires as a warning while terminating endpoints still serve', () => {
    const ds = run([service(), webPod('web-1', {}, deleting), webPod('web-2', {}, deleting)]);
    const [d] = withCode(ds, 'only-terminating-endpoints');
    expect(d).toMatchObject({ severity: 'warning', object: { kind: 'Service', name: 'web' } });
    expect(d.message).toContain('Every endpoint of Service web is terminating (pod web-1 and pod web-2: terminating: true)');
    expect(d.message).toContain('kube-proxy falls back to the 2 that are still serving (serving: true)');
    expect(withCode(ds, 'no-ready-endpoints')).toEqual([]);
  });
  it('is an error when none of them serves', () => {
    const [d] = withCode(run([service(), webPod('web-1', { ready: false }, deleting)]), 'only-terminating-endpoints');
    expect(d.severity).toBe('error');
  });
  it('is quiet during a rollout where ready pods remain next to terminating ones', () => {
    const ds = run([service(), webPod('web-1', {}, deleting), webPod('web-2')]);
    expect(withCode(ds, 'only-terminating-endpoints')).toEqual([]);
    expect(problems(ds)).toEqual([]);
  });
});

describe('readiness hints point at the probe the learner wrote', () => {
  it('marks the Deployment template readinessProbe when its pods are not Ready', () => {
    const objects = [service(), deployment({ replicas: 2, probe: true })];
    const cluster = createCluster();
    cluster.apply(objects);
    for (const p of cluster.list<Pod>('Pod', 'shop')) cluster.setPodReady('shop', p.metadata.name!, false);
    const state = stateOf(cluster);
    const [d] = withCode(diagnose({ objects, state }), 'no-ready-endpoints');
    expect(d).toMatchObject({
      severity: 'error',
      object: { kind: 'Deployment', namespace: 'shop', name: 'web' },
      path: '/spec/template/spec/containers/0/readinessProbe',
    });
    expect(d.message).toMatch(/^None of the 2 endpoints of Service web is ready: pods web-\S+ and web-\S+ are not Ready/);
  });
});

describe('headless Services', () => {
  it('explain not-ready endpoints through DNS, not kube-proxy', () => {
    const ds = run([service({ spec: { clusterIP: 'None' } }), webPod('web-1', { ready: false })]);
    const [d] = withCode(ds, 'no-ready-endpoints');
    expect(d.message).toContain('CoreDNS answers for a headless Service with ready endpoints only (by default), so its name resolves to no address.');
  });
});

describe('no endpoints although pods are selected', () => {
  it('explains an IPv6-only Service whose pods have IPv4 addresses only', () => {
    const ds = run([service({ spec: { ipFamilies: ['IPv6'], ipFamilyPolicy: 'SingleStack' } }), webPod('web-1')]);
    const [d] = withCode(ds, 'no-ready-endpoints');
    expect(d).toMatchObject({ severity: 'error', object: { kind: 'Service', name: 'web' }, path: '/spec/ipFamilies' });
    expect(d.message).toContain('The pods have only IPv4 addresses, and the Service has ipFamilies: [IPv6].');
  });
  it('is quiet for the IPv4 twin', () => {
    expect(run([service({ spec: { ipFamilies: ['IPv4'], ipFamilyPolicy: 'SingleStack' } }), webPod('web-1')])).toEqual([]);
  });
});
