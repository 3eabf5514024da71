// Deterministic stand-ins for the API server's random identifiers.
// Upstream: k8s.io/apiserver/pkg/storage/names (generateName: base cut to 58 chars + 5 random chars),
// k8s.io/apimachinery/pkg/util/rand (the alphabet and SafeEncodeString), pkg/controller (ComputeHash).
// Randomness is replaced by FNV-1a hashes of stable inputs so the same manifests give the same names.

/** utilrand alphabet: no vowels (no words), no 0/1/3 (no look-alikes). */
export const NAME_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';
const MAX_GENERATED_NAME_LENGTH = 63 - 5;

/** 32-bit FNV-1a over the UTF-16 code units of `s` (ASCII input in practice). */
export function fnv32a(s: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** rand.SafeEncodeString: each character mapped into the alphabet by its code modulo 27. */
export function safeEncodeString(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += NAME_ALPHABET[s.charCodeAt(i) % NAME_ALPHABET.length];
  return out;
}

/** Five alphabet characters derived from `seed` (the deterministic stand-in for utilrand.String(5)). */
export function suffixFromSeed(seed: string): string {
  let h = fnv32a(seed);
  let out = '';
  for (let i = 0; i < 5; i++) {
    out += NAME_ALPHABET[h % NAME_ALPHABET.length];
    h = Math.floor(h / NAME_ALPHABET.length);
    if (i === 2) h = fnv32a(seed, h ^ 0x9e3779b9); // refill: 27^5 > 2^32 / 27^2 would leave the tail biased
  }
  return out;
}

/**
 * names.SimpleNameGenerator with determinism: prefix cut to 58 characters, then 5 characters chosen
 * from FNV-1a of (namespace, prefix, n) where n counts the names generated for that prefix so far — so a
 * replacement object gets a fresh name, as it would from the random generator — skipping taken names.
 */
export class NameGenerator {
  private readonly counters = new Map<string, number>();

  generate(namespace: string, prefix: string, taken: (name: string) => boolean): string {
    const base = prefix.length > MAX_GENERATED_NAME_LENGTH ? prefix.slice(0, MAX_GENERATED_NAME_LENGTH) : prefix;
    const key = `${namespace}/${prefix}`;
    for (;;) {
      const n = this.counters.get(key) ?? 0;
      this.counters.set(key, n + 1);
      const name = base + suffixFromSeed(`${key}/${n}`);
      if (!taken(name)) return name;
    }
  }
}

/**
 * A UUID-v4-shaped uid derived from a sequence number (no randomness): four FNV-1a hashes of
 * `uid/<seq>/<i>`, the shared `uid/<seq>/` prefix hashed once (every stored object gets a uid).
 */
export function uidFromSequence(seq: number): string {
  const prefix = fnv32a(`uid/${seq}/`);
  let hex = '';
  for (let i = 0; i < 4; i++) {
    const h = Math.imul(prefix ^ (0x30 + i), 0x01000193); // the digit i
    hex += HEX_BYTE[(h >>> 24) & 0xff] + HEX_BYTE[(h >>> 16) & 0xff] + HEX_BYTE[(h >>> 8) & 0xff] + HEX_BYTE[h & 0xff];
  }
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const HEX_BYTE = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
