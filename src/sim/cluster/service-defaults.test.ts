import { describe, expect, it } from 'vitest';
import { ServiceAllocator, defaultService } from './service-defaults';
import { parseIP } from './cidr';
import type { Service } from '../types';

const alloc = () => new ServiceAllocator('10.96.0.0/12', 'fd00:10:96::/112');
const svc = (spec: Service['spec'], name = 'web'): Service => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name, namespace: 'default' },
  spec,
});

describe('Service defaults (SetDefaults_Service + registry allocation)', () => {
  it('ClusterIP Service: type, protocol, targetPort = port, affinity, traffic policy, single-stack IPv4', () => {
    const out = defaultService(svc({ selector: { app: 'web' }, ports: [{ port: 80 }], clusterIP: '10.96.0.50' }), undefined, alloc());
    expect(out).toEqual({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'web', namespace: 'default' },
      spec: {
        selector: { app: 'web' },
        ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }],
        clusterIP: '10.96.0.50',
        clusterIPs: ['10.96.0.50'],
        type: 'ClusterIP',
        sessionAffinity: 'None',
        internalTrafficPolicy: 'Cluster',
        ipFamilyPolicy: 'SingleStack',
        ipFamilies: ['IPv4'],
      },
      status: { loadBalancer: {} },
    });
  });

  it('allocates clusterIPs in the service range, above the static band, stable per name and distinct', () => {
    const a = alloc();
    const one = defaultService(svc({ ports: [{ port: 80 }] }, 'one'), undefined, a).spec.clusterIP!;
    const two = defaultService(svc({ ports: [{ port: 80 }] }, 'two'), undefined, a).spec.clusterIP!;
    const again = defaultService(svc({ ports: [{ port: 80 }] }, 'one'), undefined, alloc()).spec.clusterIP!;
    expect(one).not.toBe(two);
    expect(again).toBe(one);
    const v = parseIP(one)!.value;
    const base = parseIP('10.96.0.0')!.value;
    expect(v - base).toBeGreaterThanOrEqual(256n); // calculateRangeOffset for a /12 is 256
    expect(v - base).toBeLessThan(1n << 20n);
  });

  it('headless + selectorless defaults to RequireDualStack with both families and no clusterIPs allocated', () => {
    const out = defaultService(svc({ clusterIP: 'None', ports: [{ port: 5432 }] }), undefined, alloc());
    expect(out.spec.ipFamilyPolicy).toBe('RequireDualStack');
    expect(out.spec.ipFamilies).toEqual(['IPv4', 'IPv6']);
    expect(out.spec.clusterIPs).toEqual(['None']);
  });

  it('headless with a selector stays SingleStack IPv4', () => {
    const out = defaultService(svc({ clusterIP: 'None', selector: { app: 'db' } }), undefined, alloc());
    expect(out.spec.ipFamilyPolicy).toBe('SingleStack');
    expect(out.spec.ipFamilies).toEqual(['IPv4']);
    expect(out.spec.ports).toBeUndefined();
  });

  it('PreferDualStack on this dual-stack cluster gets an IPv4 and an IPv6 clusterIP', () => {
    const out = defaultService(svc({ ipFamilyPolicy: 'PreferDualStack', selector: { app: 'web' }, ports: [{ port: 80 }] }), undefined, alloc());
    expect(out.spec.ipFamilies).toEqual(['IPv4', 'IPv6']);
    expect(out.spec.clusterIPs).toHaveLength(2);
    expect(parseIP(out.spec.clusterIPs![0])!.family).toBe('IPv4');
    expect(out.spec.clusterIPs![1]).toMatch(/^fd00:10:96::/);
  });

  it('NodePort: externalTrafficPolicy Cluster and node ports in 30000-32767; a re-apply keeps them', () => {
    const a = alloc();
    const first = defaultService(svc({ type: 'NodePort', selector: { app: 'web' }, ports: [{ name: 'http', port: 80 }] }), undefined, a);
    expect(first.spec.externalTrafficPolicy).toBe('Cluster');
    const np = first.spec.ports![0].nodePort!;
    expect(np).toBeGreaterThanOrEqual(30000);
    expect(np).toBeLessThanOrEqual(32767);
    const again = defaultService(svc({ type: 'NodePort', selector: { app: 'web' }, ports: [{ name: 'http', port: 80 }] }), first, a);
    expect(again).toEqual(first);
  });

  it('LoadBalancer with externalTrafficPolicy Local gets a healthCheckNodePort and allocateLoadBalancerNodePorts', () => {
    const out = defaultService(svc({ type: 'LoadBalancer', externalTrafficPolicy: 'Local', ports: [{ port: 443 }] }), undefined, alloc());
    expect(out.spec.allocateLoadBalancerNodePorts).toBe(true);
    expect(out.spec.healthCheckNodePort).toBeGreaterThanOrEqual(30000);
    expect(out.spec.healthCheckNodePort).not.toBe(out.spec.ports![0].nodePort);
  });

  it('ExternalName gets no IP fields and no internalTrafficPolicy', () => {
    const out = defaultService(svc({ type: 'ExternalName', externalName: 'example.com' }), undefined, alloc());
    expect(out.spec).toEqual({ type: 'ExternalName', externalName: 'example.com', sessionAffinity: 'None' });
  });
});

describe('dual-stack downgrade (alloc.go initIPFamilyFields, update prep)', () => {
  const dual = svc({ selector: { app: 'web' }, ports: [{ port: 80 }], ipFamilyPolicy: 'PreferDualStack', clusterIPs: ['10.96.0.10', 'fd00:10:96::10'] });
  it('SingleStack with the stored clusterIPs and ipFamilies keeps index 0 of each', () => {
    const a = alloc();
    const old = defaultService(dual, undefined, a);
    expect(old.spec).toMatchObject({ ipFamilies: ['IPv4', 'IPv6'], clusterIPs: ['10.96.0.10', 'fd00:10:96::10'] });
    const out = defaultService(svc({ selector: { app: 'web' }, ports: [{ port: 80 }], ipFamilyPolicy: 'SingleStack' }), old, a);
    expect(out.spec).toMatchObject({ ipFamilyPolicy: 'SingleStack', ipFamilies: ['IPv4'], clusterIP: '10.96.0.10', clusterIPs: ['10.96.0.10'] });
    // the same values written out in full are "unchanged", so they are trimmed too
    const full = defaultService(svc({ ...old.spec, ipFamilyPolicy: 'SingleStack' }), old, a);
    expect(full.spec).toMatchObject({ ipFamilies: ['IPv4'], clusterIPs: ['10.96.0.10'] });
  });
  it('another policy keeps both families', () => {
    const a = alloc();
    const old = defaultService(dual, undefined, a);
    const out = defaultService(svc({ selector: { app: 'web' }, ports: [{ port: 80 }], ipFamilyPolicy: 'RequireDualStack' }), old, a);
    expect(out.spec).toMatchObject({ ipFamilies: ['IPv4', 'IPv6'], clusterIPs: ['10.96.0.10', 'fd00:10:96::10'] });
  });
});
