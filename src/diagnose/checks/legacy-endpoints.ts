// The legacy core/v1 Endpoints API (behaviour spec §10, §11): deprecated since 1.33 in favour of
// discovery.k8s.io/v1 EndpointSlice; owned by the Endpoints controller for Services with a selector;
// mirrored into EndpointSlices only for Services without one; truncated at 1000 addresses.

import type { Endpoints, Service } from '../../sim/types';
import { serviceWantsEndpoints } from '../../sim';
import { type Ctx, LABEL_SERVICE_NAME, nsOf, refOf, serviceAt, slicesOf } from '../context';
import { plural } from '../text';
import { comparePortNames, describeNamed, type NamedPort, renameFix } from './port-names';
import { describeServicePort } from '../ports';
import { closeness } from '../labels';
import { listNames } from '../text';

const OVER_CAPACITY = 'endpoints.kubernetes.io/over-capacity';

export function checkWrittenEndpoints(ctx: Ctx): void {
  for (const o of ctx.written) {
    if (o.kind !== 'Endpoints' || !o.metadata?.name) continue;
    const ep = o as Endpoints;
    const ref = refOf(ep);
    if (!ctx.isUser(ref)) continue; // the exercise's own fixtures are not the learner's to change
    const svc = serviceAt(ctx, ref.namespace, ref.name);
    deprecated(ctx, ep);
    if (!svc) serviceMissing(ctx, ep);
    else if (serviceWantsEndpoints(svc)) overwritten(ctx, ep, svc);
    else if (svc && svc.spec.type !== 'ExternalName') mirroredPortNames(ctx, ep, svc);
  }
}

function deprecated(ctx: Ctx, ep: Endpoints): void {
  const name = ep.metadata.name;
  ctx.emit({
    code: 'endpoints-api-deprecated',
    severity: 'warning',
    message:
      `Endpoints ${name} uses the v1 Endpoints API, deprecated since Kubernetes 1.33 (kubectl prints "Warning: v1 Endpoints is deprecated ` +
      `in v1.33+; use discovery.k8s.io/v1 EndpointSlice"). It is still served, and mirrored into an EndpointSlice for a Service without a selector, but kube-proxy and CoreDNS read only EndpointSlices.`,
    fix:
      `Write an EndpointSlice instead: apiVersion: discovery.k8s.io/v1, kind: EndpointSlice, label ${LABEL_SERVICE_NAME}: ${name}, ` +
      `addressType: IPv4, the IPs under endpoints[].addresses and the Service's port names under ports.`,
    targets: [{ ref: refOf(ep), at: ['kind'] }],
  });
}

function serviceMissing(ctx: Ctx, ep: Endpoints): void {
  const ns = nsOf(ep);
  const name = ep.metadata.name ?? '';
  const close = ctx.state.services.find((s) => nsOf(s) === ns && closeness(name, s.metadata.name ?? '') >= 2)?.metadata.name;
  ctx.emit({
    code: 'endpoints-service-not-found',
    severity: 'warning',
    message:
      `Endpoints ${name} belongs to the Service of the same name, but namespace ${ns} has no Service ${name}: nothing uses these ` +
      `addresses, and they are not mirrored into an EndpointSlice.${close ? ` Did you mean Service ${close}?` : ''}`,
    fix: close ? `Name the Endpoints ${close}, like the Service (metadata.name: ${close}).` : `Create Service ${name} (without a selector) in namespace ${ns}, or give the Endpoints the name of its Service.`,
    targets: [{ ref: refOf(ep), at: ['metadata', 'name'] }],
  });
}

function overwritten(ctx: Ctx, ep: Endpoints, svc: Service): void {
  const name = ep.metadata.name;
  ctx.emit({
    code: 'endpoints-overwritten-by-controller',
    severity: 'warning',
    message:
      `Endpoints ${name} is written by hand, but Service ${name} has a selector: the Endpoints controller owns the Endpoints ` +
      `of such a Service and replaces its addresses with the pods the selector matches, and nothing is mirrored from it into EndpointSlices.`,
    fix: `To list the backends yourself, remove the selector from Service ${svc.metadata.name} (and prefer an EndpointSlice); otherwise delete this Endpoints object.`,
    targets: [{ ref: refOf(ep), at: ['subsets'] }],
  });
}

/** The mirrored slice copies the subset's ports, so their names must match the Service's too. */
function mirroredPortNames(ctx: Ctx, ep: Endpoints, svc: Service): void {
  const svcPorts = svc.spec.ports ?? [];
  if (svcPorts.length === 0) return;
  (ep.subsets ?? []).forEach((subset, i) => {
    if (!(subset.addresses?.length || subset.notReadyAddresses?.length)) return;
    const ports: NamedPort[] = subset.ports ?? [];
    const { unserved, strays } = comparePortNames(svcPorts, ports);
    if (unserved.length === 0) return;
    ctx.emit({
      code: 'slice-port-name-mismatch',
      severity: unserved.length === svcPorts.length ? 'error' : 'warning',
      message:
        `Service ${svc.metadata.name} has the port${svcPorts.length > 1 ? 's' : ''} ${listNames(svcPorts.map(describeNamed), 10)}, but subset ${i} of ` +
        `Endpoints ${ep.metadata.name} has ${ports.length ? listNames(ports.map(describeNamed), 10) : 'no ports'}. Its mirrored EndpointSlice copies these ports, ` +
        `and kube-proxy matches slice ports to Service ports by name and protocol, so ${listNames(unserved.map(describeServicePort))} ` +
        `${unserved.length === 1 ? 'gets' : 'get'} no endpoints from it.`,
      fix:
        unserved.length === 1 && strays.length === 1
          ? renameFix(unserved[0], ports[strays[0]], 'Endpoints')
          : 'List one port per Service port in the subset, with the same name and protocol as the Service port.',
      targets: [{ ref: refOf(ep), at: strays.length ? ['subsets', i, 'ports', strays[0], 'name'] : ['subsets', i, 'ports'] }],
    });
  });
}

export function checkOverCapacity(ctx: Ctx, svc: Service): void {
  const ep = ctx.endpoints.get(`${nsOf(svc)}/${svc.metadata.name}`);
  if (ep?.metadata.annotations?.[OVER_CAPACITY] !== 'truncated') return;
  const kept = (ep.subsets ?? []).reduce((n, s) => n + (s.addresses?.length ?? 0) + (s.notReadyAddresses?.length ?? 0), 0);
  const family = svc.spec.ipFamilies?.[0] ?? 'IPv4';
  const total = slicesOf(ctx, svc)
    .filter((s) => s.addressType === family)
    .reduce((n, s) => n + (s.endpoints?.length ?? 0), 0);
  ctx.emit({
    code: 'endpoints-over-capacity',
    severity: 'info',
    message:
      `Service ${svc.metadata.name} has ${plural(total, 'endpoint')}, but its v1 Endpoints object stops at 1000 addresses: the Endpoints controller ` +
      `kept ${kept} and set ${OVER_CAPACITY}: truncated. The EndpointSlices list all ${total} (kube-proxy reads those); only tools still reading ` +
      `v1 Endpoints see part of the Service.`,
    fix: `Read EndpointSlices instead (kubectl get endpointslices -l ${LABEL_SERVICE_NAME}=${svc.metadata.name}).`,
    targets: [{ ref: refOf(ep), at: null }],
  });
}
