// Test fixtures for the kubectl end-to-end tests: the tutorial's pods and Service, and a Deployment.
import { loadAll } from 'js-yaml';
import { createCluster } from '../sim/index';
import type { Cluster, KObject } from '../sim/types';

const pod = (n: number) => `apiVersion: v1
kind: Pod
metadata:
  name: example-${n}
  labels:
    app: example
spec:
  containers:
  - name: server
    image: registry.k8s.io/e2e-test-images/agnhost:2.53
    ports:
    - containerPort: 9376
`;

export const PODS_YAML = [1, 2, 3].map(pod).join('---\n');

/** The Service of the tutorial (the Kubernetes Service docs example): port 80 → targetPort 9376. */
export const SERVICE_YAML = `apiVersion: v1
kind: Service
metadata:
  name: example-service
spec:
  selector:
    app: example
  ports:
  - protocol: TCP
    port: 80
    targetPort: 9376
`;

export const DEPLOYMENT_YAML = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels:
    app: web
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
        ports:
        - containerPort: 80
`;

/** A cluster with the three tutorial pods, five minutes old. */
export function tutorialCluster(extra: string[] = []): Cluster {
  const c = createCluster({});
  c.apply([PODS_YAML, ...extra].flatMap((y) => loadAll(y) as KObject[]).filter(Boolean));
  c.advance(300);
  return c;
}

/** A Ready Node as a kubelet reports it (zone label when given). */
export const readyNode = (name: string, zone?: string): KObject => ({
  apiVersion: 'v1',
  kind: 'Node',
  metadata: zone ? { name, labels: { 'topology.kubernetes.io/zone': zone } } : { name },
  status: { conditions: [{ type: 'Ready', status: 'True' }], nodeInfo: { kubeletVersion: 'v1.35.0' } },
});

/** Deployment web (app=web, one nginx container) with two replicas. */
export const webDeployment = (): KObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'default' },
  spec: {
    replicas: 2,
    selector: { matchLabels: { app: 'web' } },
    template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'app', image: 'nginx' }] } },
  },
});
