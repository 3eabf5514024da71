import { describe, expect, it } from 'vitest';
import { ObjectStore, bumpsGeneration } from './store';
import { NameGenerator, NAME_ALPHABET, safeEncodeString, uidFromSequence } from './ids';
import type { KObject } from '../types';

const NOW = '2024-01-01T00:00:00Z';
const slice = (extra: Partial<KObject> = {}): KObject => ({
  kind: 'EndpointSlice',
  apiVersion: 'discovery.k8s.io/v1',
  metadata: { name: 's', namespace: 'default', labels: { a: '1' } },
  addressType: 'IPv4',
  endpoints: [{ addresses: ['10.0.0.1'] }],
  ports: null,
  ...extra,
});

describe('ids', () => {
  it('uids are UUID v4-shaped and a pure function of the sequence number', () => {
    const u = uidFromSequence(1);
    expect(u).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(uidFromSequence(1)).toBe(u);
    const many = new Set(Array.from({ length: 5000 }, (_, i) => uidFromSequence(i)));
    expect(many.size).toBe(5000);
  });

  it('generateName: prefix + 5 characters of the apiserver alphabet, deterministic, fresh each time', () => {
    const a = new NameGenerator();
    const b = new NameGenerator();
    const first = a.generate('default', 'web-', () => false);
    expect(first).toMatch(new RegExp(`^web-[${NAME_ALPHABET}]{5}$`));
    expect(b.generate('default', 'web-', () => false)).toBe(first); // same inputs, same name
    expect(a.generate('default', 'web-', () => false)).not.toBe(first); // next one differs
  });

  it('generateName cuts the prefix to 58 characters (63 with the suffix) and skips taken names', () => {
    const gen = new NameGenerator();
    const long = 'x'.repeat(70);
    const name = gen.generate('ns', long, () => false);
    expect(name).toHaveLength(63);
    expect(name.startsWith('x'.repeat(58))).toBe(true);
    const taken = new NameGenerator().generate('ns', 'web-', () => false);
    const other = new NameGenerator().generate('ns', 'web-', (n) => n === taken);
    expect(other).not.toBe(taken);
  });

  it('SafeEncodeString maps each character by its code modulo 27', () => {
    // '0' is 48 → 48 % 27 = 21 → alphabet[21] = '4'; '1' is 49 → 22 → '5'
    expect(safeEncodeString('01')).toBe('45');
  });
});

describe('ObjectStore', () => {
  it('assigns uid, a global increasing resourceVersion, creationTimestamp and generation 1 where the kind has one', () => {
    const store = new ObjectStore(() => NOW);
    const a = store.create(slice(), 'user');
    const b = store.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'svc', namespace: 'default' }, spec: {} }, 'user');
    expect(a.metadata.uid).toMatch(/^[0-9a-f-]{36}$/);
    expect(a.metadata.creationTimestamp).toBe(NOW);
    expect(Number(b.metadata.resourceVersion)).toBeGreaterThan(Number(a.metadata.resourceVersion));
    expect(a.metadata.generation).toBe(1);
    expect(b.metadata.generation).toBeUndefined(); // Services have no generation
  });

  it('keeps a given uid and creationTimestamp', () => {
    const store = new ObjectStore(() => NOW);
    const s = store.create(slice({ metadata: { name: 's', namespace: 'default', uid: 'u-1', creationTimestamp: '2020-05-05T00:00:00Z' } }), 'user');
    expect(s.metadata.uid).toBe('u-1');
    expect(s.metadata.creationTimestamp).toBe('2020-05-05T00:00:00Z');
  });

  it('a no-op update writes nothing (same object, same resourceVersion)', () => {
    const store = new ObjectStore(() => NOW);
    const a = store.create(slice(), 'user');
    expect(store.update(slice(), 'user')).toBe(a);
  });

  it('EndpointSlice generation: bumped by endpoints/ports/labels, not by annotations (endpointslice/strategy.go)', () => {
    const store = new ObjectStore(() => NOW);
    store.create(slice(), 'user');
    const annotated = store.update(slice({ metadata: { name: 's', namespace: 'default', labels: { a: '1' }, annotations: { x: 'y' } } }), 'user');
    expect(annotated.metadata.generation).toBe(1);
    const relabelled = store.update(slice({ metadata: { name: 's', namespace: 'default', labels: { a: '2' } } }), 'user');
    expect(relabelled.metadata.generation).toBe(2);
    const moved = store.update(slice({ metadata: { name: 's', namespace: 'default', labels: { a: '2' } }, endpoints: [{ addresses: ['10.0.0.2'] }] }), 'user');
    expect(moved.metadata.generation).toBe(3);
    expect(Number(moved.metadata.resourceVersion)).toBeGreaterThan(Number(relabelled.metadata.resourceVersion));
  });

  it('Pod generation: spec changes and the start of a graceful deletion bump it, status does not', () => {
    const pod = (spec: object, meta: object = {}, status?: object): KObject => ({
      apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', ...meta }, spec, ...(status ? { status } : {}),
    });
    expect(bumpsGeneration('Pod', pod({ a: 1 }), pod({ a: 1 }, {}, { phase: 'Running' }))).toBe(false);
    expect(bumpsGeneration('Pod', pod({ a: 1 }), pod({ a: 2 }))).toBe(true);
    expect(bumpsGeneration('Pod', pod({ a: 1 }), pod({ a: 1 }, { deletionTimestamp: NOW }))).toBe(true);
    expect(bumpsGeneration('Endpoints', pod({ a: 1 }), pod({ a: 2 }))).toBe(false);
  });
});
