// What the API server's admission plugins add to every new Pod, so `kubectl get pod -o yaml` and
// `kubectl describe pod` read as on a real cluster. Upstream: plugin/pkg/admission/serviceaccount
// (serviceAccountName "default", the projected kube-api-access-<5> volume and its mounts),
// plugin/pkg/admission/defaulttolerationseconds (not-ready / unreachable NoExecute for 300 s),
// plugin/pkg/admission/priority (priority 0, PreemptLowerPriority) and SetDefaults_PodSpec (enableServiceLinks).

import type { Container, PodSpec } from '../types';
import { suffixFromSeed } from './ids';

const TOKEN_MOUNT = '/var/run/secrets/kubernetes.io/serviceaccount';

/** Fields admission sets; on an update they are kept from the stored pod (they are immutable there). */
const ADMITTED = ['serviceAccountName', 'serviceAccount', 'volumes', 'tolerations', 'priority', 'preemptionPolicy', 'enableServiceLinks'] as const;

function apiAccessVolume(name: string) {
  return {
    name,
    projected: {
      defaultMode: 420,
      sources: [
        { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
        { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
        { downwardAPI: { items: [{ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' }] } },
      ],
    },
  };
}

const withMount = (c: Container, volume: string): Container => ({
  ...c,
  volumeMounts: [...((c.volumeMounts as unknown[] | undefined) ?? []), { name: volume, mountPath: TOKEN_MOUNT, readOnly: true }],
});

/** A new pod's spec after admission; `seed` (the pod's uid) picks the volume's 5-character suffix. */
export function admitPodSpec(spec: PodSpec, seed: string): PodSpec {
  const out: PodSpec = { ...spec };
  out.serviceAccountName ??= (spec.serviceAccount as string | undefined) ?? 'default';
  out.serviceAccount = out.serviceAccountName;
  if (spec.automountServiceAccountToken !== false) {
    const volume = `kube-api-access-${suffixFromSeed(seed)}`;
    out.volumes = [...((spec.volumes as unknown[] | undefined) ?? []), apiAccessVolume(volume)];
    out.containers = spec.containers.map((c) => withMount(c, volume));
    if (spec.initContainers) out.initContainers = spec.initContainers.map((c) => withMount(c, volume));
  }
  const tolerations = (spec.tolerations as { key?: string }[] | undefined) ?? [];
  const extra = ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable']
    .filter((key) => !tolerations.some((t) => t.key === key))
    .map((key) => ({ key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 }));
  out.tolerations = [...tolerations, ...extra];
  out.priority ??= 0;
  out.preemptionPolicy ??= 'PreemptLowerPriority';
  out.enableServiceLinks ??= true;
  return out;
}

/** An updated pod keeps what admission gave it at creation (and the token mounts of its containers). */
export function keepAdmittedFields(spec: PodSpec, stored: PodSpec): PodSpec {
  const out: PodSpec = { ...spec };
  for (const key of ADMITTED) if (out[key] === undefined && stored[key] !== undefined) (out as Record<string, unknown>)[key] = stored[key];
  const mountsOf = (name: string) => stored.containers.find((c) => c.name === name)?.volumeMounts;
  out.containers = spec.containers.map((c) => (c.volumeMounts === undefined && mountsOf(c.name) ? { ...c, volumeMounts: mountsOf(c.name) } : c));
  return out;
}
