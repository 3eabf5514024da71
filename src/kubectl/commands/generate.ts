// `kubectl run NAME --image=IMAGE` and `kubectl expose TYPE NAME --port=N` (kubectl/pkg/cmd/run,
// cmd/expose): the two generators tutorials use to make a pod and a Service for a workload.
// run: label run=NAME (unless --labels), container named NAME, prints `pod/NAME created`.
// expose: selector taken from the exposed object, labels copied from it, targetPort defaults to
// port, prints `service/NAME exposed`.

import type { Deployment, Pod, ReplicaSet, Service, ServicePort } from '../../sim/types';
import { parseFlags, GLOBAL_FLAGS } from '../args';
import { Ctx, KubectlError } from '../context';
import { parseResourceArgs } from '../format/selection';
import { write } from './write';
import { notFound } from '../context';

function parseLabels(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of text.split(',')) {
    const eq = part.indexOf('=');
    if (eq <= 0) throw new KubectlError(`error: invalid label spec: ${part}`);
    out[part.slice(0, eq)] = part.slice(eq + 1);
  }
  return out;
}

export function runRun(ctx: Ctx, argv: string[]): void {
  const { flags, args } = parseFlags(argv, [
    ...GLOBAL_FLAGS,
    { long: 'image', type: 'string' },
    { long: 'port', type: 'int' },
    { long: 'labels', short: 'l', type: 'string' },
    { long: 'restart', type: 'string' },
  ]);
  if (args.length === 0) throw new KubectlError("error: NAME is required for run\nSee 'kubectl run -h' for help and examples");
  const name = args[0];
  const image = flags.image as string | undefined;
  if (!image) throw new KubectlError('error: required flag(s) "image" not set');
  if (ctx.get('Pod', ctx.namespace, name)) {
    throw new KubectlError(`Error from server (AlreadyExists): pods "${name}" already exists`);
  }
  const labels = flags.labels ? parseLabels(flags.labels as string) : { run: name };
  const port = flags.port as number | undefined;
  const pod: Pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: ctx.namespace, labels },
    spec: {
      containers: [{ name, image, resources: {}, ...(port !== undefined ? { ports: [{ containerPort: port }] } : {}) }],
      dnsPolicy: 'ClusterFirst',
      restartPolicy: (flags.restart as string | undefined) ?? 'Always',
    },
  };
  write(ctx, [pod]);
  ctx.out(`pod/${name} created\n`);
}

export function runExpose(ctx: Ctx, argv: string[]): void {
  const { flags, args } = parseFlags(argv, [
    ...GLOBAL_FLAGS,
    { long: 'port', type: 'string' },
    { long: 'target-port', type: 'string' },
    { long: 'name', type: 'string' },
    { long: 'type', type: 'string' },
    { long: 'protocol', type: 'string' },
    { long: 'selector', type: 'string' },
  ]);
  if (args.length === 0) {
    throw new KubectlError(
      "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'",
    );
  }
  const [req] = parseResourceArgs(args);
  const name = req.names[0];
  if (!name) throw new KubectlError('error: resource(s) were provided, but no name was specified');
  const obj = ctx.get(req.type.kind, ctx.namespace, name);
  if (!obj) throw new KubectlError(notFound(req.type.kind, name));
  let selector: Record<string, string> | undefined;
  let containerPorts: number[] = [];
  switch (obj.kind) {
    case 'Deployment':
    case 'ReplicaSet': {
      const w = obj as Deployment | ReplicaSet;
      if (w.spec.selector.matchExpressions?.length) {
        throw new KubectlError(`error: couldn't retrieve selectors via --selector flag or introspection: ${obj.kind.toLowerCase()}s.apps "${name}" has an unsupported selector`);
      }
      selector = w.spec.selector.matchLabels;
      containerPorts = w.spec.template.spec.containers.flatMap((c) => (c.ports ?? []).map((p) => p.containerPort));
      break;
    }
    case 'Pod':
      selector = obj.metadata.labels;
      containerPorts = (obj as Pod).spec.containers.flatMap((c) => (c.ports ?? []).map((p) => p.containerPort));
      break;
    case 'Service':
      selector = (obj as Service).spec.selector ?? undefined;
      containerPorts = ((obj as Service).spec.ports ?? []).map((p) => p.port);
      break;
    default:
      throw new KubectlError(`error: cannot expose a ${obj.kind}`);
  }
  if (flags.selector) selector = parseLabels(flags.selector as string);
  if (!selector || Object.keys(selector).length === 0) {
    throw new KubectlError("error: couldn't retrieve selectors via --selector flag or introspection");
  }
  const protocol = ((flags.protocol as string | undefined) ?? 'TCP') as ServicePort['protocol'];
  const ports: number[] = flags.port !== undefined ? String(flags.port).split(',').map(Number) : containerPorts;
  if (ports.length === 0) throw new KubectlError("error: couldn't find port via --port flag or introspection\nSee 'kubectl expose -h' for help and examples");
  const target = flags['target-port'] as string | undefined;
  const svcPorts: ServicePort[] = ports.map((p, i) => ({
    ...(ports.length > 1 ? { name: `port-${i + 1}` } : {}),
    port: p,
    protocol,
    targetPort: target !== undefined ? (/^\d+$/.test(target) ? Number(target) : target) : p,
  }));
  const svcName = (flags.name as string | undefined) ?? name;
  if (ctx.get('Service', ctx.namespace, svcName)) {
    throw new KubectlError(`Error from server (AlreadyExists): services "${svcName}" already exists`);
  }
  const svc: Service = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: svcName, namespace: ctx.namespace, ...(obj.metadata.labels ? { labels: { ...obj.metadata.labels } } : {}) },
    spec: { ports: svcPorts, selector: { ...selector }, ...(flags.type ? { type: flags.type as Service['spec']['type'] } : {}) },
  };
  write(ctx, [svc]);
  ctx.out(`service/${svcName} exposed\n`);
}
