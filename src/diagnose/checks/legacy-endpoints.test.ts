import { describe, expect, it } from 'vitest';
import { dbService, deployment, endpointsObject, run, service, slice, withCode } from '../scenario.testutil';

describe('endpoints-api-deprecated', () => {
  it('fires for a hand-written v1 Endpoints and says what to use', () => {
    const ds = run([dbService(), endpointsObject()]);
    const [d] = withCode(ds, 'endpoints-api-deprecated');
    expect(d).toMatchObject({ severity: 'warning', object: { kind: 'Endpoints', namespace: 'shop', name: 'db' }, path: '/kind', lesson: '/lessons/endpoints/#deprecated-not-removed' });
    expect(d.message).toContain('deprecated since Kubernetes 1.33');
    expect(d.message).toContain('v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice');
    expect(d.fix).toContain('apiVersion: discovery.k8s.io/v1, kind: EndpointSlice, label kubernetes.io/service-name: db');
  });
  it('is quiet for the same backends written as an EndpointSlice', () => {
    expect(run([dbService(), slice({})])).toEqual([]);
  });
  it('is quiet for an Endpoints object from the exercise, not the learner', () => {
    const ds = run([dbService(), endpointsObject()], [{ kind: 'Service', namespace: 'shop', name: 'db' }]);
    expect(withCode(ds, 'endpoints-api-deprecated')).toEqual([]);
  });
});

describe('endpoints-overwritten-by-controller', () => {
  it('fires for a hand-written Endpoints of a Service with a selector', () => {
    const ds = run([service(), deployment(), endpointsObject({ name: 'web', ports: [{ name: 'http', port: 8080 }] })]);
    const [d] = withCode(ds, 'endpoints-overwritten-by-controller');
    expect(d).toMatchObject({ severity: 'warning', object: { kind: 'Endpoints', name: 'web' }, path: '/subsets' });
  });
  it('is quiet for a selectorless Service', () => {
    expect(withCode(run([dbService(), endpointsObject()]), 'endpoints-overwritten-by-controller')).toEqual([]);
  });
});

describe('slice-port-name-mismatch on a hand-written Endpoints', () => {
  it('fires when the subset port name differs from the Service port name', () => {
    const ds = run([dbService(), endpointsObject({ ports: [{ name: 'postgres', port: 5432 }] })]);
    const [d] = withCode(ds, 'slice-port-name-mismatch');
    expect(d).toMatchObject({ severity: 'error', object: { kind: 'Endpoints', name: 'db' }, path: '/subsets/0/ports/0/name' });
    expect(d.fix).toBe('Give the Endpoints port name: pg, like the Service port.');
  });
  it('is quiet when they match', () => {
    expect(withCode(run([dbService(), endpointsObject()]), 'slice-port-name-mismatch')).toEqual([]);
  });
});

describe('endpoints-over-capacity', () => {
  it('notes (info) that v1 Endpoints stops at 1000 addresses while slices hold all', () => {
    const ds = run([service(), deployment({ replicas: 1001 })]);
    expect(withCode(ds, 'endpoints-over-capacity')).toEqual([
      {
        code: 'endpoints-over-capacity',
        severity: 'info',
        message:
          'Service web has 1001 endpoints, but its v1 Endpoints object stops at 1000 addresses: the Endpoints controller kept 1000 ' +
          'and set endpoints.kubernetes.io/over-capacity: truncated. The EndpointSlices list all 1001 (kube-proxy reads those); ' +
          'only tools still reading v1 Endpoints see part of the Service.',
        object: { kind: 'Endpoints', namespace: 'shop', name: 'web' },
        fix: 'Read EndpointSlices instead (kubectl get endpointslices -l kubernetes.io/service-name=web).',
        lesson: '/lessons/endpoints/#truncated-at-1000-addresses',
      },
    ]);
    expect(ds.filter((d) => d.severity !== 'info')).toEqual([]);
  });
  it('is quiet at exactly 1000 endpoints', () => {
    expect(run([service(), deployment({ replicas: 1000 })])).toEqual([]);
  });
});

describe('endpoints-service-not-found', () => {
  it('fires for a hand-written Endpoints whose name matches no Service', () => {
    const ds = run([dbService(), endpointsObject({ name: 'bd' })]);
    const [d] = withCode(ds, 'endpoints-service-not-found');
    expect(d).toMatchObject({ severity: 'warning', object: { kind: 'Endpoints', name: 'bd' }, path: '/metadata/name' });
    expect(d.message).toContain('namespace shop has no Service bd: nothing uses these addresses, and they are not mirrored into an EndpointSlice. Did you mean Service db?');
  });
  it('is quiet when the Service of that name exists', () => {
    expect(withCode(run([dbService(), endpointsObject()]), 'endpoints-service-not-found')).toEqual([]);
  });
});
