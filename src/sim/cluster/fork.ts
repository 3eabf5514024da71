// Cluster.fork(): a second cluster in the same state, to change without touching the first (the
// exercise's terminal forks the cluster the editor simulated, instead of simulating it again).
//
// The fork is built by the constructor, so its parts are wired to each other and its callbacks close
// over the fork; then every field of the original, at any depth, is copied into the fork's matching
// field. Containers (objects, arrays, Maps, Sets) are copied; an object reached twice is copied once,
// so shared references stay shared (a pod held by the store and by a Service's selection cache).
// Functions are never copied: the fork keeps its own. Frozen objects are shared.
// The rule this relies on: cluster state lives in fields, never only inside a closure.
// Controllers are not run: a fork costs a copy of the store, not a reconcile.

type Memo = Map<object, object>;

const isPlain = (v: object) => {
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
};

/** Copy every own field of `from` into `to` (an instance of the same class, freshly constructed). */
export function copyState(from: object, to: object, memo: Memo = new Map()): void {
  memo.set(from, to);
  copyFields(from, to, memo, from.constructor?.name ?? 'object');
}

function copyFields(from: object, to: object, memo: Memo, path: string): void {
  const target = to as Record<string, unknown>;
  for (const key of Object.keys(from)) {
    const desc = Object.getOwnPropertyDescriptor(from, key)!;
    if (desc.get || desc.set) {
      // A lazily computed field (a write's byte size): its getter reads immutable input, so it is shared.
      Object.defineProperty(to, key, desc);
      continue;
    }
    target[key] = copyValue(desc.value, target[key], memo, `${path}.${key}`);
  }
}

function copyValue(v: unknown, existing: unknown, memo: Memo, path: string): unknown {
  if (typeof v === 'function') {
    if (typeof existing !== 'function') throw new Error(`fork: ${path} is a function the fork does not have (state in a closure?)`);
    return existing;
  }
  if (v === null || typeof v !== 'object') return v;
  if (v === existing || Object.isFrozen(v)) return v; // shared by construction (options) or immutable
  const seen = memo.get(v);
  if (seen) return seen;
  if (Array.isArray(v)) {
    const out: unknown[] = [];
    memo.set(v, out);
    v.forEach((x, i) => (out[i] = copyValue(x, undefined, memo, `${path}[${i}]`)));
    return out;
  }
  if (v instanceof Map) {
    const out = new Map();
    memo.set(v, out);
    for (const [k, x] of v) out.set(copyValue(k, undefined, memo, `${path} key`), copyValue(x, undefined, memo, `${path}.get(${String(k)})`));
    return out;
  }
  if (v instanceof Set) {
    const out = new Set();
    memo.set(v, out);
    for (const x of v) out.add(copyValue(x, undefined, memo, `${path} item`));
    return out;
  }
  if (v instanceof Date) return new Date(v.getTime());
  if (isPlain(v)) {
    // A plain object: data, or a bag of wiring (a component's deps) whose functions come from `existing`.
    const out: Record<string, unknown> = Object.create(Object.getPrototypeOf(v));
    memo.set(v, out);
    const wiring = existing !== null && typeof existing === 'object' && isPlain(existing) ? (existing as Record<string, unknown>) : {};
    for (const key of Object.keys(v)) {
      const desc = Object.getOwnPropertyDescriptor(v, key)!;
      if (desc.get || desc.set) Object.defineProperty(out, key, desc);
      else out[key] = copyValue(desc.value, wiring[key], memo, `${path}.${key}`);
    }
    return out;
  }
  // An instance of a class: the fork's own instance when it has one (wired by its constructor), else a
  // bare object of the same class (a value class) filled field by field.
  const proto = Object.getPrototypeOf(v);
  const into = existing !== null && typeof existing === 'object' && Object.getPrototypeOf(existing) === proto ? existing : Object.create(proto);
  memo.set(v, into);
  copyFields(v, into, memo, path);
  return into;
}
