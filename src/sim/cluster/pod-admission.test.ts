// Admission of new Pods (serviceaccount, defaulttolerationseconds, priority plugins) through the cluster.
import { describe, expect, it } from 'vitest';
import { createCluster } from '../index';
import type { KObject, Pod } from '../types';

const pod = (extra: Record<string, unknown> = {}): KObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'p', namespace: 'default', labels: { app: 'x' } },
  spec: { containers: [{ name: 'app', image: 'nginx:1.27' }], ...extra },
});

describe('pod admission', () => {
  it('adds the service account, its token volume and mounts, default tolerations and priority', () => {
    const c = createCluster();
    c.apply([pod()]);
    const spec = c.get<Pod>('Pod', 'default', 'p')!.spec;
    const volume = (spec.volumes as { name: string }[])[0].name;
    expect(volume).toMatch(/^kube-api-access-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(spec).toMatchObject({
      serviceAccountName: 'default',
      serviceAccount: 'default',
      priority: 0,
      preemptionPolicy: 'PreemptLowerPriority',
      enableServiceLinks: true,
      tolerations: [
        { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
        { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      ],
    });
    expect(spec.containers[0].volumeMounts).toEqual([
      { name: volume, mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', readOnly: true },
    ]);
  });

  it('keeps what the pod asked for: its own service account, no token when automount is off, its tolerations', () => {
    const c = createCluster();
    c.apply([
      pod({
        serviceAccountName: 'web',
        automountServiceAccountToken: false,
        tolerations: [{ key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 10 }],
      }),
    ]);
    const spec = c.get<Pod>('Pod', 'default', 'p')!.spec;
    expect(spec.serviceAccountName).toBe('web');
    expect(spec.volumes).toBeUndefined();
    expect(spec.containers[0].volumeMounts).toBeUndefined();
    expect(spec.tolerations).toEqual([
      { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 10 },
      { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
    ]);
  });

  it('an update of the pod keeps the fields admission set at creation', () => {
    const c = createCluster();
    c.apply([pod()]);
    const before = c.get<Pod>('Pod', 'default', 'p')!.spec;
    c.apply([{ ...pod(), metadata: { name: 'p', namespace: 'default', labels: { app: 'y' } } }]);
    const after = c.get<Pod>('Pod', 'default', 'p')!;
    expect(after.metadata.labels).toEqual({ app: 'y' });
    expect(after.spec).toEqual(before);
  });
});
