// When a started pod turns Ready. Upstream: pkg/kubelet/prober (worker.go): the readiness result is
// Failure until the container has run initialDelaySeconds, then the first successful probe sets it.
// Probes are taken to succeed; periodSeconds jitter is not simulated (Ready exactly at the delay).

import type { Pod } from '../types';

/** The longest readiness initialDelaySeconds of the pod's containers; undefined when none has a probe. */
export function readinessDelaySeconds(pod: Pod): number | undefined {
  let delay: number | undefined;
  for (const c of pod.spec.containers ?? []) {
    const probe = c.readinessProbe as { initialDelaySeconds?: unknown } | undefined;
    if (!probe || typeof probe !== 'object') continue;
    const d = typeof probe.initialDelaySeconds === 'number' && probe.initialDelaySeconds > 0 ? probe.initialDelaySeconds : 0;
    delay = Math.max(delay ?? 0, d);
  }
  return delay;
}

/** podutil.IsPodAvailable: Ready for at least minReadySeconds (always, when minReadySeconds is 0). */
export function isPodAvailableAt(pod: Pod, minReadySeconds: number, nowMs: number): boolean {
  const ready = pod.status?.conditions?.find((c) => c.type === 'Ready');
  if (ready?.status !== 'True') return false;
  if (minReadySeconds <= 0) return true;
  const since = Date.parse(String(ready.lastTransitionTime ?? ''));
  return !Number.isNaN(since) && since + minReadySeconds * 1000 <= nowMs;
}

/** When a Ready pod becomes available (epoch ms), or undefined when it already is or is not Ready. */
export function availableAt(pod: Pod, minReadySeconds: number, nowMs: number): number | undefined {
  if (minReadySeconds <= 0) return undefined;
  const ready = pod.status?.conditions?.find((c) => c.type === 'Ready');
  if (ready?.status !== 'True') return undefined;
  const t = Date.parse(String(ready.lastTransitionTime ?? '')) + minReadySeconds * 1000;
  return Number.isNaN(t) || t <= nowMs ? undefined : t;
}
