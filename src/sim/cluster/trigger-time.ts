// endpoints.kubernetes.io/last-change-trigger-time bookkeeping, one tracker per controller.
// Upstream: staging/src/k8s.io/endpointslice/util/trigger_time_tracker.go (ComputeEndpointLastChangeTriggerTime).
// First sync of a Service → its creationTimestamp; later → the earliest Ready-condition lastTransitionTime
// among selected pods whose value moved forward since the previous sync (undefined = no annotation).
// Besides the full computation, an incremental one takes only the pods known to have changed: pods that
// did not change keep the same trigger time, so both give the same answer (the fast path for big Services).

import type { Pod, Service } from '../types';
import { getPodReadyCondition } from '../podutil';

interface ServiceState {
  lastServiceTriggerTime: number;
  /** Built on first use from `pods`: a first sync only needs the Service's time (see compute). */
  times?: Map<string, number>;
  pods?: readonly Pod[];
}

/** The pod trigger times recorded at the previous sync, by pod name. */
function lastPodTriggerTimes(state: ServiceState): Map<string, number> {
  if (!state.times) {
    state.times = new Map();
    for (const pod of state.pods ?? []) {
      const t = podTriggerTime(pod);
      if (t !== 0) state.times.set(pod.metadata.name!, t);
    }
    state.pods = undefined;
  }
  return state.times;
}

// Pods started together share their transition times: parse each distinct timestamp once.
const parsed = new Map<string, number>();

function parseTime(t: string): number {
  let ms = parsed.get(t);
  if (ms === undefined) {
    if (parsed.size >= 10_000) parsed.clear();
    ms = Date.parse(t);
    parsed.set(t, ms);
  }
  return ms;
}

function podTriggerTime(pod: Pod): number {
  const t = getPodReadyCondition(pod.status)?.lastTransitionTime;
  const ms = t ? parseTime(t) : NaN;
  return Number.isNaN(ms) ? 0 : ms;
}

function serviceTriggerTime(svc: Service): number {
  const ms = svc.metadata.creationTimestamp ? Date.parse(svc.metadata.creationTimestamp) : NaN;
  return Number.isNaN(ms) ? 0 : ms;
}

function minSet(current: number, value: number): number {
  return current === 0 || value < current ? value : current;
}

export class TriggerTimeTracker {
  private readonly states = new Map<string, ServiceState>();

  /** Full computation over every selected pod (epoch ms, 0 = none). */
  compute(key: string, svc: Service, pods: Pod[]): number {
    const state = this.states.get(key);
    const st = serviceTriggerTime(svc);
    if (!state) {
      // First sync: the answer is the Service's creation time; the pods' times are recorded lazily
      // (a copy of the list: the caller may reuse its array).
      this.states.set(key, { lastServiceTriggerTime: st, pods: pods.slice() });
      return st;
    }
    const previous = lastPodTriggerTimes(state);
    let min = 0;
    const times = new Map<string, number>();
    for (const pod of pods) {
      const t = podTriggerTime(pod);
      if (t === 0) continue;
      times.set(pod.metadata.name!, t);
      if (t > (previous.get(pod.metadata.name!) ?? 0)) min = minSet(min, t);
    }
    if (st > state.lastServiceTriggerTime) min = minSet(min, st);
    this.states.set(key, { lastServiceTriggerTime: st, times });
    return min;
  }

  /**
   * Same result as `compute` when only `changed` pods differ from the previous sync of an already known
   * Service (`current(name)` gives the pod if it still exists and is selected). Falls back to `undefined`
   * when the Service is unknown, so the caller runs the full computation.
   */
  computeIncremental(key: string, svc: Service, changed: Iterable<string>, current: (name: string) => Pod | undefined): number | undefined {
    const state = this.states.get(key);
    if (!state) return undefined;
    let min = 0;
    for (const name of changed) {
      const pod = current(name);
      const t = pod ? podTriggerTime(pod) : 0;
      const times = lastPodTriggerTimes(state);
      const before = times.get(name) ?? 0;
      if (t === 0) {
        times.delete(name);
        continue;
      }
      times.set(name, t);
      if (t > before) min = minSet(min, t);
    }
    const st = serviceTriggerTime(svc);
    if (st > state.lastServiceTriggerTime) min = minSet(min, st);
    state.lastServiceTriggerTime = st;
    return min;
  }

  delete(key: string): void {
    this.states.delete(key);
  }
}

/** RFC 3339 with nanoseconds, trailing zeros dropped (Go's time.RFC3339Nano) — whole seconds here. */
export function formatTriggerTime(ms: number): string | undefined {
  if (ms === 0) return undefined;
  const iso = new Date(ms).toISOString();
  return iso.replace(/\.(\d*?)0*Z$/, (_m, frac: string) => (frac ? `.${frac}Z` : 'Z'));
}
