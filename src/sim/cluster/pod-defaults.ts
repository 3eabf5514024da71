// API-server defaults for pod specs (Pods and the templates of Deployments/ReplicaSets), limited to the
// fields that show up in `kubectl get -o yaml` and matter for endpoints or deletion.
// Upstream: pkg/apis/core/v1/defaults.go (SetDefaults_PodSpec, SetDefaults_Container, SetDefaults_ContainerPort).

import type { Container, PodSpec } from '../types';

export function defaultPodSpec(spec: PodSpec | undefined): PodSpec {
  const out: PodSpec = { ...(spec ?? { containers: [] }) };
  out.containers = (out.containers ?? []).map(defaultContainer);
  if (out.initContainers) out.initContainers = out.initContainers.map(defaultContainer);
  if (!out.restartPolicy) out.restartPolicy = 'Always';
  if (out.terminationGracePeriodSeconds === undefined) out.terminationGracePeriodSeconds = 30;
  if (!out.dnsPolicy) out.dnsPolicy = 'ClusterFirst';
  if (!out.schedulerName) out.schedulerName = 'default-scheduler';
  if (!out.securityContext) out.securityContext = {};
  return out;
}

function defaultContainer(c: Container): Container {
  const out: Container = { ...c };
  if (out.ports) out.ports = out.ports.map((p) => (p.protocol ? { ...p } : { ...p, protocol: 'TCP' }));
  if (!out.imagePullPolicy) out.imagePullPolicy = imagePullPolicyFor(out.image);
  if (!out.terminationMessagePath) out.terminationMessagePath = '/dev/termination-log';
  if (!out.terminationMessagePolicy) out.terminationMessagePolicy = 'File';
  if (!out.resources) out.resources = {};
  return out;
}

/** SetDefaults_Container: Always for ":latest" or untagged images, IfNotPresent otherwise. */
function imagePullPolicyFor(image: string | undefined): string {
  if (!image) return 'IfNotPresent';
  if (image.includes('@')) return 'IfNotPresent';
  const lastPart = image.slice(image.lastIndexOf('/') + 1);
  const tag = lastPart.includes(':') ? lastPart.slice(lastPart.indexOf(':') + 1) : '';
  return tag === '' || tag === 'latest' ? 'Always' : 'IfNotPresent';
}
