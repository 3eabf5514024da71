// Plain-JSON helpers for API objects: clone, semantic equality, encoded size.

/** Deep copy of a JSON value (objects from YAML/JSON only: no Dates, Maps or cycles). */
export function clone<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(clone) as T;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(value as object)) {
    const v = (value as Record<string, unknown>)[k];
    if (v !== undefined) out[k] = clone(v);
  }
  return out as T;
}

/**
 * apiequality.Semantic.DeepEqual for JSON: key order ignored, and — like the API machinery — a missing
 * field, `undefined`, `null` and an empty list/map all compare equal (they serialise the same after omitempty).
 */
export function semanticEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (isEmpty(a) && isEmpty(b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    if (a.length !== bb.length) return false;
    for (let i = 0; i < a.length; i++) if (!semanticEqual(a[i], bb[i])) return false;
    return true;
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  for (const k in ao) if (!semanticEqual(ao[k], bo[k])) return false;
  for (const k in bo) if (!(k in ao) && !isEmpty(bo[k])) return false;
  return true;
}

function isEmpty(v: unknown): boolean {
  if (v === undefined || v === null) return true;
  if (Array.isArray(v)) return v.length === 0;
  if (typeof v === 'object') {
    for (const _ in v as object) return false;
    return true;
  }
  return false;
}

/** Number of bytes of `s` in UTF-8, without allocating an encoder buffer. */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

// Any character outside ASCII (JSON.stringify leaves lone surrogates escaped as \uXXXX, i.e. ASCII).
const NON_ASCII = /[^\x00-\x7f]/;

/** Size of an object as the course counts writes: UTF-8 bytes of its JSON encoding. */
export function jsonBytes(obj: unknown): number {
  const json = JSON.stringify(obj);
  // All-ASCII text (nearly every object) is one byte per character: one native scan, no JS loop.
  return NON_ASCII.test(json) ? utf8Length(json) : json.length;
}

/**
 * Gives `record` a `bytes` field holding jsonBytes(stored) (0 without an object), computed on first read:
 * stored objects are never changed in place, so the size is the same whenever it is read, and a reconcile
 * does not pay for encoding megabytes of objects that nobody inspects.
 */
export function withLazyBytes<T extends object>(record: T, stored: object | undefined): T & { bytes: number } {
  let bytes: number | undefined;
  return Object.defineProperty(record, 'bytes', {
    enumerable: true,
    get: () => (bytes ??= stored ? jsonBytes(stored) : 0),
  }) as T & { bytes: number };
}

/** A copy with object keys sorted at every level (how kubectl prints -o json / -o yaml). */
export function sortKeysDeep<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(sortKeysDeep) as T;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(value as object).sort()) {
    const v = (value as Record<string, unknown>)[k];
    if (v !== undefined) out[k] = sortKeysDeep(v);
  }
  return out as T;
}
