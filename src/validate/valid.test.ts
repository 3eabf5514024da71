// Valid manifests pass untouched: every object comes back, equal to what the YAML says.
import { describe, expect, it } from 'vitest';
import { load } from 'js-yaml';
import { validateManifests } from './index';
import { VALID_MANIFESTS } from './fixtures.testutil';

describe('valid manifests', () => {
  it('accepts one of every supported kind, unchanged', () => {
    const r = validateManifests(VALID_MANIFESTS);
    expect(r.errors).toEqual([]);
    const docs = VALID_MANIFESTS.split(/^---$/m).map((d) => load(d));
    expect(r.objects.map((o) => o.object)).toEqual(docs);
    expect(r.objects.map((o) => o.doc)).toEqual(docs.map((_, i) => i));
  });

  it('accepts an EndpointSlice port of 70000 and of 0 (the API server does not check slice port numbers)', () => {
    const r = validateManifests(
      'apiVersion: discovery.k8s.io/v1\nkind: EndpointSlice\nmetadata:\n  name: s\naddressType: IPv4\nendpoints: []\nports:\n- port: 70000\n- name: b\n  port: 0\n',
    );
    expect(r.errors).toEqual([]);
    expect(r.objects).toHaveLength(1);
  });

  it('accepts null fields as Go does (labels: with nothing under it)', () => {
    const r = validateManifests('apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  labels:\nspec:\n  selector:\n  ports:\n  - port: 80\n');
    expect(r.errors).toEqual([]);
  });

  it('accepts a Service name starting with a digit when RelaxedServiceNameValidation is on', () => {
    const r = validateManifests('apiVersion: v1\nkind: Service\nmetadata:\n  name: 1web\nspec:\n  ports:\n  - port: 80\n', { serviceNameValidation: 'relaxed' });
    expect(r.errors).toEqual([]);
  });

  it('warns on v1 Endpoints also when the API server then refuses it (the installer warns before validation)', () => {
    const r = validateManifests('apiVersion: v1\nkind: Endpoints\nmetadata:\n  name: e\nsubsets:\n- ports:\n  - port: 80\n');
    expect(r.errors.map((e) => e.message)).toEqual(['The Endpoints "e" is invalid: subsets[0]: Required value: must specify `addresses` or `notReadyAddresses`']);
    expect(r.warnings.map((w) => w.message)).toEqual(['v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice']);
  });

  it('warns (no error) on v1 Endpoints, as the 1.33+ API server does', () => {
    const r = validateManifests(VALID_MANIFESTS);
    expect(r.warnings.map((w) => w.message)).toEqual(['v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice']);
  });

  it('accepts legacy IP forms in Endpoints and clusterIP (StrictIPCIDRValidation is off in 1.35) with the server warnings', () => {
    const r = validateManifests(
      'apiVersion: v1\nkind: Endpoints\nmetadata:\n  name: e\nsubsets:\n- addresses:\n  - ip: 010.1.2.3\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  clusterIP: fd00:0::10\n  ports:\n  - port: 80\n',
    );
    expect(r.errors).toEqual([]);
    // the deprecation comes first: the apiserver installer adds it before the handler validates
    expect(r.warnings.map((w) => w.message)).toEqual([
      'v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice',
      'subsets[0].addresses[0].ip: non-standard IP address "010.1.2.3" will be considered invalid in a future Kubernetes release: use "10.1.2.3"',
      'spec.clusterIPs[0]: IPv6 address "fd00:0::10" should be in RFC 5952 canonical format ("fd00::10")',
    ]);
    expect(r.warnings[1].range.start).toEqual({ line: 7, col: 9 });
    expect(r.warnings[2].path).toBe('/spec/clusterIP');
  });

  it('validates a 200-object manifest (timed by npm run bench)', () => {
    const one = (i: number) =>
      `apiVersion: v1\nkind: Service\nmetadata:\n  name: svc-${i}\n  labels: {app: a${i}}\nspec:\n  selector:\n    app: a${i}\n  ports:\n  - name: http\n    port: 80\n    targetPort: 8080\n`;
    const text = Array.from({ length: 200 }, (_, i) => one(i)).join('---\n');
    const r = validateManifests(text);
    expect(r.errors).toEqual([]);
    expect(r.objects).toHaveLength(200);
  });
});
