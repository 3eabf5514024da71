// `--field-selector`: parsed and applied by the API server. Parsing follows
// k8s.io/apimachinery/pkg/fields/selector.go (terms `k=v`, `k==v`, `k!=v` joined by `,`); the
// selectable fields per kind follow the API server's GetAttrs/field label conversion functions
// (pkg/registry/.../strategy.go, pkg/apis/core/v1/conversion.go): metadata.name and
// metadata.namespace everywhere, plus a few per kind. Unknown fields are a BadRequest.

import type { KObject } from '../../sim/types';
import type { ApiKind } from '../resources';

export class FieldSelectorError extends Error {}

export interface FieldTerm {
  field: string;
  op: '=' | '!=';
  value: string;
}

/** fields.ParseSelector. */
export function parseFieldSelector(text: string): FieldTerm[] {
  const terms: FieldTerm[] = [];
  for (const part of text.split(',')) {
    if (part === '') continue;
    const m = /^(.*?)(!=|==|=)(.*)$/.exec(part);
    if (!m) throw new FieldSelectorError(`invalid selector: '${text}'; can't understand '${part}'`);
    terms.push({ field: m[1], op: m[2] === '!=' ? '!=' : '=', value: m[3] });
  }
  return terms;
}

type Getter = (o: KObject) => string;
const str = (v: unknown): string => (v === undefined || v === null ? '' : String(v));
const spec = (o: KObject) => ((o as { spec?: Record<string, unknown> }).spec ?? {}) as Record<string, unknown>;
const involved = (o: KObject) => ((o.involvedObject ?? {}) as Record<string, unknown>);
const status = (o: KObject) => ((o as { status?: Record<string, unknown> }).status ?? {}) as Record<string, unknown>;

/** Kind-specific selectable fields; kinds listed here have their own label conversion function. */
const SPECIFIC: Partial<Record<ApiKind, Record<string, Getter>>> = {
  Pod: {
    'spec.nodeName': (o) => str(spec(o).nodeName),
    'spec.restartPolicy': (o) => str(spec(o).restartPolicy),
    'spec.schedulerName': (o) => str(spec(o).schedulerName),
    'spec.serviceAccountName': (o) => str(spec(o).serviceAccountName),
    'spec.hostNetwork': (o) => String(spec(o).hostNetwork === true),
    'status.phase': (o) => str(status(o).phase),
    'status.podIP': (o) => str(status(o).podIP),
    'status.nominatedNodeName': (o) => str(status(o).nominatedNodeName),
  },
  Service: {
    'spec.clusterIP': (o) => str(spec(o).clusterIP),
    'spec.type': (o) => str(spec(o).type),
  },
  Node: { 'spec.unschedulable': (o) => String(spec(o).unschedulable === true) },
  Namespace: { 'status.phase': (o) => str(status(o).phase) },
  ReplicaSet: { 'status.replicas': (o) => str(status(o).replicas ?? 0) },
  // core/v1 conversion.go: the Event field labels (`source` is source.component).
  Event: {
    'involvedObject.kind': (o) => str(involved(o).kind),
    'involvedObject.namespace': (o) => str(involved(o).namespace),
    'involvedObject.name': (o) => str(involved(o).name),
    'involvedObject.uid': (o) => str(involved(o).uid),
    'involvedObject.apiVersion': (o) => str(involved(o).apiVersion),
    'involvedObject.resourceVersion': (o) => str(involved(o).resourceVersion),
    'involvedObject.fieldPath': (o) => str(involved(o).fieldPath),
    reason: (o) => str(o.reason),
    reportingComponent: (o) => str(o.reportingComponent),
    source: (o) => str(((o.source ?? {}) as Record<string, unknown>).component),
    type: (o) => str(o.type),
  },
};

function getter(kind: ApiKind, field: string): Getter {
  if (field === 'metadata.name') return (o) => o.metadata.name ?? '';
  if (field === 'metadata.namespace') return (o) => o.metadata.namespace ?? '';
  const own = SPECIFIC[kind];
  const g = own?.[field];
  if (g) return g;
  if (own) throw new FieldSelectorError(`field label not supported: ${field}`);
  // runtime.DefaultMetaV1FieldSelectorConversion for kinds without their own conversion.
  throw new FieldSelectorError(`"${field}" is not a known field selector: only "metadata.name", "metadata.namespace"`);
}

/** A predicate for the kind; throws FieldSelectorError for fields the server does not support. */
export function fieldMatcher(kind: ApiKind, terms: FieldTerm[]): (o: KObject) => boolean {
  const checks = terms.map((t) => ({ t, get: getter(kind, t.field) }));
  return (o) => checks.every(({ t, get }) => (get(o) === t.value) === (t.op === '='));
}
