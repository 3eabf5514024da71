// Shared helpers of the simulator fidelity tests (tests/unit/sim-*.test.ts): loading scenario folders,
// placeholders for the values the API server makes up (generated names, uids, resourceVersions), and a
// stable order for slices whose generated names are arbitrary.
//
// Placeholders usable in expected.yaml (everything else is compared exactly):
//   <generated:web->  a name the API server made from generateName "web-": "web-" + 5 characters of
//                     k8s.io/apimachinery/pkg/util/rand's alphabet bcdfghjklmnpqrstvwxz2456789
//   <uid>             any UUID (the API server's random uid)
//   <rv>              any resourceVersion (a decimal counter in etcd)

import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadAll, load } from 'js-yaml';
import { expect } from 'vitest';
import type { ClusterOptions, EndpointSlice, KObject, Write } from '../../src/sim/index';

export const NAME_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';
export const UID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const RV_PATTERN = /^[1-9][0-9]*$/;

export function generatedNamePattern(prefix: string): RegExp {
  const base = prefix.length > 58 ? prefix.slice(0, 58) : prefix;
  return new RegExp(`^${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[${NAME_ALPHABET}]{5}$`);
}

/** YAML merge keys (`<<: *anchor`, later keys win), which this js-yaml version leaves as a plain key. */
export function resolveMergeKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(resolveMergeKeys);
  if (value && typeof value === 'object') {
    const src = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    const merged = src['<<'];
    for (const base of Array.isArray(merged) ? merged : merged ? [merged] : []) {
      Object.assign(out, resolveMergeKeys(base) as Record<string, unknown>);
    }
    for (const [k, v] of Object.entries(src)) if (k !== '<<') out[k] = resolveMergeKeys(v);
    return out;
  }
  return value;
}

/** Replace placeholder strings by asymmetric matchers, recursively. */
export function withMatchers(value: unknown): unknown {
  if (typeof value === 'string') {
    const gen = /^<generated:(.*)>$/.exec(value);
    if (gen) return expect.stringMatching(generatedNamePattern(gen[1]));
    if (value === '<uid>') return expect.stringMatching(UID_PATTERN);
    if (value === '<rv>') return expect.stringMatching(RV_PATTERN);
    return value;
  }
  if (Array.isArray(value)) return value.map(withMatchers);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = withMatchers(v);
    return out;
  }
  return value;
}

/**
 * Generated slice names are arbitrary, so the API's name order says nothing: both lists are put in an
 * order that depends only on content (namespace, managed-by, address type, ports, first address).
 */
export function sliceContentKey(s: EndpointSlice): string {
  const m = s.metadata;
  const first = s.endpoints?.[0]?.addresses?.[0] ?? '';
  const named = m.generateName ? '' : (m.name ?? '');
  return [
    m.namespace,
    m.labels?.['kubernetes.io/service-name'] ?? '',
    m.labels?.['endpointslice.kubernetes.io/managed-by'] ?? '',
    named,
    s.addressType,
    JSON.stringify(s.ports ?? null),
    String(s.endpoints?.length ?? 0).padStart(5, '0'),
    first,
  ].join('|');
}

export function byContent(slices: EndpointSlice[]): EndpointSlice[] {
  return [...slices].sort((a, b) => (sliceContentKey(a) < sliceContentKey(b) ? -1 : sliceContentKey(a) > sliceContentKey(b) ? 1 : 0));
}

/** The API lists objects by namespace, then name; names of one kind in one namespace are unique. */
export function expectApiListOrder(objs: KObject[]): void {
  const keys = objs.map((o) => `${o.metadata.namespace}/${o.metadata.name}`);
  expect(keys).toEqual([...keys].sort());
  expect(new Set(keys).size).toBe(keys.length);
}

/** What a write log entry is compared on (seq, time and bytes are simulator bookkeeping). */
export function writeSummary(w: Write): Pick<Write, 'controller' | 'verb' | 'kind' | 'namespace' | 'name'> {
  return { controller: w.controller, verb: w.verb, kind: w.kind, namespace: w.namespace, name: w.name };
}

export type Step =
  | { apply: KObject[] }
  | { delete: { kind: string; namespace?: string; name: string; gracePeriodSeconds?: number } }
  | { setPodReady: { namespace: string; name: string; ready: boolean } }
  | { setNodeReady: { name: string; ready: boolean } }
  | { advance: number }
  | { clearWrites: true };

export interface Scenario {
  name: string;
  dir: string;
  input: KObject[];
  options: ClusterOptions;
  steps: Step[];
  expected: { endpointSlices: EndpointSlice[]; endpoints: KObject[]; writes?: Write[]; events?: unknown[] };
}

export const SCENARIO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', 'scenarios');

export function loadScenarios(root = SCENARIO_ROOT): Scenario[] {
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const dir = join(root, name);
      const read = (f: string) => readFileSync(join(dir, f), 'utf8');
      const input = (loadAll(read('input.yaml')) as (KObject | null)[]).filter((o): o is KObject => !!o);
      const options = existsSync(join(dir, 'options.yaml')) ? ((load(read('options.yaml')) as ClusterOptions) ?? {}) : {};
      const steps = existsSync(join(dir, 'steps.yaml')) ? ((load(read('steps.yaml')) as Step[]) ?? []) : [];
      const expected = resolveMergeKeys(load(read('expected.yaml'))) as Scenario['expected'];
      return { name, dir, input, options, steps, expected };
    });
}
