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
  // limbs h0 (least significant) .. h7, in locals: this runs over megabytes for big subsets
  let h0 = OFFSET_BASIS[0], h1 = OFFSET_BASIS[1], h2 = OFFSET_BASIS[2], h3 = OFFSET_BASIS[3];
  let h4 = OFFSET_BASIS[4], h5 = OFFSET_BASIS[5], h6 = OFFSET_BASIS[6], h7 = OFFSET_BASIS[7];
  let bytes: number[] | undefined;
  const n = text.length;
  for (let i = 0; ; i++) {
    let b: number;
    if (bytes) {
      if (i >= bytes.length) break;
      b = bytes[i];
    } else {
      if (i >= n) break;
      b = text.charCodeAt(i);
      if (b >= 0x80) {
        // rare non-ASCII: continue over the UTF-8 bytes of the rest
        bytes = utf8Bytes(text.slice(i));
        i = -1;
        continue;
      }
    }
    h0 ^= b;
    // h * prime = h * 0x13b + (h << 88); h << 88 only reaches limbs 5..7 (88 = 5 limbs + 8 bits)
    const s5 = (h0 << 8) & 0xffff;
    const s6 = ((h1 << 8) | (h0 >>> 8)) & 0xffff;
    const s7 = ((h2 << 8) | (h1 >>> 8)) & 0xffff;
    let v = h0 * PRIME_LOW;
    h0 = v & 0xffff;
    v = h1 * PRIME_LOW + (v >>> 16);
    h1 = v & 0xffff;
    v = h2 * PRIME_LOW + (v >>> 16);
    h2 = v & 0xffff;
    v = h3 * PRIME_LOW + (v >>> 16);
    h3 = v & 0xffff;
    v = h4 * PRIME_LOW + (v >>> 16);
    h4 = v & 0xffff;
    v = h5 * PRIME_LOW + s5 + (v >>> 16);
    h5 = v & 0xffff;
    v = h6 * PRIME_LOW + s6 + (v >>> 16);
    h6 = v & 0xffff;
    v = h7 * PRIME_LOW + s7 + (v >>> 16);
    h7 = v & 0xffff;
  }
  let hex = '';
  for (const limb of [h7, h6, h5, h4, h3, h2, h1, h0]) hex += limb.toString(16).padStart(4, '0');
  return hex;
}
