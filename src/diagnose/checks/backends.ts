// Whether the pods a Service selects really become usable endpoints (behaviour spec §2, §3):
// finished pods and pods without an IP are left out, pods on a missing Node are left out of slices,
// not-ready pods stay in slices with ready: false, terminating pods stay with terminating: true.
// kube-proxy uses ready endpoints, and falls back to serving+terminating ones only when none is ready.

import type { EndpointSlice, Pod, Service } from '../../sim/types';
import { isPodTerminal, isPodTerminating, isServiceIPSet, serviceWantsEndpoints } from '../../sim';
import { ipFamily } from '../../sim/net/ip';
import { type Ctx, endpointsAt, nsOf, refOf, slicesOf, type Target } from '../context';
import { listNames, plural } from '../text';
import { podSource } from '../workloads';

interface Ep {
  pod?: Pod;
  label: string;
  ready: boolean;
  serving: boolean;
  terminating: boolean;
  slice: EndpointSlice;
  index: number;
}

/** The endpoints kube-proxy would see for the Service: IP slices labelled for it, one entry per pod/address. */
function collect(ctx: Ctx, svc: Service): Ep[] {
  const ns = nsOf(svc);
  const seen = new Set<string>();
  const eps: Ep[] = [];
  for (const slice of slicesOf(ctx, svc)) {
    if (slice.addressType === 'FQDN') continue; // kube-proxy ignores FQDN slices
    (slice.endpoints ?? []).forEach((e, index) => {
      const ref = e.targetRef?.kind === 'Pod' && e.targetRef.name ? e.targetRef.name : undefined;
      const key = ref ? `pod:${ref}` : `ip:${e.addresses[0]}`;
      if (seen.has(key)) return; // a dual-stack pod is in two slices
      seen.add(key);
      const ready = e.conditions?.ready ?? true; // nil ready/serving mean true, nil terminating false
      eps.push({
        pod: ref ? ctx.podNamed(ns, ref) : undefined,
        label: ref ? `pod ${ref}` : e.addresses[0],
        ready,
        serving: e.conditions?.serving ?? true,
        terminating: e.conditions?.terminating ?? false,
        slice,
        index,
      });
    });
  }
  return eps;
}

const hasIP = (p: Pod) => !!p.status?.podIP || (p.status?.podIPs?.length ?? 0) > 0;

export function checkBackends(ctx: Ctx, svc: Service): void {
  if (svc.spec.type === 'ExternalName') return;
  const eps = collect(ctx, svc);
  const ready = eps.filter((e) => e.ready).length;
  let explained = 0;
  let selected: Pod[] = [];
  if (serviceWantsEndpoints(svc)) {
    selected = ctx.selected(svc);
    explained = checkSelectedPods(ctx, svc, selected, eps, ready === 0);
  }
  if (eps.length === 0) {
    if (selected.length > 0 && explained === 0) noEndpointsAtAll(ctx, svc, selected);
    return; // no pods at all: selector.ts / selectorless.ts explain it
  }
  const notReady = eps.filter((e) => !e.ready && !e.terminating);
  if (ready === 0 && notReady.length > 0) notReadyHint(ctx, svc, eps, notReady, true);
  else if (ready === 0) onlyTerminating(ctx, svc, eps);
  else if (notReady.length > 0) notReadyHint(ctx, svc, eps, notReady, false);
}

// ---- pods that never become endpoints ---------------------------------------------------------

function checkSelectedPods(ctx: Ctx, svc: Service, selected: Pod[], eps: Ep[], noneReady: boolean): number {
  const severity = noneReady ? 'error' : 'warning';
  const name = svc.metadata.name;
  const terminal = selected.filter(isPodTerminal);
  const live = selected.filter((p) => !isPodTerminal(p));
  const noIP = live.filter((p) => !hasIP(p));
  const inSlices = new Set(eps.map((e) => e.pod));
  // Left out of the slices although it has an IP: the Node is unknown (the event the controller
  // emits says so); confirmed by the legacy Endpoints (which ignores nodes) or by the written Nodes.
  const candidates = live.filter(
    (p) => hasIP(p) && !isPodTerminating(p) && !svc.spec.publishNotReadyAddresses && !!p.spec.nodeName && !inSlices.has(p),
  );
  let lostNode: Pod[] = [];
  if (candidates.length) {
    const legacy = endpointsAt(ctx, nsOf(svc), name ?? '');
    const legacyPods = new Set(
      (legacy?.subsets ?? []).flatMap((s) => [...(s.addresses ?? []), ...(s.notReadyAddresses ?? [])]).map((a) => a.targetRef?.name),
    );
    const writtenNodes = ctx.written.filter((o) => o.kind === 'Node').map((o) => o.metadata.name);
    lostNode = candidates.filter(
      (p) => legacyPods.has(p.metadata.name) || (writtenNodes.length > 0 && !writtenNodes.includes(p.spec.nodeName)),
    );
  }
  const names = (ps: Pod[]) => listNames(ps.map((p) => p.metadata.name ?? ''));
  const who = (ps: Pod[]) => (ps.length === 1 ? `Pod ${names(ps)}` : `${ps.length} of the ${selected.length} pods it selects (${names(ps)})`);
  const podTargets = (ps: Pod[], rel: (string | number)[]): Target[] => {
    const src = podSource(ctx, ps[0]);
    return [...(src ? [src.target(rel)] : []), { ref: refOf(ps[0]), at: null }];
  };

  if (terminal.length) {
    const phases = [...new Set(terminal.map((p) => p.status?.phase))].join(' or ');
    ctx.emit({
      code: 'pod-terminal-phase',
      severity,
      message:
        `${who(terminal)} ${terminal.length === 1 ? 'matches' : 'match'} Service ${name}'s selector but ${terminal.length === 1 ? 'has' : 'have'} finished ` +
        `(phase ${phases}). Pods in a terminal phase are never endpoints, even while they still have an IP.`,
      fix: 'Run the backends as long-running pods (a Deployment, or restartPolicy: Always), or give finished pods labels the Service does not select.',
      targets: podTargets(terminal, ['restartPolicy']),
    });
  }
  if (noIP.length) {
    const unscheduled = noIP.every((p) => !p.spec.nodeName);
    ctx.emit({
      code: 'pod-without-ip',
      severity,
      message:
        `${who(noIP)} ${noIP.length === 1 ? 'matches' : 'match'} Service ${name}'s selector but ${noIP.length === 1 ? 'has' : 'have'} no IP address yet ` +
        `(phase ${noIP[0].status?.phase ?? 'Pending'}${unscheduled ? ', not scheduled to a node' : ''}). A pod without an IP is not an endpoint.`,
      fix: `Find out why the pod is not running (kubectl describe pod ${noIP[0].metadata.name}); it becomes an endpoint once it has an IP.`,
      targets: podTargets(noIP, []),
    });
  }
  if (lostNode.length) {
    const nodes = [...new Set(lostNode.map((p) => p.spec.nodeName!))];
    ctx.emit({
      code: 'pod-node-not-found',
      severity,
      message:
        `${who(lostNode)} ${lostNode.length === 1 ? 'runs' : 'run'} on node ${listNames(nodes)}, which ${nodes.length === 1 ? 'does' : 'do'} not exist. ` +
        `The EndpointSlice controller leaves pods on unknown nodes out of Service ${name}'s slices ` +
        `(the legacy Endpoints object, which never looks at nodes, still lists them).`,
      fix: 'Set spec.nodeName to an existing node (kubectl get nodes), or leave it out and let the scheduler place the pod.',
      targets: podTargets(lostNode, ['nodeName']),
    });
  }
  return terminal.length + noIP.length + lostNode.length;
}

function noEndpointsAtAll(ctx: Ctx, svc: Service, selected: Pod[]): void {
  // Pods with IPs only of families the Service does not have are in none of its slices.
  const families = svc.spec.ipFamilies ?? [];
  const podFamilies = new Set(selected.flatMap((p) => (p.status?.podIPs ?? []).map((ip) => ipFamily(ip.ip))));
  const wrongFamily = families.length > 0 && podFamilies.size > 0 && !families.some((f) => podFamilies.has(f));
  ctx.emit({
    code: 'no-ready-endpoints',
    severity: 'error',
    message:
      `Service ${svc.metadata.name} selects ${plural(selected.length, 'pod')} but none of them is an endpoint, so the Service has no endpoints.` +
      (wrongFamily
        ? ` The pods have only ${[...podFamilies].join(' and ')} addresses, and the Service has ipFamilies: [${families.join(', ')}].`
        : ''),
    fix: wrongFamily
      ? `Give the Service the pods' address family (ipFamilies: [${[...podFamilies][0]}], or ipFamilyPolicy: PreferDualStack).`
      : `Check the pods' status (kubectl get pods -n ${nsOf(svc)} -o wide): endpoints need a running pod with an IP.`,
    targets: [{ ref: refOf(svc), at: wrongFamily ? ['spec', 'ipFamilies'] : null }],
  });
}

// ---- readiness -------------------------------------------------------------------------------

/** Where to point: the pod's readiness (or the pod), else the slice's condition, else the Service's spec
 * (when the learner wrote only the Service, `spec` is where publishNotReadyAddresses would go). */
function readinessTarget(ctx: Ctx, e: Ep, svc: Service): Target[] {
  const targets: Target[] = [];
  if (e.pod) {
    const src = podSource(ctx, e.pod);
    const ci = e.pod.spec.containers.findIndex((c) => c.readinessProbe !== undefined);
    if (src) targets.push(src.target(ci >= 0 ? ['containers', ci, 'readinessProbe'] : ['containers']));
    targets.push({ ref: refOf(e.pod), at: null });
  }
  targets.push({ ref: refOf(e.slice), at: ['endpoints', e.index, 'conditions', 'ready'] });
  targets.push({ ref: refOf(svc), at: ['spec'] });
  return targets;
}

function notReadyHint(ctx: Ctx, svc: Service, eps: Ep[], notReady: Ep[], none: boolean): void {
  const name = svc.metadata.name;
  const labels = notReady.map((e) => e.label);
  const byPods = notReady.every((e) => e.pod);
  const slices = [...new Set(notReady.map((e) => e.slice.metadata.name ?? ''))];
  const what = byPods
    ? `${notReady.length === 1 ? 'pod' : 'pods'} ${listNames(notReady.map((e) => e.pod!.metadata.name ?? ''))} ${notReady.length === 1 ? 'is' : 'are'} not Ready ` +
      `(the pod's Ready condition is not True), so ${notReady.length === 1 ? 'it stays' : 'they stay'} in EndpointSlice ${listNames(slices)} with ready: false`
    : `${listNames(labels)} ${notReady.length === 1 ? 'has' : 'have'} ready: false in EndpointSlice ${listNames(slices)}`;
  const fix = byPods
    ? `Find out why the pod is not Ready (kubectl describe pod ${notReady[0].pod!.metadata.name}: a failing readiness probe or a crashing container); it gets traffic once it is Ready.`
    : 'Set conditions.ready: true (or leave it out: unset means ready) on endpoints that can take traffic.';
  ctx.emit(
    none
      ? {
          code: 'no-ready-endpoints',
          severity: 'error',
          message: `${eps.length === 1 ? `The only endpoint of Service ${name} is not ready` : `None of the ${eps.length} endpoints of Service ${name} is ready`}: ${what}. ${isServiceIPSet(svc) ? 'kube-proxy sends traffic only to ready endpoints, so the Service does not answer' : 'CoreDNS answers for a headless Service with ready endpoints only (by default), so its name resolves to no address'}.`,
          fix,
          targets: readinessTarget(ctx, notReady[0], svc),
        }
      : {
          code: 'some-endpoints-not-ready',
          severity: 'warning',
          message: `${eps.filter((e) => e.ready).length} of the ${plural(eps.length, 'endpoint')} of Service ${name} are ready; ${what} and ${notReady.length === 1 ? 'gets' : 'get'} no traffic until ${notReady.length === 1 ? 'it is' : 'they are'} Ready.`,
          fix,
          targets: readinessTarget(ctx, notReady[0], svc),
        },
  );
}

function onlyTerminating(ctx: Ctx, svc: Service, eps: Ep[]): void {
  const serving = eps.filter((e) => e.serving);
  const name = svc.metadata.name;
  const labels = listNames(eps.map((e) => e.label));
  ctx.emit({
    code: 'only-terminating-endpoints',
    severity: serving.length && isServiceIPSet(svc) ? 'warning' : 'error',
    message:
      `Every endpoint of Service ${name} is terminating (${labels}: terminating: true). ` +
      (!isServiceIPSet(svc)
        ? 'CoreDNS answers for a headless Service with ready endpoints only (by default), so its name resolves to no address.'
        : serving.length
        ? `With no ready endpoint left, kube-proxy falls back to the ${serving.length === 1 ? 'one that is' : `${serving.length} that are`} still serving (serving: true) until ${serving.length === 1 ? 'it is' : 'they are'} gone; then the Service has no endpoints.`
        : 'None of them is serving either, so kube-proxy sends them no traffic.'),
    fix: 'Make sure replacement pods exist and get Ready (is the Deployment scaled to 0, or being deleted?).',
    targets: [
      ...eps.flatMap((e) => {
        if (!e.pod) return [];
        const src = podSource(ctx, e.pod);
        return src && src.target([]).ref.kind !== 'Pod' ? [{ ref: src.target([]).ref, at: ['spec', 'replicas'] }] : [];
      }),
      { ref: refOf(svc), at: null },
    ],
  });
}
