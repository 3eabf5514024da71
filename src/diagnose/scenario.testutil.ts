// Test helpers: manifests as the learner would write them, run through the simulator, then diagnose().
// Not a test file itself (vitest collects *.test.ts only).

import type { EndpointSlice, Endpoints, KObject, ObjectRef, Pod, Service } from '../sim/types';
import { simulate } from '../sim/index';
import { diagnose } from './index';
import type { Diagnostic, DiagnosticCode } from './types';

export function run(objects: KObject[], userRefs?: Iterable<ObjectRef | string>): Diagnostic[] {
  const state = simulate(objects);
  return diagnose({ objects, state, userRefs });
}

/** The same shape simulate() returns, read from a cluster a test has driven (setPodReady, rolloutRestart...). */
export { stateOf } from '../sim/index';

export const withCode = (ds: Diagnostic[], code: DiagnosticCode) => ds.filter((d) => d.code === code);
/** Warnings and errors: a healthy Service must produce none. */
export const problems = (ds: Diagnostic[]) => ds.filter((d) => d.severity !== 'info');

type Labels = Record<string, string>;
type Port = { name?: string; containerPort: number; protocol?: 'TCP' | 'UDP' | 'SCTP' };
type SvcPort = { name?: string; port: number; targetPort?: number | string; protocol?: 'TCP' | 'UDP' | 'SCTP' };

export function service(o: { name?: string; ns?: string; selector?: Labels | null; ports?: SvcPort[]; spec?: Record<string, unknown> } = {}): KObject {
  const spec: Record<string, unknown> = { ports: o.ports ?? [{ name: 'http', port: 80, targetPort: 'http' }], ...o.spec };
  if (o.selector !== null) spec.selector = o.selector ?? { app: 'web' };
  return { apiVersion: 'v1', kind: 'Service', metadata: { name: o.name ?? 'web', namespace: o.ns ?? 'shop' }, spec };
}

export function container(o: { ports?: Port[]; probe?: boolean } = {}): Record<string, unknown> {
  return {
    name: 'app',
    image: 'nginx:1.27',
    ...(o.ports === undefined ? { ports: [{ name: 'http', containerPort: 8080 }] } : o.ports.length ? { ports: o.ports } : {}),
    ...(o.probe ? { readinessProbe: { httpGet: { path: '/healthz', port: 8080 } } } : {}),
  };
}

export function deployment(o: { name?: string; ns?: string; labels?: Labels; replicas?: number; ports?: Port[]; probe?: boolean } = {}): KObject {
  const labels = o.labels ?? { app: 'web' };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: o.name ?? 'web', namespace: o.ns ?? 'shop' },
    spec: {
      replicas: o.replicas ?? 3,
      selector: { matchLabels: labels },
      template: { metadata: { labels }, spec: { containers: [container({ ports: o.ports, probe: o.probe })] } },
    },
  };
}

export function pod(o: { name: string; ns?: string; labels?: Labels; ports?: Port[]; spec?: Record<string, unknown>; status?: Record<string, unknown>; metadata?: Record<string, unknown> }): KObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: o.name, namespace: o.ns ?? 'shop', labels: o.labels ?? { app: 'web' }, ...o.metadata },
    spec: { containers: [container({ ports: o.ports })], ...o.spec },
    ...(o.status ? { status: o.status } : {}),
  };
}

export function slice(o: {
  name?: string;
  ns?: string;
  labels?: Labels;
  addressType?: string;
  ports?: Array<{ name?: string; port?: number; protocol?: string }> | null;
  addresses?: string[];
  ready?: boolean;
}): KObject {
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: {
      name: o.name ?? 'db-1',
      namespace: o.ns ?? 'shop',
      labels: o.labels ?? { 'kubernetes.io/service-name': 'db', 'endpointslice.kubernetes.io/managed-by': 'cluster-admins' },
    },
    addressType: o.addressType ?? 'IPv4',
    ...(o.ports === null ? {} : { ports: o.ports ?? [{ name: 'pg', port: 5432, protocol: 'TCP' }] }),
    endpoints: (o.addresses ?? ['192.0.2.10']).map((ip) => ({
      addresses: [ip],
      ...(o.ready === undefined ? {} : { conditions: { ready: o.ready } }),
    })),
  };
}

/** A Service without selector for an external database, port "pg" 5432. */
export function dbService(o: { ns?: string; spec?: Record<string, unknown>; ports?: SvcPort[] } = {}): KObject {
  return service({ name: 'db', ns: o.ns, selector: null, ports: o.ports ?? [{ name: 'pg', port: 5432 }], spec: o.spec });
}

export function endpointsObject(o: { name?: string; ns?: string; ports?: Array<{ name?: string; port: number }>; ips?: string[] } = {}): KObject {
  return {
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: { name: o.name ?? 'db', namespace: o.ns ?? 'shop' },
    subsets: [{ addresses: (o.ips ?? ['192.0.2.10']).map((ip) => ({ ip })), ports: o.ports ?? [{ name: 'pg', port: 5432 }] }],
  };
}

/** A status as the kubelet reports it (for pods whose state the test sets by hand). */
export function status(o: { ready?: boolean; ip?: string | null; phase?: string } = {}): Record<string, unknown> {
  const ip = o.ip === undefined ? '10.244.0.50' : o.ip;
  return {
    phase: o.phase ?? 'Running',
    ...(ip ? { podIP: ip, podIPs: [{ ip }] } : {}),
    conditions: [{ type: 'Ready', status: o.ready === false || (o.phase && o.phase !== 'Running') ? 'False' : 'True' }],
  };
}

/** A Node as a manifest gives it (the simulator adds default nodes only when it must schedule a pod). */
export function node(name: string): KObject {
  return { apiVersion: 'v1', kind: 'Node', metadata: { name, labels: { 'topology.kubernetes.io/zone': 'zone-a' } } };
}
