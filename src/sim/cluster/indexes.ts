// In-memory indexes the settle loop needs to stay incremental (what informers' indexers do upstream):
// pods by label pair, Services by one of their selector pairs, slices by service-name label,
// objects by uid and by owner uid. All keyed per namespace.

import type { KObject, Labels } from '../types';

/** ns → "key=value" → names */
export class LabelIndex {
  private readonly byNs = new Map<string, Map<string, Set<string>>>();

  add(ns: string, name: string, pairs: Iterable<string>): void {
    let m = this.byNs.get(ns);
    if (!m) this.byNs.set(ns, (m = new Map()));
    for (const p of pairs) {
      let s = m.get(p);
      if (!s) m.set(p, (s = new Set()));
      s.add(name);
    }
  }

  remove(ns: string, name: string, pairs: Iterable<string>): void {
    const m = this.byNs.get(ns);
    if (!m) return;
    for (const p of pairs) {
      const s = m.get(p);
      if (!s) continue;
      s.delete(name);
      if (s.size === 0) m.delete(p);
    }
  }

  get(ns: string, pair: string): ReadonlySet<string> | undefined {
    return this.byNs.get(ns)?.get(pair);
  }
}

export function labelPairs(labels: Labels | undefined | null): string[] {
  if (!labels) return [];
  return Object.keys(labels).map((k) => `${k}=${labels[k]}`);
}

/** The one selector pair a Service is indexed under (the first key in sorted order). */
export function indexPair(selector: Labels): string {
  const k = Object.keys(selector).sort()[0];
  return `${k}=${selector[k]}`;
}

export function objectKey(kind: string, ns: string, name: string): string {
  return `${kind}/${ns}/${name}`;
}

export function splitKey(key: string): { kind: string; namespace: string; name: string } {
  const [kind, namespace, ...rest] = key.split('/');
  return { kind, namespace, name: rest.join('/') };
}

/** owner uid → keys of dependents; uid → key of the object. */
export class OwnerIndex {
  private readonly dependents = new Map<string, Set<string>>();
  private readonly byUid = new Map<string, string>();

  add(key: string, obj: KObject): void {
    if (obj.metadata.uid) this.byUid.set(obj.metadata.uid, key);
    for (const r of obj.metadata.ownerReferences ?? []) {
      let s = this.dependents.get(r.uid);
      if (!s) this.dependents.set(r.uid, (s = new Set()));
      s.add(key);
    }
  }

  remove(key: string, obj: KObject): void {
    if (obj.metadata.uid && this.byUid.get(obj.metadata.uid) === key) this.byUid.delete(obj.metadata.uid);
    for (const r of obj.metadata.ownerReferences ?? []) {
      const s = this.dependents.get(r.uid);
      s?.delete(key);
      if (s && s.size === 0) this.dependents.delete(r.uid);
    }
  }

  dependentsOf(uid: string): string[] {
    return [...(this.dependents.get(uid) ?? [])];
  }

  exists(uid: string): boolean {
    return this.byUid.has(uid);
  }
}
