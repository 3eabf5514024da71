import { describe, expect, it } from 'vitest';
import { dbService, deployment, problems, run, service, slice, withCode } from '../scenario.testutil';

const MANAGED_BY = 'endpointslice.kubernetes.io/managed-by';

describe('slice-missing-service-name-label', () => {
  it('fires for a slice without kubernetes.io/service-name and guesses the Service', () => {
    const ds = run([dbService(), slice({ labels: { [MANAGED_BY]: 'cluster-admins' } })]);
    const [d] = withCode(ds, 'slice-missing-service-name-label');
    expect(d).toMatchObject({ severity: 'warning', object: { kind: 'EndpointSlice', name: 'db-1' }, path: '/metadata/labels' });
    expect(d.message).toContain('EndpointSlice db-1 has no kubernetes.io/service-name label, so it belongs to no Service');
    expect(d.fix).toBe('Add the label kubernetes.io/service-name: db under metadata.labels.');
    // ranked before the Service's own symptom
    expect(ds.map((x) => x.code)).toEqual(['slice-missing-service-name-label', 'selectorless-service-without-endpoints']);
  });
  it('points at a misspelt label key', () => {
    const ds = run([dbService(), slice({ labels: { 'kubernetes.io/service_name': 'db' } })]);
    const [d] = withCode(ds, 'slice-missing-service-name-label');
    expect(d.path).toBe('/metadata/labels/kubernetes.io~1service_name');
    expect(d.fix).toBe('Rename the label kubernetes.io/service_name to kubernetes.io/service-name.');
  });
  it('is quiet when the label is set', () => {
    expect(withCode(run([dbService(), slice({})]), 'slice-missing-service-name-label')).toEqual([]);
  });
});

describe('slice-service-not-found', () => {
  it('fires when the label names no Service, suggesting a close name', () => {
    const ds = run([dbService(), slice({ labels: { 'kubernetes.io/service-name': 'bd' } })]);
    const [d] = withCode(ds, 'slice-service-not-found');
    expect(d).toMatchObject({ severity: 'warning', object: { kind: 'EndpointSlice', name: 'db-1' }, path: '/metadata/labels/kubernetes.io~1service-name' });
    expect(d.message).toBe(
      'EndpointSlice db-1 is labelled kubernetes.io/service-name: bd, but namespace shop has no Service bd, so no Service uses these endpoints. Did you mean Service db?',
    );
  });
  it('explains a Service of that name in another namespace', () => {
    const ds = run([dbService({ ns: 'data' }), slice({})]);
    expect(withCode(ds, 'slice-service-not-found')[0].fix).toBe('Create the EndpointSlice in namespace data (metadata.namespace: data).');
  });
  it('is quiet when the Service exists', () => {
    expect(withCode(run([dbService(), slice({})]), 'slice-service-not-found')).toEqual([]);
  });
});

describe('slice-managed-by-controller', () => {
  const claimed = { 'kubernetes.io/service-name': 'web', [MANAGED_BY]: 'endpointslice-controller.k8s.io' };
  it('is an error when the controller of a selector Service deletes the slice', () => {
    const ds = run([service(), deployment(), slice({ name: 'web-extra', labels: claimed, ports: [{ name: 'http', port: 8080 }] })]);
    const [d] = withCode(ds, 'slice-managed-by-controller');
    expect(d).toMatchObject({ severity: 'error', object: { kind: 'EndpointSlice', name: 'web-extra' }, path: '/metadata/labels/endpointslice.kubernetes.io~1managed-by' });
    expect(d.message).toContain('The EndpointSlice controller took it for one of its own slices that should not exist, and deleted it.');
  });
  it('is an error when the mirroring controller deletes a slice claiming its value', () => {
    const labels = { 'kubernetes.io/service-name': 'db', [MANAGED_BY]: 'endpointslicemirroring-controller.k8s.io' };
    const ds = run([dbService(), slice({ labels })]);
    expect(withCode(ds, 'slice-managed-by-controller')[0]).toMatchObject({ severity: 'error', message: expect.stringContaining('mirroring controller took it') });
    expect(withCode(ds, 'selectorless-service-without-endpoints')[0].message).toContain(
      'EndpointSlice db-1, labelled for it, was deleted by a controller whose managed-by value it claims',
    );
    expect(ds.map((d) => d.code)).toEqual(['slice-managed-by-controller', 'selectorless-service-without-endpoints']);
  });
  it('warns for a selectorless Service, where nothing removes it yet', () => {
    const ds = run([dbService(), slice({ labels: { 'kubernetes.io/service-name': 'db', [MANAGED_BY]: 'endpointslice-controller.k8s.io' } })]);
    expect(withCode(ds, 'slice-managed-by-controller')[0].severity).toBe('warning');
  });
  it('is quiet with a managed-by value of your own', () => {
    expect(withCode(run([dbService(), slice({})]), 'slice-managed-by-controller')).toEqual([]);
  });
});

describe('slice-port-name-mismatch', () => {
  it('fires when the slice port is unnamed but the Service port is named', () => {
    const ds = run([dbService(), slice({ ports: [{ port: 5432, protocol: 'TCP' }] })]);
    const [d] = withCode(ds, 'slice-port-name-mismatch');
    expect(d).toMatchObject({ severity: 'error', object: { kind: 'EndpointSlice', name: 'db-1' }, path: '/ports/0' });
    expect(d.message).toBe(
      'Service db has the port "pg" 5432/TCP, but EndpointSlice db-1 has unnamed ("") 5432/TCP. kube-proxy matches slice ports to ' +
        'Service ports by name and protocol, so "pg" gets no endpoints from this slice.',
    );
    expect(d.fix).toBe('Give the slice port name: pg, like the Service port.');
  });
  it('fires when the slice has no ports', () => {
    const [d] = withCode(run([dbService(), slice({ ports: null })]), 'slice-port-name-mismatch');
    expect(d.message).toContain('EndpointSlice db-1 lists no ports');
  });
  it('an unnamed Service port needs an unnamed slice port', () => {
    const ds = run([dbService({ ports: [{ port: 5432 }] }), slice({ ports: [{ name: 'pg', port: 5432 }] })]);
    expect(withCode(ds, 'slice-port-name-mismatch')[0].fix).toBe('Give the slice port no name (or name: ""), like the Service port.');
    expect(problems(run([dbService({ ports: [{ port: 5432 }] }), slice({ ports: [{ port: 5432 }] })]))).toEqual([]);
  });
  it('is quiet when names and protocols match', () => {
    expect(withCode(run([dbService(), slice({})]), 'slice-port-name-mismatch')).toEqual([]);
  });
});

describe('slice-address-family-mismatch', () => {
  it('fires for IPv6 endpoints of a single-stack IPv4 Service', () => {
    const ds = run([dbService(), slice({ addressType: 'IPv6', addresses: ['2001:db8::10'] })]);
    const [d] = withCode(ds, 'slice-address-family-mismatch');
    expect(d).toMatchObject({ severity: 'warning', path: '/addressType' });
    expect(d.message).toContain('has addressType: IPv6, but Service db has ipFamilies: [IPv4]');
  });
  it('fires for FQDN slices, which kube-proxy ignores', () => {
    const ds = run([dbService(), slice({ addressType: 'FQDN', addresses: ['db.example.com'] })]);
    expect(withCode(ds, 'slice-address-family-mismatch')[0].message).toContain('kube-proxy only uses IPv4 and IPv6 slices');
  });
  it('is quiet for an IPv4 slice of an IPv4 Service', () => {
    expect(withCode(run([dbService(), slice({})]), 'slice-address-family-mismatch')).toEqual([]);
  });
});

describe('slice-port-without-number', () => {
  it('fires for a slice port with a name but no number', () => {
    const ds = run([dbService(), slice({ ports: [{ name: 'pg', protocol: 'TCP' }] })]);
    const [d] = withCode(ds, 'slice-port-without-number');
    expect(d).toMatchObject({ severity: 'error', object: { kind: 'EndpointSlice', name: 'db-1' }, path: '/ports/0' });
    expect(d.message).toContain('EndpointSlice db-1 has the port "pg" without a port number');
    expect(d.fix).toContain('(e.g. port: 5432)');
  });
  it('is quiet when the port has a number', () => {
    expect(withCode(run([dbService(), slice({})]), 'slice-port-without-number')).toEqual([]);
  });
});

describe('slice-for-selector-service', () => {
  const extra = slice({ name: 'web-extra', labels: { 'kubernetes.io/service-name': 'web', [MANAGED_BY]: 'cluster-admins' }, ports: [{ name: 'http', port: 8080 }] });
  it('fires for a hand-made slice labelled for a Service with a selector', () => {
    const ds = run([service(), deployment(), extra]);
    const [d] = withCode(ds, 'slice-for-selector-service');
    expect(d).toMatchObject({ severity: 'warning', object: { kind: 'EndpointSlice', name: 'web-extra' }, path: '/metadata/labels/kubernetes.io~1service-name' });
    expect(d.message).toContain('kube-proxy merges this hand-made slice with the controller\'s, so traffic also goes to 192.0.2.10');
  });
  it('is quiet for the same slice of a Service without selector', () => {
    const ds = run([service({ selector: null }), extra]);
    expect(withCode(ds, 'slice-for-selector-service')).toEqual([]);
    expect(problems(ds)).toEqual([]);
  });
});

describe('hand-made slices of a headless Service', () => {
  it('get no port warnings (no kube-proxy rules; DNS A records carry no port)', () => {
    const ds = run([dbService({ spec: { clusterIP: 'None' } }), slice({ ports: [{ port: 5432 }] })]);
    expect(withCode(ds, 'slice-port-name-mismatch')).toEqual([]);
    expect(problems(ds)).toEqual([]);
  });
});
