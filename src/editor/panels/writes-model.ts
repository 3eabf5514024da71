// The Writes tab's view model, pure: the controller writes of the learner's last change (in order),
// and what they cost on the wire — the EndpointSlice API against the legacy Endpoints object, once
// and then for every watcher (kube-proxy runs on each Node and watches them all).
import type { Write } from '../../sim/types';

export interface WriteRow {
  seq: number;
  kind: Write['kind'];
  name: string;
  namespace: string;
  verb: Write['verb'];
  bytes: number;
  controller: Write['controller'];
}

export interface KindTotal {
  writes: number;
  bytes: number;
  /** bytes x watchers: what the API server sends to every kube-proxy. */
  sent: number;
}

export interface WritesView {
  /** What caused the writes, in words. */
  cause: string;
  rows: WriteRow[];
  endpointSlices: KindTotal;
  endpoints: KindTotal;
  watchers: number;
  /** Each bar's length as a share of the longer one (0..1), for the two-bar comparison. */
  bars: { endpointSlices: number; endpoints: number };
  /** One sentence with the comparison, the bars' text alternative. */
  summary: string;
}

const total = (rows: WriteRow[], kind: Write['kind'], watchers: number): KindTotal => {
  const of = rows.filter((r) => r.kind === kind);
  const bytes = of.reduce((n, r) => n + r.bytes, 0);
  return { writes: of.length, bytes, sent: bytes * watchers };
};

/** Bytes as people read them: 512 B, 25.3 kB, 1.6 MB (SI units, as the byte counts are exact). */
export function formatBytes(n: number): string {
  if (n < 1000) return `${n} B`;
  if (n < 1_000_000) return `${(n / 1000).toFixed(1)} kB`;
  return `${(n / 1_000_000).toFixed(1)} MB`;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function writesView(writes: readonly Write[], watchers: number, cause: string): WritesView {
  const rows = writes.map(({ seq, kind, name, namespace, verb, bytes, controller }) => ({ seq, kind, name, namespace, verb, bytes, controller }));
  const n = Math.max(0, Math.floor(watchers));
  const endpointSlices = total(rows, 'EndpointSlice', n);
  const endpoints = total(rows, 'Endpoints', n);
  const longer = Math.max(endpointSlices.bytes, endpoints.bytes);
  const bars = longer === 0 ? { endpointSlices: 0, endpoints: 0 } : { endpointSlices: endpointSlices.bytes / longer, endpoints: endpoints.bytes / longer };
  let summary: string;
  if (rows.length === 0) summary = 'No controller wrote anything for this change.';
  else {
    summary =
      `EndpointSlice API: ${plural(endpointSlices.writes, 'write')}, ${formatBytes(endpointSlices.bytes)} ` +
      `(${formatBytes(endpointSlices.sent)} to ${plural(n, 'watcher')}). ` +
      `Legacy Endpoints: ${plural(endpoints.writes, 'write')}, ${formatBytes(endpoints.bytes)} ` +
      `(${formatBytes(endpoints.sent)} to ${plural(n, 'watcher')}).`;
    if (endpointSlices.bytes > 0 && endpoints.bytes > endpointSlices.bytes)
      summary += ` Endpoints cost ${(endpoints.bytes / endpointSlices.bytes).toFixed(1)} times as much.`;
  }
  return { cause, rows, endpointSlices, endpoints, watchers: n, bars, summary };
}
