// Services the controllers leave alone (behaviour spec §1, §12): ExternalName Services get nothing,
// even with a selector; Services without a selector get only the EndpointSlices someone writes
// (or the mirror of a hand-made Endpoints object).

import type { EndpointSlice, Service } from '../../sim/types';
import { isGone } from './handmade-slices';
import { serviceWantsEndpoints } from '../../sim';
import { type Ctx, endpointsAt, hasEmptySelector, LABEL_SERVICE_NAME, nsOf, refOf, slicesOf, type Target } from '../context';
import { formatSelector, listNames, quote } from '../text';
import { guessWorkload, selectorExample } from '../workloads';

export function checkExternalName(ctx: Ctx, svc: Service): void {
  if (svc.spec.type !== 'ExternalName') return;
  const name = svc.metadata.name ?? '';
  const raw = ctx.raw('Service', nsOf(svc), name) as Service | undefined;
  const sel = (raw ? raw.spec?.selector : svc.spec.selector) ?? {};
  const hasSelector = Object.keys(sel).length > 0;
  const slices = slicesOf(ctx, svc).map((s) => s.metadata.name ?? '');
  if (!hasSelector && slices.length === 0) return; // a plain DNS alias: nothing to say
  const parts: string[] = [];
  if (hasSelector) parts.push(`its selector ${formatSelector(sel)} is ignored`);
  if (slices.length)
    parts.push(`kube-proxy, which programs no rules for ExternalName Services, ignores the EndpointSlice${slices.length > 1 ? 's' : ''} labelled for it (${listNames(slices)})`);
  ctx.emit({
    code: 'externalname-no-endpoints',
    severity: 'warning',
    message:
      `Service ${name} is type: ExternalName, only a DNS alias (CNAME) for ${quote(svc.spec.externalName ?? '')}: ` +
      `Kubernetes creates no Endpoints or EndpointSlices for it${hasSelector ? ', so' : ', and'} ${parts.join(', and ')}.`,
    fix: hasSelector
      ? 'To send traffic to the selected pods, remove type: ExternalName and externalName (the default type ClusterIP gets endpoints); to keep the DNS alias, remove the selector.'
      : 'To use these endpoints, remove type: ExternalName and externalName and keep the Service without a selector; to keep the DNS alias, delete the EndpointSlices.',
    targets: [{ ref: refOf(svc), at: ['spec', 'type'] }],
  });
}

export function checkSelectorless(ctx: Ctx, svc: Service): void {
  if (svc.spec.type === 'ExternalName' || serviceWantsEndpoints(svc)) return;
  const ns = nsOf(svc);
  const name = svc.metadata.name ?? '';
  if (hasEmptySelector(ctx, svc)) return; // empty-selector's job
  const slices = slicesOf(ctx, svc).filter((s) => s.addressType !== 'FQDN');
  if (slices.some((s) => (s.endpoints?.length ?? 0) > 0)) return;

  const notes: string[] = [];
  if (slices.length) notes.push(`EndpointSlice ${listNames(slices.map((s) => s.metadata.name ?? ''))} is labelled for it but lists no endpoints`);
  const legacy = endpointsAt(ctx, ns, name);
  if (legacy) {
    const addresses = (legacy.subsets ?? []).reduce((n, s) => n + (s.addresses?.length ?? 0) + (s.notReadyAddresses?.length ?? 0), 0);
    if (legacy.metadata.labels?.['endpointslice.kubernetes.io/skip-mirror'] === 'true')
      notes.push(`Endpoints ${name} is labelled endpointslice.kubernetes.io/skip-mirror: "true", so it is not mirrored into an EndpointSlice`);
    else if (addresses === 0) notes.push(`Endpoints ${name} has no addresses, so nothing is mirrored from it`);
  }
  const strays = ctx.state.endpointSlices
    .filter((s) => nsOf(s) === ns && !s.metadata.labels?.[LABEL_SERVICE_NAME] && ctx.raw('EndpointSlice', ns, s.metadata.name ?? ''))
    .map((s) => s.metadata.name ?? '');
  const deleted = ctx.written
    .filter((o) => o.kind === 'EndpointSlice' && nsOf(o) === ns && o.metadata.labels?.[LABEL_SERVICE_NAME] === name && isGone(ctx, o as EndpointSlice))
    .map((o) => o.metadata.name ?? '');
  if (deleted.length) notes.push(`EndpointSlice ${listNames(deleted)}, labelled for it, was deleted by a controller whose managed-by value it claims`);
  if (strays.length) notes.push(`EndpointSlice ${listNames(strays)} in this namespace has no kubernetes.io/service-name label`);

  const emptySlice = slices.find((s) => ctx.isUser(refOf(s)));
  // Nothing hand-made for it: most likely the selector was forgotten.
  const handMade = slices.length > 0 || !!legacy || deleted.length > 0 || strays.length > 0;
  const guess = guessWorkload(ctx, ns, name);
  const targets: Target[] = [
    ...(emptySlice ? [{ ref: refOf(emptySlice), at: ['endpoints'] }] : []),
    { ref: refOf(svc), at: ['spec'] },
  ];
  ctx.emit({
    code: 'selectorless-service-without-endpoints',
    severity: 'error',
    message:
      `Service ${name} has no selector, so Kubernetes creates no EndpointSlices for it: its endpoints must come from ` +
      `EndpointSlices labelled kubernetes.io/service-name: ${name}, and it has none with endpoints` +
      (notes.length ? ` (${notes.join('; ')}).` : '.'),
    fix: handMade || !guess
      ? `Write an EndpointSlice (apiVersion: discovery.k8s.io/v1) labelled kubernetes.io/service-name: ${name}, with addressType: IPv4, ` +
        `the backend IPs under endpoints and the Service's port names under ports; or add a selector if the backends are pods.`
      : `If the backends are the pods of ${guess.obj.kind} ${guess.obj.metadata.name}, add a selector: ${selectorExample(guess)}. ` +
        `For backends outside the cluster, write an EndpointSlice labelled kubernetes.io/service-name: ${name} instead.`,
    targets,
  });
}
