// Statuses the kubelet and scheduler would write for pods the manifests give without one.
// Condition order as the kubelet writes it (1.29+): PodReadyToStartContainers, Initialized, Ready,
// ContainersReady, PodScheduled. observedGeneration fields: PodObservedGenerationTracking (beta, on, 1.34+).
// A started pod is Ready; one with a readiness probe is made not Ready by pod-lifecycle.ts until its
// initialDelaySeconds pass (readiness.ts); Cluster.setPodReady flips it.

import type { Pod, PodCondition, PodStatus } from '../types';
import { kubeletContainerStatuses } from '../podutil';

export function runningStatus(pod: Pod, now: string, podIPs: string[], hostIPs: string[]): PodStatus {
  const gen = pod.metadata.generation ?? 1;
  const cond = (type: string): PodCondition => ({
    type,
    status: 'True',
    observedGeneration: gen,
    lastProbeTime: null,
    lastTransitionTime: now,
  });
  const status: PodStatus = {
    observedGeneration: gen,
    phase: 'Running',
    conditions: ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled'].map(cond),
  };
  if (hostIPs.length) {
    status.hostIP = hostIPs[0];
    status.hostIPs = hostIPs.map((ip) => ({ ip }));
  }
  if (podIPs.length) {
    status.podIP = podIPs[0];
    status.podIPs = podIPs.map((ip) => ({ ip }));
  }
  status.startTime = now;
  status.containerStatuses = kubeletContainerStatuses(pod, { running: true, ready: true, startedAt: now });
  status.qosClass = 'BestEffort';
  return status;
}

export function unschedulableStatus(pod: Pod, now: string, message: string): PodStatus {
  return {
    observedGeneration: pod.metadata.generation ?? 1,
    phase: 'Pending',
    conditions: [
      {
        type: 'PodScheduled',
        status: 'False',
        observedGeneration: pod.metadata.generation ?? 1,
        lastProbeTime: null,
        lastTransitionTime: now,
        reason: 'Unschedulable',
        message,
      },
    ],
    qosClass: 'BestEffort',
  };
}

/** The pod with its Ready (and ContainersReady) condition set; lastTransitionTime moves only on a flip. */
export function withReadiness(pod: Pod, ready: boolean, now: string): Pod {
  const status = { ...(pod.status ?? {}) };
  const want = ready ? 'True' : 'False';
  const conditions = [...(status.conditions ?? [])];
  for (const type of ['Ready', 'ContainersReady']) {
    const i = conditions.findIndex((c) => c.type === type);
    if (i < 0) {
      conditions.push({ type, status: want, lastProbeTime: null, lastTransitionTime: now });
    } else if (conditions[i].status !== want) {
      const c: PodCondition = { ...conditions[i], status: want, lastTransitionTime: now };
      if (ready) {
        delete c.reason;
        delete c.message;
      } else {
        c.reason = 'ContainersNotReady';
        c.message = `containers with unready status: [${(pod.spec.containers ?? []).map((x) => x.name).join(' ')}]`;
      }
      conditions[i] = c;
    }
  }
  status.conditions = conditions;
  if (Array.isArray(status.containerStatuses)) {
    status.containerStatuses = (status.containerStatuses as Record<string, unknown>[]).map((c) => ({ ...c, ready }));
  }
  return { ...pod, status };
}

/**
 * The pod IP fields as the API server stores and returns them. Upstream: pkg/apis/core/v1/conversion.go
 * (Convert_v1_PodStatus_To_core_PodStatus / Convert_core_PodStatus_To_v1_PodStatus): podIPs is the stored
 * field; a status written with only podIP gets podIPs = [podIP], a podIP that differs from podIPs[0] wins
 * (older kubelets), and podIP is read back as podIPs[0]. The endpoint controllers read podIPs only.
 */
export function withPodIPFields(status: PodStatus): PodStatus {
  const podIP = status.podIP ?? '';
  const podIPs = status.podIPs ?? [];
  if (podIP === '' && podIPs.length === 0) return status;
  const ips = podIP !== '' && (podIPs.length === 0 || podIPs[0].ip !== podIP) ? [{ ip: podIP }] : podIPs;
  return { ...status, podIP: ips[0].ip, podIPs: ips };
}
