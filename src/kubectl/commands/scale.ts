// `kubectl scale` and `kubectl rollout restart|status` (kubectl/pkg/cmd/scale, cmd/rollout).

import type { Deployment } from '../../sim/types';
import { parseFlags, GLOBAL_FLAGS, type FlagSpec } from '../args';
import { Ctx, KubectlError } from '../context';
import { kindPrefix } from '../resources';
import { findTargets } from './targets';

export function runScale(ctx: Ctx, argv: string[]): void {
  const { flags, args } = parseFlags(argv, [
    ...GLOBAL_FLAGS,
    { long: 'replicas', type: 'int' },
    { long: 'selector', short: 'l', type: 'string' },
    { long: 'all', type: 'bool' },
    { long: 'filename', short: 'f', type: 'array' },
  ]);
  if (flags.replicas === undefined) throw new KubectlError('error: required flag(s) "replicas" not set');
  const replicas = flags.replicas as number;
  if (replicas < 0) throw new KubectlError('error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0');
  if (args.length === 0 && !flags.filename) {
    throw new KubectlError("error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'");
  }
  const errors: string[] = [];
  const { targets } = findTargets(
    ctx,
    { args, filenames: flags.filename as string[] | undefined, selector: flags.selector as string | undefined, all: flags.all === true },
    errors,
  );
  for (const t of targets) {
    if (t.type.kind !== 'Deployment' && t.type.kind !== 'ReplicaSet') {
      // scale.go → genericScaler.ScaleSimple GETs the /scale subresource, which the server does not
      // serve for this kind: the 404 stops the command (RunScale returns the first error).
      errors.push('Error from server (NotFound): the server could not find the requested resource');
      break;
    }
    ctx.cluster.scale(t.type.kind, t.namespace ?? ctx.namespace, t.name, replicas);
    ctx.out(`${kindPrefix(t.type)}/${t.name} scaled\n`);
  }
  for (const e of errors) ctx.err(e);
  if (errors.length) throw new KubectlError('');
}

const ROLLOUT_FLAGS: FlagSpec[] = [...GLOBAL_FLAGS, { long: 'watch', short: 'w', type: 'bool' }, { long: 'timeout', type: 'string' }];

export function runRollout(ctx: Ctx, argv: string[]): void {
  const [sub, ...rest] = argv;
  const { args } = parseFlags(rest, ROLLOUT_FLAGS);
  if (sub !== 'restart' && sub !== 'status') {
    throw new KubectlError(sub ? `error: unknown command "${sub}" for "kubectl rollout"` : "error: Required resource not specified.\nSee 'kubectl rollout -h' for help and examples");
  }
  if (args.length === 0) {
    throw new KubectlError(`error: required resource not specified\nSee 'kubectl rollout ${sub} -h' for help and examples`);
  }
  const errors: string[] = [];
  const { targets } = findTargets(ctx, { args }, errors);
  for (const t of targets) {
    if (t.type.kind !== 'Deployment') {
      // rollout_restart.go: `error: <resource[.group]> "<name>" restarting is not supported`;
      // rollout_status.go: StatusViewerFor fails with the GroupKind.
      const resource = t.type.group ? `${t.type.plural}.${t.type.group}` : t.type.plural;
      const groupKind = t.type.group ? `${t.type.kind}.${t.type.group}` : t.type.kind;
      errors.push(
        sub === 'restart'
          ? `error: ${resource} "${t.name}" restarting is not supported`
          : `error: no status viewer has been implemented for ${groupKind}`,
      );
      continue;
    }
    const ns = t.namespace ?? ctx.namespace;
    if (sub === 'restart') {
      // rollout_restart.go: the patch sets restartedAt to now (second resolution); when that changes
      // nothing (a restart within the same second — here, the same simulated second) it is an error.
      const restartedAt = () =>
        JSON.stringify((ctx.cluster.get('Deployment', ns, t.name) as { spec?: { template?: { metadata?: { annotations?: unknown } } } } | undefined)?.spec?.template?.metadata?.annotations ?? {});
      const before = restartedAt();
      ctx.cluster.rolloutRestart(ns, t.name);
      if (restartedAt() === before) {
        errors.push(
          `error: failed to create patch for ${t.name}: if restart has already been triggered within the past second, please wait before attempting to trigger another`,
        );
        continue;
      }
      ctx.out(`${kindPrefix(t.type)}/${t.name} restarted\n`);
      continue;
    }
    // rollout status watches until the rollout is complete (rollout_status.go DeploymentStatusViewer),
    // printing each new status line; the simulated clock runs meanwhile, one second per look.
    let last = '';
    for (let i = 0; i < 600; i++) {
      const d = ctx.cluster.get<Deployment>('Deployment', ns, t.name)!;
      const st = (d.status ?? {}) as Record<string, number | undefined>;
      const want = d.spec.replicas ?? 1;
      let line: string;
      let done = false;
      if ((d.metadata.generation ?? 0) > (st.observedGeneration ?? 0)) line = 'Waiting for deployment spec update to be observed...\n';
      else if ((st.updatedReplicas ?? 0) < want) line = `Waiting for deployment "${t.name}" rollout to finish: ${st.updatedReplicas ?? 0} out of ${want} new replicas have been updated...\n`;
      else if ((st.replicas ?? 0) > (st.updatedReplicas ?? 0)) line = `Waiting for deployment "${t.name}" rollout to finish: ${(st.replicas ?? 0) - (st.updatedReplicas ?? 0)} old replicas are pending termination...\n`;
      else if ((st.availableReplicas ?? 0) < (st.updatedReplicas ?? 0)) line = `Waiting for deployment "${t.name}" rollout to finish: ${st.availableReplicas ?? 0} of ${st.updatedReplicas ?? 0} updated replicas are available...\n`;
      else {
        line = `deployment "${t.name}" successfully rolled out\n`;
        done = true;
      }
      if (line !== last) ctx.out(line);
      last = line;
      if (done) break;
      ctx.cluster.advance(1);
    }
  }
  for (const e of errors) ctx.err(e);
  if (errors.length) throw new KubectlError('');
}
