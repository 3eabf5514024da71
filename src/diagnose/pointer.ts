// JSON pointers (RFC 6901) into the learner's manifest. The editor maps them to line/column, so a
// pointer must name a node that exists: `resolvePointer` stops at the deepest existing one.

export type Segment = string | number;

export function escapeSegment(s: Segment): string {
  return String(s).replace(/~/g, '~0').replace(/\//g, '~1');
}

export function toPointer(segments: readonly Segment[]): string {
  return segments.map((s) => '/' + escapeSegment(s)).join('');
}

/** Pointer to the deepest node of `segments` that exists in `doc` ('' = the whole object). */
export function resolvePointer(doc: unknown, segments: readonly Segment[]): string {
  const found: Segment[] = [];
  let node: unknown = doc;
  for (const seg of segments) {
    if (node === null || typeof node !== 'object') break;
    const next = Array.isArray(node)
      ? typeof seg === 'number' && seg >= 0 && seg < node.length ? node[seg] : undefined
      : Object.prototype.hasOwnProperty.call(node, String(seg)) ? (node as Record<string, unknown>)[String(seg)] : undefined;
    if (next === undefined) break;
    found.push(seg);
    node = next;
  }
  return toPointer(found);
}
