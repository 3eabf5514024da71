import { describe, expect, it } from 'vitest';
import { dbService, deployment, endpointsObject, problems, run, service, slice, withCode } from '../scenario.testutil';

describe('selectorless-service-without-endpoints', () => {
  it('fires for a Service without selector and without slices', () => {
    const ds = run([dbService()]);
    expect(withCode(ds, 'selectorless-service-without-endpoints')).toEqual([
      {
        code: 'selectorless-service-without-endpoints',
        severity: 'error',
        message:
          'Service db has no selector, so Kubernetes creates no EndpointSlices for it: its endpoints must come from ' +
          'EndpointSlices labelled kubernetes.io/service-name: db, and it has none with endpoints.',
        object: { kind: 'Service', namespace: 'shop', name: 'db' },
        path: '/spec',
        fix: expect.stringContaining('Write an EndpointSlice (apiVersion: discovery.k8s.io/v1) labelled kubernetes.io/service-name: db'),
        lesson: '/lessons/selectorless-services/#a-service-with-nothing-behind-it-yet',
      },
    ]);
  });
  it('mentions a slice in the namespace that lacks the service-name label', () => {
    const ds = run([dbService(), slice({ labels: { app: 'db' } })]);
    const [d] = withCode(ds, 'selectorless-service-without-endpoints');
    expect(d.message).toContain('EndpointSlice db-1 in this namespace has no kubernetes.io/service-name label');
  });
  it('suggests the forgotten selector when a related Deployment runs in the namespace', () => {
    const ds = run([service({ name: 'web', selector: null }), deployment()]);
    const [d] = withCode(ds, 'selectorless-service-without-endpoints');
    expect(d.fix).toBe(
      'If the backends are the pods of Deployment web, add a selector: {app: web}. ' +
        'For backends outside the cluster, write an EndpointSlice labelled kubernetes.io/service-name: web instead.',
    );
  });
  it('is quiet with a hand-made slice labelled for it', () => {
    const ds = run([dbService(), slice({})]);
    expect(withCode(ds, 'selectorless-service-without-endpoints')).toEqual([]);
    expect(problems(ds)).toEqual([]);
  });
});

describe('externalname-no-endpoints', () => {
  const ext = (selector: Record<string, string> | null) =>
    service({ name: 'web', selector, ports: [{ name: 'http', port: 80 }], spec: { type: 'ExternalName', externalName: 'web.example.com' } });
  it('fires when an ExternalName Service carries a selector', () => {
    const ds = run([ext({ app: 'web' }), deployment()]);
    const [d] = withCode(ds, 'externalname-no-endpoints');
    expect(d).toMatchObject({ severity: 'warning', object: { kind: 'Service', name: 'web' }, path: '/spec/type' });
    expect(d.message).toContain('Service web is type: ExternalName, only a DNS alias (CNAME) for "web.example.com"');
    expect(d.message).toContain('its selector app=web is ignored');
    // the selector is not analysed as if it mattered
    expect(withCode(ds, 'selector-matches-no-pods')).toEqual([]);
  });
  it('fires when EndpointSlices are labelled for an ExternalName Service', () => {
    const ds = run([ext(null), slice({ labels: { 'kubernetes.io/service-name': 'web' } })]);
    const [d] = withCode(ds, 'externalname-no-endpoints');
    expect(d.message).toContain(
      'Kubernetes creates no Endpoints or EndpointSlices for it, and kube-proxy, which programs no rules for ExternalName Services, ignores the EndpointSlice labelled for it (db-1).',
    );
  });
  it('is quiet for a plain ExternalName alias', () => {
    expect(run([ext(null)])).toEqual([]);
  });
});

describe('empty selector with hand-made slices', () => {
  it('is only informational when hand-made slices give the Service endpoints', () => {
    const ds = run([service({ name: 'db', selector: {}, ports: [{ name: 'pg', port: 5432 }] }), slice({})]);
    expect(withCode(ds, 'empty-selector').map((d) => d.severity)).toEqual(['info']);
    expect(problems(ds)).toEqual([]);
  });
});

describe('a mirrored hand-made Endpoints counts as endpoints', () => {
  it('does not report the Service as without endpoints', () => {
    const ds = run([dbService(), endpointsObject()]);
    expect(withCode(ds, 'selectorless-service-without-endpoints')).toEqual([]);
  });
});
