// Repeated identical events are merged into one record with a count, as client-go's EventCorrelator
// patches the existing Event (tools/record/events_cache.go eventLogger.eventObserve).
import { describe, expect, it } from 'vitest';
import { createCluster } from '../index';
import type { KObject } from '../types';

const objects: KObject[] = [
  { apiVersion: 'v1', kind: 'Node', metadata: { name: 'node-a' } },
  {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'web-1', namespace: 'default', labels: { app: 'web' } },
    spec: { nodeName: 'node-z', containers: [{ name: 'app', image: 'nginx' }] },
    status: { phase: 'Running', podIPs: [{ ip: '10.244.9.2' }], conditions: [{ type: 'Ready', status: 'True' }] },
  },
  { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } },
];

// PodGC off (kube-controller-manager --controllers=*,-pod-garbage-collector): it would force-delete the pod
// of the missing node 40-60 s after it first sees it (podgc.ts), and these cases need the pod to stay.
const WITHOUT_PODGC = { controllers: { podgc: false } };

describe('events', () => {
  it('the same warning recorded again is counted on one event, with its first and last time', () => {
    const c = createCluster(WITHOUT_PODGC);
    c.apply(objects);
    const first = c.events().filter((e) => e.reason === 'FailedToUpdateEndpointSlices');
    expect(first).toHaveLength(1);
    c.advance(300);
    // another change to the Service makes the controller sync (and fail on the missing node) again
    c.apply([{ ...objects[2], metadata: { ...objects[2].metadata, labels: { tier: 'web' } } }]);
    const merged = c.events().filter((e) => e.reason === 'FailedToUpdateEndpointSlices');
    expect(merged).toEqual([
      {
        ...first[0],
        count: 2,
        firstTime: '2024-01-01T00:00:00Z',
        time: '2024-01-01T00:05:00Z',
      },
    ]);
  });
});
