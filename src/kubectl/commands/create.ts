// `kubectl create -f`, plus the generators the course uses: `create namespace NAME`,
// `create deployment NAME --image=IMAGE [--replicas=N] [--port=P]` and
// `create service clusterip NAME --tcp=PORT:TARGET` (kubectl/pkg/cmd/create).

import type { Deployment, KObject, Service } from '../../sim/types';
import { parseFlags, GLOBAL_FLAGS, type FlagSpec } from '../args';
import { Ctx, KubectlError } from '../context';
import { parseOutput, printGeneric } from '../output';
import { byKind, kindPrefix, qualifiedResource } from '../resources';
import { clientError, printErrors, readForWrite, rejectionError, targetNamespace, type CommandError } from './manifests';
import { clone, namespaceExists, write } from './write';

const CREATE_FLAGS: FlagSpec[] = [
  ...GLOBAL_FLAGS,
  { long: 'filename', short: 'f', type: 'array' },
  { long: 'output', short: 'o', type: 'string' },
  { long: 'image', type: 'array' },
  { long: 'replicas', short: 'r', type: 'int' },
  { long: 'port', type: 'int' },
  { long: 'tcp', type: 'array' },
  { long: 'save-config', type: 'bool' },
  { long: 'validate', type: 'string' },
];

/** Creates one object; a failure goes to `errors` (printed by the caller at the end, as CheckErr does). */
function createOne(ctx: Ctx, obj: KObject, source: string | undefined, output: ReturnType<typeof parseOutput>, errors: CommandError[] = []): boolean {
  const fail = (text: string) => {
    errors.push(text.startsWith('error: ') ? clientError(text) : { single: text, inAggregate: text });
    return false;
  };
  const type = byKind(obj.kind)!;
  const ns = type.namespaced ? obj.metadata.namespace : undefined;
  const name = obj.metadata.name ?? '';
  const where = source ? `error when creating "${source}": ` : '';
  if (ns !== undefined && !namespaceExists(ctx, ns)) {
    return fail(`Error from server (NotFound): ${where}namespaces "${ns}" not found`);
  }
  if (ctx.get(type.kind, ns, name)) {
    return fail(`Error from server (AlreadyExists): ${where}${qualifiedResource(type)} "${name}" already exists`);
  }
  try {
    write(ctx, [obj]);
  } catch (e) {
    if (e instanceof KubectlError) return fail(e.text);
    throw e;
  }
  if (output.t === 'table') ctx.out(`${kindPrefix(type)}/${name} created\n`);
  else ctx.out(printGeneric(output, [ctx.listQuietly(type.kind, ns).find((o) => o.metadata.name === name) ?? obj], true));
  return true;
}

/** A generator's one object: its error, if any, printed as the command's only error. */
function createAlone(ctx: Ctx, obj: KObject, output: ReturnType<typeof parseOutput>): void {
  const errors: CommandError[] = [];
  if (createOne(ctx, obj, undefined, output, errors)) return;
  printErrors(ctx, errors);
  throw new KubectlError('');
}

/** The container name kubectl create deployment derives from an image (last path part, no tag/digest). */
function containerName(image: string): string {
  const last = image.split('/').pop() ?? image;
  return last.replace(/[@:].*$/, '').replace(/[^a-z0-9-]/g, '-');
}

export function runCreate(ctx: Ctx, argv: string[]): void {
  const { flags, args } = parseFlags(argv, CREATE_FLAGS);
  const output = parseOutput(flags.output as string | undefined);
  const filenames = (flags.filename as string[] | undefined) ?? [];
  if (filenames.length > 0) {
    const items = readForWrite(ctx, filenames);
    if (items.length === 0) throw new KubectlError('error: no objects passed to create');
    const errors: CommandError[] = [];
    for (const item of items) {
      for (const w of item.warnings) ctx.warn(w);
      if (item.t === 'rejected') {
        ctx.touched(item.kind);
        errors.push(rejectionError(item, 'creating'));
        continue;
      }
      const m = item.manifest;
      const obj = clone(m.obj);
      const ns = targetNamespace(ctx, m);
      if (ns !== undefined) obj.metadata.namespace = ns;
      createOne(ctx, obj, m.source, output, errors);
    }
    printErrors(ctx, errors);
    if (errors.length) throw new KubectlError('');
    return;
  }
  const [sub, ...rest] = args;
  if (sub === 'namespace' || sub === 'ns') {
    if (rest.length !== 1) throw new KubectlError("error: exactly one NAME is required, got " + rest.length + "\nSee 'kubectl create namespace -h' for help and examples");
    createAlone(ctx, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: rest[0] } }, output);
    return;
  }
  if (sub === 'deployment' || sub === 'deploy') {
    if (rest.length !== 1) throw new KubectlError("error: exactly one NAME is required, got " + rest.length + "\nSee 'kubectl create deployment -h' for help and examples");
    const images = (flags.image as string[] | undefined) ?? [];
    if (images.length === 0) throw new KubectlError('error: required flag(s) "image" not set');
    const name = rest[0];
    const labels = { app: name };
    const port = flags.port as number | undefined;
    const dep: Deployment = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name, namespace: ctx.namespace, labels: { ...labels } },
      spec: {
        replicas: (flags.replicas as number | undefined) ?? 1,
        selector: { matchLabels: { ...labels } },
        strategy: {},
        template: {
          metadata: { labels: { ...labels } },
          spec: {
            containers: images.map((image) => ({
              name: containerName(image),
              image,
              resources: {},
              ...(port !== undefined ? { ports: [{ containerPort: port }] } : {}),
            })),
          },
        },
      },
    };
    createAlone(ctx, dep, output);
    return;
  }
  if (sub === 'service' || sub === 'svc') {
    const [svcType, name, ...extra] = rest;
    if (svcType !== 'clusterip' || !name || extra.length) {
      throw new KubectlError("error: exactly one NAME is required\nSee 'kubectl create service clusterip -h' for help and examples");
    }
    const tcp = (flags.tcp as string[] | undefined) ?? [];
    const ports = tcp.map((spec) => {
      const [p, t] = spec.split(':');
      return { name: `${p}-${t ?? p}`, port: Number(p), protocol: 'TCP' as const, targetPort: Number(t ?? p) };
    });
    const svc: Service = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name, namespace: ctx.namespace, labels: { app: name } },
      spec: { ports, selector: { app: name }, type: 'ClusterIP' },
    };
    createAlone(ctx, svc, output);
    return;
  }
  if (sub === undefined) throw new KubectlError("error: must specify one of -f and -k");
  throw new KubectlError(`error: unknown command "${sub}" for "kubectl create"`);
}
