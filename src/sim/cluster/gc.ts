// Garbage collector (background propagation): dependents whose owners are all gone are deleted.
// Upstream: pkg/controller/garbagecollector (attemptToDeleteItem: an object is deleted when none of its
// ownerReferences points at an existing owner).

import type { Kind, Pod } from '../types';
import { objectKey, splitKey, type OwnerIndex } from './indexes';
import type { PodLifecycle } from './pod-lifecycle';
import type { Change, ObjectStore } from './store';

export interface GarbageCollectorDeps {
  store: ObjectStore;
  owners: OwnerIndex;
  pods: PodLifecycle;
  /** The garbage collector's delete of an endpoint object, recorded as a write. */
  recordDelete(kind: 'EndpointSlice' | 'Endpoints', namespace: string, name: string): void;
}

export class GarbageCollector {
  /** Object keys to check, or `uid:<uid>` for "the dependents of this deleted owner". */
  private candidates = new Set<string>();

  constructor(private readonly deps: GarbageCollectorDeps) {}

  /** The graph changed: a deleted owner's dependents, or an object a user created with owners, need a look. */
  onChange(c: Change): void {
    if (!c.obj && c.old?.metadata.uid) this.candidates.add(`uid:${c.old.metadata.uid}`);
    if (c.obj && !c.old && c.actor === 'user' && c.obj.metadata.ownerReferences?.length) {
      this.candidates.add(objectKey(c.kind, c.namespace, c.name));
    }
  }

  hasWork(): boolean {
    return this.candidates.size > 0;
  }

  collect(): void {
    const { store, owners, pods } = this.deps;
    const candidates = [...this.candidates];
    this.candidates = new Set();
    const keys = new Set<string>();
    for (const c of candidates) {
      if (c.startsWith('uid:')) for (const k of owners.dependentsOf(c.slice(4))) keys.add(k);
      else keys.add(c);
    }
    for (const key of [...keys].sort()) {
      const k = splitKey(key);
      const obj = store.get(k.kind as Kind, k.namespace, k.name);
      const refs = obj?.metadata.ownerReferences ?? [];
      if (!obj || refs.length === 0 || refs.some((r) => owners.exists(r.uid))) continue;
      if (k.kind === 'Pod') pods.deleteGracefully(obj as Pod, undefined, 'garbage-collector');
      else {
        store.remove(k.kind as Kind, k.namespace, k.name, 'garbage-collector');
        if (k.kind === 'EndpointSlice' || k.kind === 'Endpoints') this.deps.recordDelete(k.kind, k.namespace, k.name);
      }
    }
  }
}
