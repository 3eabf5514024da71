// Port helpers for messages. Resolution itself is podutil.findPort (upstream FindPort): a named
// targetPort is looked up by name AND protocol in the containers, then in sidecars; a number is
// used as is, with no check that anything declares or listens on it.

import type { Container, ContainerPort, Pod, Protocol, ServicePort } from '../sim/types';
import { findPort } from '../sim';

export { findPort };

export function protocolOf(p: { protocol?: Protocol }): Protocol {
  return p.protocol ?? 'TCP';
}

/** Containers whose ports count for Services: regular containers, then sidecars. */
export function portContainers(pod: { spec?: { containers?: Container[]; initContainers?: Container[] } }): Container[] {
  const spec = pod.spec;
  if (!spec) return [];
  return [...(spec.containers ?? []), ...(spec.initContainers ?? []).filter((c) => c.restartPolicy === 'Always')];
}

export function declaredPorts(pod: Pod): ContainerPort[] {
  return portContainers(pod).flatMap((c) => c.ports ?? []);
}

/** How a Service port is named in messages: `http (80/TCP)` or `80/TCP`. */
export function describeServicePort(p: ServicePort): string {
  return p.name ? `${p.name} (${p.port}/${protocolOf(p)})` : `${p.port}/${protocolOf(p)}`;
}

export function describeContainerPort(p: ContainerPort): string {
  return `${p.name ? p.name + ' ' : ''}${p.containerPort}/${protocolOf(p)}`;
}
