// EndpointSlice table (printers.go printEndpointSlice, formatDiscoveryPorts, formatDiscoveryEndpoints)
// and `kubectl describe endpointslice` (describe.go describeEndpointSliceV1).

import type { EndpointSlice, SimEvent } from '../../sim/types';
import { translateTimestampSince } from '../format/duration';
import { describeEvents, PrefixWriter, printAnnotationsMultiline, printLabelsMultiline } from './describe';
import { listWithMore, type TableSpec } from './table';

/** The slice's own (target) ports in slice order: number, else name, else `*`. */
export function formatDiscoveryPorts(slice: EndpointSlice): string {
  const max = 3;
  const list: string[] = [];
  let more = false;
  let count = 0;
  for (const p of slice.ports ?? []) {
    if (list.length < max) list.push(p.port !== undefined && p.port !== null ? String(p.port) : p.name ?? '*');
    else if (list.length === max) more = true;
    count++;
  }
  return listWithMore(list, more, count, max);
}

/** Every address of every endpoint, whatever its conditions. */
export function formatDiscoveryEndpoints(slice: EndpointSlice): string {
  const max = 3;
  const list: string[] = [];
  let more = false;
  let count = 0;
  for (const ep of slice.endpoints ?? []) {
    for (const a of ep.addresses) {
      if (list.length < max) list.push(a);
      else if (list.length === max) more = true;
      count++;
    }
  }
  return listWithMore(list, more, count, max);
}

export const endpointSliceTable: TableSpec<EndpointSlice> = {
  columns: [{ name: 'Name' }, { name: 'AddressType' }, { name: 'Ports' }, { name: 'Endpoints' }, { name: 'Age' }],
  row: (s, ctx) => [
    s.metadata.name ?? '',
    s.addressType,
    formatDiscoveryPorts(s),
    formatDiscoveryEndpoints(s),
    translateTimestampSince(s.metadata.creationTimestamp, ctx.now),
  ],
};

export function describeEndpointSlice(s: EndpointSlice, ctx: { now: string; events: SimEvent[] }): string {
  const w = new PrefixWriter();
  w.write(0, `Name:\t${s.metadata.name ?? ''}\n`);
  w.write(0, `Namespace:\t${s.metadata.namespace ?? ''}\n`);
  printLabelsMultiline(w, 'Labels', s.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', s.metadata.annotations);
  w.write(0, `AddressType:\t${s.addressType}\n`);
  if (!s.ports || s.ports.length === 0) {
    w.write(0, 'Ports: <unset>\n');
  } else {
    w.write(0, 'Ports:\n');
    w.write(1, 'Name\tPort\tProtocol\n');
    w.write(1, '----\t----\t--------\n');
    for (const p of s.ports) {
      const name = p.name ? p.name : '<unset>';
      const num = p.port !== undefined && p.port !== null ? String(p.port) : '<unset>';
      w.write(1, `${name}\t${num}\t${p.protocol ?? ''}\n`);
    }
  }
  if (!s.endpoints || s.endpoints.length === 0) {
    w.write(0, 'Endpoints: <none>\n');
  } else {
    w.write(0, 'Endpoints:\n');
    for (const ep of s.endpoints) {
      w.write(1, `- Addresses:\t${ep.addresses.join(', ') || '<none>'}\n`);
      w.write(2, 'Conditions:\n');
      const ready = ep.conditions?.ready;
      w.write(3, `Ready:\t${ready === undefined || ready === null ? '<unset>' : String(ready)}\n`);
      w.write(2, `Hostname:\t${ep.hostname ?? '<unset>'}\n`);
      if (ep.targetRef) w.write(2, `TargetRef:\t${ep.targetRef.kind ?? ''}/${ep.targetRef.name ?? ''}\n`);
      w.write(2, `NodeName:\t${ep.nodeName ?? '<unset>'}\n`);
      w.write(2, `Zone:\t${ep.zone ?? '<unset>'}\n`);
    }
  }
  describeEvents(w, ctx.events, ctx.now);
  return w.done();
}
