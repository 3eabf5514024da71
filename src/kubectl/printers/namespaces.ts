// Namespace table (printers.go printNamespace) and describe (describe.go describeNamespace, without quotas).

import type { KObject, SimEvent } from '../../sim/types';
import { translateTimestampSince } from '../format/duration';
import { PrefixWriter, printAnnotationsMultiline, printLabelsMultiline } from './describe';
import type { TableSpec } from './table';

const phase = (ns: KObject) => ((ns.status as { phase?: string } | undefined)?.phase ?? 'Active');

export const namespaceTable: TableSpec<KObject> = {
  columns: [{ name: 'Name' }, { name: 'Status' }, { name: 'Age' }],
  row: (ns, ctx) => [ns.metadata.name ?? '', phase(ns), translateTimestampSince(ns.metadata.creationTimestamp, ctx.now)],
};

export function describeNamespace(ns: KObject, _ctx: { now: string; events: SimEvent[] }): string {
  const w = new PrefixWriter();
  w.write(0, `Name:\t${ns.metadata.name ?? ''}\n`);
  printLabelsMultiline(w, 'Labels', ns.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', ns.metadata.annotations);
  w.write(0, `Status:\t${phase(ns)}\n`);
  w.write(0, '\nNo resource quota.\n');
  w.write(0, '\nNo LimitRange resource.\n');
  return w.done();
}
