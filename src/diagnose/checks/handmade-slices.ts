// EndpointSlices the learner writes by hand (behaviour spec §7.5, §12): tied to a Service only by the
// kubernetes.io/service-name label; must not claim a controller's managed-by value; kube-proxy reads
// only IPv4/IPv6 slices of the Service's families and matches their ports to the Service's by name.

import type { EndpointSlice, Service } from '../../sim/types';
import { isServiceIPSet, serviceWantsEndpoints } from '../../sim';
import {
  type Ctx,
  LABEL_MANAGED_BY,
  LABEL_SERVICE_NAME,
  MIRRORING_CONTROLLER,
  nsOf,
  refOf,
  serviceAt,
  SLICE_CONTROLLER,
} from '../context';
import { closeness } from '../labels';
import { describeServicePort } from '../ports';
import { capitalize, listNames } from '../text';
import { comparePortNames, describeNamed, type NamedPort, portName, renameFix } from './port-names';

export function checkHandmadeSlices(ctx: Ctx): void {
  for (const o of ctx.written) {
    if (o.kind !== 'EndpointSlice' || !o.metadata?.name) continue;
    const slice = o as EndpointSlice;
    managedBy(ctx, slice);
    const svcName = slice.metadata.labels?.[LABEL_SERVICE_NAME];
    if (!svcName) {
      missingLabel(ctx, slice);
      continue;
    }
    const svc = serviceAt(ctx, nsOf(slice), svcName);
    if (!svc) {
      serviceNotFound(ctx, slice, svcName);
      continue;
    }
    if (svc.spec.type === 'ExternalName') continue; // externalname-no-endpoints says it
    if (serviceWantsEndpoints(svc) && !isGone(ctx, slice)) mixedIn(ctx, slice, svc);
    addressFamily(ctx, slice, svc);
    // Ports matter to kube-proxy; a headless Service has no proxy rules (its DNS A records carry no
    // port; only SRV records use the port names, not worth a warning).
    if (isServiceIPSet(svc)) {
      portNames(ctx, slice, svc);
      portNumbers(ctx, slice, svc);
    }
  }
}

const labelAt = (key: string) => ['metadata', 'labels', key];

function managedBy(ctx: Ctx, slice: EndpointSlice): void {
  const value = slice.metadata.labels?.[LABEL_MANAGED_BY];
  if (value !== SLICE_CONTROLLER && value !== MIRRORING_CONTROLLER) return;
  const name = slice.metadata.name;
  const svcName = slice.metadata.labels?.[LABEL_SERVICE_NAME];
  const controller = value === SLICE_CONTROLLER ? 'the EndpointSlice controller' : 'the EndpointSlice mirroring controller';
  // Each controller lists the slices carrying its value and the service-name label of a Service it
  // syncs, and deletes those it did not make (not owned by the Service, or not mirroring an Endpoints).
  const gone = isGone(ctx, slice);
  ctx.emit({
    code: 'slice-managed-by-controller',
    severity: gone ? 'error' : 'warning',
    message:
      `EndpointSlice ${name} is labelled ${LABEL_MANAGED_BY}: ${value}, the value ${controller} puts on the slices it manages. ` +
      (gone
        ? `${capitalize(controller)} took it for one of its own slices that should not exist, and deleted it.`
        : `Nothing removes it yet, but ${controller} would take it over or delete it as soon as it syncs Service ${svcName ?? '<name>'}` +
          `${value === SLICE_CONTROLLER ? ' (for example once the Service gets a selector)' : ''}, and people and tools will mistake it for a controller-made slice.`),
    fix: `Set ${LABEL_MANAGED_BY} to a value of your own (for example cluster-admins), or leave the label out.`,
    targets: [{ ref: refOf(slice), at: labelAt(LABEL_MANAGED_BY) }],
  });
}

/** A slice the learner wrote that the simulated cluster no longer holds (a controller deleted it). */
export function isGone(ctx: Ctx, slice: EndpointSlice): boolean {
  const ns = nsOf(slice);
  return !ctx.state.endpointSlices.some((s) => s.metadata.name === slice.metadata.name && nsOf(s) === ns);
}

/** Label keys that look like an attempt at kubernetes.io/service-name. */
function nearServiceNameKey(labels: Record<string, string>): string | undefined {
  return Object.keys(labels).find((k) => {
    if (k === LABEL_MANAGED_BY) return false;
    const bare = k.replace(/^.*\//, '').toLowerCase().replace(/[_.]/g, '-');
    return closeness(LABEL_SERVICE_NAME, k) >= 2 || bare === 'service-name' || bare === 'servicename' || bare === 'service';
  });
}

function missingLabel(ctx: Ctx, slice: EndpointSlice): void {
  const ns = nsOf(slice);
  const labels = slice.metadata.labels ?? {};
  const near = nearServiceNameKey(labels);
  const orphans = ctx.state.services.filter(
    (s) => nsOf(s) === ns && s.spec.type !== 'ExternalName' && !serviceWantsEndpoints(s) && !ctx.slicesByService.has(`${ns}/${s.metadata.name}`),
  );
  const guess = near && serviceAt(ctx, ns, labels[near]) ? labels[near] : orphans.length === 1 ? orphans[0].metadata.name : undefined;
  ctx.emit({
    code: 'slice-missing-service-name-label',
    severity: 'warning',
    message:
      `EndpointSlice ${slice.metadata.name} has no ${LABEL_SERVICE_NAME} label, so it belongs to no Service: kube-proxy, CoreDNS and ` +
      `kubectl describe service ignore it. That label is the only link between a hand-made slice and its Service (an ownerReference is not needed).` +
      (near ? ` It has the label ${near}: ${labels[near]}, which is not that key.` : ''),
    fix: near
      ? `Rename the label ${near} to ${LABEL_SERVICE_NAME}.`
      : `Add the label ${LABEL_SERVICE_NAME}: ${guess ?? '<name of the Service>'} under metadata.labels.`,
    targets: [{ ref: refOf(slice), at: near ? labelAt(near) : ['metadata', 'labels'] }],
  });
}

function serviceNotFound(ctx: Ctx, slice: EndpointSlice, svcName: string): void {
  const ns = nsOf(slice);
  const close = ctx.state.services.find((s) => nsOf(s) === ns && closeness(svcName, s.metadata.name ?? '') >= 2)?.metadata.name;
  const elsewhere = ctx.state.services.find((s) => nsOf(s) !== ns && s.metadata.name === svcName);
  const hint = close
    ? ` Did you mean Service ${close}?`
    : elsewhere
      ? ` A Service ${svcName} exists in namespace ${nsOf(elsewhere)}, but a slice only serves the Service of that name in its own namespace.`
      : '';
  ctx.emit({
    code: 'slice-service-not-found',
    severity: 'warning',
    message: `EndpointSlice ${slice.metadata.name} is labelled ${LABEL_SERVICE_NAME}: ${svcName}, but namespace ${ns} has no Service ${svcName}, so no Service uses these endpoints.${hint}`,
    fix: close
      ? `Set the label to ${LABEL_SERVICE_NAME}: ${close}.`
      : elsewhere
        ? `Create the EndpointSlice in namespace ${nsOf(elsewhere)} (metadata.namespace: ${nsOf(elsewhere)}).`
        : `Create Service ${svcName} in namespace ${ns}, or set the label to the name of the Service these endpoints belong to.`,
    targets: [{ ref: refOf(slice), at: labelAt(LABEL_SERVICE_NAME) }],
  });
}

function addressFamily(ctx: Ctx, slice: EndpointSlice, svc: Service): void {
  const svcName = svc.metadata.name;
  if (slice.addressType === 'FQDN') {
    ctx.emit({
      code: 'slice-address-family-mismatch',
      severity: 'warning',
      message:
        `EndpointSlice ${slice.metadata.name} has addressType: FQDN. kube-proxy only uses IPv4 and IPv6 slices, so Service ${svcName} ` +
        `gets no traffic through these endpoints.`,
      fix: 'Use addressType: IPv4 (or IPv6) with IP addresses; to point a Service at a DNS name, use a Service of type ExternalName.',
      targets: [{ ref: refOf(slice), at: ['addressType'] }],
    });
    return;
  }
  // Headless Services get no kube-proxy rules; DNS serves whatever the slices hold.
  if (!isServiceIPSet(svc)) return;
  const families = svc.spec.ipFamilies ?? [];
  if (families.length === 0 || families.includes(slice.addressType)) return;
  ctx.emit({
    code: 'slice-address-family-mismatch',
    severity: 'warning',
    message:
      `EndpointSlice ${slice.metadata.name} has addressType: ${slice.addressType}, but Service ${svcName} has ipFamilies: [${families.join(', ')}]. ` +
      `kube-proxy programs the Service only for ${listNames(families)}, so these ${slice.addressType} endpoints get no traffic.`,
    fix: `Use addressType: ${families[0]} with ${families[0]} addresses, or make the Service dual-stack (ipFamilyPolicy: PreferDualStack).`,
    targets: [{ ref: refOf(slice), at: ['addressType'] }],
  });
}

function portNames(ctx: Ctx, slice: EndpointSlice, svc: Service): void {
  const svcPorts = svc.spec.ports ?? [];
  if (svcPorts.length === 0) return;
  const ports: NamedPort[] = slice.ports ?? [];
  const { unserved, strays } = comparePortNames(svcPorts, ports);
  if (unserved.length === 0) return;
  const svcName = svc.metadata.name;
  const name = slice.metadata.name;
  const all = unserved.length === svcPorts.length;
  const message =
    ports.length === 0
      ? `EndpointSlice ${name} lists no ports, so kube-proxy has no port to send Service ${svcName}'s traffic to (${unserved.map(describeServicePort).join(', ')}).`
      : `Service ${svcName} has the port${svcPorts.length > 1 ? 's' : ''} ${listNames(svcPorts.map(describeNamed), 10)}, ` +
        `but EndpointSlice ${name} has ${listNames(ports.map(describeNamed), 10)}. kube-proxy matches slice ports to Service ports by name and protocol, ` +
        `so ${listNames(unserved.map((p) => portName(p)))} ${unserved.length === 1 ? 'gets' : 'get'} no endpoints from this slice.`;
  ctx.emit({
    code: 'slice-port-name-mismatch',
    severity: all ? 'error' : 'warning',
    message,
    fix:
      unserved.length === 1 && strays.length === 1
        ? renameFix(unserved[0], ports[strays[0]], 'slice')
        : `List one slice port per Service port, with the same name and protocol: ${unserved.map((p) => `${portName(p)}/${p.protocol ?? 'TCP'}`).join(', ')}.`,
    targets: [{ ref: refOf(slice), at: strays.length ? ['ports', strays[0], 'name'] : ['ports'] }],
  });
}

// kube-proxy skips a slice port whose number is missing or 0 (pkg/proxy/endpointslicecache.go);
// the API accepts it, since slice port numbers are not validated.
function portNumbers(ctx: Ctx, slice: EndpointSlice, svc: Service): void {
  const ports: NamedPort[] = slice.ports ?? [];
  ports.forEach((p, i) => {
    if (p.port !== undefined && p.port !== null && p.port !== 0) return;
    const svcPort = (svc.spec.ports ?? []).find((sp) => (sp.name ?? '') === (p.name ?? ''));
    const hint = typeof svcPort?.targetPort === 'number' ? svcPort.targetPort : undefined;
    ctx.emit({
      code: 'slice-port-without-number',
      severity: 'error',
      message:
        `EndpointSlice ${slice.metadata.name} has the port ${portName(p)} without a port number. The API accepts it, but kube-proxy ` +
        `skips slice ports without a number, so Service ${svc.metadata.name} gets no traffic to these endpoints through it.`,
      fix: `Set port to the number the backends listen on${hint ? ` (e.g. port: ${hint})` : ''}: for a hand-made slice it is the slice port, not the Service's targetPort, that traffic goes to.`,
      targets: [{ ref: refOf(slice), at: ['ports', i, 'port'] }],
    });
  });
}

// kube-proxy (and kubectl describe service) merge every slice labelled for a Service, whoever made
// it: a hand-made slice next to the controller's adds its endpoints to the selected pods.
function mixedIn(ctx: Ctx, slice: EndpointSlice, svc: Service): void {
  const addresses = (slice.endpoints ?? []).map((e) => e.addresses?.[0]).filter((a): a is string => !!a);
  ctx.emit({
    code: 'slice-for-selector-service',
    severity: 'warning',
    message:
      `EndpointSlice ${slice.metadata.name} is labelled for Service ${svc.metadata.name}, which has a selector: the EndpointSlice controller already ` +
      `manages its endpoints, and ${isServiceIPSet(svc) ? 'kube-proxy' : 'DNS'} merges this hand-made slice with the controller's, so traffic also goes to ` +
      `${addresses.length ? listNames(addresses) : 'whatever endpoints this slice lists'}.`,
    fix: `Hand-made slices are for Services without a selector: remove the selector from Service ${svc.metadata.name}, or delete this slice.`,
    targets: [{ ref: refOf(slice), at: labelAt(LABEL_SERVICE_NAME) }],
  });
}
