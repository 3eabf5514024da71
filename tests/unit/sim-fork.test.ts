// Cluster.fork(): the fork is in the same state as the original (what it lists, its writes, events,
// clock, and everything it will do next: names, IPs, uids, resourceVersions, trigger times), and
// changing one never changes the other. Proved by running the same steps on a fork and on a cluster
// that was never forked, for every fidelity scenario at every step, and for random workload histories.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KINDS, copyOnWrite, createCluster, simCounters, type Cluster, type Kind, type KObject, type Pod } from '../../src/sim/index';
import { loadScenarios, type Step } from './sim-kit.testutil';

function dump(c: Cluster) {
  return { objects: KINDS.map((k) => [k, c.list(k)]), writes: c.writes(), events: c.events(), now: c.now() };
}

function runStep(c: Cluster, step: Step): void {
  if ('apply' in step) c.apply(step.apply);
  else if ('delete' in step) {
    const d = step.delete;
    c.delete({ kind: d.kind as Kind, namespace: d.namespace, name: d.name }, { gracePeriodSeconds: d.gracePeriodSeconds });
  } else if ('setPodReady' in step) c.setPodReady(step.setPodReady.namespace, step.setPodReady.name, step.setPodReady.ready);
  else if ('setNodeReady' in step) c.setNodeReady(step.setNodeReady.name, step.setNodeReady.ready);
  else if ('advance' in step) c.advance(step.advance);
}

/** New objects whose names, IPs, node ports and uids come from the allocators' state at that moment. */
const probe: KObject[] = [
  { apiVersion: 'v1', kind: 'Service', metadata: { name: 'probe', namespace: 'probe' }, spec: { type: 'NodePort', ipFamilyPolicy: 'PreferDualStack', ipFamilies: ['IPv4', 'IPv6'], selector: { app: 'probe' }, ports: [{ port: 80 }] } },
  {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'probe', namespace: 'probe' },
    spec: { replicas: 2, selector: { matchLabels: { app: 'probe' } }, template: { metadata: { labels: { app: 'probe' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } },
  },
];

/** What the cluster does next: allocate for the probe, then let time pass. */
function future(c: Cluster): void {
  c.apply(structuredClone(probe));
  c.advance(1);
}

/** Changes almost everything, allocating on the way (a fork sharing an allocator would show it). */
function wreck(c: Cluster): void {
  for (const s of c.list('Service')) c.delete({ kind: 'Service', namespace: s.metadata.namespace, name: s.metadata.name! });
  for (const p of c.list('Pod')) c.delete({ kind: 'Pod', namespace: p.metadata.namespace, name: p.metadata.name! }, { gracePeriodSeconds: 0 });
  future(c);
  c.advance(3600);
}

describe('Cluster.fork() on every fidelity scenario', () => {
  const scenarios = loadScenarios();
  for (const sc of scenarios) {
    it(`${sc.name}: a fork at any step ends where the original ends, and leaves the original alone`, () => {
      const straight = createCluster(sc.options);
      straight.apply(sc.input);
      for (const step of sc.steps) runStep(straight, step);
      future(straight);
      const end = dump(straight);

      for (let k = 0; k <= sc.steps.length; k++) {
        const original = createCluster(sc.options);
        original.apply(sc.input);
        for (const step of sc.steps.slice(0, k)) runStep(original, step);
        const before = dump(original);

        const fork = original.fork();
        expect(dump(fork)).toEqual(before);
        for (const step of sc.steps.slice(k)) runStep(fork, step);
        future(fork);
        expect(dump(fork)).toEqual(end);

        const other = original.fork();
        wreck(other);
        expect(dump(original)).toEqual(before);
        for (const step of sc.steps.slice(k)) runStep(original, step);
        future(original);
        expect(dump(original)).toEqual(end);
      }
    });
  }
});

const NS = 'shop';
const workload: KObject[] = [
  { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: NS }, spec: { selector: { app: 'web' }, ipFamilyPolicy: 'PreferDualStack', ipFamilies: ['IPv4', 'IPv6'], ports: [{ name: 'http', port: 80, targetPort: 'http' }] } },
  { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web-np', namespace: NS }, spec: { type: 'NodePort', selector: { app: 'web' }, ports: [{ port: 8080 }] } },
  {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: NS },
    spec: {
      replicas: 3,
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'app', image: 'nginx:1.27', ports: [{ name: 'http', containerPort: 8080 }] }] } },
    },
  },
];

type Op =
  | { t: 'scale'; replicas: number }
  | { t: 'restart' }
  | { t: 'advance'; seconds: number }
  | { t: 'ready'; pod: number; ready: boolean }
  | { t: 'deletePod'; pod: number; grace: number }
  | { t: 'port'; port: number }
  | { t: 'node'; n: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ t: fc.constant('scale' as const), replicas: fc.integer({ min: 0, max: 6 }) }),
  fc.constant({ t: 'restart' as const }),
  fc.record({ t: fc.constant('advance' as const), seconds: fc.integer({ min: 0, max: 45 }) }),
  fc.record({ t: fc.constant('ready' as const), pod: fc.nat(20), ready: fc.boolean() }),
  fc.record({ t: fc.constant('deletePod' as const), pod: fc.nat(20), grace: fc.constantFrom(0, 10, 30) }),
  fc.record({ t: fc.constant('port' as const), port: fc.constantFrom(80, 81, 443) }),
  fc.record({ t: fc.constant('node' as const), n: fc.integer({ min: 1, max: 3 }) }),
);

function runOp(c: Cluster, op: Op): void {
  const pods = c.list<Pod>('Pod', NS).filter((p) => !p.metadata.deletionTimestamp);
  const pod = (i: number) => pods[i % pods.length];
  switch (op.t) {
    case 'scale':
      return c.scale('Deployment', NS, 'web', op.replicas);
    case 'restart':
      return c.rolloutRestart(NS, 'web');
    case 'advance':
      return c.advance(op.seconds);
    case 'ready':
      if (pods.length) c.setPodReady(NS, pod(op.pod).metadata.name!, op.ready);
      return;
    case 'deletePod':
      if (pods.length) c.delete({ kind: 'Pod', namespace: NS, name: pod(op.pod).metadata.name! }, { gracePeriodSeconds: op.grace });
      return;
    case 'port':
      c.apply([{ ...workload[0], spec: { ...(workload[0].spec as object), ports: [{ name: 'http', port: op.port, targetPort: 'http' }] } } as KObject]);
      return;
    case 'node':
      c.apply([{ apiVersion: 'v1', kind: 'Node', metadata: { name: `extra-${op.n}`, labels: { 'topology.kubernetes.io/zone': `zone-${op.n}` } } } as KObject]);
      return;
  }
}

describe('Cluster.fork() on workload histories (fast-check)', () => {
  it('forking after any prefix of a random history and running the rest gives the never-forked result', () => {
    fc.assert(
      fc.property(fc.array(opArb, { minLength: 1, maxLength: 10 }), fc.nat(), (ops, cut) => {
        const k = cut % (ops.length + 1);
        const straight = createCluster();
        straight.apply(workload);
        for (const op of ops) runOp(straight, op);
        future(straight);

        const original = createCluster();
        original.apply(workload);
        for (const op of ops.slice(0, k)) runOp(original, op);
        const before = dump(original);
        const fork = original.fork();
        for (const op of ops.slice(k)) runOp(fork, op);
        future(fork);
        expect(dump(fork)).toEqual(dump(straight));
        expect(dump(original)).toEqual(before);
        for (const op of ops.slice(k)) runOp(original, op);
        future(original);
        expect(dump(original)).toEqual(dump(straight));
      }),
      { numRuns: 60, seed: 1035 },
    );
  });

  it('runs no controller and makes no cluster through createCluster', () => {
    const c = createCluster();
    c.apply(workload);
    const before = simCounters();
    const fork = c.fork();
    expect(simCounters()).toEqual(before);
    expect(fork.list('Pod')).toHaveLength(3);
  });
});

describe('copyOnWrite(cluster)', () => {
  it('reads the cluster behind it until the first change, then changes a fork of it', () => {
    const base = createCluster();
    base.apply(workload);
    const before = dump(base);
    const view = copyOnWrite(base);
    expect(view.list('Pod', NS).map((p) => p.metadata.name)).toEqual(base.list('Pod', NS).map((p) => p.metadata.name));
    expect(view.now()).toBe(base.now());
    expect(view.forked).toBe(false);

    view.scale('Deployment', NS, 'web', 5);
    expect(view.forked).toBe(true);
    expect(view.list('Pod', NS)).toHaveLength(5);
    view.advance(60);
    expect(view.now()).toBe('2024-01-01T00:01:00Z');
    expect(dump(base)).toEqual(before);

    // The same steps on a cluster that was never shared give the same result.
    const straight = createCluster();
    straight.apply(workload);
    straight.scale('Deployment', NS, 'web', 5);
    straight.advance(60);
    expect(dump(view)).toEqual(dump(straight));
  });
});
