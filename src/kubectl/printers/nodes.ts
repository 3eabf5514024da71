// Node table (printers.go printNode, findNodeRoles, getNodeInternalIP/ExternalIP) and
// `kubectl describe node` (describe.go describeNode, describeNodeResource).

import type { Node, Pod, SimEvent } from '../../sim/types';
import { formatRFC1123Z, translateTimestampSince } from '../format/duration';
import { describeEvents, PrefixWriter, printAnnotationsMultiline, printLabelsMultiline } from './describe';
import type { TableSpec } from './table';

interface NodeInfo {
  kubeletVersion?: string;
  osImage?: string;
  kernelVersion?: string;
  containerRuntimeVersion?: string;
  machineID?: string;
  systemUUID?: string;
  bootID?: string;
  operatingSystem?: string;
  architecture?: string;
  kubeProxyVersion?: string;
}

const info = (n: Node): NodeInfo => (n.status?.nodeInfo as NodeInfo | undefined) ?? {};

/** Roles from node-role.kubernetes.io/<role> labels and the kubernetes.io/role label, sorted. */
export function nodeRoles(n: Node): string[] {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(n.metadata.labels ?? {})) {
    if (k.startsWith('node-role.kubernetes.io/')) {
      const role = k.slice('node-role.kubernetes.io/'.length);
      if (role) roles.add(role);
    } else if (k === 'kubernetes.io/role' && v !== '') {
      roles.add(v);
    }
  }
  return [...roles].sort();
}

function nodeStatus(n: Node): string {
  const status: string[] = [];
  const ready = (n.status?.conditions ?? []).find((c) => c.type === 'Ready');
  if (ready) status.push(ready.status === 'True' ? 'Ready' : 'NotReady');
  if (status.length === 0) status.push('Unknown');
  if (n.spec?.unschedulable) status.push('SchedulingDisabled');
  return status.join(',');
}

const address = (n: Node, type: string) => (n.status?.addresses ?? []).find((a) => a.type === type)?.address ?? '<none>';

export const nodeTable: TableSpec<Node> = {
  columns: [
    { name: 'Name' },
    { name: 'Status' },
    { name: 'Roles' },
    { name: 'Age' },
    { name: 'Version' },
    { name: 'Internal-IP', priority: 1 },
    { name: 'External-IP', priority: 1 },
    { name: 'OS-Image', priority: 1 },
    { name: 'Kernel-Version', priority: 1 },
    { name: 'Container-Runtime', priority: 1 },
  ],
  row: (n, ctx) => [
    n.metadata.name ?? '',
    nodeStatus(n),
    nodeRoles(n).join(',') || '<none>',
    translateTimestampSince(n.metadata.creationTimestamp, ctx.now),
    info(n).kubeletVersion ?? '',
    address(n, 'InternalIP'),
    address(n, 'ExternalIP'),
    info(n).osImage || '<unknown>',
    info(n).kernelVersion || '<unknown>',
    info(n).containerRuntimeVersion || '<unknown>',
  ],
};

type Resources = { limits?: Record<string, string>; requests?: Record<string, string> };

/** Parses a resource quantity into base units (cores for cpu, bytes for memory). */
export function parseQuantity(q: string | undefined): number {
  if (!q) return 0;
  const m = /^([0-9.]+)([a-zA-Z]*)$/.exec(q);
  if (!m) return 0;
  const n = Number(m[1]);
  const mult: Record<string, number> = {
    '': 1, m: 1e-3, k: 1e3, M: 1e6, G: 1e9, T: 1e12, Ki: 1024, Mi: 1024 ** 2, Gi: 1024 ** 3, Ti: 1024 ** 4,
  };
  return n * (mult[m[2]] ?? 1);
}

function formatCpu(cores: number): string {
  if (cores === 0) return '0';
  const milli = Math.round(cores * 1000);
  return milli % 1000 === 0 ? String(milli / 1000) : `${milli}m`;
}

function formatMemory(bytes: number): string {
  if (bytes === 0) return '0';
  for (const [suffix, mult] of [['Gi', 1024 ** 3], ['Mi', 1024 ** 2], ['Ki', 1024]] as const) {
    if (bytes % mult === 0) return `${bytes / mult}${suffix}`;
  }
  return String(bytes);
}

function podRequests(pod: Pod): { cpuReq: number; cpuLim: number; memReq: number; memLim: number } {
  let cpuReq = 0, cpuLim = 0, memReq = 0, memLim = 0;
  for (const c of pod.spec.containers) {
    const r = (c.resources as Resources | undefined) ?? {};
    // Limits without requests default the requests (API server defaulting).
    cpuReq += parseQuantity(r.requests?.cpu ?? r.limits?.cpu);
    memReq += parseQuantity(r.requests?.memory ?? r.limits?.memory);
    cpuLim += parseQuantity(r.limits?.cpu);
    memLim += parseQuantity(r.limits?.memory);
  }
  return { cpuReq, cpuLim, memReq, memLim };
}

const pct = (v: number, total: number) => (total === 0 ? 0 : Math.trunc((v / total) * 100));

export interface NodeDescribeContext {
  now: string;
  /** Non-terminated pods bound to the node. */
  pods: Pod[];
  events: SimEvent[];
}

export function describeNode(n: Node, ctx: NodeDescribeContext): string {
  const w = new PrefixWriter();
  w.write(0, `Name:\t${n.metadata.name ?? ''}\n`);
  w.write(0, `Roles:\t${nodeRoles(n).join(',') || '<none>'}\n`);
  printLabelsMultiline(w, 'Labels', n.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', n.metadata.annotations);
  w.write(0, `CreationTimestamp:\t${formatRFC1123Z(n.metadata.creationTimestamp)}\n`);
  const taints = (n.spec?.taints as { key: string; value?: string; effect: string }[] | undefined) ?? [];
  w.write(0, 'Taints:\t');
  if (taints.length === 0) w.write(0, '<none>\n');
  else {
    [...taints]
      .sort((a, b) => (`${a.effect},${a.key}` < `${b.effect},${b.key}` ? -1 : 1))
      .forEach((t, i) => {
        if (i !== 0) w.write(0, '\t');
        w.write(0, `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}\n`);
      });
  }
  w.write(0, `Unschedulable:\t${n.spec?.unschedulable === true}\n`);
  w.write(0, 'Lease:\n');
  w.write(1, `HolderIdentity:\t${n.metadata.name ?? ''}\n`);
  w.write(1, 'AcquireTime:\t<unset>\n');
  w.write(1, `RenewTime:\t${formatRFC1123Z(ctx.now)}\n`);
  const conditions = (n.status?.conditions ?? []) as {
    type: string; status: string; lastHeartbeatTime?: string; lastTransitionTime?: string; reason?: string; message?: string;
  }[];
  if (conditions.length) {
    w.write(0, 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n');
    w.write(1, '----\t------\t-----------------\t------------------\t------\t-------\n');
    for (const c of conditions) {
      w.write(1, `${c.type} \t${c.status} \t${formatRFC1123Z(c.lastHeartbeatTime)} \t${formatRFC1123Z(c.lastTransitionTime)} \t${c.reason ?? ''} \t${c.message ?? ''}\n`);
    }
  }
  w.write(0, 'Addresses:\n');
  for (const a of n.status?.addresses ?? []) w.write(1, `${a.type}:\t${a.address}\n`);
  const printList = (list: Record<string, string>) => {
    for (const k of Object.keys(list).sort()) w.write(0, `  ${k}:\t${list[k]}\n`);
  };
  if (n.status?.capacity && Object.keys(n.status.capacity).length) {
    w.write(0, 'Capacity:\n');
    printList(n.status.capacity);
  }
  if (n.status?.allocatable && Object.keys(n.status.allocatable).length) {
    w.write(0, 'Allocatable:\n');
    printList(n.status.allocatable);
  }
  const i = info(n);
  w.write(0, 'System Info:\n');
  w.write(0, `  Machine ID:\t${i.machineID ?? ''}\n`);
  w.write(0, `  System UUID:\t${i.systemUUID ?? ''}\n`);
  w.write(0, `  Boot ID:\t${i.bootID ?? ''}\n`);
  w.write(0, `  Kernel Version:\t${i.kernelVersion ?? ''}\n`);
  w.write(0, `  OS Image:\t${i.osImage ?? ''}\n`);
  w.write(0, `  Operating System:\t${i.operatingSystem ?? ''}\n`);
  w.write(0, `  Architecture:\t${i.architecture ?? ''}\n`);
  w.write(0, `  Container Runtime Version:\t${i.containerRuntimeVersion ?? ''}\n`);
  w.write(0, `  Kubelet Version:\t${i.kubeletVersion ?? ''}\n`);
  w.write(0, `  Kube-Proxy Version:\t${i.kubeProxyVersion ?? ''}\n`);
  if (n.spec?.podCIDR) w.write(0, `PodCIDR:\t${n.spec.podCIDR}\n`);
  if (n.spec?.podCIDRs?.length) w.write(0, `PodCIDRs:\t${n.spec.podCIDRs.join(',')}\n`);
  if (n.spec?.providerID) w.write(0, `ProviderID:\t${n.spec.providerID}\n`);
  const alloc = n.status?.allocatable && Object.keys(n.status.allocatable).length ? n.status.allocatable : n.status?.capacity ?? {};
  const allocCpu = parseQuantity(alloc.cpu);
  const allocMem = parseQuantity(alloc.memory);
  w.write(0, `Non-terminated Pods:\t(${ctx.pods.length} in total)\n`);
  w.write(1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n');
  w.write(1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n');
  let tot = { cpuReq: 0, cpuLim: 0, memReq: 0, memLim: 0 };
  for (const p of ctx.pods) {
    const r = podRequests(p);
    tot = { cpuReq: tot.cpuReq + r.cpuReq, cpuLim: tot.cpuLim + r.cpuLim, memReq: tot.memReq + r.memReq, memLim: tot.memLim + r.memLim };
    w.write(
      1,
      `${p.metadata.namespace ?? ''}\t${p.metadata.name ?? ''}\t\t${formatCpu(r.cpuReq)} (${pct(r.cpuReq, allocCpu)}%)\t${formatCpu(r.cpuLim)} (${pct(
        r.cpuLim,
        allocCpu,
      )}%)\t${formatMemory(r.memReq)} (${pct(r.memReq, allocMem)}%)\t${formatMemory(r.memLim)} (${pct(r.memLim, allocMem)}%)\t${translateTimestampSince(
        p.metadata.creationTimestamp,
        ctx.now,
      )}\n`,
    );
  }
  w.write(0, 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n');
  w.write(1, 'Resource\tRequests\tLimits\n');
  w.write(1, '--------\t--------\t------\n');
  w.write(1, `cpu\t${formatCpu(tot.cpuReq)} (${pct(tot.cpuReq, allocCpu)}%)\t${formatCpu(tot.cpuLim)} (${pct(tot.cpuLim, allocCpu)}%)\n`);
  w.write(1, `memory\t${formatMemory(tot.memReq)} (${pct(tot.memReq, allocMem)}%)\t${formatMemory(tot.memLim)} (${pct(tot.memLim, allocMem)}%)\n`);
  w.write(1, 'ephemeral-storage\t0 (0%)\t0 (0%)\n');
  describeEvents(w, ctx.events, ctx.now);
  return w.done();
}
