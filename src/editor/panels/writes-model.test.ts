import { describe, expect, it } from 'vitest';
import { runTerminalLine } from '../../kubectl';
import { settledCluster } from '../../sim';
import type { KObject, Write } from '../../sim/types';
import { formatBytes, writesView } from './writes-model';

/** A Deployment of `replicas` pods behind a Service, as a learner would write it. */
function service(replicas: number): KObject[] {
  return [
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', namespace: 'default' },
      spec: {
        replicas,
        selector: { matchLabels: { app: 'web' } },
        template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx', ports: [{ containerPort: 80 }] }] } },
      },
    } as KObject,
    { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } } as KObject,
  ];
}

describe('writesView', () => {
  it('a one-pod readiness flip in a 1,000-pod Service: 1 EndpointSlice update against 1 Endpoints update', () => {
    const cluster = settledCluster(service(1000)).fork();
    const pod = cluster.list('Pod')[0].metadata.name!;
    const before = cluster.writes().length;
    runTerminalLine(cluster, `sim ready ${pod} false`);
    const view = writesView(cluster.writes().slice(before), 3, `$ sim ready ${pod} false`);

    expect(view.rows.map(({ kind, verb, name, bytes }) => ({ kind, verb, name, bytes }))).toEqual([
      { kind: 'EndpointSlice', verb: 'update', name: 'web-fg6p2', bytes: 25905 },
      { kind: 'Endpoints', verb: 'update', name: 'web', bytes: 165386 },
    ]);
    expect(view.endpointSlices).toEqual({ writes: 1, bytes: 25905, sent: 77715 });
    expect(view.endpoints).toEqual({ writes: 1, bytes: 165386, sent: 496158 });
    expect(view.bars).toEqual({ endpointSlices: 25905 / 165386, endpoints: 1 });
    expect(view.summary).toBe(
      'EndpointSlice API: 1 write, 25.9 kB (77.7 kB to 3 watchers). Legacy Endpoints: 1 write, 165.4 kB (496.2 kB to 3 watchers). Endpoints cost 6.4 times as much.',
    );
  });

  it('keeps the order of the writes and counts deletes at 0 bytes', () => {
    const w = (seq: number, kind: Write['kind'], verb: Write['verb'], bytes: number): Write => ({
      seq, time: '2024-01-01T00:00:00Z', controller: kind === 'Endpoints' ? 'endpoints-controller' : 'endpointslice-controller', verb, kind, namespace: 'default', name: `o${seq}`, bytes,
    });
    const view = writesView([w(7, 'EndpointSlice', 'create', 900), w(8, 'Endpoints', 'delete', 0), w(9, 'EndpointSlice', 'delete', 0)], 1, 'your last edit');
    expect(view.rows.map((r) => `${r.seq} ${r.verb} ${r.kind}/${r.name} ${r.bytes}`)).toEqual([
      '7 create EndpointSlice/o7 900',
      '8 delete Endpoints/o8 0',
      '9 delete EndpointSlice/o9 0',
    ]);
    expect(view.endpointSlices).toEqual({ writes: 2, bytes: 900, sent: 900 });
    expect(view.endpoints).toEqual({ writes: 1, bytes: 0, sent: 0 });
    expect(view.bars).toEqual({ endpointSlices: 1, endpoints: 0 });
  });

  it('says so when nothing was written', () => {
    expect(writesView([], 3, 'x').summary).toBe('No controller wrote anything for this change.');
    expect(writesView([], 3, 'x').bars).toEqual({ endpointSlices: 0, endpoints: 0 });
  });

  it('formats bytes', () => {
    expect([formatBytes(0), formatBytes(999), formatBytes(25905), formatBytes(1_654_000)]).toEqual(['0 B', '999 B', '25.9 kB', '1.7 MB']);
  });
});
