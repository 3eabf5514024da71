// Container statuses as the kubelet reports them, built in one place: the cluster writes them when it
// starts a pod, and kubectl's pod printer derives the same ones for a pod given with a status but
// without containerStatuses (a real kubelet always reports them for a started pod).
// Upstream field meanings: k8s.io/api/core/v1 ContainerStatus; kubelet status_manager / kuberuntime.
import type { Pod } from '../types';
import { containerID, imageID } from './runtime-ids';
import { hasPodReadyCondition } from './pod';

export interface ContainerState {
  running?: { startedAt?: string };
  waiting?: { reason?: string; message?: string };
  terminated?: { reason?: string; exitCode?: number; startedAt?: string; finishedAt?: string; message?: string; signal?: number };
}

export interface ContainerStatus {
  name: string;
  ready: boolean;
  restartCount: number;
  state: ContainerState;
  lastState?: ContainerState;
  image?: string;
  imageID?: string;
  containerID?: string;
  started?: boolean;
}

/**
 * The statuses of the pod's containers: running since `startedAt` (ready as given), or, for a pod
 * bound to a node but not running yet, waiting in ContainerCreating. Key order is the API's.
 */
export function kubeletContainerStatuses(pod: Pod, state: { running: true; ready: boolean; startedAt: string | undefined } | { running: false }): ContainerStatus[] {
  const podKey = pod.metadata.uid ?? pod.metadata.name ?? '';
  return (pod.spec.containers ?? []).map((c) =>
    state.running
      ? {
          name: c.name,
          containerID: containerID(podKey, c.name),
          image: c.image ?? '',
          imageID: imageID(c.image ?? ''),
          ready: state.ready,
          restartCount: 0,
          started: true,
          state: { running: { startedAt: state.startedAt } },
        }
      : {
          name: c.name,
          containerID: '',
          image: c.image ?? '',
          imageID: '',
          ready: false,
          restartCount: 0,
          started: false,
          state: { waiting: { reason: 'ContainerCreating' } },
        },
  );
}

/**
 * The pod's container statuses: the ones it carries, else the ones its kubelet would report for its
 * phase (running, ready exactly when the pod has a Ready=True condition, since its start time), so
 * READY and STATUS read as on a real cluster. A pending pod without a node, or a finished one, has none.
 */
export function podContainerStatuses(pod: Pod): ContainerStatus[] {
  const given = pod.status?.containerStatuses as ContainerStatus[] | undefined;
  if (Array.isArray(given)) return given;
  const phase = pod.status?.phase;
  if (phase === 'Running') {
    return kubeletContainerStatuses(pod, {
      running: true,
      ready: hasPodReadyCondition(pod.status?.conditions),
      startedAt: pod.status?.startTime ?? pod.metadata.creationTimestamp,
    });
  }
  if (phase === 'Pending' && pod.spec.nodeName) return kubeletContainerStatuses(pod, { running: false });
  return [];
}
