// Pod table (printers.go printPod: READY from container statuses, STATUS reason, RESTARTS, wide
// IP/NODE/NOMINATED NODE/READINESS GATES) and `kubectl describe pod` (describe.go describePod,
// describeContainers, describeVolumes, printTolerationsMultilineWithIndent, qos.GetPodQOS).

import type { Container, Pod, SimEvent } from '../../sim/types';
import { formatRFC1123Z, translateTimestampSince } from '../format/duration';
import { describeEvents, PrefixWriter, printAnnotationsMultiline, printLabelsMultiline } from './describe';
import type { TableSpec } from './table';
import { hasPodReadyCondition, isPodTerminal, podContainerStatuses as containerStatuses, type ContainerState, type ContainerStatus } from '../../sim';

/** The STATUS cell (printPod's reason). */
export function podStatusReason(pod: Pod): string {
  let reason: string = (pod.status?.reason as string | undefined) || pod.status?.phase || '';
  for (const c of pod.status?.conditions ?? []) {
    if (c.type === 'PodScheduled' && c.reason === 'SchedulingGated') reason = 'SchedulingGated';
  }
  let hasRunning = false;
  const statuses = containerStatuses(pod);
  for (let i = statuses.length - 1; i >= 0; i--) {
    const st = statuses[i];
    if (st.state.waiting?.reason) reason = st.state.waiting.reason;
    else if (st.state.terminated?.reason) reason = st.state.terminated.reason;
    else if (st.state.terminated) reason = st.state.terminated.signal ? `Signal:${st.state.terminated.signal}` : `ExitCode:${st.state.terminated.exitCode ?? 0}`;
    else if (st.ready && st.state.running) hasRunning = true;
  }
  if (reason === 'Completed' && hasRunning) reason = hasPodReadyCondition(pod.status?.conditions) ? 'Running' : 'NotReady';
  if (pod.metadata.deletionTimestamp && pod.status?.reason === 'NodeLost') reason = 'Unknown';
  else if (pod.metadata.deletionTimestamp && !isPodTerminal(pod)) reason = 'Terminating';
  return reason;
}

export const podTable: TableSpec<Pod> = {
  columns: [
    { name: 'Name' },
    { name: 'Ready' },
    { name: 'Status' },
    { name: 'Restarts' },
    { name: 'Age' },
    { name: 'IP', priority: 1 },
    { name: 'Node', priority: 1 },
    { name: 'Nominated Node', priority: 1 },
    { name: 'Readiness Gates', priority: 1 },
  ],
  row: (pod, ctx) => {
    const statuses = containerStatuses(pod);
    const total = pod.spec.containers.length + (pod.spec.initContainers ?? []).filter((c) => c.restartPolicy === 'Always').length;
    const ready = statuses.filter((s) => s.ready && s.state.running).length;
    const restarts = statuses.reduce((n, s) => n + (s.restartCount ?? 0), 0);
    // printPod: with restarts, `N (AGE ago)` where AGE is since the latest lastState.terminated.finishedAt.
    const lastRestart = statuses
      .map((s) => s.lastState?.terminated?.finishedAt)
      .filter((t): t is string => !!t && !Number.isNaN(Date.parse(t)))
      .sort((a, b) => Date.parse(b) - Date.parse(a))[0];
    const restartsCell = restarts !== 0 && lastRestart ? `${restarts} (${translateTimestampSince(lastRestart, ctx.now)} ago)` : String(restarts);
    const gates = (pod.spec.readinessGates as { conditionType: string }[] | undefined) ?? [];
    let gatesCell = '<none>';
    if (gates.length > 0) {
      const trueCount = gates.filter((g) =>
        (pod.status?.conditions ?? []).some((c) => c.type === g.conditionType && c.status === 'True'),
      ).length;
      gatesCell = `${trueCount}/${gates.length}`;
    }
    return [
      pod.metadata.name ?? '',
      `${ready}/${total}`,
      podStatusReason(pod),
      restartsCell,
      translateTimestampSince(pod.metadata.creationTimestamp, ctx.now),
      pod.status?.podIPs?.[0]?.ip || '<none>',
      pod.spec.nodeName || '<none>',
      (pod.status?.nominatedNodeName as string | undefined) || '<none>',
      gatesCell,
    ];
  },
};

// ---- describe ------------------------------------------------------------------------------------

interface Probe {
  exec?: { command?: string[] };
  httpGet?: { path?: string; port?: number | string; host?: string; scheme?: string };
  tcpSocket?: { port?: number | string; host?: string };
  grpc?: { port?: number; service?: string };
  initialDelaySeconds?: number;
  timeoutSeconds?: number;
  periodSeconds?: number;
  successThreshold?: number;
  failureThreshold?: number;
}

/** DescribeProbe, with the API server's probe defaults (timeout 1s, period 10s, 1 success, 3 failures). */
export function describeProbe(p: Probe): string {
  const attrs = `delay=${p.initialDelaySeconds ?? 0}s timeout=${p.timeoutSeconds ?? 1}s period=${p.periodSeconds ?? 10}s #success=${
    p.successThreshold ?? 1
  } #failure=${p.failureThreshold ?? 3}`;
  if (p.exec) return `exec [${(p.exec.command ?? []).join(' ')}] ${attrs}`;
  if (p.httpGet) {
    const host = p.httpGet.host ?? '';
    const port = p.httpGet.port !== undefined ? String(p.httpGet.port) : '';
    const hostPort = port ? (host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`) : host;
    return `http-get ${(p.httpGet.scheme ?? 'HTTP').toLowerCase()}://${hostPort}${p.httpGet.path ?? ''} ${attrs}`;
  }
  if (p.tcpSocket) return `tcp-socket ${p.tcpSocket.host ?? ''}:${p.tcpSocket.port ?? ''} ${attrs}`;
  if (p.grpc) return `grpc <pod>:${p.grpc.port ?? 0} ${p.grpc.service ?? ''} ${attrs}`;
  return `unknown ${attrs}`;
}

function describeState(w: PrefixWriter, name: string, state: ContainerState): void {
  if (state.running) {
    w.write(2, `${name}:\tRunning\n`);
    w.write(3, `Started:\t${formatRFC1123Z(state.running.startedAt)}\n`);
  } else if (state.waiting) {
    w.write(2, `${name}:\tWaiting\n`);
    if (state.waiting.reason) w.write(3, `Reason:\t${state.waiting.reason}\n`);
  } else if (state.terminated) {
    const t = state.terminated;
    w.write(2, `${name}:\tTerminated\n`);
    if (t.reason) w.write(3, `Reason:\t${t.reason}\n`);
    if (t.message) w.write(3, `Message:\t${t.message}\n`);
    w.write(3, `Exit Code:\t${t.exitCode ?? 0}\n`);
    if (t.signal && t.signal > 0) w.write(3, `Signal:\t${t.signal}\n`);
    w.write(3, `Started:\t${formatRFC1123Z(t.startedAt)}\n`);
    w.write(3, `Finished:\t${formatRFC1123Z(t.finishedAt)}\n`);
  } else {
    w.write(2, `${name}:\tWaiting\n`);
  }
}

type Resources = { limits?: Record<string, string>; requests?: Record<string, string> };

function describeContainers(w: PrefixWriter, label: string, containers: Container[], statuses: ContainerStatus[], space: string): void {
  const byName = new Map(statuses.map((s) => [s.name, s]));
  w.write(0, `${space}${label}:${containers.length === 0 ? ' <none>' : ''}\n`);
  for (const c of containers) {
    const st = byName.get(c.name);
    w.write(1, `${space ? ' ' : ''}${c.name}:\n`);
    if (st) w.write(2, `Container ID:\t${st.containerID ?? ''}\n`);
    w.write(2, `Image:\t${c.image ?? ''}\n`);
    if (st) w.write(2, `Image ID:\t${st.imageID ?? ''}\n`);
    const ports = (c.ports ?? []).map((p) => `${p.containerPort}/${p.protocol ?? 'TCP'}`).join(', ');
    if (ports.includes(',')) w.write(2, `Ports:\t${ports}\n`);
    else w.write(2, `Port:\t${ports || '<none>'}\n`);
    const hostPorts = (c.ports ?? []).map((p) => `${p.hostPort ?? 0}/${p.protocol ?? 'TCP'}`).join(', ');
    if (hostPorts.includes(',')) w.write(2, `Host Ports:\t${hostPorts}\n`);
    else w.write(2, `Host Port:\t${hostPorts || '<none>'}\n`);
    const command = (c.command as string[] | undefined) ?? [];
    if (command.length) {
      w.write(2, 'Command:\n');
      for (const part of command) for (const line of part.split('\n')) w.write(3, `${line}\n`);
    }
    const args = (c.args as string[] | undefined) ?? [];
    if (args.length) {
      w.write(2, 'Args:\n');
      for (const part of args) for (const line of part.split('\n')) w.write(3, `${line}\n`);
    }
    if (st) {
      describeState(w, 'State', st.state);
      if (st.lastState?.terminated) describeState(w, 'Last State', st.lastState);
      w.write(2, `Ready:\t${st.ready ? 'True' : 'False'}\n`);
      w.write(2, `Restart Count:\t${st.restartCount ?? 0}\n`);
    }
    const res = (c.resources as Resources | undefined) ?? {};
    if (res.limits && Object.keys(res.limits).length) {
      w.write(2, 'Limits:\n');
      for (const k of Object.keys(res.limits).sort()) w.write(3, `${k}:\t${res.limits[k]}\n`);
    }
    if (res.requests && Object.keys(res.requests).length) {
      w.write(2, 'Requests:\n');
      for (const k of Object.keys(res.requests).sort()) w.write(3, `${k}:\t${res.requests[k]}\n`);
    }
    if (c.livenessProbe) w.write(2, `Liveness:\t${describeProbe(c.livenessProbe as Probe)}\n`);
    if (c.readinessProbe) w.write(2, `Readiness:\t${describeProbe(c.readinessProbe as Probe)}\n`);
    if (c.startupProbe) w.write(2, `Startup:\t${describeProbe(c.startupProbe as Probe)}\n`);
    const env = (c.env as { name: string; value?: string; valueFrom?: unknown }[] | undefined) ?? [];
    w.write(2, `Environment:${env.length === 0 ? '\t<none>' : ''}\n`);
    for (const e of env) {
      if (e.valueFrom === undefined) {
        (e.value ?? '').split('\n').forEach((s, i) => w.write(3, i === 0 ? `${e.name}:\t${s}\n` : `\t${s}\n`));
      } else {
        w.write(3, `${e.name}:\t\n`);
      }
    }
    const mounts = [...((c.volumeMounts as { name: string; mountPath: string; readOnly?: boolean; subPath?: string }[] | undefined) ?? [])].sort(
      (a, b) => (a.mountPath < b.mountPath ? -1 : a.mountPath > b.mountPath ? 1 : 0),
    );
    w.write(2, `Mounts:${mounts.length === 0 ? '\t<none>' : ''}\n`);
    for (const m of mounts) {
      const flags = [m.readOnly ? 'ro' : 'rw'];
      if (m.subPath) flags.push(`path=${JSON.stringify(m.subPath)}`);
      w.write(3, `${m.mountPath} from ${m.name} (${flags.join(',')})\n`);
    }
  }
}

type Volume = { name: string; [k: string]: unknown };

function describeVolumes(w: PrefixWriter, volumes: Volume[], space: string): void {
  if (volumes.length === 0) {
    w.write(0, `${space}Volumes:\t<none>\n`);
    return;
  }
  w.write(0, `${space}Volumes:\n`);
  for (const v of volumes) {
    w.write(1, `${space ? ' ' : ''}${v.name}:\n`);
    if (v.projected) {
      w.write(2, 'Type:\tProjected (a volume that contains injected data from multiple sources)\n');
      const sources = ((v.projected as { sources?: Record<string, any>[] }).sources ?? []) as Record<string, any>[];
      for (const s of sources) {
        if (s.secret) w.write(2, `SecretName:\t${s.secret.name ?? ''}\n    Optional:\t${s.secret.optional === true}\n`);
        else if (s.downwardAPI) w.write(2, 'DownwardAPI:\ttrue\n');
        else if (s.configMap) w.write(2, `ConfigMapName:\t${s.configMap.name ?? ''}\n    Optional:\t${s.configMap.optional === true}\n`);
        else if (s.serviceAccountToken) w.write(2, `TokenExpirationSeconds:\t${s.serviceAccountToken.expirationSeconds ?? 3600}\n`);
      }
    } else if (v.emptyDir) {
      const ed = v.emptyDir as { medium?: string; sizeLimit?: string };
      w.write(2, `Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n    Medium:\t${ed.medium ?? ''}\n    SizeLimit:\t${ed.sizeLimit ?? '<unset>'}\n`);
    } else if (v.configMap) {
      const cm = v.configMap as { name?: string; optional?: boolean };
      w.write(2, `Type:\tConfigMap (a volume populated by a ConfigMap)\n    Name:\t${cm.name ?? ''}\n    Optional:\t${cm.optional === true}\n`);
    } else if (v.secret) {
      const s = v.secret as { secretName?: string; optional?: boolean };
      w.write(2, `Type:\tSecret (a volume populated by a Secret)\n    SecretName:\t${s.secretName ?? ''}\n    Optional:\t${s.optional === true}\n`);
    } else {
      w.write(1, '<unknown>\n');
    }
  }
}

/** qos.GetPodQOS, reduced to cpu/memory requests and limits. */
export function podQOS(pod: Pod): string {
  if (typeof pod.status?.qosClass === 'string') return pod.status.qosClass as string;
  const all = [...pod.spec.containers, ...(pod.spec.initContainers ?? [])];
  let any = false;
  let guaranteed = true;
  for (const c of all) {
    const r = (c.resources as Resources | undefined) ?? {};
    const req = r.requests ?? {};
    const lim = r.limits ?? {};
    for (const k of ['cpu', 'memory']) {
      if (req[k] || lim[k]) any = true;
      if (!lim[k] || (req[k] !== undefined && req[k] !== lim[k])) guaranteed = false;
    }
  }
  if (!any) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

type Toleration = { key?: string; operator?: string; value?: string; effect?: string; tolerationSeconds?: number };

function printTolerations(w: PrefixWriter, title: string, tolerations: Toleration[]): void {
  w.write(0, `${title}:\t`);
  if (tolerations.length === 0) {
    w.write(0, '<none>\n');
    return;
  }
  const sorted = [...tolerations].sort((a, b) => ((a.key ?? '') < (b.key ?? '') ? -1 : (a.key ?? '') > (b.key ?? '') ? 1 : 0));
  sorted.forEach((t, i) => {
    if (i !== 0) w.write(0, '\t');
    let s = t.key ?? '';
    if (t.value) s += `=${t.value}`;
    if (t.effect) s += `:${t.effect}`;
    if (t.operator === 'Exists' && !t.value) s += t.key || t.effect ? ' op=Exists' : 'op=Exists';
    if (t.tolerationSeconds !== undefined) s += ` for ${t.tolerationSeconds}s`;
    w.write(0, `${s}\n`);
  });
}

export function describePod(pod: Pod, ctx: { now: string; events: SimEvent[] }): string {
  const w = new PrefixWriter();
  const spec = pod.spec;
  const status = pod.status ?? {};
  w.write(0, `Name:\t${pod.metadata.name ?? ''}\n`);
  w.write(0, `Namespace:\t${pod.metadata.namespace ?? ''}\n`);
  if (typeof spec.priority === 'number') w.write(0, `Priority:\t${spec.priority}\n`);
  if (spec.priorityClassName) w.write(0, `Priority Class Name:\t${spec.priorityClassName}\n`);
  if (spec.runtimeClassName) w.write(0, `Runtime Class Name:\t${spec.runtimeClassName}\n`);
  if (spec.serviceAccountName) w.write(0, `Service Account:\t${spec.serviceAccountName}\n`);
  w.write(0, spec.nodeName ? `Node:\t${spec.nodeName}/${status.hostIP ?? ''}\n` : 'Node:\t<none>\n');
  if (status.startTime) w.write(0, `Start Time:\t${formatRFC1123Z(status.startTime)}\n`);
  printLabelsMultiline(w, 'Labels', pod.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', pod.metadata.annotations);
  if (pod.metadata.deletionTimestamp && !isPodTerminal(pod)) {
    w.write(0, `Status:\tTerminating (lasts ${translateTimestampSince(pod.metadata.deletionTimestamp, ctx.now)})\n`);
    w.write(0, `Termination Grace Period:\t${pod.metadata.deletionGracePeriodSeconds ?? 0}s\n`);
  } else {
    w.write(0, `Status:\t${status.phase ?? ''}\n`);
  }
  if (status.reason) w.write(0, `Reason:\t${status.reason}\n`);
  if (status.message) w.write(0, `Message:\t${status.message}\n`);
  w.write(0, `IP:\t${status.podIP ?? ''}\n`);
  if (!status.podIPs || status.podIPs.length === 0) {
    w.write(0, 'IPs:\t<none>\n');
  } else {
    w.write(0, 'IPs:\n');
    for (const ip of status.podIPs) w.write(1, `IP:\t${ip.ip}\n`);
  }
  const controller = (pod.metadata.ownerReferences ?? []).find((o) => o.controller);
  if (controller) w.write(0, `Controlled By:\t${controller.kind}/${controller.name}\n`);
  if (status.nominatedNodeName) w.write(0, `NominatedNodeName:\t${status.nominatedNodeName}\n`);
  const statuses = containerStatuses(pod);
  if (spec.initContainers?.length) {
    describeContainers(w, 'Init Containers', spec.initContainers, (status.initContainerStatuses as ContainerStatus[] | undefined) ?? [], '');
  }
  describeContainers(w, 'Containers', spec.containers, statuses, '');
  const gates = (spec.readinessGates as { conditionType: string }[] | undefined) ?? [];
  if (gates.length) {
    w.write(0, 'Readiness Gates:\n  Type\tStatus\n');
    for (const g of gates) {
      const c = (status.conditions ?? []).find((c) => c.type === g.conditionType);
      w.write(1, `${g.conditionType} \t${c ? c.status : '<none>'} \n`);
    }
  }
  if (status.conditions?.length) {
    w.write(0, 'Conditions:\n  Type\tStatus\n');
    for (const c of status.conditions) w.write(1, `${c.type} \t${c.status} \n`);
  }
  describeVolumes(w, (spec.volumes as Volume[] | undefined) ?? [], '');
  w.write(0, `QoS Class:\t${podQOS(pod)}\n`);
  printLabelsMultiline(w, 'Node-Selectors', spec.nodeSelector as Record<string, string> | undefined);
  printTolerations(w, 'Tolerations', (spec.tolerations as Toleration[] | undefined) ?? []);
  describeEvents(w, ctx.events, ctx.now);
  return w.done();
}

/** DescribePodTemplate, for deployments and replica sets. */
export function describePodTemplate(w: PrefixWriter, template: { metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> }; spec: Pod['spec'] }): void {
  w.write(0, 'Pod Template:\n');
  printLabelsMultiline(w, '  Labels', template.metadata?.labels);
  if (template.metadata?.annotations && Object.keys(template.metadata.annotations).length) {
    printAnnotationsMultiline(w, '  Annotations', template.metadata.annotations);
  }
  if (template.spec.serviceAccountName) w.write(1, `Service Account:\t${template.spec.serviceAccountName}\n`);
  if (template.spec.initContainers?.length) describeContainers(w, 'Init Containers', template.spec.initContainers, [], '  ');
  describeContainers(w, 'Containers', template.spec.containers, [], '  ');
  describeVolumes(w, (template.spec.volumes as Volume[] | undefined) ?? [], '  ');
  if (template.spec.priorityClassName) w.write(1, `Priority Class Name:\t${template.spec.priorityClassName}\n`);
  printLabelsMultiline(w, '  Node-Selectors', template.spec.nodeSelector as Record<string, string> | undefined);
  printTolerations(w, '  Tolerations', (template.spec.tolerations as Toleration[] | undefined) ?? []);
}
