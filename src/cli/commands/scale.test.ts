// Whole clusters through the installed command (bin/slicelab.mjs, the compiled CLI), as a learner runs it:
// 1,200 pods (the course's "Endpoints stops at 1,000" lesson), 10,000 pods, a Deployment of 10,000
// replicas, and an object too large for the API server. Inputs are generated here into a temp dir.
// Expected objects follow the upstream rules (reference §6, §10; pkg/controller/endpoint truncateEndpoints):
//  - EndpointSlices: first sync of N endpoints → ⌈N/100⌉ slices, all full (1,200 → 12 × 100);
//  - Endpoints: addresses sorted by IP as a byte string; over 1,000 → the annotation
//    endpoints.kubernetes.io/over-capacity: truncated; ready ones kept first: when the ready ones fit,
//    all are kept and the not-ready list is cut to what is left (its first entries in sorted order);
//    when they do not, the first 1,000 ready ones are kept and no not-ready one.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const exec = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'slicelab-scale-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Json = Record<string, any>;

function slicelab(...args: string[]) {
  return exec(process.execPath, ['bin/slicelab.mjs', ...args], { maxBuffer: 256 * 1024 * 1024 });
}

function write(name: string, docs: object[]): string {
  const file = join(dir, name);
  writeFileSync(file, docs.map((d) => JSON.stringify(d)).join('\n---\n') + '\n');
  return file;
}

const SERVICE_UID = '5d0a3c1e-8f0b-4b8e-9a55-0c2f7e1d9a01';
const service = {
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'web', namespace: 'default', uid: SERVICE_UID, creationTimestamp: '2023-12-31T23:00:00Z', labels: { tier: 'backend' } },
  spec: { selector: { app: 'web' }, clusterIP: '10.96.12.34', ports: [{ name: 'http', port: 80, targetPort: 'http' }] },
};
const container = { name: 'app', image: 'registry.k8s.io/e2e-test-images/agnhost:2.53', ports: [{ name: 'http', containerPort: 8080 }] };

interface GivenPod {
  name: string;
  uid: string;
  node: string;
  ip: string;
  ready: boolean;
}

/** 1,200 pods on 12 nodes with their status given; every 4th one is not ready (900 ready, 300 not). */
function pods1200(): GivenPod[] {
  return Array.from({ length: 1200 }, (_, k) => ({
    name: `web-${String(k).padStart(4, '0')}`,
    uid: `00000000-0000-4000-8000-${String(k).padStart(12, '0')}`,
    node: `worker-${String(Math.floor(k / 100) + 1).padStart(2, '0')}`,
    ip: `10.244.${Math.floor(k / 100) + 1}.${(k % 100) + 2}`,
    ready: k % 4 !== 3,
  }));
}

const nodeObject = (name: string) => ({
  apiVersion: 'v1',
  kind: 'Node',
  metadata: { name, labels: { 'kubernetes.io/hostname': name, 'topology.kubernetes.io/zone': 'eu-west-1a' } },
  status: { conditions: [{ type: 'Ready', status: 'True' }] },
});

const podObject = (p: GivenPod) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: p.name, namespace: 'default', uid: p.uid, labels: { app: 'web' } },
  spec: { nodeName: p.node, containers: [container] },
  status: {
    phase: 'Running',
    podIP: p.ip,
    podIPs: [{ ip: p.ip }],
    conditions: [{ type: 'Ready', status: p.ready ? 'True' : 'False', lastTransitionTime: '2023-12-31T22:00:00Z' }],
  },
});

const byteOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0); // ASCII: UTF-16 order is byte order
const targetRef = (name: string, uid: string) => ({ kind: 'Pod', name, namespace: 'default', uid });

function maskMeta(obj: Json): Json {
  const m = obj.metadata;
  expect(m.uid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  expect(m.resourceVersion).toMatch(/^[1-9]\d*$/);
  return { ...obj, metadata: { ...m, uid: '<uid>', resourceVersion: '<rv>' } };
}

/** Every slice masked (name, uid, rv, endpoints) must equal this; the endpoints are checked as a set. */
function sliceTemplate(): Json {
  return {
    addressType: 'IPv4',
    apiVersion: 'discovery.k8s.io/v1',
    endpoints: '<endpoints>',
    kind: 'EndpointSlice',
    metadata: {
      annotations: { 'endpoints.kubernetes.io/last-change-trigger-time': '2023-12-31T23:00:00Z' },
      creationTimestamp: '2024-01-01T00:00:00Z',
      generateName: 'web-',
      generation: 1,
      labels: {
        'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io',
        'kubernetes.io/service-name': 'web',
        tier: 'backend',
      },
      name: '<name>',
      namespace: 'default',
      ownerReferences: [{ apiVersion: 'v1', blockOwnerDeletion: true, controller: true, kind: 'Service', name: 'web', uid: SERVICE_UID }],
      resourceVersion: '<rv>',
      uid: '<uid>',
    },
    ports: [{ name: 'http', port: 8080, protocol: 'TCP' }],
  };
}

function endpointsObject(subset: Json): Json {
  return {
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: {
      annotations: {
        'endpoints.kubernetes.io/last-change-trigger-time': '2023-12-31T23:00:00Z',
        'endpoints.kubernetes.io/over-capacity': 'truncated',
      },
      creationTimestamp: '2024-01-01T00:00:00Z',
      labels: { 'endpoints.kubernetes.io/managed-by': 'endpoint-controller', tier: 'backend' },
      name: 'web',
      namespace: 'default',
      resourceVersion: '<rv>',
      uid: '<uid>',
    },
    subsets: [{ ...subset, ports: [{ name: 'http', port: 8080, protocol: 'TCP' }] }],
  };
}

function checkSlices(slices: Json[], count: number): Json[] {
  expect(slices).toHaveLength(count);
  for (const s of slices) {
    const masked = maskMeta(s);
    expect(masked.metadata.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(s.endpoints).toHaveLength(100);
    expect({ ...masked, endpoints: '<endpoints>', metadata: { ...masked.metadata, name: '<name>' } }).toEqual(sliceTemplate());
  }
  return slices.flatMap((s) => s.endpoints);
}

describe('slicelab simulate on whole clusters', () => {
  it('1,200 pods: 12 full slices, and an Endpoints object truncated to 1,000 addresses, ready ones first', async () => {
    const pods = pods1200();
    const nodes = [...new Set(pods.map((p) => p.node))].map(nodeObject);
    const file = write('pods-1200.yaml', [...nodes, service, ...pods.map(podObject)]);
    const { stdout } = await slicelab('simulate', '-o', 'json', file);
    const out = JSON.parse(stdout) as Json;

    const endpoints = checkSlices(out.endpointSlices, 12);
    const expectedEndpoints = pods.map((p) => ({
      addresses: [p.ip],
      conditions: { ready: p.ready, serving: p.ready, terminating: false },
      nodeName: p.node,
      targetRef: targetRef(p.name, p.uid),
      zone: 'eu-west-1a',
    }));
    const byIp = (a: Json, b: Json) => byteOrder(a.addresses[0], b.addresses[0]);
    expect([...endpoints].sort(byIp)).toEqual([...expectedEndpoints].sort(byIp));

    // 900 ready fit: all kept; the 300 not-ready ones are cut to the 100 first in IP byte order
    const address = (p: GivenPod) => ({ ip: p.ip, nodeName: p.node, targetRef: targetRef(p.name, p.uid) });
    const sorted = [...pods].sort((a, b) => byteOrder(a.ip, b.ip));
    const ready = sorted.filter((p) => p.ready).map(address);
    const notReady = sorted.filter((p) => !p.ready).map(address);
    expect(ready).toHaveLength(900);
    expect(out.endpoints.map(maskMeta)).toEqual([endpointsObject({ addresses: ready, notReadyAddresses: notReady.slice(0, 100) })]);
  }, 120_000);

  it('10,000 pods scheduled by the simulator: 100 full slices with every pod once, Endpoints of the first 1,000 addresses', async () => {
    const names = Array.from({ length: 10_000 }, (_, i) => `web-${String(i).padStart(5, '0')}`);
    const podDocs = names.map((name) => ({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name, namespace: 'default', labels: { app: 'web' } },
      spec: { containers: [container] },
    }));
    const file = write('pods-10000.yaml', [service, ...podDocs]);
    const { stdout } = await slicelab('simulate', '-o', 'json', file);
    const out = JSON.parse(stdout) as Json;

    const endpoints = checkSlices(out.endpointSlices, 100);
    expect(endpoints.map((e) => e.targetRef.name).sort()).toEqual(names);
    const ips = endpoints.map((e) => e.addresses[0]);
    expect(new Set(ips).size).toBe(10_000);
    for (const e of endpoints) {
      expect(Object.keys(e).sort()).toEqual(['addresses', 'conditions', 'nodeName', 'targetRef', 'zone']);
      expect(e.conditions).toEqual({ ready: true, serving: true, terminating: false });
    }
    // all 10,000 are ready, more than fit: the first 1,000 in IP byte order are kept, none not-ready
    const kept = [...endpoints]
      .sort((a, b) => byteOrder(a.addresses[0], b.addresses[0]))
      .slice(0, 1000)
      .map((e) => ({ ip: e.addresses[0], nodeName: e.nodeName, targetRef: e.targetRef }));
    expect(out.endpoints.map(maskMeta)).toEqual([endpointsObject({ addresses: kept })]);
  }, 180_000);
});

describe('slicelab reads what kubectl apply -f would send', () => {
  it('50,000 objects in two --cluster files', async () => {
    const names = (prefix: string) => Array.from({ length: 25_000 }, (_, i) => `${prefix}-${String(i).padStart(5, '0')}`);
    const a = write('ns-a.yaml', names('a').map((name) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } })));
    const b = write('ns-b.yaml', names('b').map((name) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } })));
    const { stdout } = await slicelab('kubectl', '--cluster', a, '--cluster', b, '--', 'get', 'namespaces', '-o', 'name');
    const expected = [...names('a'), ...names('b'), 'default', 'kube-node-lease', 'kube-public', 'kube-system'].map((n) => `namespace/${n}`);
    expect(stdout.split('\n').filter(Boolean).sort()).toEqual(expected.sort());
  }, 180_000);

  it('64 MiB in one file (46 Pods of 1.4 MiB each, each under both per-object limits)', async () => {
    const pods = Array.from({ length: 46 }, (_, i) => ({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: `p${i}` },
      spec: { containers: [{ name: 'app', image: 'nginx:1.27', args: ['x'.repeat(1.4 * 1024 * 1024)] }] },
    }));
    const file = write('big-64mib.yaml', pods);
    expect(Buffer.byteLength(pods.map((p) => JSON.stringify(p)).join('\n---\n'))).toBeGreaterThan(64 * 1024 * 1024);
    const { stdout, stderr } = await slicelab('validate', file);
    expect({ stdout, stderr }).toEqual({ stdout: `${file}: 46 objects valid\n`, stderr: '' });
  }, 180_000);
});

describe('slicelab kubectl on whole clusters', () => {
  it('a Deployment of 10,000 replicas: 100 EndpointSlices of 100 endpoints, as kubectl get prints them', async () => {
    const deployment = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', namespace: 'default' },
      spec: { replicas: 10_000, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [container] } } },
    };
    const file = write('deployment-10000.yaml', [deployment, service]);
    const slices = await slicelab('kubectl', '--cluster', file, '--', 'get', 'endpointslices');
    const lines = slices.stdout.split('\n');
    expect(lines.pop()).toBe('');
    // the ENDPOINTS column is as wide as its longest value plus 3
    const width = Math.max('ENDPOINTS'.length, ...lines.slice(1).map((l) => l.slice(34).replace(/ +0s$/, '').length)) + 3;
    expect(lines[0]).toBe(`NAME        ADDRESSTYPE   PORTS   ${'ENDPOINTS'.padEnd(width)}AGE`);
    expect(lines).toHaveLength(101);
    const ip = String.raw`10\.244\.\d+\.\d+`;
    for (const l of lines.slice(1)) expect(l).toMatch(new RegExp(`^web-[bcdfghjklmnpqrstvwxz2456789]{5}   IPv4          8080    ${ip},${ip},${ip} \\+ 97 more\\.\\.\\. +0s$`));
    expect(lines.slice(1).every((l) => l.slice(34).replace(/0s$/, '').length === width)).toBe(true);

    const deploy = await slicelab('kubectl', '--cluster', file, '--', 'get', 'deployment', 'web');
    expect(deploy.stdout).toBe('NAME   READY         UP-TO-DATE   AVAILABLE   AGE\nweb    10000/10000   10000        10000       0s\n');
  }, 180_000);

  it('kubectl apply of an object over 3 MiB: the API server refuses that one (413), the others are created', async () => {
    const big = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'big' }, spec: { containers: [{ name: 'app', image: 'nginx:1.27', args: ['x'.repeat(3.2 * 1024 * 1024)] }] } };
    const ns = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'after' } };
    const file = write('too-large.yaml', [big, ns]);
    const err = await slicelab('kubectl', '--', 'apply', '-f', file).catch((e) => e);
    expect(err.code).toBe(1);
    expect(err.stdout).toBe('namespace/after created\n');
    expect(err.stderr).toBe(`Error from server (RequestEntityTooLarge): error when creating "${file}": Request entity too large: limit is 3145728\n`);
  }, 60_000);

  it('kubectl apply of a valid 2 MiB object: etcd refuses to store it, passed on without a reason', async () => {
    const chunky = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'chunky' }, spec: { containers: [{ name: 'app', image: 'nginx:1.27', args: ['x'.repeat(2 * 1024 * 1024)] }] } };
    const file = write('etcd-too-large.yaml', [chunky]);
    const err = await slicelab('kubectl', '--', 'apply', '-f', file).catch((e) => e);
    expect(err.code).toBe(1);
    expect({ stdout: err.stdout, stderr: err.stderr }).toEqual({ stdout: '', stderr: `Error from server: error when creating "${file}": etcdserver: request is too large\n` });
  }, 60_000);

  it('slicelab simulate names the file, line and object of a too-large object', async () => {
    const big = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'big' }, spec: { containers: [{ name: 'app', image: 'nginx:1.27', args: ['x'.repeat(3.2 * 1024 * 1024)] }] } };
    const file = write('too-large-sim.yaml', [service, big]);
    const err = await slicelab('simulate', file).catch((e) => e);
    expect(err.code).toBe(1);
    const bytes = Buffer.byteLength(JSON.stringify(big));
    expect(err.stderr).toBe(
      `${file}:3:27: Request entity too large: limit is 3145728\n  hint: Pod "big" is ${bytes} bytes as JSON; the API server reads at most 3145728 bytes (3 MiB) in one request\n`,
    );
  }, 60_000);
});
