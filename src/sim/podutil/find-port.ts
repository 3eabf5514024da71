// Resolution of a Service port's targetPort in a pod. Upstream: pkg/api/v1/pod/util.go FindPort
// (also copied into staging/src/k8s.io/endpointslice/util): a number is used as is; a name must
// match a container port with the same name AND protocol, first in spec.containers, then in
// restartable init containers (sidecars, restartPolicy: Always).

import type { Container, Pod, ServicePort } from '../types';

// The API server defaults both protocols to TCP; default here too for undefaulted input.
const protocolOf = (p: { protocol?: string }) => p.protocol ?? 'TCP';

function searchContainers(containers: Container[] | undefined, name: string, protocol: string): number | undefined {
  for (const c of containers ?? []) {
    for (const port of c.ports ?? []) {
      if (port.name === name && protocolOf(port) === protocol) return port.containerPort;
    }
  }
  return undefined;
}

/** The resolved (container) port number, or undefined when a named targetPort is not found. */
export function findPort(pod: Pod, servicePort: ServicePort): number | undefined {
  const target = servicePort.targetPort ?? servicePort.port; // API default: targetPort = port
  if (typeof target === 'number') return target;
  const protocol = protocolOf(servicePort);
  const found = searchContainers(pod.spec.containers, target, protocol);
  if (found !== undefined) return found;
  const sidecars = (pod.spec.initContainers ?? []).filter((c) => c.restartPolicy === 'Always');
  return searchContainers(sidecars, target, protocol);
}
