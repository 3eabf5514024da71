import { describe, expect, it } from 'vitest';
import { createCluster } from './cluster';
import type { Deployment, EndpointSlice, Endpoints, Node, Pod, ReplicaSet, Service } from '../types';
import { deployment, node, pod, service } from './testkit.testutil';
import { NAME_ALPHABET } from './ids';

const SUFFIX = `[${NAME_ALPHABET}]{5}`;

describe('apply', () => {
  it('reports created / unchanged / configured like kubectl apply', () => {
    const c = createCluster();
    expect(c.apply([service('web')]).map((r) => r.action)).toEqual(['created']);
    expect(c.apply([service('web')]).map((r) => r.action)).toEqual(['unchanged']);
    const changed = service('web', { app: 'web' }, { sessionAffinity: 'ClientIP' });
    expect(c.apply([changed]).map((r) => r.action)).toEqual(['configured']);
  });

  it('keeps server fields given in the manifest (uid, creationTimestamp, clusterIP, pod status)', () => {
    const c = createCluster();
    const svc = service('web');
    svc.metadata.uid = '11111111-2222-4333-8444-555555555555';
    svc.metadata.creationTimestamp = '2023-06-01T10:00:00Z';
    (svc.spec as Service['spec']).clusterIP = '10.96.100.100';
    const status = { phase: 'Running', podIP: '10.1.2.3', podIPs: [{ ip: '10.1.2.3' }], conditions: [{ type: 'Ready', status: 'False' }] };
    c.apply([svc, pod('p', { app: 'web' }, {}), { ...pod('q', { app: 'web' }), status }]);
    const stored = c.get<Service>('Service', 'default', 'web')!;
    expect(stored.metadata.uid).toBe('11111111-2222-4333-8444-555555555555');
    expect(stored.metadata.creationTimestamp).toBe('2023-06-01T10:00:00Z');
    expect(stored.spec.clusterIPs).toEqual(['10.96.100.100']);
    expect(c.get<Pod>('Pod', 'default', 'q')!.status).toEqual(status);
    expect(c.get<Pod>('Pod', 'default', 'q')!.spec.nodeName).toBeUndefined();
  });
});

describe('Deployment expansion', () => {
  it('creates ReplicaSet <deploy>-<hash> and pods <rs>-<5 chars> with labels, owners and status', () => {
    const c = createCluster();
    c.apply([deployment('web', 3)]);
    const [rs] = c.list<ReplicaSet>('ReplicaSet');
    const dep = c.get<Deployment>('Deployment', 'default', 'web')!;
    const hash = rs.metadata.labels!['pod-template-hash'];
    expect(hash).toMatch(new RegExp(`^[${NAME_ALPHABET}]{1,10}$`));
    expect(rs.metadata.name).toBe(`web-${hash}`);
    expect(rs.metadata.ownerReferences).toEqual([
      { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: dep.metadata.uid, controller: true, blockOwnerDeletion: true },
    ]);
    expect(rs.spec.selector).toEqual({ matchLabels: { app: 'web', 'pod-template-hash': hash } });
    expect(rs.metadata.annotations).toEqual({
      'deployment.kubernetes.io/desired-replicas': '3',
      'deployment.kubernetes.io/max-replicas': '4', // 3 + ceil(25% of 3)
      'deployment.kubernetes.io/revision': '1',
    });
    const pods = c.list<Pod>('Pod');
    expect(pods).toHaveLength(3);
    for (const p of pods) {
      expect(p.metadata.name).toMatch(new RegExp(`^web-${hash}-${SUFFIX}$`));
      expect(p.metadata.generateName).toBe(`web-${hash}-`);
      expect(p.metadata.labels).toEqual({ app: 'web', 'pod-template-hash': hash });
      expect(p.metadata.ownerReferences).toEqual([
        { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: rs.metadata.name, uid: rs.metadata.uid, controller: true, blockOwnerDeletion: true },
      ]);
      expect(p.spec.containers[0].ports).toEqual([{ name: 'http', containerPort: 8080, protocol: 'TCP' }]);
      expect(p.status?.phase).toBe('Running');
    }
    expect(rs.status).toEqual({ replicas: 3, fullyLabeledReplicas: 3, readyReplicas: 3, availableReplicas: 3, observedGeneration: 1 });
    expect(dep.metadata.annotations).toEqual({ 'deployment.kubernetes.io/revision': '1' });
    expect(dep.status).toMatchObject({ observedGeneration: 1, replicas: 3, updatedReplicas: 3, readyReplicas: 3, availableReplicas: 3 });
    expect(dep.spec.strategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } });
  });

  it('is deterministic: the same manifests give the same names, uids and IPs', () => {
    const run = () => {
      const c = createCluster();
      c.apply([deployment('web', 4), service('web')]);
      return [c.list('Pod'), c.list('EndpointSlice'), c.list('Endpoints')];
    };
    expect(run()).toEqual(run());
  });

  it('a bare ReplicaSet names its pods <rs>-<5 chars> without a pod-template-hash', () => {
    const c = createCluster();
    const rs = deployment('cache', 2);
    rs.kind = 'ReplicaSet';
    delete (rs.spec as Record<string, unknown>).strategy;
    c.apply([rs]);
    const pods = c.list<Pod>('Pod');
    expect(pods.map((p) => p.metadata.name)).toEqual(pods.map(() => expect.stringMatching(new RegExp(`^cache-${SUFFIX}$`))));
    expect(pods[0].metadata.labels).toEqual({ app: 'cache' });
  });
});

describe('scheduling and pod IPs', () => {
  it('default nodes node-a/b/c in zone-a/b/c; pods round-robin in name order; IPs .2, .3 of each node /24', () => {
    const c = createCluster();
    c.apply(['p5', 'p1', 'p3', 'p2', 'p4'].map((n) => pod(n, { app: 'x' })));
    const nodes = c.list<Node>('Node');
    expect(nodes.map((n) => [n.metadata.name, n.metadata.labels!['topology.kubernetes.io/zone'], n.spec!.podCIDR])).toEqual([
      ['node-a', 'zone-a', '10.244.0.0/24'],
      ['node-b', 'zone-b', '10.244.1.0/24'],
      ['node-c', 'zone-c', '10.244.2.0/24'],
    ]);
    expect(nodes[0].status!.allocatable).toMatchObject({ cpu: '4', pods: '110' });
    const placed = c.list<Pod>('Pod').map((p) => [p.metadata.name, p.spec.nodeName, p.status!.podIP]);
    expect(placed).toEqual([
      ['p1', 'node-a', '10.244.0.2'],
      ['p2', 'node-b', '10.244.1.2'],
      ['p3', 'node-c', '10.244.2.2'],
      ['p4', 'node-a', '10.244.0.3'],
      ['p5', 'node-b', '10.244.1.3'],
    ]);
  });

  it('a started pod has the Running status a kubelet reports', () => {
    const c = createCluster();
    c.apply([pod('p', { app: 'x' })]);
    const p = c.get<Pod>('Pod', 'default', 'p')!;
    const t = '2024-01-01T00:00:00Z';
    const cond = (type: string) => ({ type, status: 'True', observedGeneration: 1, lastProbeTime: null, lastTransitionTime: t });
    expect(p.status).toEqual({
      observedGeneration: 1,
      phase: 'Running',
      conditions: ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled'].map(cond),
      hostIP: '172.18.0.2',
      hostIPs: [{ ip: '172.18.0.2' }],
      podIP: '10.244.0.2',
      podIPs: [{ ip: '10.244.0.2' }],
      startTime: t,
      containerStatuses: [
        {
          name: 'app',
          // runtime IDs: containerd's URI scheme and a registry digest, stable for the same pod and image
          containerID: expect.stringMatching(/^containerd:\/\/[0-9a-f]{64}$/),
          image: 'nginx:1.27',
          imageID: expect.stringMatching(/^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/),
          ready: true,
          restartCount: 0,
          started: true,
          state: { running: { startedAt: t } },
        },
      ],
      qosClass: 'BestEffort',
    });
  });

  it('dual-stack pods when a Service of the namespace asks for IPv6; v6 mirrors the v4 host number', () => {
    const c = createCluster();
    c.apply([service('web', { app: 'web' }, { ipFamilyPolicy: 'PreferDualStack' }), pod('a', { app: 'web' })]);
    expect(c.get<Pod>('Pod', 'default', 'a')!.status!.podIPs).toEqual([{ ip: '10.244.0.2' }, { ip: 'fd00:10:244::2' }]);
    const slices = c.list<EndpointSlice>('EndpointSlice');
    expect(slices.map((s) => [s.addressType, s.endpoints?.map((e) => e.addresses[0])])).toEqual(
      expect.arrayContaining([
        ['IPv4', ['10.244.0.2']],
        ['IPv6', ['fd00:10:244::2']],
      ]),
    );
  });

  it('uses the Nodes given (no default nodes), their podCIDR, and leaves pods Pending when nothing fits', () => {
    const c = createCluster();
    const cordoned = node('n2', 'z2');
    (cordoned.spec as Record<string, unknown>).unschedulable = true;
    c.apply([node('n1', 'z1', '10.50.7.0/24'), cordoned, pod('a', { app: 'x' }), pod('b', { app: 'x', need: 'ssd' }, { nodeSelector: { disk: 'ssd' } })]);
    expect(c.list('Node').map((n) => n.metadata.name)).toEqual(['n1', 'n2']);
    const a = c.get<Pod>('Pod', 'default', 'a')!;
    expect([a.spec.nodeName, a.status!.podIP, a.status!.hostIP]).toEqual(['n1', '10.50.7.2', '192.168.0.2']);
    const b = c.get<Pod>('Pod', 'default', 'b')!;
    expect(b.spec.nodeName).toBeUndefined();
    expect(b.status!.phase).toBe('Pending');
    expect(b.status!.conditions![0]).toMatchObject({
      type: 'PodScheduled',
      status: 'False',
      reason: 'Unschedulable',
      message:
        "0/2 nodes are available: 1 node(s) didn't match Pod's node affinity/selector, 1 node(s) were unschedulable. " +
        'preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.',
    });
  });

  it('the default cluster grows a node when every default node holds 110 pods (kubelet maxPods)', () => {
    const c = createCluster();
    c.apply([deployment('big', 331)]);
    const nodes = c.list<Node>('Node');
    expect(nodes.map((n) => n.metadata.name)).toEqual(['node-a', 'node-b', 'node-c', 'node-d']);
    expect(nodes[3].metadata.labels!['topology.kubernetes.io/zone']).toBe('zone-a');
    expect(c.list<Pod>('Pod').filter((p) => p.spec.nodeName === 'node-d')).toHaveLength(1);
  });
});

describe('graceful deletion, scale, rollout restart', () => {
  it('a deleted pod terminates for terminationGracePeriodSeconds, stays in slices as terminating, then goes', () => {
    const c = createCluster();
    c.apply([pod('a', { app: 'web' }), pod('b', { app: 'web' }), service('web')]);
    expect(c.delete({ kind: 'Pod', namespace: 'default', name: 'a' })).toBe(true);
    const a = c.get<Pod>('Pod', 'default', 'a')!;
    expect(a.metadata.deletionTimestamp).toBe('2024-01-01T00:00:30Z');
    expect(a.metadata.deletionGracePeriodSeconds).toBe(30);
    expect(a.metadata.generation).toBe(2);
    const ep = (s: EndpointSlice) => s.endpoints!.find((e) => e.targetRef?.name === 'a');
    expect(ep(c.list<EndpointSlice>('EndpointSlice')[0])!.conditions).toEqual({ ready: false, serving: true, terminating: true });
    // The Endpoints object drops it at once (no publishNotReadyAddresses).
    expect(c.get<Endpoints>('Endpoints', 'default', 'web')!.subsets![0].addresses!.map((x) => x.targetRef!.name)).toEqual(['b']);
    c.advance(29);
    expect(c.get('Pod', 'default', 'a')).toBeDefined();
    c.advance(1);
    expect(c.get('Pod', 'default', 'a')).toBeUndefined();
    expect(c.list<EndpointSlice>('EndpointSlice')[0].endpoints!.map((e) => e.targetRef!.name)).toEqual(['b']);
  });

  it('pods of a ReplicaSet that are deleted are replaced at once; the old one terminates', () => {
    const c = createCluster();
    c.apply([deployment('web', 2)]);
    const [first] = c.list<Pod>('Pod');
    c.delete({ kind: 'Pod', namespace: 'default', name: first.metadata.name! });
    const pods = c.list<Pod>('Pod');
    expect(pods).toHaveLength(3);
    expect(pods.filter((p) => !p.metadata.deletionTimestamp)).toHaveLength(2);
    c.advance(30);
    expect(c.list('Pod')).toHaveLength(2);
  });

  it('scale up creates pods, scale down terminates the newest first', () => {
    const c = createCluster();
    c.apply([deployment('web', 2)]);
    const before = c.list<Pod>('Pod').map((p) => p.metadata.name);
    c.advance(10);
    c.scale('Deployment', 'default', 'web', 3);
    const added = c.list<Pod>('Pod').find((p) => !before.includes(p.metadata.name))!;
    expect(added.metadata.creationTimestamp).toBe('2024-01-01T00:00:10Z');
    expect(c.get<Deployment>('Deployment', 'default', 'web')!.metadata.generation).toBe(2);
    c.scale('Deployment', 'default', 'web', 2);
    expect(c.get<Pod>('Pod', 'default', added.metadata.name!)!.metadata.deletionTimestamp).toBe('2024-01-01T00:00:40Z');
    expect(c.get<ReplicaSet>('ReplicaSet', 'default', c.list<ReplicaSet>('ReplicaSet')[0].metadata.name!)!.spec.replicas).toBe(2);
  });

  it('rolloutRestart: new ReplicaSet (new hash, restartedAt annotation, revision 2), old pods terminate', () => {
    const c = createCluster();
    c.apply([deployment('web', 2), service('web')]);
    const [oldRS] = c.list<ReplicaSet>('ReplicaSet');
    c.advance(60);
    c.rolloutRestart('default', 'web');
    const rsList = c.list<ReplicaSet>('ReplicaSet');
    expect(rsList).toHaveLength(2);
    const newRS = rsList.find((r) => r.metadata.uid !== oldRS.metadata.uid)!;
    expect(newRS.metadata.name).not.toBe(oldRS.metadata.name);
    expect(newRS.spec.template.metadata!.annotations).toEqual({ 'kubectl.kubernetes.io/restartedAt': '2024-01-01T00:01:00Z' });
    expect(newRS.metadata.annotations!['deployment.kubernetes.io/revision']).toBe('2');
    expect(c.get<ReplicaSet>('ReplicaSet', 'default', oldRS.metadata.name!)!.spec.replicas).toBe(0);
    const pods = c.list<Pod>('Pod');
    expect(pods.filter((p) => p.metadata.deletionTimestamp).map((p) => p.metadata.labels!['pod-template-hash'])).toEqual([
      oldRS.metadata.labels!['pod-template-hash'],
      oldRS.metadata.labels!['pod-template-hash'],
    ]);
    // 2 terminating + 2 new endpoints in the slice, 2 ready addresses in Endpoints.
    const slice = c.list<EndpointSlice>('EndpointSlice')[0];
    expect(slice.endpoints).toHaveLength(4);
    expect(c.get<Endpoints>('Endpoints', 'default', 'web')!.subsets![0].addresses).toHaveLength(2);
    c.advance(30);
    expect(c.list('Pod')).toHaveLength(2);
  });
});

describe('settle: owners, selectors, hand-made objects', () => {
  it('deleting a Service removes its Endpoints (endpoints controller) and slices (garbage collector)', () => {
    const c = createCluster();
    c.apply([pod('a', { app: 'web' }), service('web')]);
    const slice = c.list('EndpointSlice')[0].metadata.name!;
    const n = c.writes().length;
    c.delete({ kind: 'Service', namespace: 'default', name: 'web' });
    expect(c.list('EndpointSlice')).toEqual([]);
    expect(c.list('Endpoints')).toEqual([]);
    expect(c.writes().slice(n).map((w) => [w.controller, w.verb, w.kind, w.name, w.bytes])).toEqual(
      expect.arrayContaining([
        ['endpoints-controller', 'delete', 'Endpoints', 'web', 0],
        ['garbage-collector', 'delete', 'EndpointSlice', slice, 0],
      ]),
    );
  });

  it('a Service without selector gets nothing; a hand-made slice is kept as given', () => {
    const c = createCluster();
    const handMade = {
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: { name: 'ext-1', namespace: 'default', labels: { 'kubernetes.io/service-name': 'ext', 'endpointslice.kubernetes.io/managed-by': 'me' } },
      addressType: 'IPv4',
      endpoints: [{ addresses: ['192.0.2.10'] }],
      ports: [{ name: 'http', port: 8080, protocol: 'TCP' }],
    };
    c.apply([service('ext', null), handMade]);
    const slices = c.list<EndpointSlice>('EndpointSlice');
    expect(slices).toHaveLength(1);
    const { uid, resourceVersion, creationTimestamp, generation, ...meta } = slices[0].metadata;
    expect({ ...slices[0], metadata: meta }).toEqual({ ...handMade, metadata: { ...handMade.metadata } });
    expect([typeof uid, typeof resourceVersion, creationTimestamp, generation]).toEqual(['string', 'string', '2024-01-01T00:00:00Z', 1]);
    expect(c.list('Endpoints')).toEqual([]);
    expect(c.writes()).toEqual([]);
  });

  it('a user edit of a controller slice is repaired by the controller', () => {
    const c = createCluster();
    c.apply([pod('a', { app: 'web' }), service('web')]);
    const slice = c.list<EndpointSlice>('EndpointSlice')[0];
    c.apply([{ ...slice, endpoints: [] }]);
    const repaired = c.list<EndpointSlice>('EndpointSlice')[0];
    expect(repaired.endpoints!.map((e) => e.targetRef!.name)).toEqual(['a']);
    expect(repaired.metadata.generation).toBe(3); // user emptied it (2), controller refilled it (3)
  });

  it('re-labelling a pod moves it between Services', () => {
    const c = createCluster();
    c.apply([pod('a', { app: 'one' }), service('one'), service('two')]);
    c.apply([pod('a', { app: 'two' })]);
    const byService = (name: string) =>
      c.list<EndpointSlice>('EndpointSlice').find((s) => s.metadata.labels!['kubernetes.io/service-name'] === name)!.endpoints;
    expect(byService('one')).toBeNull(); // placeholder read back from storage
    expect(byService('two')!.map((e) => e.targetRef!.name)).toEqual(['a']);
  });
});

describe('trigger time (last-change-trigger-time)', () => {
  const TT = 'endpoints.kubernetes.io/last-change-trigger-time';

  it('first sync: the Service creationTimestamp; a readiness flip: the Ready lastTransitionTime', () => {
    const c = createCluster();
    c.apply([pod('a', { app: 'web' }), service('web')]);
    expect(c.list('EndpointSlice')[0].metadata.annotations).toEqual({ [TT]: '2024-01-01T00:00:00Z' });
    c.advance(90);
    c.setPodReady('default', 'a', false);
    const slice = c.list<EndpointSlice>('EndpointSlice')[0];
    expect(slice.metadata.annotations).toEqual({ [TT]: '2024-01-01T00:01:30Z' });
    expect(slice.endpoints![0].conditions).toEqual({ ready: false, serving: false, terminating: false });
    expect(c.get('Endpoints', 'default', 'web')!.metadata.annotations).toEqual({ [TT]: '2024-01-01T00:01:30Z' });
  });

  it('a change that moves no Ready transition time (pod deletion) clears the annotation', () => {
    const c = createCluster();
    c.apply([pod('a', { app: 'web' }), pod('b', { app: 'web' }), service('web')]);
    c.advance(5);
    c.delete({ kind: 'Pod', namespace: 'default', name: 'a' }, { gracePeriodSeconds: 0 });
    expect(c.list('EndpointSlice')[0].metadata.annotations).toBeUndefined();
  });
});

describe('writes accounting', () => {
  it('one pod changing in a 1,000-pod Service rewrites one slice (a few KB) but the whole Endpoints (~100 KB+)', () => {
    const c = createCluster({ defaultNodes: 10 });
    c.apply([deployment('web', 1000), service('web')]);
    const first = c.writes();
    expect(first.filter((w) => w.kind === 'EndpointSlice' && w.verb === 'create')).toHaveLength(10); // ⌈1000/100⌉
    expect(first.filter((w) => w.kind === 'Endpoints')).toHaveLength(1);
    const victim = c.list<Pod>('Pod')[500].metadata.name!;
    const n = first.length;
    c.advance(1);
    c.setPodReady('default', victim, false);
    const change = c.writes().slice(n);
    expect(change.map((w) => [w.controller, w.verb, w.kind])).toEqual([
      ['endpointslice-controller', 'update', 'EndpointSlice'],
      ['endpoints-controller', 'update', 'Endpoints'],
    ]);
    const [slice, endpoints] = change;
    expect(slice.bytes).toBeGreaterThan(1_000);
    expect(slice.bytes).toBeLessThan(50_000);
    expect(endpoints.bytes).toBeGreaterThan(100_000);
    expect(endpoints.bytes / slice.bytes).toBeGreaterThan(5);
    const stored = c.get('EndpointSlice', 'default', slice.name)!;
    expect(slice.bytes).toBe(new TextEncoder().encode(JSON.stringify(stored)).length);
  });

  it('an unchanged reconcile writes nothing', () => {
    const c = createCluster();
    c.apply([deployment('web', 3), service('web')]);
    const n = c.writes().length;
    c.apply([deployment('web', 3), service('web')]);
    c.advance(5);
    expect(c.writes().length).toBe(n);
  });
});

describe('more controllers and events', () => {
  it('workload controllers record their Events (ScalingReplicaSet, SuccessfulCreate)', () => {
    const c = createCluster();
    c.apply([deployment('web', 2)]);
    const rs = c.list<ReplicaSet>('ReplicaSet')[0].metadata.name!;
    const pods = c.list<Pod>('Pod').map((p) => p.metadata.name);
    expect(c.events().map((e) => [e.source, e.reason, e.message, e.involved.kind])).toEqual([
      ['deployment-controller', 'ScalingReplicaSet', `Scaled up replica set ${rs} from 0 to 2`, 'Deployment'],
      ['replicaset-controller', 'SuccessfulCreate', `Created pod: ${pods[0]}`, 'ReplicaSet'],
      ['replicaset-controller', 'SuccessfulCreate', `Created pod: ${pods[1]}`, 'ReplicaSet'],
    ]);
  });

  it('a hand-made Endpoints of a selector-less Service is mirrored into a slice', () => {
    const c = createCluster();
    const endpoints = {
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: { name: 'ext', namespace: 'default' },
      subsets: [{ addresses: [{ ip: '192.0.2.10' }], ports: [{ name: 'http', port: 8080, protocol: 'TCP' }] }],
    };
    c.apply([service('ext', null), endpoints]);
    const [slice] = c.list<EndpointSlice>('EndpointSlice');
    expect(slice.metadata.labels).toEqual({
      'endpointslice.kubernetes.io/managed-by': 'endpointslicemirroring-controller.k8s.io',
      'kubernetes.io/service-name': 'ext',
    });
    expect(slice.endpoints).toEqual([{ addresses: ['192.0.2.10'], conditions: { ready: true } }]);
    expect(c.writes().map((w) => [w.controller, w.verb, w.kind])).toEqual([['endpointslicemirroring-controller', 'create', 'EndpointSlice']]);
  });

  it('the Endpoints controller recreates its Endpoints when someone deletes it', () => {
    const c = createCluster();
    c.apply([pod('a', { app: 'web' }), service('web')]);
    c.delete({ kind: 'Endpoints', namespace: 'default', name: 'web' });
    expect(c.get<Endpoints>('Endpoints', 'default', 'web')!.subsets![0].addresses!.map((a) => a.ip)).toEqual(['10.244.0.2']);
  });

  it('nodes given without podCIDR get /24 slots that avoid the ranges of nodes given with one', () => {
    const c = createCluster();
    c.apply([node('n1', 'z1', '10.244.0.0/24'), node('n22', 'z1'), pod('a', { app: 'x' }, { nodeName: 'n22' })]);
    expect(c.get<Pod>('Pod', 'default', 'a')!.status!.podIP).toBe('10.244.1.2');
  });

  it('a Deployment pod on a Node that does not exist is excluded from slices but kept in Endpoints (reference §2)', () => {
    const c = createCluster();
    c.apply([node('n1', 'z1'), pod('gone', { app: 'web' }, { nodeName: 'ghost' }), pod('here', { app: 'web' }), service('web')]);
    expect(c.list<EndpointSlice>('EndpointSlice')[0].endpoints!.map((e) => e.targetRef!.name)).toEqual(['here']);
    expect(c.get<Endpoints>('Endpoints', 'default', 'web')!.subsets![0].addresses!.map((a) => a.targetRef!.name).sort()).toEqual(['gone', 'here']);
  });
});

describe('batches and cascades', () => {
  it('a batch with an object the simulator cannot take is refused before anything changes', () => {
    const c = createCluster();
    expect(() => c.apply([service('web'), { apiVersion: 'v1', kind: 'Service', metadata: {} } as never])).toThrow(/metadata.name/);
    expect(() => c.apply([{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' } }])).toThrow(/does not handle kind "ConfigMap"/);
    expect(c.list('Service')).toEqual([]);
  });

  it('deleting a Deployment cascades: ReplicaSet at once, pods terminate gracefully, then go', () => {
    const c = createCluster();
    c.apply([deployment('web', 2), service('web')]);
    c.delete({ kind: 'Deployment', namespace: 'default', name: 'web' });
    expect(c.list('ReplicaSet')).toEqual([]);
    expect(c.list<Pod>('Pod').map((p) => p.metadata.deletionTimestamp)).toEqual(['2024-01-01T00:00:30Z', '2024-01-01T00:00:30Z']);
    c.advance(30);
    expect(c.list('Pod')).toEqual([]);
    expect(c.list<EndpointSlice>('EndpointSlice')[0].endpoints).toBeNull();
  });
});
