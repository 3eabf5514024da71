// What changed between two simulated clusters, for the panels to mark and screen readers to hear:
// EndpointSlices and Endpoints created, updated or deleted, and slice endpoints that became ready or
// not ready. Pure: it compares the objects' content, not their resourceVersions (each edit simulates
// the cluster afresh, so versions say nothing about what the learner's change did).
import type { Endpoint, EndpointSlice, KObject } from '../sim/types';

export type ObjectChange = 'created' | 'updated' | 'deleted';

export interface ReadinessChange {
  /** The slice's name. */
  slice: string;
  address: string;
  /** The pod behind the endpoint, when the slice names it. */
  pod?: string;
  ready: boolean;
}

export interface Changes {
  /** Per kind ('EndpointSlice', 'Endpoints'), object key (namespace/name) to what happened to it. */
  objects: Map<string, Map<string, ObjectChange>>;
  readiness: ReadinessChange[];
}

const keyOf = (o: KObject) => `${o.metadata.namespace ?? 'default'}/${o.metadata.name ?? ''}`;

/** The parts of an object a learner's change can alter (not its bookkeeping metadata). */
function content(o: KObject): string {
  const { metadata, ...rest } = o as KObject & Record<string, unknown>;
  const annotations = Object.entries(metadata.annotations ?? {}).filter(([k]) => !k.endsWith('last-change-trigger-time'));
  return JSON.stringify({ labels: metadata.labels ?? {}, annotations, ...rest });
}

function objectChanges(before: KObject[], after: KObject[]): Map<string, ObjectChange> {
  const old = new Map(before.map((o) => [keyOf(o), o]));
  const out = new Map<string, ObjectChange>();
  for (const o of after) {
    const prev = old.get(keyOf(o));
    if (!prev) out.set(keyOf(o), 'created');
    else if (content(prev) !== content(o)) out.set(keyOf(o), 'updated');
    old.delete(keyOf(o));
  }
  for (const key of old.keys()) out.set(key, 'deleted');
  return out;
}

/** An endpoint is ready unless its slice says ready: false (the API's "unknown" counts as ready). */
const isReady = (e: Endpoint) => e.conditions?.ready !== false;
const endpointKey = (e: Endpoint) => e.targetRef?.uid ?? e.targetRef?.name ?? e.addresses[0] ?? '';

function readinessChanges(before: EndpointSlice[], after: EndpointSlice[]): ReadinessChange[] {
  // By Service and endpoint, not by slice: an endpoint that moved slices but kept its readiness did not change.
  const service = (s: EndpointSlice) => `${s.metadata.namespace ?? 'default'}/${s.metadata.labels?.['kubernetes.io/service-name'] ?? s.metadata.name}`;
  const was = new Map<string, boolean>();
  for (const s of before) for (const e of s.endpoints ?? []) was.set(`${service(s)} ${endpointKey(e)}`, isReady(e));
  const out: ReadinessChange[] = [];
  for (const s of after)
    for (const e of s.endpoints ?? []) {
      const prev = was.get(`${service(s)} ${endpointKey(e)}`);
      if (prev !== undefined && prev !== isReady(e))
        out.push({ slice: s.metadata.name ?? '', address: e.addresses[0] ?? '', pod: e.targetRef?.name, ready: isReady(e) });
    }
  return out;
}

export interface ClusterObjects {
  slices: EndpointSlice[];
  endpoints: KObject[];
}

export function clusterChanges(before: ClusterObjects, after: ClusterObjects): Changes {
  return {
    objects: new Map([
      ['EndpointSlice', objectChanges(before.slices, after.slices)],
      ['Endpoints', objectChanges(before.endpoints, after.endpoints)],
    ]),
    readiness: readinessChanges(before.slices, after.slices),
  };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : word.endsWith('s') ? '' : 's'}`;

/** One short sentence for screen readers, or '' when nothing the panels show changed. */
export function describeChanges(c: Changes): string {
  const parts: string[] = [];
  for (const kind of ['EndpointSlice', 'Endpoints']) {
    const changes = [...(c.objects.get(kind)?.values() ?? [])];
    for (const what of ['created', 'updated', 'deleted'] as const) {
      const n = changes.filter((x) => x === what).length;
      if (n) parts.push(`${plural(n, kind)} ${what}`);
    }
  }
  const ready = c.readiness.filter((r) => r.ready).length;
  const notReady = c.readiness.length - ready;
  if (ready) parts.push(`${plural(ready, 'endpoint')} became ready`);
  if (notReady) parts.push(`${plural(notReady, 'endpoint')} became not ready`);
  return parts.join(', ');
}

export const hasChanges = (c: Changes) => c.readiness.length > 0 || [...c.objects.values()].some((m) => m.size > 0);
