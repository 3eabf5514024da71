// API-server defaults of hand-made Endpoints and EndpointSlices (what `kubectl get -o yaml` shows back).
// Upstream: pkg/apis/discovery/v1/defaults.go (SetDefaults_EndpointPort: name "" and protocol TCP when
// unset) and pkg/apis/core/v1/defaults.go (SetDefaults_EndpointPort: protocol TCP when empty).

import type { CoreEndpointPort, EndpointPort, EndpointSubset, KObject } from '../types';

/** discovery/v1 ports: a missing name becomes "", a missing protocol TCP (port stays as given). */
export function defaultSlicePorts(ports: unknown): unknown {
  if (!Array.isArray(ports)) return ports;
  return (ports as EndpointPort[]).map((p) => {
    if (!p || typeof p !== 'object') return p;
    const out: EndpointPort = { ...p };
    if (out.name === undefined || out.name === null) out.name = '';
    if (out.protocol === undefined || out.protocol === null) out.protocol = 'TCP';
    return out;
  });
}

/** core/v1 Endpoints: every subset port without a protocol gets TCP. */
export function defaultEndpoints(obj: KObject): KObject {
  const subsets = obj.subsets as EndpointSubset[] | undefined;
  if (!Array.isArray(subsets)) return obj;
  return {
    ...obj,
    subsets: subsets.map((s) =>
      s && Array.isArray(s.ports)
        ? { ...s, ports: s.ports.map((p: CoreEndpointPort) => (p && !p.protocol ? { ...p, protocol: 'TCP' as const } : p)) }
        : s,
    ),
  };
}
