// The `slicelab simulate` command end to end: the installed command (bin/slicelab.mjs) on a fixture, the whole JSON compared.
// Expected objects are written from the Kubernetes rules (reference §2, §3, §7, §10), not from output:
//  api-a Ready → slice ready/serving, Endpoints addresses; api-b not Ready → slice ready:false/serving:false,
//  Endpoints notReadyAddresses; api-c terminating → slice ready:false, serving:true, terminating:true, absent
//  from Endpoints; port = the named container port 8080; zone from the Node label; first-sync trigger time =
//  the Service creationTimestamp; labels: Service labels + controller labels.
// Fields the API server makes up (slice name suffix, uids, resourceVersion) are checked for shape, then masked.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const FIXTURE = 'tests/fixtures/simulate-shop-api.yaml';

type Json = Record<string, any>;

function mask(obj: Json): Json {
  const m = obj.metadata;
  expect(m.uid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  expect(m.resourceVersion).toMatch(/^[1-9]\d*$/);
  return { ...obj, metadata: { ...m, uid: '<uid>', resourceVersion: '<rv>' } };
}

const targetRef = (name: string, uid: string) => ({ kind: 'Pod', name, namespace: 'shop', uid });

describe('slicelab simulate', () => {
  it('prints the settled EndpointSlices and Endpoints as JSON', async () => {
    const { stdout } = await run(process.execPath, ['bin/slicelab.mjs', 'simulate', '-o', 'json', FIXTURE]);
    const out = JSON.parse(stdout) as Json;
    expect(Object.keys(out)).toEqual(['endpointSlices', 'endpoints', 'diagnostics']);
    expect(out.endpointSlices).toHaveLength(1);
    const slice = mask(out.endpointSlices[0]);
    expect(slice.metadata.name).toMatch(/^api-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    slice.metadata.name = 'api-<suffix>';
    // Endpoint order inside a slice is unspecified upstream (hash-map order): compare sorted by address.
    slice.endpoints.sort((a: Json, b: Json) => (a.addresses[0] < b.addresses[0] ? -1 : 1));
    expect(slice).toEqual({
      addressType: 'IPv4',
      apiVersion: 'discovery.k8s.io/v1',
      endpoints: [
        {
          addresses: ['10.244.1.5'],
          conditions: { ready: true, serving: true, terminating: false },
          nodeName: 'worker-1',
          targetRef: targetRef('api-a', '0a0a0a0a-0000-4000-8000-00000000000a'),
          zone: 'eu-west-1a',
        },
        {
          addresses: ['10.244.1.6'],
          conditions: { ready: false, serving: false, terminating: false },
          nodeName: 'worker-1',
          targetRef: targetRef('api-b', '0b0b0b0b-0000-4000-8000-00000000000b'),
          zone: 'eu-west-1a',
        },
        {
          addresses: ['10.244.1.7'],
          conditions: { ready: false, serving: true, terminating: true },
          nodeName: 'worker-1',
          targetRef: targetRef('api-c', '0c0c0c0c-0000-4000-8000-00000000000c'),
          zone: 'eu-west-1a',
        },
      ],
      kind: 'EndpointSlice',
      metadata: {
        annotations: { 'endpoints.kubernetes.io/last-change-trigger-time': '2023-12-31T23:00:00Z' },
        creationTimestamp: '2024-01-01T00:00:00Z',
        generateName: 'api-',
        generation: 1,
        labels: {
          'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io',
          'kubernetes.io/service-name': 'api',
          tier: 'backend',
        },
        name: 'api-<suffix>',
        namespace: 'shop',
        ownerReferences: [
          { apiVersion: 'v1', blockOwnerDeletion: true, controller: true, kind: 'Service', name: 'api', uid: '5d0a3c1e-8f0b-4b8e-9a55-0c2f7e1d9a01' },
        ],
        resourceVersion: '<rv>',
        uid: '<uid>',
      },
      ports: [{ name: 'http', port: 8080, protocol: 'TCP' }],
    });
    expect(out.endpoints.map(mask)).toEqual([
      {
        apiVersion: 'v1',
        kind: 'Endpoints',
        metadata: {
          annotations: { 'endpoints.kubernetes.io/last-change-trigger-time': '2023-12-31T23:00:00Z' },
          creationTimestamp: '2024-01-01T00:00:00Z',
          labels: { 'endpoints.kubernetes.io/managed-by': 'endpoint-controller', tier: 'backend' },
          name: 'api',
          namespace: 'shop',
          resourceVersion: '<rv>',
          uid: '<uid>',
        },
        subsets: [
          {
            addresses: [{ ip: '10.244.1.5', nodeName: 'worker-1', targetRef: targetRef('api-a', '0a0a0a0a-0000-4000-8000-00000000000a') }],
            notReadyAddresses: [{ ip: '10.244.1.6', nodeName: 'worker-1', targetRef: targetRef('api-b', '0b0b0b0b-0000-4000-8000-00000000000b') }],
            ports: [{ name: 'http', port: 8080, protocol: 'TCP' }],
          },
        ],
      },
    ]);
    // diagnostics come from src/diagnose (tested there); api-b not being Ready must be among them.
    expect(out.diagnostics).toEqual(
      expect.arrayContaining([expect.objectContaining({ severity: 'warning', object: { kind: 'Pod', namespace: 'shop', name: 'api-b' } })]),
    );
  });

  it('prints the same state as YAML', async () => {
    const [json, yaml] = await Promise.all([
      run(process.execPath, ['bin/slicelab.mjs', 'simulate', '-o', 'json', FIXTURE]),
      run(process.execPath, ['bin/slicelab.mjs', 'simulate', '-o', 'yaml', FIXTURE]),
    ]);
    const { load } = await import('js-yaml');
    expect(load(yaml.stdout)).toEqual(JSON.parse(json.stdout));
  });

  it('exits 1 with a clear message on unreadable input', async () => {
    const err = await run(process.execPath, ['bin/slicelab.mjs', 'simulate', 'tests/fixtures/does-not-exist.yaml']).catch((e) => e);
    expect(err.code).toBe(1);
    expect(err.stderr).toContain('tests/fixtures/does-not-exist.yaml: cannot read: no such file or directory');
    expect(err.stdout).toBe('');
  });

  it('refuses invalid input with the same FILE:LINE:COL lines as slicelab validate', async () => {
    const file = 'tests/fixtures/invalid-service.yaml';
    const [sim, val] = await Promise.all(
      ['simulate', 'validate'].map((cmd) => run(process.execPath, ['bin/slicelab.mjs', cmd, file]).catch((e) => e)),
    );
    expect(sim.code).toBe(1);
    expect(val.code).toBe(1);
    expect(sim.stdout).toBe('');
    expect(sim.stderr).toBe(val.stderr);
    expect(sim.stderr).toContain(`${file}:6:3: Service in version "v1" cannot be handled as a Service: strict decoding error: unknown field "spec.selectr"`);
  });
});
