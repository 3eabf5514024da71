// Rollouts step by step, as pkg/controller/deployment/rolling.go and recreate.go drive them. The
// expected numbers are worked out by hand from the upstream functions named in each test.
import { describe, expect, it } from 'vitest';
import { runKubectl } from '../../src/kubectl';
import type { Deployment, KObject, ReplicaSet, SimEvent } from '../../src/sim/types';
import { createCluster } from '../../src/sim/cluster/cluster';

const T0 = '2024-01-01T00:00:00Z';
const at = (s: number) => new Date(Date.parse(T0) + s * 1000).toISOString().replace('.000Z', 'Z');

function deployment(image: string, opts: { replicas: number; probeDelay?: number; strategy?: unknown }): KObject {
  const container: Record<string, unknown> = { name: 'web', image, ports: [{ containerPort: 80 }] };
  if (opts.probeDelay !== undefined) container.readinessProbe = { httpGet: { path: '/', port: 80 }, initialDelaySeconds: opts.probeDelay };
  const spec: Record<string, unknown> = {
    replicas: opts.replicas,
    selector: { matchLabels: { app: 'web' } },
    template: { metadata: { labels: { app: 'web' } }, spec: { containers: [container] } },
  };
  if (opts.strategy) spec.strategy = opts.strategy;
  return { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'default' }, spec } as KObject;
}

type Cluster = ReturnType<typeof createCluster>;
const replicaSets = (c: Cluster) =>
  c.list<ReplicaSet>('ReplicaSet', 'default').sort((a, b) => (a.metadata.creationTimestamp! < b.metadata.creationTimestamp! ? -1 : a.metadata.creationTimestamp! > b.metadata.creationTimestamp! ? 1 : 0));
const sizes = (c: Cluster) => replicaSets(c).map((rs) => [rs.spec.replicas, rs.status ?? {}]);
const depStatus = (c: Cluster) => c.get<Deployment>('Deployment', 'default', 'web')!.status;
const scalingEvents = (c: Cluster) => c.events().filter((e: SimEvent) => e.reason === 'ScalingReplicaSet').map((e) => e.message);

const cond = (type: string, status: string, reason: string, message: string, lastUpdateTime: string, lastTransitionTime: string) => ({
  type,
  status,
  lastUpdateTime,
  lastTransitionTime,
  reason,
  message,
});

describe('RollingUpdate (rolling.go rolloutRolling, defaults 25%/25%)', () => {
  it('4 replicas, readiness probe 10 s: new RS grows by the surge, old shrinks as new pods become available', () => {
    const c = createCluster();
    c.apply([deployment('nginx:1', { replicas: 4, probeDelay: 10 })]);
    const [a] = replicaSets(c);
    // Pods start not ready (probe initialDelaySeconds 10): nothing available yet.
    expect(sizes(c)).toEqual([[4, { replicas: 4, fullyLabeledReplicas: 4, observedGeneration: 1 }]]);
    expect(depStatus(c)).toEqual({
      observedGeneration: 1,
      replicas: 4,
      updatedReplicas: 4,
      unavailableReplicas: 4,
      conditions: [
        cond('Available', 'False', 'MinimumReplicasUnavailable', 'Deployment does not have minimum availability.', T0, T0),
        cond('Progressing', 'True', 'ReplicaSetUpdated', `ReplicaSet "${a.metadata.name}" is progressing.`, T0, T0),
      ],
    });
    expect(runKubectl(c, ['get', 'deploy', 'web']).stdout).toBe('NAME   READY   UP-TO-DATE   AVAILABLE   AGE\nweb    0/4     4            0           0s\n');

    c.advance(10);
    const full = { replicas: 4, fullyLabeledReplicas: 4, readyReplicas: 4, availableReplicas: 4, observedGeneration: 1 };
    expect(sizes(c)).toEqual([[4, full]]);
    expect(depStatus(c)).toEqual({
      observedGeneration: 1,
      replicas: 4,
      updatedReplicas: 4,
      readyReplicas: 4,
      availableReplicas: 4,
      conditions: [
        cond('Available', 'True', 'MinimumReplicasAvailable', 'Deployment has minimum availability.', at(10), at(10)),
        cond('Progressing', 'True', 'NewReplicaSetAvailable', `ReplicaSet "${a.metadata.name}" has successfully progressed.`, at(10), T0),
      ],
    });

    // New image. maxSurge ceil(25% of 4) = 1, maxUnavailable floor = 1, so minAvailable 3:
    // new 0->1 (5 pods max), old 4->3 (4 available > 3), new 1->2; then old may not shrink (2 new unavailable).
    c.apply([deployment('nginx:2', { replicas: 4, probeDelay: 10 })]);
    const [, b] = replicaSets(c);
    expect(sizes(c)).toEqual([
      [3, { replicas: 3, fullyLabeledReplicas: 3, readyReplicas: 3, availableReplicas: 3, observedGeneration: 2 }],
      // created at 1 and scaled to 2: its spec changed once, so generation (and observedGeneration) 2
      [2, { replicas: 2, fullyLabeledReplicas: 2, observedGeneration: 2 }],
    ]);
    expect(depStatus(c)).toEqual({
      observedGeneration: 2,
      replicas: 5,
      updatedReplicas: 2,
      readyReplicas: 3,
      availableReplicas: 3,
      unavailableReplicas: 2,
      conditions: [
        cond('Available', 'True', 'MinimumReplicasAvailable', 'Deployment has minimum availability.', at(10), at(10)),
        cond('Progressing', 'True', 'ReplicaSetUpdated', `ReplicaSet "${b.metadata.name}" is progressing.`, at(10), T0),
      ],
    });
    expect(b.metadata.annotations).toEqual({
      'deployment.kubernetes.io/desired-replicas': '4',
      'deployment.kubernetes.io/max-replicas': '5',
      'deployment.kubernetes.io/revision': '2',
    });

    // printers.go printDeployment: READY readyReplicas/spec.replicas, UP-TO-DATE updatedReplicas, AVAILABLE.
    expect(runKubectl(c, ['get', 'deploy', 'web']).stdout).toBe('NAME   READY   UP-TO-DATE   AVAILABLE   AGE\nweb    3/4     2            3           10s\n');
    // printReplicaSet: DESIRED spec.replicas, CURRENT status.replicas, READY status.readyReplicas.
    {
      const names = [a.metadata.name!, b.metadata.name!].sort();
      const w = Math.max(...names.map((n) => n.length)) + 3;
      const row = (n: string) => (n === a.metadata.name ? `${n.padEnd(w)}3         3         3       10s\n` : `${n.padEnd(w)}2         2         0       0s\n`);
      expect(runKubectl(c, ['get', 'rs']).stdout).toBe(`${'NAME'.padEnd(w)}DESIRED   CURRENT   READY   AGE\n` + names.map(row).join(''));
    }

    // rollout status watches while the clock runs: at 20 s the two new pods are Ready (old 3->1, new 2->4),
    // at 30 s the last two (old 1->0).
    const r = runKubectl(c, ['rollout', 'status', 'deployment/web']);
    expect(r.stdout).toBe(
      'Waiting for deployment "web" rollout to finish: 2 out of 4 new replicas have been updated...\n' +
        'Waiting for deployment "web" rollout to finish: 1 old replicas are pending termination...\n' +
        'deployment "web" successfully rolled out\n',
    );
    expect(c.now()).toBe(at(30));
    expect(scalingEvents(c)).toEqual([
      `Scaled up replica set ${a.metadata.name} from 0 to 4`,
      `Scaled up replica set ${b.metadata.name} from 0 to 1`,
      `Scaled down replica set ${a.metadata.name} from 4 to 3`,
      `Scaled up replica set ${b.metadata.name} from 1 to 2`,
      `Scaled down replica set ${a.metadata.name} from 3 to 1`,
      `Scaled up replica set ${b.metadata.name} from 2 to 4`,
      `Scaled down replica set ${a.metadata.name} from 1 to 0`,
    ]);
    expect(depStatus(c)!.conditions).toEqual([
      cond('Available', 'True', 'MinimumReplicasAvailable', 'Deployment has minimum availability.', at(10), at(10)),
      cond('Progressing', 'True', 'NewReplicaSetAvailable', `ReplicaSet "${b.metadata.name}" has successfully progressed.`, at(30), T0),
    ]);
    const names = [a.metadata.name!, b.metadata.name!].sort();
    const w = Math.max(...names.map((n) => n.length)) + 3;
    const row = (n: string) => (n === a.metadata.name ? `${n.padEnd(w)}0         0         0       30s\n` : `${n.padEnd(w)}4         4         4       20s\n`);
    expect(runKubectl(c, ['get', 'rs']).stdout).toBe(`${'NAME'.padEnd(w)}DESIRED   CURRENT   READY   AGE\n` + names.map(row).join(''));
  });

  it('without a readiness probe pods are Ready when started: the same steps happen within one apply', () => {
    const c = createCluster();
    c.apply([deployment('nginx:1', { replicas: 3 })]);
    c.apply([deployment('nginx:2', { replicas: 3 })]);
    const [a, b] = replicaSets(c);
    // 3 replicas: maxSurge ceil(0.75) = 1, maxUnavailable floor(0.75) = 0: one pod at a time.
    expect(scalingEvents(c)).toEqual([
      `Scaled up replica set ${a.metadata.name} from 0 to 3`,
      `Scaled up replica set ${b.metadata.name} from 0 to 1`,
      `Scaled down replica set ${a.metadata.name} from 3 to 2`,
      `Scaled up replica set ${b.metadata.name} from 1 to 2`,
      `Scaled down replica set ${a.metadata.name} from 2 to 1`,
      `Scaled up replica set ${b.metadata.name} from 2 to 3`,
      `Scaled down replica set ${a.metadata.name} from 1 to 0`,
    ]);
    expect(sizes(c).map(([n]) => n)).toEqual([0, 3]);
  });
});

describe('Recreate (recreate.go rolloutRecreate)', () => {
  it('old pods go first; the new ReplicaSet is created only when none is left running', () => {
    const c = createCluster();
    c.apply([deployment('nginx:1', { replicas: 2, strategy: { type: 'Recreate' } })]);
    c.apply([deployment('nginx:2', { replicas: 2, strategy: { type: 'Recreate' } })]);
    // Old ReplicaSet at 0; its two pods terminate for 30 s (default grace period).
    expect(replicaSets(c).map((rs) => rs.spec.replicas)).toEqual([0]);
    expect(c.list('Pod', 'default').every((p) => p.metadata.deletionTimestamp === at(30))).toBe(true);
    c.advance(29);
    expect(replicaSets(c)).toHaveLength(1);
    c.advance(1);
    const [a, b] = replicaSets(c);
    expect(scalingEvents(c)).toEqual([
      `Scaled up replica set ${a.metadata.name} from 0 to 2`,
      `Scaled down replica set ${a.metadata.name} from 2 to 0`,
      `Scaled up replica set ${b.metadata.name} from 0 to 2`,
    ]);
    expect(b.metadata.creationTimestamp).toBe(at(30));
  });
});

describe('rollback (sync.go getNewReplicaSet, SetNewReplicaSetAnnotations)', () => {
  it('going back to the first template reuses its ReplicaSet and gives it revision max(old) + 1', () => {
    const c = createCluster();
    c.apply([deployment('nginx:1', { replicas: 2 })]);
    c.apply([deployment('nginx:2', { replicas: 2 })]);
    c.apply([deployment('nginx:1', { replicas: 2 })]);
    const rs = replicaSets(c);
    expect(rs).toHaveLength(2);
    const rev = (r: ReplicaSet) => r.metadata.annotations!['deployment.kubernetes.io/revision'];
    expect(rs.map((r) => [rev(r), r.spec.replicas])).toEqual([
      ['3', 2],
      ['2', 0],
    ]);
    expect(c.get<Deployment>('Deployment', 'default', 'web')!.metadata.annotations!['deployment.kubernetes.io/revision']).toBe('3');
  });
});

describe('minReadySeconds (podutil.IsPodAvailable, replica_set.go requeue after minReadySeconds)', () => {
  it('Ready pods count as available only minReadySeconds after turning Ready', () => {
    const c = createCluster();
    const dep = deployment('nginx:1', { replicas: 2 }) as KObject & { spec: Record<string, unknown> };
    dep.spec.minReadySeconds = 5;
    c.apply([dep]);
    const [rs] = replicaSets(c);
    expect(rs.spec.minReadySeconds).toBe(5);
    expect(rs.status).toEqual({ replicas: 2, fullyLabeledReplicas: 2, readyReplicas: 2, observedGeneration: 1 });
    // 2 replicas: maxUnavailable floor(0.5) = 0, so both must be available.
    expect((depStatus(c)!.conditions as unknown[])[0]).toMatchObject({ type: 'Available', status: 'False', reason: 'MinimumReplicasUnavailable' });
    c.advance(4);
    expect(replicaSets(c)[0].status).not.toHaveProperty('availableReplicas');
    c.advance(6); // one advance past the moment: the controllers ran at 5 s, not at 10 s
    expect(replicaSets(c)[0].status).toEqual({ replicas: 2, fullyLabeledReplicas: 2, readyReplicas: 2, availableReplicas: 2, observedGeneration: 1 });
    expect(depStatus(c)!.conditions).toEqual([
      cond('Available', 'True', 'MinimumReplicasAvailable', 'Deployment has minimum availability.', at(5), at(5)),
      cond('Progressing', 'True', 'NewReplicaSetAvailable', `ReplicaSet "${rs.metadata.name}" has successfully progressed.`, at(5), T0),
    ]);
  });
});
