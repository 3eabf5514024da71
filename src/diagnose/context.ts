// One pass of indexing shared by every check: objects by ref, pods by namespace, slices by the
// Service they are labelled for. Built once per diagnose() call so the checks stay O(objects).

import type { EndpointSlice, Endpoints, Kind, KObject, ObjectRef, Pod, Service, SimulationResult } from '../sim/types';
import { validatedSetSelector } from '../sim';
import { CODE_LESSON } from './table';
import { resolvePointer, type Segment } from './pointer';
import type { DiagnoseInput, Diagnostic, DiagnosticCode, DiagnosticObject, Severity } from './types';

import {
  LABEL_MANAGED_BY,
  LABEL_SERVICE_NAME,
  MIRRORING_CONTROLLER_NAME as MIRRORING_CONTROLLER,
  SLICE_CONTROLLER_NAME as SLICE_CONTROLLER,
} from '../sim';

export { LABEL_MANAGED_BY, LABEL_SERVICE_NAME, MIRRORING_CONTROLLER, SLICE_CONTROLLER };

export function nsOf(o: { metadata: { namespace?: string } }): string {
  return o.metadata.namespace || 'default';
}

/** Stable key of an object: `Kind/namespace/name`. */
export function refKey(ref: { kind: string; namespace?: string; name: string }): string {
  return `${ref.kind}/${ref.namespace || 'default'}/${ref.name}`;
}

export function refOf(o: KObject): DiagnosticObject {
  return { kind: o.kind as Kind, namespace: nsOf(o), name: o.metadata.name ?? '' };
}

/** Where a hint may point: the first candidate the learner wrote gets the path. */
export interface Target {
  ref: DiagnosticObject;
  /** JSON pointer segments; null names the object without marking a line. */
  at: Segment[] | null;
}

export interface Draft {
  code: DiagnosticCode;
  severity: Severity;
  message: string;
  fix: string;
  /** Candidates in order of preference; with none written by the learner, the first one is named without a path. */
  targets: Target[];
}

export interface Ctx {
  state: SimulationResult;
  podsByNs: ReadonlyMap<string, Pod[]>;
  /** Slices (from the simulated cluster) by `namespace/service` from their service-name label. */
  slicesByService: ReadonlyMap<string, EndpointSlice[]>;
  services: ReadonlyMap<string, Service>;
  endpoints: ReadonlyMap<string, Endpoints>;
  /** Objects as written, in manifest order. */
  written: readonly KObject[];
  raw(kind: Kind, namespace: string, name: string): KObject | undefined;
  /** Pods the Service's selector matches in its namespace (cached; [] without a selector). */
  selected(svc: Service): Pod[];
  podNamed(namespace: string, name: string): Pod | undefined;
  isUser(ref: DiagnosticObject): boolean;
  emit(d: Draft): void;
}

export interface Built {
  ctx: Ctx;
  out: Array<{ d: Diagnostic; order: number; seq: number }>;
}

const nsName = (ns: string, name: string) => `${ns}/${name}`;

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const it of items) {
    const k = key(it);
    const list = m.get(k);
    if (list) list.push(it);
    else m.set(k, [it]);
  }
  return m;
}

export function buildContext(input: DiagnoseInput): Built {
  const { objects, state } = input;
  const rawByKey = new Map<string, { obj: KObject; index: number }>();
  objects.forEach((obj, index) => {
    if (obj?.metadata?.name && obj.kind) rawByKey.set(refKey({ kind: obj.kind, namespace: nsOf(obj), name: obj.metadata.name }), { obj, index });
  });
  let userKeys: Set<string> | undefined;
  if (input.userRefs) {
    userKeys = new Set();
    for (const r of input.userRefs) userKeys.add(typeof r === 'string' ? r : refKey(r as ObjectRef));
  }
  const stateOrder = new Map<string, number>();
  for (const o of [...state.services, ...state.endpointSlices, ...state.endpoints, ...state.pods]) {
    const k = refKey({ kind: o.kind, namespace: nsOf(o), name: o.metadata.name ?? '' });
    if (!stateOrder.has(k)) stateOrder.set(k, objects.length + stateOrder.size);
  }

  const slicesByService = groupBy(
    state.endpointSlices.filter((s) => s.metadata.labels?.[LABEL_SERVICE_NAME]),
    (s) => nsName(nsOf(s), s.metadata.labels![LABEL_SERVICE_NAME]),
  );
  const out: Built['out'] = [];
  let seq = 0;
  const podsByNs = groupBy(state.pods, nsOf);
  const podsByName = new Map(state.pods.map((p) => [nsName(nsOf(p), p.metadata.name ?? ''), p]));
  const selectedCache = new Map<Service, Pod[]>();

  const ctx: Ctx = {
    state,
    podsByNs,
    slicesByService,
    services: new Map(state.services.map((s) => [nsName(nsOf(s), s.metadata.name ?? ''), s])),
    endpoints: new Map(state.endpoints.map((e) => [nsName(nsOf(e), e.metadata.name ?? ''), e])),
    written: objects,
    raw: (kind, namespace, name) => rawByKey.get(refKey({ kind, namespace, name }))?.obj,
    selected(svc) {
      let pods = selectedCache.get(svc);
      if (!pods) {
        const sel = svc.spec.selector;
        const selector = validatedSetSelector(sel);
        pods = sel && Object.keys(sel).length ? (podsByNs.get(nsOf(svc)) ?? []).filter((p) => selector.matches(p.metadata.labels)) : [];
        selectedCache.set(svc, pods);
      }
      return pods;
    },
    podNamed: (namespace, name) => podsByName.get(nsName(namespace, name)),
    isUser(ref) {
      const k = refKey(ref);
      return userKeys ? userKeys.has(k) && rawByKey.has(k) : rawByKey.has(k);
    },
    emit(draft) {
      const chosen = draft.targets.find((t) => ctx.isUser(t.ref)) ?? draft.targets[0];
      const marked = !!chosen.at && ctx.isUser(chosen.ref);
      const d: Diagnostic = {
        code: draft.code,
        severity: draft.severity,
        message: draft.message,
        object: chosen.ref,
        ...(marked ? { path: resolvePointer(rawByKey.get(refKey(chosen.ref))!.obj, chosen.at!) } : {}),
        fix: draft.fix,
        lesson: CODE_LESSON.get(draft.code)!,
      };
      const k = refKey(chosen.ref);
      out.push({ d, order: rawByKey.get(k)?.index ?? stateOrder.get(k) ?? Number.MAX_SAFE_INTEGER, seq: seq++ });
    },
  };
  return { ctx, out };
}

export function slicesOf(ctx: Ctx, svc: Service): EndpointSlice[] {
  return ctx.slicesByService.get(nsName(nsOf(svc), svc.metadata.name ?? '')) ?? [];
}

export function serviceAt(ctx: Ctx, namespace: string, name: string): Service | undefined {
  return ctx.services.get(nsName(namespace, name));
}

export function endpointsAt(ctx: Ctx, namespace: string, name: string): Endpoints | undefined {
  return ctx.endpoints.get(nsName(namespace, name));
}

/** `selector: {}` as written (or as stored, for objects not in the manifest): behaves as no selector. */
export function hasEmptySelector(ctx: Ctx, svc: Service): boolean {
  const raw = ctx.raw('Service', nsOf(svc), svc.metadata.name ?? '') as Service | undefined;
  const sel = raw ? raw.spec?.selector : svc.spec.selector;
  return !!sel && typeof sel === 'object' && Object.keys(sel).length === 0;
}

/** The Service selector (or one key of it) as a place to mark. */
export function selectorTarget(svc: Service, key?: string): Target {
  return { ref: refOf(svc), at: ['spec', 'selector', ...(key ? [key] : [])] };
}
