// Default nodes for manifests that hold no Node: the kind of small, three-zone cluster a learner pictures.
// Names node-a, node-b, ... (then node-aa, node-ab, ...), zones zone-a/b/c round-robin, Ready, 4 CPUs,
// 110 pods (the kubelet default), one /24 (and /64) pod range each, assigned in creation order.

import type { Node } from '../types';
import { pseudoDigest } from '../podutil/runtime-ids';

/** The Kubernetes version the simulated cluster runs (the course targets 1.35). */
export const KUBELET_VERSION = 'v1.35.0';

function uuidLike(seed: string): string {
  const h = pseudoDigest(seed);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

export const ZONE_LABEL = 'topology.kubernetes.io/zone';
export const HOSTNAME_LABEL = 'kubernetes.io/hostname';
export const DEFAULT_MAX_PODS = 110;

/** a, b, ..., z, aa, ab, ... (bijective base 26). */
export function nodeSuffix(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    n--;
    s = String.fromCharCode(97 + (n % 26)) + s;
    n = Math.floor(n / 26);
  }
  return s;
}

export interface DefaultNodeNetwork {
  podCIDRs: string[];
  internalIPs: string[];
}

export function defaultNode(index: number, net: DefaultNodeNetwork, now: string): Node {
  const name = `node-${nodeSuffix(index)}`;
  const zone = `zone-${nodeSuffix(index % 3)}`;
  const resources = { cpu: '4', 'ephemeral-storage': '100Gi', memory: '16Gi', pods: String(DEFAULT_MAX_PODS) };
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name,
      creationTimestamp: now,
      labels: {
        'beta.kubernetes.io/arch': 'amd64',
        'beta.kubernetes.io/os': 'linux',
        'kubernetes.io/arch': 'amd64',
        [HOSTNAME_LABEL]: name,
        'kubernetes.io/os': 'linux',
        [ZONE_LABEL]: zone,
      },
    },
    spec: { podCIDR: net.podCIDRs[0], podCIDRs: net.podCIDRs },
    status: {
      addresses: [
        ...net.internalIPs.map((address) => ({ type: 'InternalIP', address })),
        { type: 'Hostname', address: name },
      ],
      allocatable: { ...resources },
      capacity: { ...resources },
      // What the kubelet reports about itself (kubectl get nodes VERSION, -o wide, describe node).
      nodeInfo: {
        architecture: 'amd64',
        bootID: uuidLike(`${name}/boot`),
        containerRuntimeVersion: 'containerd://2.1.3',
        kernelVersion: '6.8.0-60-generic',
        kubeProxyVersion: '',
        kubeletVersion: KUBELET_VERSION,
        machineID: pseudoDigest(`${name}/machine`).slice(0, 32),
        operatingSystem: 'linux',
        osImage: 'Ubuntu 24.04.2 LTS',
        systemUUID: uuidLike(`${name}/system`),
      },
      conditions: [
        {
          type: 'Ready',
          status: 'True',
          lastHeartbeatTime: now,
          lastTransitionTime: now,
          reason: 'KubeletReady',
          message: 'kubelet is posting ready status',
        },
      ],
    },
  };
}

// One reading of a Node's readiness (its first Ready condition), shared with the topology cache.
export { isNodeReady } from '../endpointslice';

export function nodeInternalIPs(node: Node | undefined): string[] {
  return (node?.status?.addresses ?? []).filter((a) => a.type === 'InternalIP').map((a) => a.address);
}

export function nodeMaxPods(node: Node): number {
  const v = Number(node.status?.allocatable?.pods);
  return Number.isFinite(v) && v > 0 ? v : DEFAULT_MAX_PODS;
}
