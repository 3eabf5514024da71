// FNV-1a, 128-bit: the hash Go's hash/fnv New128a computes, which Kubernetes ≥1.35 uses
// (k8s.io/endpointslice/util/controller_utils.go, pkg/api/v1/endpoints/util.go) to order
// ports and subsets. Implemented with eight 16-bit limbs so it runs on plain numbers
// (no BigInt): the product of a limb and the prime's low part stays far below 2^53.

// offset basis 0x6c62272e07bb014262b821756295c58d, least significant limb first
const OFFSET_BASIS = [0xc58d, 0x6295, 0x2175, 0x62b8, 0x0142, 0x07bb, 0x272e, 0x6c62];
// prime = 2^88 + 0x13b: multiplying is (h << 88) + h * 0x13b, modulo 2^128
const PRIME_LOW = 0x13b;

/** UTF-8 bytes of a string (what Go hashes when it writes a string). */
export function utf8Bytes(text: string): number[] {
  const out: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 0x3f));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f));
    else
      out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 0x3f), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f));
  }
  return out;
}

/** FNV-1a 128 digest of `text` (UTF-8), as 32 lowercase hex digits (Go's hex.EncodeToString of Sum). */
export function fnv128aHex(text: string): string {
  const h = OFFSET_BASIS.slice();
  const add = (byte: number) => {
    h[0] ^= byte;
    // h << 88 only reaches limbs 5..7 (88 = 5 limbs + 8 bits)
    const s5 = (h[0] << 8) & 0xffff;
    const s6 = ((h[1] << 8) | (h[0] >>> 8)) & 0xffff;
    const s7 = ((h[2] << 8) | (h[1] >>> 8)) & 0xffff;
    let carry = 0;
    for (let i = 0; i < 8; i++) {
      const v = h[i] * PRIME_LOW + (i === 5 ? s5 : i === 6 ? s6 : i === 7 ? s7 : 0) + carry;
      h[i] = v & 0xffff;
      carry = v >>> 16;
    }
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) add(c);
    else {
      // rare non-ASCII: fall back to a full UTF-8 encoding of the rest
      for (const b of utf8Bytes(text.slice(i))) add(b);
      break;
    }
  }
  let hex = '';
  for (let i = 7; i >= 0; i--) hex += h[i].toString(16).padStart(4, '0');
  return hex;
}
