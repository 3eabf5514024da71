// The resource types the simulated API server serves, as kubectl's RESTMapper sees them through
// discovery: plural, singular, short names, kind, group (api-resources), and how kubectl names them
// in messages: `service/x` (name printer, apply/delete/label output: lower-cased kind, `.group`
// when not core) and `services "x" not found` (API errors: plural, `.group` when not core).

import type { Kind, KObject } from '../sim/types';
import { deploymentTable, describeDeployment, describeReplicaSet, replicaSetTable } from './printers/workloads';
import { describeEndpoints, endpointsTable } from './printers/endpoints';
import { describeEndpointSlice, endpointSliceTable } from './printers/endpointslices';
import { describeNamespace, namespaceTable } from './printers/namespaces';
import { describeNode, nodeTable } from './printers/nodes';
import { describePod, podTable } from './printers/pods';
import { describeService, serviceTable } from './printers/services';
import { eventTable } from './printers/events';
import type { TableSpec } from './printers/table';

/** The kinds kubectl can name: the simulator's stored kinds plus Events, built from its event log. */
export type ApiKind = Kind | 'Event';

export interface ResourceType {
  kind: ApiKind;
  plural: string;
  singular: string;
  shortNames: string[];
  group: string;
  version: string;
  namespaced: boolean;
  table: TableSpec<any>;
  /** True for types with a describer used here (all of ours). */
  describable: boolean;
}

export const RESOURCES: ResourceType[] = [
  { kind: 'Pod', plural: 'pods', singular: 'pod', shortNames: ['po'], group: '', version: 'v1', namespaced: true, table: podTable, describable: true },
  { kind: 'Service', plural: 'services', singular: 'service', shortNames: ['svc'], group: '', version: 'v1', namespaced: true, table: serviceTable, describable: true },
  { kind: 'Endpoints', plural: 'endpoints', singular: 'endpoints', shortNames: ['ep'], group: '', version: 'v1', namespaced: true, table: endpointsTable, describable: true },
  { kind: 'EndpointSlice', plural: 'endpointslices', singular: 'endpointslice', shortNames: [], group: 'discovery.k8s.io', version: 'v1', namespaced: true, table: endpointSliceTable, describable: true },
  { kind: 'Node', plural: 'nodes', singular: 'node', shortNames: ['no'], group: '', version: 'v1', namespaced: false, table: nodeTable, describable: true },
  { kind: 'Namespace', plural: 'namespaces', singular: 'namespace', shortNames: ['ns'], group: '', version: 'v1', namespaced: false, table: namespaceTable, describable: true },
  { kind: 'Deployment', plural: 'deployments', singular: 'deployment', shortNames: ['deploy'], group: 'apps', version: 'v1', namespaced: true, table: deploymentTable, describable: true },
  { kind: 'ReplicaSet', plural: 'replicasets', singular: 'replicaset', shortNames: ['rs'], group: 'apps', version: 'v1', namespaced: true, table: replicaSetTable, describable: true },
  // Read-only here: the controllers' events, listed by `kubectl get events`.
  { kind: 'Event', plural: 'events', singular: 'event', shortNames: ['ev'], group: '', version: 'v1', namespaced: true, table: eventTable, describable: false },
];

/** Events are built from the simulator's event log: they can be read, not written or deleted. */
export class ReadOnlyEventsError extends Error {
  constructor() {
    super('error: events are read-only in this simulated cluster (they are written by the simulated controllers)');
  }
}

export const byKind = (kind: string): ResourceType | undefined => RESOURCES.find((r) => r.kind === kind);

/** The `all` category as discovery lists it, limited to the types the simulator serves. */
export const ALL_CATEGORY: Kind[] = ['Pod', 'Service', 'Deployment', 'ReplicaSet'];

/**
 * RESTMapper lookup of a type argument: `svc`, `Service`, `services`, `services.v1.`, `deployments.apps`,
 * `endpointslices.v1.discovery.k8s.io`. Case-insensitive. Undefined when the server has no such type.
 */
export function resolveResource(arg: string): ResourceType | undefined {
  const a = arg.toLowerCase();
  for (const r of RESOURCES) {
    const names = [r.plural, r.singular, ...r.shortNames, r.kind.toLowerCase()];
    if (names.includes(a)) return r;
    for (const n of [r.plural, r.singular, r.kind.toLowerCase()]) {
      if (a === `${n}.${r.group}` || a === `${n}.${r.version}.${r.group}`) return r;
    }
  }
  return undefined;
}

/** `service`, `endpointslice.discovery.k8s.io`, `deployment.apps`: kubectl's name-printer prefix. */
export function kindPrefix(r: ResourceType): string {
  return r.group ? `${r.kind.toLowerCase()}.${r.group}` : r.kind.toLowerCase();
}

/** `services`, `endpointslices.discovery.k8s.io`: how the API server names the resource in errors. */
export function qualifiedResource(r: ResourceType): string {
  return r.group ? `${r.plural}.${r.group}` : r.plural;
}

export function nameOf(o: KObject): string {
  return o.metadata.name ?? '';
}
