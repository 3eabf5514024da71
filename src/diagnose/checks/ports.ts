// Port mistakes between a Service and the pods it selects (behaviour spec §4). A named targetPort
// that a pod does not declare (same name AND protocol) is silently skipped for that pod: the pod is
// still an endpoint, in a slice without that port. A numeric targetPort is never checked at all.

import type { ContainerPort, Pod, Service, ServicePort } from '../../sim/types';
import { isPodTerminal, serviceWantsEndpoints } from '../../sim';
import { type Ctx, nsOf, refOf, type Target } from '../context';
import { closeness } from '../labels';
import { declaredPorts, describeContainerPort, describeServicePort, findPort, protocolOf } from '../ports';
import { listNames, plural, quote } from '../text';
import { podSource } from '../workloads';

export function checkPorts(ctx: Ctx, svc: Service): void {
  if (!serviceWantsEndpoints(svc)) return;
  const pods = ctx.selected(svc).filter((p) => !isPodTerminal(p));
  if (pods.length === 0) return;
  (svc.spec.ports ?? []).forEach((port, i) => {
    const target = port.targetPort ?? port.port;
    if (typeof target === 'string') namedPort(ctx, svc, port, i, target, pods);
    else numericPort(ctx, svc, port, i, target, pods);
  });
}

/** Distinct declared ports of some pods, in first-seen order. */
function distinctPorts(pods: Pod[]): ContainerPort[] {
  const seen = new Map<string, ContainerPort>();
  for (const p of pods) for (const cp of declaredPorts(p)) seen.set(`${cp.name ?? ''}/${cp.containerPort}/${protocolOf(cp)}`, cp);
  return [...seen.values()];
}

function portTarget(svc: Service, i: number): Target {
  return { ref: refOf(svc), at: ['spec', 'ports', i, 'targetPort'] };
}

function containerPortsTarget(ctx: Ctx, pod: Pod): Target[] {
  const src = podSource(ctx, pod);
  const ci = Math.max(0, pod.spec.containers.findIndex((c) => c.ports?.length));
  return src ? [src.target(['containers', ci, 'ports'])] : [];
}

function namedPort(ctx: Ctx, svc: Service, port: ServicePort, i: number, name: string, pods: Pod[]): void {
  const lacking = pods.filter((p) => findPort(p, port) === undefined);
  if (lacking.length === 0) return;
  const proto = protocolOf(port);
  const declared = distinctPorts(lacking);
  const sameName = declared.find((d) => d.name === name); // declared, but with another protocol
  const typo = declared.find((d) => d.name && protocolOf(d) === proto && closeness(name, d.name) >= 2);
  const sameProto = declared.filter((d) => protocolOf(d) === proto);
  const all = lacking.length === pods.length;
  const names = listNames(lacking.map((p) => p.metadata.name ?? ''));
  const who =
    all && pods.length > 1
      ? `none of the ${pods.length} pods it selects (${names}) declares a`
      : all
        ? `the only pod it selects, ${names}, declares no`
        : `${lacking.length} of the ${pods.length} pods it selects (${names}) ${lacking.length === 1 ? 'declares' : 'declare'} no`;
  const they = lacking.length === 1 ? 'it declares' : 'they declare';
  const declaredText = declared.length ? `${they} ${declared.map(describeContainerPort).join(', ')}` : `${they} no container ports at all`;
  const having = pods.filter((p) => !lacking.includes(p));
  let fix: string;
  if (having.length) {
    const theirs = distinctPorts(having).filter((d) => d.name === name && protocolOf(d) === proto);
    fix =
      `Declare a ${proto} container port named ${name} in ${lacking.length === 1 ? `pod ${names}` : 'these pods'} too ` +
      `(the other selected pods declare ${theirs.map(describeContainerPort).join(', ')}), or stop selecting ${lacking.length === 1 ? 'it' : 'them'}.`;
  } else if (sameName) fix = `Set protocol: ${protocolOf(sameName)} on the Service port, or declare the container port ${quote(name)} with protocol ${proto}.`;
  else if (typo) fix = `Set targetPort: ${typo.name} (the container port's real name), or rename the container port to ${name}.`;
  else if (sameProto.length) fix = `Add name: ${name} to the container port the app listens on (${sameProto.map(describeContainerPort).join(', ')}), or set targetPort to one of those ports.`;
  else fix = `Declare the port in the container (ports: [{name: ${name}, containerPort: <the port the app listens on>}]), or set targetPort to a number.`;
  ctx.emit({
    code: 'named-port-not-found',
    severity: all ? 'error' : 'warning',
    message:
      `Service ${svc.metadata.name} port ${describeServicePort(port)} targets the container port named ${quote(name)}, but ` +
      `${who} ${proto} port with that name (${declaredText}${sameName ? `; ${quote(name)} is declared with protocol ${protocolOf(sameName)}` : ''}). ` +
      `Kubernetes skips that port for ${lacking.length === 1 ? 'this pod' : 'these pods'}: ${lacking.length === 1 ? 'it stays an endpoint' : 'they stay endpoints'} ` +
      `but with no port for ${port.name ? quote(port.name) : `port ${port.port}`}, so traffic to port ${port.port} does not reach ${lacking.length === 1 ? 'it' : 'them'}.`,
    fix,
    // The odd pods out, or pods that declare no ports at all, are what to change; otherwise the targetPort.
    targets:
      having.length || !(sameProto.length || sameName || typo)
        ? [...containerPortsTarget(ctx, lacking[0]), portTarget(svc, i)]
        : [portTarget(svc, i), ...containerPortsTarget(ctx, lacking[0])],
  });
}

function numericPort(ctx: Ctx, svc: Service, port: ServicePort, i: number, target: number, pods: Pod[]): void {
  const proto = protocolOf(port);
  const declared = distinctPorts(pods);
  // Declaring container ports is optional; with none declared there is nothing to compare against.
  if (declared.length === 0) return;
  const declares = (d: ContainerPort) => d.containerPort === target && protocolOf(d) === proto;
  if (declared.some(declares)) {
    someDeclareIt(ctx, svc, port, i, target, pods, declares);
    return;
  }
  const sameProto = declared.filter((d) => protocolOf(d) === proto);
  const defaulted = port.targetPort === undefined || rawTargetPortMissing(ctx, svc, i);
  ctx.emit({
    code: 'target-port-not-declared',
    severity: 'warning',
    message:
      `Service ${svc.metadata.name} port ${describeServicePort(port)} sends traffic to container port ${target}` +
      `${defaulted ? ' (targetPort is not set, so it defaults to port)' : ''}, but no container in the ${plural(pods.length, 'pod')} it selects ` +
      `declares ${target}/${proto}; they declare ${declared.map(describeContainerPort).join(', ')}. ` +
      `Kubernetes does not check this: the endpoints get port ${target}, and connections fail unless the app listens there.`,
    fix:
      sameProto.length === 1
        ? `Set targetPort: ${sameProto[0].containerPort}${sameProto[0].name ? ` (or targetPort: ${sameProto[0].name})` : ''}.`
        : `Set targetPort to the port the app listens on${sameProto.length ? ` (${sameProto.map(describeContainerPort).join(', ')})` : ''}.`,
    targets: [portTarget(svc, i)],
  });
}

/**
 * Some selected pods declare the numeric target port and others declare ports but not that one (two
 * versions of an app listening on different ports): every pod still gets the same number. A named
 * targetPort resolves per pod, which is what mixed versions need.
 */
function someDeclareIt(ctx: Ctx, svc: Service, port: ServicePort, i: number, target: number, pods: Pod[], declares: (d: ContainerPort) => boolean): void {
  const proto = protocolOf(port);
  const lacking = pods.filter((p) => declaredPorts(p).length > 0 && !declaredPorts(p).some(declares));
  if (lacking.length === 0) return;
  const theirs = distinctPorts(lacking).filter((d) => protocolOf(d) === proto);
  const names = [...new Set(theirs.map((d) => d.name).filter((n): n is string => !!n))];
  ctx.emit({
    code: 'target-port-declared-by-some',
    severity: 'warning',
    message:
      `Service ${svc.metadata.name} port ${describeServicePort(port)} sends traffic to container port ${target}/${proto}, but ` +
      `${plural(lacking.length, 'pod')} it selects (${listNames(lacking.map((p) => p.metadata.name ?? ''))}) ` +
      `${lacking.length === 1 ? 'declares' : 'declare'} ${theirs.length ? theirs.map(describeContainerPort).join(', ') : 'other ports'} instead. ` +
      `A numeric targetPort is the same for every pod, so their endpoints get port ${target} too.`,
    fix:
      names.length === 1
        ? `If the app listens on different ports in different pods, give that port the same name everywhere and set targetPort: ${names[0]}.`
        : 'If the app listens on different ports in different pods, give that port one name in every pod and use that name as targetPort.',
    targets: [portTarget(svc, i)],
  });
}

function rawTargetPortMissing(ctx: Ctx, svc: Service, i: number): boolean {
  const raw = ctx.raw('Service', nsOf(svc), svc.metadata.name ?? '') as Service | undefined;
  const p = raw?.spec?.ports?.[i];
  return !!p && p.targetPort === undefined;
}
