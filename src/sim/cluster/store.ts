// The object store: what etcd + the generic registry do for the simulator.
// Upstream: k8s.io/apiserver/pkg/registry/generic/registry/store.go (create/update/delete bookkeeping),
// the per-kind strategies' PrepareForCreate/PrepareForUpdate (generation rules) and
// k8s.io/apiserver/pkg/storage (resourceVersion is one global, increasing counter).
//
// Stored objects are never mutated in place: an update stores a new object. That lets the settle loop keep
// the old and new versions of a change, and lets callers hand stored objects to pure controllers safely.

import type { Kind, KObject } from '../types';
import { CLUSTER_SCOPED } from '../types';
import { semanticEqual } from './json';
import { uidFromSequence } from './ids';

/** Who made a change: the settle loop routes a controller's own writes differently from user writes. */
export type Actor = 'user' | 'system' | 'endpointslice-controller' | 'endpoints-controller' | 'endpointslicemirroring-controller' | 'garbage-collector';

export interface Change {
  kind: Kind;
  namespace: string;
  name: string;
  old?: KObject;
  obj?: KObject;
  actor: Actor;
}

/** Kinds whose metadata.generation the API server maintains. */
const GENERATION_KINDS: ReadonlySet<string> = new Set(['Pod', 'Deployment', 'ReplicaSet', 'EndpointSlice']);

/** Does the update new-vs-old bump metadata.generation? (per-kind registry strategies) */
export function bumpsGeneration(kind: string, oldObj: KObject, newObj: KObject): boolean {
  if (!GENERATION_KINDS.has(kind)) return false;
  // Every registry bumps generation when a graceful deletion starts (BeforeDelete).
  if (newObj.metadata.deletionTimestamp && !oldObj.metadata.deletionTimestamp) return true;
  if (kind === 'EndpointSlice') {
    // endpointslice/strategy.go: anything outside metadata, or the labels.
    for (const k of new Set([...Object.keys(oldObj), ...Object.keys(newObj)])) {
      if (k === 'metadata') continue;
      if (!semanticEqual(oldObj[k], newObj[k])) return true;
    }
    return !semanticEqual(oldObj.metadata.labels, newObj.metadata.labels);
  }
  // Pods (1.33+ pod generation), Deployments and ReplicaSets: spec changes only.
  return !semanticEqual(oldObj.spec, newObj.spec);
}

export function nsKey(kind: Kind, namespace: string | undefined): string {
  return CLUSTER_SCOPED.has(kind) ? '' : (namespace ?? 'default');
}

export class ObjectStore {
  private readonly data = new Map<Kind, Map<string, Map<string, KObject>>>();
  private rv = 0;
  private uidSeq = 0;
  private changes: Change[] = [];

  constructor(
    private readonly now: () => string,
    /** Called synchronously after every change (indexes and the settle loop's work queues hang off it). */
    private readonly listener?: (change: Change) => void,
  ) {}

  private emit(change: Change): void {
    if (!this.listener) this.changes.push(change);
    this.listener?.(change);
  }

  /** The live map of one kind in one namespace ('' for cluster-scoped kinds). Read-only for callers. */
  bucket(kind: Kind, namespace: string): ReadonlyMap<string, KObject> {
    return this.mutableBucket(kind, namespace);
  }

  private mutableBucket(kind: Kind, namespace: string): Map<string, KObject> {
    let byNs = this.data.get(kind);
    if (!byNs) this.data.set(kind, (byNs = new Map()));
    let b = byNs.get(namespace);
    if (!b) byNs.set(namespace, (b = new Map()));
    return b;
  }

  namespaces(kind: Kind): string[] {
    return [...(this.data.get(kind)?.keys() ?? [])];
  }

  get(kind: Kind, namespace: string | undefined, name: string): KObject | undefined {
    return this.data.get(kind)?.get(nsKey(kind, namespace))?.get(name);
  }

  /** Stored objects of a kind, sorted by namespace then name. */
  list(kind: Kind, namespace?: string): KObject[] {
    const byNs = this.data.get(kind);
    if (!byNs) return [];
    const spaces = namespace === undefined || CLUSTER_SCOPED.has(kind) ? [...byNs.keys()].sort() : [namespace];
    const out: KObject[] = [];
    for (const ns of spaces) {
      const b = byNs.get(ns);
      if (!b) continue;
      const names = [...b.keys()].sort();
      for (const n of names) out.push(b.get(n)!);
    }
    return out;
  }

  nextResourceVersion(): string {
    return String(++this.rv);
  }

  nextUid(): string {
    return uidFromSequence(++this.uidSeq);
  }

  /**
   * Store a new object. Server metadata: uid and creationTimestamp kept when given (the course lets
   * manifests carry them), resourceVersion always assigned, generation 1 for kinds that have one.
   */
  create(obj: KObject, actor: Actor): KObject {
    const kind = obj.kind as Kind;
    const ns = nsKey(kind, obj.metadata.namespace);
    const name = obj.metadata.name!;
    const b = this.mutableBucket(kind, ns);
    if (b.has(name)) throw new Error(`${kind} "${name}" already exists`);
    const metadata = { ...obj.metadata };
    if (!CLUSTER_SCOPED.has(kind)) metadata.namespace = ns;
    else delete metadata.namespace;
    if (!metadata.uid) metadata.uid = this.nextUid();
    if (!metadata.creationTimestamp) metadata.creationTimestamp = this.now();
    metadata.resourceVersion = this.nextResourceVersion();
    if (GENERATION_KINDS.has(kind)) metadata.generation = 1;
    else delete metadata.generation;
    const stored = { ...obj, metadata: orderMetadata(metadata) };
    b.set(name, stored);
    this.emit({ kind, namespace: ns, name, obj: stored, actor });
    return stored;
  }

  /**
   * Replace a stored object. Returns the stored version, or the old one untouched when nothing but
   * resourceVersion would change (the API server does not write no-op updates).
   */
  update(obj: KObject, actor: Actor): KObject {
    const kind = obj.kind as Kind;
    const ns = nsKey(kind, obj.metadata.namespace);
    const name = obj.metadata.name!;
    const b = this.mutableBucket(kind, ns);
    const old = b.get(name);
    if (!old) throw new Error(`${kind} "${name}" not found`);
    const metadata = {
      ...obj.metadata,
      uid: old.metadata.uid,
      creationTimestamp: old.metadata.creationTimestamp,
      resourceVersion: old.metadata.resourceVersion,
      generation: old.metadata.generation,
    };
    if (!CLUSTER_SCOPED.has(kind)) metadata.namespace = ns;
    if (metadata.generation === undefined) delete metadata.generation;
    const candidate: KObject = { ...obj, metadata };
    if (semanticEqualObject(candidate, old)) return old;
    if (bumpsGeneration(kind, old, candidate)) metadata.generation = (old.metadata.generation ?? 0) + 1;
    metadata.resourceVersion = this.nextResourceVersion();
    const stored = { ...candidate, metadata: orderMetadata(metadata) };
    b.set(name, stored);
    this.emit({ kind, namespace: ns, name, old, obj: stored, actor });
    return stored;
  }

  /** Remove an object for good (the end of a deletion). */
  remove(kind: Kind, namespace: string | undefined, name: string, actor: Actor): KObject | undefined {
    const ns = nsKey(kind, namespace);
    const b = this.data.get(kind)?.get(ns);
    const old = b?.get(name);
    if (!b || !old) return undefined;
    b.delete(name);
    this.rv++; // a delete is a write in etcd too
    this.emit({ kind, namespace: ns, name, old, actor });
    return old;
  }

  /** Changes since the last drain, oldest first. */
  drainChanges(): Change[] {
    const out = this.changes;
    this.changes = [];
    return out;
  }

  hasChanges(): boolean {
    return this.changes.length > 0;
  }
}

/** Equality of whole objects the way a no-op update is detected: resourceVersion excluded. */
function semanticEqualObject(a: KObject, b: KObject): boolean {
  const { resourceVersion: _a, ...ma } = a.metadata;
  const { resourceVersion: _b, ...mb } = b.metadata;
  return semanticEqual({ ...a, metadata: ma }, { ...b, metadata: mb });
}

/** Field order of ObjectMeta as the API serialises it, so printed objects look familiar. */
const META_ORDER = [
  'name', 'generateName', 'namespace', 'uid', 'resourceVersion', 'generation', 'creationTimestamp',
  'deletionTimestamp', 'deletionGracePeriodSeconds', 'labels', 'annotations', 'ownerReferences', 'finalizers',
];

function orderMetadata(m: Record<string, unknown>): KObject['metadata'] {
  const out: Record<string, unknown> = {};
  for (const k of META_ORDER) if (m[k] !== undefined) out[k] = m[k];
  for (const k of Object.keys(m)) if (!(k in out) && m[k] !== undefined) out[k] = m[k];
  return out as KObject['metadata'];
}
