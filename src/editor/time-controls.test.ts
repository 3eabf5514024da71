// The time controls' commands are ones the Terminal knows: each runs with exit code 0 and changes
// the cluster the way its button says.
import { describe, expect, it } from 'vitest';
import { runTerminalLine } from '../kubectl';
import { isPodReady, settledCluster } from '../sim';
import type { KObject, Pod } from '../sim/types';
import { timeCommands } from './time-controls';

const objects = (): KObject[] => [
  {
    apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'default' },
    spec: { replicas: 3, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } },
  } as KObject,
  { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } } as KObject,
];

describe('time control commands', () => {
  it('builds the command lines a learner would type', () => {
    const pod = { namespace: 'default', name: 'web-1' };
    expect(timeCommands.advance('10s')).toBe('sim advance 10s');
    expect(timeCommands.ready(pod, false)).toBe('sim ready web-1 false');
    expect(timeCommands.ready({ namespace: 'shop', name: 'a' }, true)).toBe('sim ready a true -n shop');
    expect(timeCommands.deletePod(pod)).toBe('kubectl delete pod web-1 --wait=false');
    expect(timeCommands.scale({ namespace: 'default', name: 'web' }, 5)).toBe('kubectl scale deployment/web --replicas=5');
    expect(timeCommands.restart({ namespace: 'default', name: 'web' })).toBe('kubectl rollout restart deployment/web');
    expect(timeCommands.nodeDown('node-a')).toBe('kubectl delete node node-a');
  });

  it('each runs in the Terminal and changes the cluster', () => {
    const c = settledCluster(objects()).fork();
    const run = (line: string) => {
      const step = runTerminalLine(c, line);
      expect(step.exitCode, `${line}: ${step.output}`).toBe(0);
      return step.output;
    };
    const pods = () => c.list<Pod>('Pod');
    const first = { namespace: 'default', name: pods()[0].metadata.name! };
    expect(run(timeCommands.ready(first, false))).toBe(`pod/${first.name} ready=false\n`);
    expect(isPodReady(c.get<Pod>('Pod', 'default', first.name)!)).toBe(false);
    run(timeCommands.deletePod(first));
    expect(c.get<Pod>('Pod', 'default', first.name)?.metadata.deletionTimestamp).toBeDefined();
    run(timeCommands.advance('1m'));
    expect(c.get<Pod>('Pod', 'default', first.name)).toBeUndefined();
    run(timeCommands.scale({ namespace: 'default', name: 'web' }, 5));
    expect(pods().filter((p) => !p.metadata.deletionTimestamp)).toHaveLength(5);
    const before = new Set(pods().map((p) => p.metadata.name));
    run(timeCommands.restart({ namespace: 'default', name: 'web' }));
    run(timeCommands.advance('1m'));
    expect(pods().some((p) => !before.has(p.metadata.name))).toBe(true);
    const node = c.list('Node')[0].metadata.name!;
    run(timeCommands.nodeDown(node));
    expect(c.get('Node', undefined, node)).toBeUndefined();
    // As upstream: a Node's deletion reaches the EndpointSlice controller only through its topology
    // cache; the Pods bound to it (and so their endpoints) stay until PodGC deletes the orphans.
    const onNode = c.list('EndpointSlice').flatMap((s) => (s as { endpoints?: { nodeName?: string }[] }).endpoints ?? []).filter((e) => e.nodeName === node);
    const podsOnNode = pods().filter((p) => p.spec.nodeName === node);
    expect(podsOnNode.length).toBeGreaterThan(0);
    expect(onNode.map((e) => (e as { targetRef?: { name?: string } }).targetRef?.name).sort()).toEqual(podsOnNode.map((p) => p.metadata.name).sort());
  });
});
