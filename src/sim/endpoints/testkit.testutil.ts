// Small object builders for the controller tests.
import type { Pod, Service, ServicePort } from '../types';

export interface PodOpts {
  ns?: string;
  labels?: Record<string, string>;
  ips?: string[];
  ready?: boolean;
  node?: string;
  phase?: 'Pending' | 'Running' | 'Succeeded' | 'Failed';
  deleting?: boolean;
  ports?: { name?: string; containerPort: number; protocol?: 'TCP' | 'UDP' | 'SCTP' }[];
  hostname?: string;
  subdomain?: string;
}

export function mkPod(name: string, o: PodOpts = {}): Pod {
  const ips = o.ips ?? [];
  const pod: Pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: o.ns ?? 'default', uid: `uid-${name}`, labels: o.labels ?? { app: 'web' } },
    spec: {
      nodeName: o.node ?? 'node-a',
      containers: [{ name: 'app', ports: (o.ports ?? [{ name: 'http', containerPort: 8080 }]).map((p) => ({ protocol: 'TCP', ...p })) }],
    },
    status: {
      phase: o.phase ?? 'Running',
      ...(ips.length ? { podIP: ips[0], podIPs: ips.map((ip) => ({ ip })) } : {}),
      conditions: [{ type: 'Ready', status: o.ready === false ? 'False' : 'True' }],
    },
  };
  if (o.deleting) pod.metadata.deletionTimestamp = '2024-01-01T00:05:00Z';
  if (o.hostname) pod.spec.hostname = o.hostname;
  if (o.subdomain) pod.spec.subdomain = o.subdomain;
  return pod;
}

export function mkService(
  name: string,
  o: { ports?: ServicePort[]; labels?: Record<string, string>; clusterIP?: string; families?: ('IPv4' | 'IPv6')[]; pnra?: boolean; selector?: Record<string, string> | null } = {},
): Service {
  const svc: Service = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace: 'default', uid: `uid-svc-${name}`, creationTimestamp: '2024-01-01T00:00:00Z' },
    spec: {
      selector: o.selector === undefined ? { app: 'web' } : o.selector,
      ports: o.ports ?? [{ name: 'http', port: 80, targetPort: 8080, protocol: 'TCP' }],
      clusterIP: o.clusterIP ?? '10.96.0.10',
      ipFamilies: o.families ?? ['IPv4'],
    },
  };
  if (o.labels) svc.metadata.labels = o.labels;
  if (o.pnra) svc.spec.publishNotReadyAddresses = true;
  return svc;
}

/** The address the Endpoints controller writes for a pod made by mkPod. */
export function addr(name: string, ip: string, node = 'node-a') {
  return { ip, nodeName: node, targetRef: { kind: 'Pod', namespace: 'default', name, uid: `uid-${name}` } };
}
