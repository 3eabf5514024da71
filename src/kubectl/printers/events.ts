// core/v1 Events as the API serves them, built from the simulator's event log (client-go
// tools/record makeEvent: name `<object>.<hex UnixNano>`, namespace of the object or `default`,
// count and first timestamp from the cluster's merged record: repeats are counted, not listed;
// source and reportingComponent = the controller), and the
// `kubectl get events` table (printers.go printEvent: LAST SEEN, TYPE, REASON, OBJECT, MESSAGE;
// -o wide adds SUBOBJECT, SOURCE, FIRST SEEN, COUNT, NAME in printEvent's order).

import type { Cluster, KObject, SimEvent } from '../../sim/types';
import { translateTimestampSince } from '../format/duration';
import type { TableSpec } from './table';

const API_VERSION: Record<string, string> = { Deployment: 'apps/v1', ReplicaSet: 'apps/v1', EndpointSlice: 'discovery.k8s.io/v1' };

/**
 * The Event object the recorder would have written for one simulator event. `seq` (the event's place
 * in the log) is added to the nanoseconds: the simulated clock has whole seconds, a real one does
 * not, so events of one instant still get distinct names, in the order they were recorded.
 */
export function eventObject(cluster: Cluster, e: SimEvent, seq: number): KObject {
  const namespace = e.involved.namespace || 'default';
  const nanos = BigInt(Date.parse(e.firstTime ?? e.time)) * 1000000n + BigInt(seq);
  const live = cluster.get(e.involved.kind, e.involved.namespace, e.involved.name);
  const involvedObject: Record<string, string> = {
    apiVersion: API_VERSION[e.involved.kind] ?? 'v1',
    kind: e.involved.kind,
    name: e.involved.name,
  };
  if (e.involved.namespace) involvedObject.namespace = e.involved.namespace;
  if (live?.metadata.uid) involvedObject.uid = live.metadata.uid;
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name: `${e.involved.name}.${nanos.toString(16)}`, namespace, creationTimestamp: e.firstTime ?? e.time },
    count: e.count ?? 1,
    eventTime: null,
    firstTimestamp: e.firstTime ?? e.time,
    involvedObject,
    lastTimestamp: e.time,
    message: e.message,
    reason: e.reason,
    reportingComponent: e.source,
    reportingInstance: '',
    source: { component: e.source },
    type: e.type,
  };
}

/** Events in a namespace (every namespace when undefined), in API list order (by name). */
export function listEvents(cluster: Cluster, namespace: string | undefined): KObject[] {
  return cluster
    .events()
    .map((e, i) => eventObject(cluster, e, i))
    .filter((o) => namespace === undefined || o.metadata.namespace === namespace)
    .sort((a, b) => {
      const ka = `${a.metadata.namespace}/${a.metadata.name}`;
      const kb = `${b.metadata.namespace}/${b.metadata.name}`;
      return ka < kb ? -1 : ka > kb ? 1 : 0;
    });
}

type EventObj = KObject & {
  involvedObject: { kind: string; name?: string; fieldPath?: string };
  source?: { component?: string; host?: string };
  reportingComponent?: string;
  firstTimestamp?: string;
  lastTimestamp?: string;
  count?: number;
  type?: string;
  reason?: string;
  message?: string;
};

/** formatEventSource: component, host; else reportingController, reportingInstance. */
function eventSource(e: EventObj): string {
  if (e.source?.component) return [e.source.component, e.source.host].filter(Boolean).join(', ');
  return e.reportingComponent ?? '';
}

export const eventTable: TableSpec<EventObj> = {
  // Cells are produced in the wide order of printEvent; the narrow table is the columns without priority.
  columns: [
    { name: 'Last Seen' },
    { name: 'Type' },
    { name: 'Reason' },
    { name: 'Object' },
    { name: 'Subobject', priority: 1 },
    { name: 'Source', priority: 1 },
    { name: 'Message' },
    { name: 'First Seen', priority: 1 },
    { name: 'Count', priority: 1 },
    { name: 'Name', priority: 1 },
  ],
  row: (e, ctx) => {
    const first = translateTimestampSince(e.firstTimestamp, ctx.now);
    const last = e.lastTimestamp ? translateTimestampSince(e.lastTimestamp, ctx.now) : first;
    const kind = e.involvedObject.kind.toLowerCase();
    const target = e.involvedObject.name ? `${kind}/${e.involvedObject.name}` : kind;
    return [
      last,
      e.type ?? '',
      e.reason ?? '',
      target,
      e.involvedObject.fieldPath ?? '',
      eventSource(e),
      (e.message ?? '').trim(),
      first,
      String(e.count || 1),
      e.metadata.name ?? '',
    ];
  },
};
