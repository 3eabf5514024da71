import { describe, expect, it } from 'vitest';
import { createCluster, simulate } from '../sim/index';
import { CODE_TABLE, diagnose, LESSONS, refKey } from './index';
import { dbService, deployment, endpointsObject, pod, problems, run, service, slice, stateOf } from './scenario.testutil';

describe('the code table', () => {
  it('holds every code the course promises, each once, each with a lesson page', () => {
    const promised = [
      'selector-matches-no-pods', 'selector-near-miss', 'pods-in-other-namespace', 'empty-selector', 'no-ready-endpoints',
      'some-endpoints-not-ready', 'only-terminating-endpoints', 'named-port-not-found', 'target-port-not-declared',
      'pod-without-ip', 'pod-terminal-phase', 'selectorless-service-without-endpoints', 'externalname-no-endpoints',
      'slice-missing-service-name-label', 'slice-service-not-found', 'slice-port-name-mismatch', 'slice-managed-by-controller',
      'slice-address-family-mismatch', 'endpoints-over-capacity', 'endpoints-api-deprecated', 'deployment-template-labels-mismatch',
    ];
    const codes = CODE_TABLE.map(([c]) => c);
    expect(new Set(codes).size).toBe(codes.length);
    for (const c of promised) expect(codes).toContain(c);
    const pages = new Set<string>(Object.values(LESSONS));
    for (const [, info] of CODE_TABLE) expect(pages).toContain(info.lesson);
  });
});

describe('no false alarms', () => {
  it('a cluster of healthy Services of every kind yields nothing', () => {
    const objects = [
      service(),
      deployment(),
      service({ name: 'api', ports: [{ name: 'grpc', port: 9000, targetPort: 9000 }], selector: { app: 'api', tier: 'backend' } }),
      deployment({ name: 'api', labels: { app: 'api', tier: 'backend' }, ports: [{ name: 'grpc', containerPort: 9000 }] }),
      service({ name: 'web-headless', spec: { clusterIP: 'None' } }),
      dbService(),
      slice({}),
      service({ name: 'cache', selector: null, ports: [{ name: 'redis', port: 6379 }] }),
      slice({ name: 'cache-1', labels: { 'kubernetes.io/service-name': 'cache' }, ports: [{ name: 'redis', port: 6379, protocol: 'TCP' }] }),
      service({ name: 'ext', selector: null, ports: [{ port: 443 }], spec: { type: 'ExternalName', externalName: 'api.example.com' } }),
    ];
    expect(run(objects)).toEqual([]);
  });
});

describe('no false alarms in busier clusters', () => {
  it('dual-stack, NodePort and LoadBalancer Services with working pods yield nothing', () => {
    const ds = run([
      service({ spec: { ipFamilyPolicy: 'RequireDualStack', ipFamilies: ['IPv4', 'IPv6'] } }),
      deployment(),
      service({ name: 'web-np', spec: { type: 'NodePort' } }),
      service({ name: 'web-lb', spec: { type: 'LoadBalancer' } }),
    ]);
    expect(ds).toEqual([]);
  });
  it('a rolling restart (old pods terminating, new ones ready) yields no warning', () => {
    const objects = [service(), deployment()];
    const cluster = createCluster();
    cluster.apply(objects);
    cluster.rolloutRestart('shop', 'web');
    const state = stateOf(cluster);
    // the restart really left terminating endpoints next to ready ones
    const conds = state.endpointSlices.flatMap((s) => s.endpoints ?? []).map((e) => e.conditions);
    expect(conds.some((c) => c?.terminating)).toBe(true);
    expect(conds.some((c) => c?.ready)).toBe(true);
    expect(problems(diagnose({ objects, state }))).toEqual([]);
  });
});

describe('ordering', () => {
  it('puts the root cause first: the wrong namespace before the port slip it hides', () => {
    const ds = run([
      service({ ns: 'default', ports: [{ name: 'http', port: 80, targetPort: 'web' }] }),
      deployment({ ns: 'shop' }),
      dbService(),
      endpointsObject(),
    ]);
    expect(ds.map((d) => d.code)).toEqual(['pods-in-other-namespace', 'selector-matches-no-pods', 'endpoints-api-deprecated']);
  });
  it('orders by rank, then severity, then the order of the objects in the manifest', () => {
    const ds = run([
      service({ name: 'b', selector: { app: 'b' } }),
      service({ name: 'a', selector: { app: 'a' } }),
      pod({ name: 'a-1', labels: { app: 'a' } }),
      pod({ name: 'b-1', labels: { app: 'b' }, ports: [] }),
      pod({ name: 'b-2', labels: { app: 'b' } }),
    ]);
    // b: the named port is missing on one of its two pods (a warning, marked on that pod); a: fine.
    expect(ds.map((d) => [d.code, d.severity, d.object.name, d.path])).toEqual([['named-port-not-found', 'warning', 'b-1', '/spec/containers/0']]);
    const two = run([
      service({ name: 'b', selector: { app: 'b' } }),
      service({ name: 'a', selector: { app: 'a' } }),
    ]);
    expect(two.map((d) => [d.code, d.object.name])).toEqual([
      ['selector-matches-no-pods', 'b'],
      ['selector-matches-no-pods', 'a'],
    ]);
  });
});

describe('paths only for what the learner wrote', () => {
  const objects = [service({ ports: [{ name: 'http', port: 80, targetPort: 'web' }] }), deployment()];
  it('marks the learner Service, given as refs or as refKey strings', () => {
    const state = simulate(objects);
    const asRef = diagnose({ objects, state, userRefs: [{ kind: 'Service', namespace: 'shop', name: 'web' }] });
    const asKey = diagnose({ objects, state, userRefs: [refKey({ kind: 'Service', namespace: 'shop', name: 'web' })] });
    expect(asRef).toEqual(asKey);
    expect(asRef[0]).toMatchObject({ code: 'named-port-not-found', object: { kind: 'Service', name: 'web' }, path: '/spec/ports/0/targetPort' });
  });
  it('names an exercise object without a path', () => {
    const state = simulate(objects);
    const [d] = diagnose({ objects, state, userRefs: [] });
    expect(d.object).toEqual({ kind: 'Service', namespace: 'shop', name: 'web' });
    expect(d).not.toHaveProperty('path');
  });
});

describe('determinism', () => {
  it('same input, same output', () => {
    const objects = [service({ selector: { app: 'Web' } }), deployment(), dbService(), slice({ ports: [{ port: 5432 }] })];
    const state = simulate(objects);
    expect(diagnose({ objects, state })).toEqual(diagnose({ objects, state }));
  });
});
