// Legacy Endpoints table (printers.go printEndpoints / formatEndpoints) and `kubectl describe
// endpoints` (describe.go describeEndpoints).

import type { Endpoints, SimEvent } from '../../sim/types';
import { translateTimestampSince } from '../format/duration';
import { describeEvents, PrefixWriter, printAnnotationsMultiline, printLabelsMultiline } from './describe';
import { joinHostPort, type TableSpec } from './table';

/** Ready `ip:port` pairs only (notReadyAddresses never shown); `<none>` without subsets, "" when none ready. */
export function formatEndpoints(ep: Endpoints): string {
  const subsets = ep.subsets ?? [];
  if (subsets.length === 0) return '<none>';
  const max = 3;
  const list: string[] = [];
  let more = false;
  let count = 0;
  for (const ss of subsets) {
    const addrs = ss.addresses ?? [];
    if (!ss.ports || ss.ports.length === 0) {
      count += addrs.length;
      for (const a of addrs) {
        if (list.length === max) {
          more = true;
          break;
        }
        list.push(a.ip);
      }
      continue;
    }
    for (const port of ss.ports) {
      count += addrs.length;
      for (const a of addrs) {
        if (list.length === max) {
          more = true;
          break;
        }
        list.push(joinHostPort(a.ip, port.port));
      }
    }
  }
  const ret = list.join(',');
  return more ? `${ret} + ${count - max} more...` : ret;
}

export const endpointsTable: TableSpec<Endpoints> = {
  columns: [{ name: 'Name' }, { name: 'Endpoints' }, { name: 'Age' }],
  row: (ep, ctx) => [ep.metadata.name ?? '', formatEndpoints(ep), translateTimestampSince(ep.metadata.creationTimestamp, ctx.now)],
};

export function describeEndpoints(ep: Endpoints, ctx: { now: string; events: SimEvent[] }): string {
  const w = new PrefixWriter();
  w.write(0, `Name:\t${ep.metadata.name ?? ''}\n`);
  w.write(0, `Namespace:\t${ep.metadata.namespace ?? ''}\n`);
  printLabelsMultiline(w, 'Labels', ep.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', ep.metadata.annotations);
  w.write(0, 'Subsets:\n');
  for (const ss of ep.subsets ?? []) {
    const ready = (ss.addresses ?? []).map((a) => a.ip).join(',');
    w.write(1, `Addresses:\t${ready || '<none>'}\n`);
    const notReady = (ss.notReadyAddresses ?? []).map((a) => a.ip).join(',');
    w.write(1, `NotReadyAddresses:\t${notReady || '<none>'}\n`);
    if (ss.ports && ss.ports.length > 0) {
      w.write(1, 'Ports:\n');
      w.write(2, 'Name\tPort\tProtocol\n');
      w.write(2, '----\t----\t--------\n');
      for (const p of ss.ports) w.write(2, `${p.name ? p.name : '<unset>'}\t${p.port}\t${p.protocol ?? ''}\n`);
    }
    w.write(0, '\n');
  }
  describeEvents(w, ctx.events, ctx.now);
  return w.done();
}
