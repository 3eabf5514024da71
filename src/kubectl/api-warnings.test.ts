// API warnings as kubectl prints them (client-go WarningHandler: "Warning: <text>" on stderr, before
// the command's own output for that request). Texts from pkg/api/service/warnings.go
// GetWarningsForService (1.35), apimachinery validation GetWarningsForIP / GetWarningsForCIDR, and
// the v1 Endpoints deprecation the apiserver installer adds to every Endpoints request, also to one
// that validation then refuses (the warning comes first, the error at the end: cmdutil.CheckErr).
import { describe, expect, it } from 'vitest';
import { createCluster } from '../sim/index';
import { runKubectl } from './index';

const apply = (yaml: string) => runKubectl(createCluster(), ['apply', '-f', 'x.yaml'], { files: { 'x.yaml': yaml } });

const service = (spec: string, meta = '') => `apiVersion: v1
kind: Service
metadata:
  name: web
${meta}spec:
  selector:
    app: web
  ports:
  - port: 80
${spec}`;

describe('Service warnings (GetWarningsForService)', () => {
  it('trafficDistribution PreferClose is deprecated in favour of PreferSameZone', () => {
    const r = apply(service('  trafficDistribution: PreferClose\n'));
    expect(r).toMatchObject({ stdout: 'service/web created\n', exitCode: 0 });
    expect(r.chunks).toEqual([
      { stream: 'stderr', text: 'Warning: spec.trafficDistribution: "PreferClose" is deprecated; use "PreferSameZone"\n' },
      { stream: 'stdout', text: 'service/web created\n' },
    ]);
  });

  it('PreferSameZone and PreferSameNode bring no warning', () => {
    expect(apply(service('  trafficDistribution: PreferSameZone\n'))).toMatchObject({ stdout: 'service/web created\n', stderr: '', exitCode: 0 });
    expect(apply(service('  trafficDistribution: PreferSameNode\n'))).toMatchObject({ stdout: 'service/web created\n', stderr: '', exitCode: 0 });
  });

  it('a clusterIP with leading zeros is accepted (StrictIPCIDRValidation is alpha in 1.35) with a warning on clusterIPs[0]', () => {
    const r = apply(service('  clusterIP: 10.96.0.010\n'));
    expect(r.stderr).toBe(
      'Warning: spec.clusterIPs[0]: non-standard IP address "10.96.0.010" will be considered invalid in a future Kubernetes release: use "10.96.0.10"\n',
    );
    expect(r).toMatchObject({ stdout: 'service/web created\n', exitCode: 0 });
  });

  it('externalIPs, loadBalancerSourceRanges: non-standard and ambiguous values, in GetWarningsForService order', () => {
    const r = apply(
      service(
        '  type: LoadBalancer\n  externalIPs:\n  - 192.168.001.5\n  - 2001:DB8::5\n  loadBalancerSourceRanges:\n  - 10.0.0.1/8\n  - 010.1.0.0/16\n  - 2001:DB8::/32\n',
      ),
    );
    expect(r.stderr).toBe(
      [
        'Warning: spec.externalIPs[0]: non-standard IP address "192.168.001.5" will be considered invalid in a future Kubernetes release: use "192.168.1.5"',
        'Warning: spec.externalIPs[1]: IPv6 address "2001:DB8::5" should be in RFC 5952 canonical format ("2001:db8::5")',
        'Warning: spec.loadBalancerSourceRanges[0]: CIDR value "10.0.0.1/8" is ambiguous in this context (should be "10.0.0.0/8" or "10.0.0.1/32"?)',
        'Warning: spec.loadBalancerSourceRanges[1]: non-standard CIDR value "010.1.0.0/16" will be considered invalid in a future Kubernetes release: use "10.1.0.0/16"',
        'Warning: spec.loadBalancerSourceRanges[2]: IPv6 CIDR value "2001:DB8::/32" should be in RFC 5952 canonical format ("2001:db8::/32")',
        '',
      ].join('\n'),
    );
    expect(r).toMatchObject({ stdout: 'service/web created\n', exitCode: 0 });
  });

  it('fields a headless Service ignores, and the deprecated topology-aware-hints annotation', () => {
    const r = apply(
      service(
        '  clusterIP: None\n  sessionAffinity: ClientIP\n  externalName: db.example.com\n',
        '  annotations:\n    service.kubernetes.io/topology-aware-hints: auto\n',
      ),
    );
    expect(r.stderr).toBe(
      [
        'Warning: annotation service.kubernetes.io/topology-aware-hints is deprecated, please use service.kubernetes.io/topology-mode instead',
        'Warning: spec.SessionAffinity is ignored for headless services',
        'Warning: spec.externalName is ignored when spec.type is not "ExternalName"',
        '',
      ].join('\n'),
    );
    expect(r).toMatchObject({ stdout: 'service/web created\n', exitCode: 0 });
  });

  it('an invalid Service gets no strategy warning, only its error', () => {
    const r = apply(service('  trafficDistribution: PreferClose\n  type: Bogus\n'));
    expect(r).toMatchObject({
      stdout: '',
      stderr: 'The Service "web" is invalid: spec.type: Unsupported value: "Bogus": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"\n',
      exitCode: 1,
    });
  });
});

describe('v1 Endpoints deprecation', () => {
  const endpoints = (subsets: string) => `apiVersion: v1
kind: Endpoints
metadata:
  name: web
${subsets}`;

  it('kubectl apply of an invalid Endpoints prints the Warning line, then the error', () => {
    const r = apply(endpoints('subsets:\n- ports:\n  - port: 80\n'));
    expect(r).toMatchObject({ stdout: '', exitCode: 1 });
    expect(r.chunks).toEqual([
      { stream: 'stderr', text: 'Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice\n' },
      { stream: 'stderr', text: 'The Endpoints "web" is invalid: subsets[0]: Required value: must specify `addresses` or `notReadyAddresses`\n' },
    ]);
  });

  it('a valid Endpoints: the deprecation once, then its address warnings, then the result', () => {
    const r = apply(endpoints('subsets:\n- addresses:\n  - ip: 10.1.2.003\n  ports:\n  - port: 80\n'));
    expect(r.chunks).toEqual([
      { stream: 'stderr', text: 'Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice\n' },
      {
        stream: 'stderr',
        text: 'Warning: subsets[0].addresses[0].ip: non-standard IP address "10.1.2.003" will be considered invalid in a future Kubernetes release: use "10.1.2.3"\n',
      },
      { stream: 'stdout', text: 'endpoints/web created\n' },
    ]);
  });
});

describe('warnings come with a write', () => {
  it('re-applying an unchanged Service sends no request (empty patch), so no warning; a change brings it again', () => {
    const c = createCluster();
    const k = (yaml: string) => runKubectl(c, ['apply', '-f', 'x.yaml'], { files: { 'x.yaml': yaml } });
    const warning = 'Warning: spec.trafficDistribution: "PreferClose" is deprecated; use "PreferSameZone"\n';
    expect(k(service('  trafficDistribution: PreferClose\n'))).toMatchObject({ stdout: 'service/web created\n', stderr: warning });
    expect(k(service('  trafficDistribution: PreferClose\n'))).toMatchObject({ stdout: 'service/web unchanged\n', stderr: '' });
    expect(k(service('  trafficDistribution: PreferClose\n', '  labels:\n    tier: web\n'))).toMatchObject({ stdout: 'service/web configured\n', stderr: warning });
  });
});
