// `kubectl describe` (kubectl/pkg/cmd/describe/describe.go): objects separated by a blank line pair,
// prefix matching when `TYPE NAME` names nothing (DescribeMatchingResources), and the describers of
// ../printers for each kind.

import type { Deployment, EndpointSlice, Endpoints, KObject, Node, Pod, ReplicaSet, Service } from '../../sim/types';
import { isPodTerminal } from '../../sim';
import { parseFlags, GLOBAL_FLAGS } from '../args';
import { Ctx, KubectlError, notFound } from '../context';
import { parseResourceArgs } from '../format/selection';
import { describeEndpoints } from '../printers/endpoints';
import { describeEndpointSlice } from '../printers/endpointslices';
import { describeNamespace } from '../printers/namespaces';
import { describeNode } from '../printers/nodes';
import { describePod } from '../printers/pods';
import { describeService } from '../printers/services';
import { describeDeployment, describeReplicaSet } from '../printers/workloads';
import type { ResourceType } from '../resources';
import { parseSelectorFlag } from './get';
import { readManifests, targetNamespace } from './manifests';
import { LABEL_SERVICE_NAME } from '../../sim';

function eventsFor(ctx: Ctx, o: KObject, showEvents: boolean) {
  if (!showEvents) return [];
  return ctx.cluster
    .events()
    .filter((e) => e.involved.kind === o.kind && e.involved.name === o.metadata.name && (e.involved.namespace ?? '') === (o.metadata.namespace ?? ''));
}

/** Runs the describer of an object's kind. */
export function describeObject(ctx: Ctx, o: KObject, showEvents = true): string {
  const now = ctx.now();
  const events = eventsFor(ctx, o, showEvents);
  const ns = o.metadata.namespace;
  switch (o.kind) {
    case 'Service': {
      const slices = ctx.cluster
        .list<EndpointSlice>('EndpointSlice', ns)
        .filter((s) => s.metadata.labels?.[LABEL_SERVICE_NAME] === o.metadata.name);
      return describeService(o as Service, { now, slices, events });
    }
    case 'Endpoints':
      return describeEndpoints(o as Endpoints, { now, events });
    case 'EndpointSlice':
      return describeEndpointSlice(o as EndpointSlice, { now, events });
    case 'Pod':
      return describePod(o as Pod, { now, events });
    case 'Node': {
      const pods = ctx.cluster
        .list<Pod>('Pod')
        .filter((p) => p.spec.nodeName === o.metadata.name && !isPodTerminal(p)); // field selector status.phase!=Succeeded,status.phase!=Failed
      return describeNode(o as Node, { now, pods, events });
    }
    case 'Deployment':
      return describeDeployment(o as Deployment, { now, events, replicaSets: ctx.cluster.list<ReplicaSet>('ReplicaSet', ns) });
    case 'ReplicaSet':
      return describeReplicaSet(o as ReplicaSet, { now, events, pods: ctx.cluster.list<Pod>('Pod', ns) });
    case 'Namespace':
      return describeNamespace(o, { now, events });
  }
  throw new KubectlError(`error: no description has been implemented for ${o.kind}`);
}

export function runDescribe(ctx: Ctx, argv: string[]): void {
  const { flags, args } = parseFlags(argv, [
    ...GLOBAL_FLAGS,
    { long: 'selector', short: 'l', type: 'string' },
    { long: 'all-namespaces', short: 'A', type: 'bool' },
    { long: 'filename', short: 'f', type: 'array' },
    { long: 'show-events', type: 'bool' },
  ]);
  const showEvents = flags['show-events'] !== false;
  const filenames = (flags.filename as string[] | undefined) ?? [];
  if (args.length === 0 && filenames.length === 0) {
    throw new KubectlError('error: You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.');
  }
  const selector = parseSelectorFlag(flags.selector as string | undefined, filenames.length ? undefined : parseResourceArgs(args)[0]?.type);
  const allNamespaces = flags['all-namespaces'] === true;
  const found: KObject[] = [];
  const errors: string[] = [];
  let prefixCandidate: { type: ResourceType; prefix: string } | undefined;
  let listedTypes: ResourceType[] = [];
  if (filenames.length) {
    for (const m of readManifests(ctx, filenames)) {
      const ns = targetNamespace(ctx, m);
      const o = ctx.get(m.type.kind, ns, m.obj.metadata.name ?? '');
      if (o) found.push(o);
      else errors.push(notFound(m.type.kind, m.obj.metadata.name ?? ''));
    }
  } else {
    const requests = parseResourceArgs(args);
    for (const req of requests) {
      if (req.names.length === 0) {
        listedTypes.push(req.type);
        for (const o of ctx.list(req.type.kind, allNamespaces ? undefined : ctx.namespace)) {
          if (!selector || selector.matches(o.metadata.labels)) found.push(o);
        }
        continue;
      }
      for (const name of req.names) {
        const o = ctx.get(req.type.kind, ctx.namespace, name);
        if (o) found.push(o);
        else errors.push(notFound(req.type.kind, name));
      }
    }
    // `kubectl describe TYPE PREFIX`: when the single name is not found, describe every object whose name starts with it.
    if (args.length === 2 && !args[0].includes('/') && requests.length === 1 && errors.length === 1 && found.length === 0) {
      prefixCandidate = { type: requests[0].type, prefix: args[1] };
    }
  }
  if (prefixCandidate) {
    const { type, prefix } = prefixCandidate;
    const matching = ctx.list(type.kind, ctx.namespace).filter((o) => (o.metadata.name ?? '').startsWith(prefix));
    if (matching.length > 0) {
      for (const o of matching) ctx.out(describeObject(ctx, o, showEvents) + '\n');
      return;
    }
  }
  ctx.out(found.map((o) => describeObject(ctx, o, showEvents)).join('\n\n'));
  if (found.length === 0 && errors.length === 0 && listedTypes.length > 0) {
    const namespaced = listedTypes.every((t) => t.namespaced) && !allNamespaces;
    ctx.err(namespaced ? `No resources found in ${ctx.namespace} namespace.` : 'No resources found');
  }
  for (const e of errors) ctx.err(e);
  if (errors.length) throw new KubectlError('');
}
