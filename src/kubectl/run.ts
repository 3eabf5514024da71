// The kubectl entry point: global flags, command dispatch, cobra's unknown-command suggestions and
// kubectl's error printing (cmdutil.CheckErr: `error: ...`, API errors as `Error from server (...)`,
// flag errors followed by `See 'kubectl <cmd> --help' for usage.`), exit code 1 on any error.

import type { Cluster } from '../sim/types';
import { UsageError } from './args';
import { Ctx, KubectlError, type Chunk, type KubectlOptions } from './context';
import { GET_TABLE, tabbed } from './format/tabwriter';
import { runApply } from './commands/apply';
import { runCreate } from './commands/create';
import { runDelete } from './commands/delete';
import { runDescribe } from './commands/describe';
import { runExplain } from './commands/explain';
import { runGet, type WatchHandle } from './commands/get';
import { runLabel } from './commands/label';
import { runCordon } from './commands/cordon';
import { runDrain } from './commands/drain';
import { runRollout, runScale } from './commands/scale';
import { runExpose, runRun } from './commands/generate';
import { RESOURCES } from './resources';
import { distance } from 'fastest-levenshtein';

export type { KubectlOptions, WatchHandle };

export interface KubectlResult {
  stdout: string;
  stderr: string;
  exitCode: number;
  /** stdout and stderr in the order they were written (what a terminal shows). */
  chunks: Chunk[];
  /** Set by `get --watch`: call poll() after the cluster changed to get the streamed lines. */
  watch?: WatchHandle;
}

export const KUBECTL_VERSION = 'v1.35.0';

type Handler = (ctx: Ctx, argv: string[]) => { watch?: WatchHandle } | void;

const COMMANDS: Record<string, Handler> = {
  get: runGet,
  describe: runDescribe,
  apply: runApply,
  create: runCreate,
  delete: runDelete,
  label: (ctx, argv) => runLabel(ctx, argv, 'label'),
  annotate: (ctx, argv) => runLabel(ctx, argv, 'annotate'),
  scale: runScale,
  cordon: (ctx, argv) => runCordon(ctx, argv, true),
  uncordon: (ctx, argv) => runCordon(ctx, argv, false),
  drain: runDrain,
  rollout: runRollout,
  explain: runExplain,
  run: runRun,
  expose: runExpose,
  version: (ctx) => ctx.out(`Client Version: ${KUBECTL_VERSION}\nKustomize Version: v5.7.1\nServer Version: ${KUBECTL_VERSION}\n`),
  'api-resources': (ctx) => {
    let text = 'NAME\tSHORTNAMES\tAPIVERSION\tNAMESPACED\tKIND\n';
    const sorted = [...RESOURCES].sort((a, b) => (a.group === b.group ? (a.plural < b.plural ? -1 : 1) : a.group < b.group ? -1 : 1));
    for (const r of sorted) {
      text += `${r.plural}\t${r.shortNames.join(',')}\t${r.group ? `${r.group}/${r.version}` : r.version}\t${r.namespaced}\t${r.kind}\n`;
    }
    ctx.out(tabbed(text, { ...GET_TABLE, rememberWidths: false }));
  },
};


/** Real kubectl commands the simulator does not model (no processes run in simulated pods). */
const NOT_SIMULATED = new Set([
  'logs', 'exec', 'port-forward', 'cp', 'attach', 'top', 'edit', 'patch', 'replace', 'set',
  'taint', 'auth', 'config', 'cluster-info', 'proxy', 'debug', 'diff', 'kustomize', 'wait', 'certificate',
  'autoscale', 'api-versions', 'plugin', 'completion', 'events', 'alpha',
]);

/** cobra's SuggestionsFor: distance ≤ 2 or a prefix. */
function suggestions(cmd: string): string[] {
  return Object.keys(COMMANDS).filter((c) => distance(cmd.toLowerCase(), c) <= 2 || c.startsWith(cmd.toLowerCase()));
}

/** Namespace from -n / --namespace anywhere on the line (pflag: last one wins). */
function scanNamespace(argv: string[]): string | undefined {
  let ns: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') break;
    if (a === '-n' || a === '--namespace') ns = argv[i + 1];
    else if (a.startsWith('--namespace=')) ns = a.slice('--namespace='.length);
    else if (/^-n./.test(a)) ns = a.slice(2).replace(/^=/, '');
  }
  return ns;
}

const HELP = `kubectl controls the Kubernetes cluster manager.

 Find more information at: https://kubernetes.io/docs/reference/kubectl/

Commands available in this simulated cluster:
  create          Create a resource from a file or from stdin
  expose          Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service
  run             Run a particular image on the cluster
  get             Display one or many resources
  explain         Get documentation for a resource
  delete          Delete resources by file names, stdin, resources and names, or by resources and label selector
  rollout         Manage the rollout of a resource
  scale           Set a new size for a deployment or replica set
  describe        Show details of a specific resource or group of resources
  apply           Apply a configuration to a resource by file name or stdin
  label           Update the labels on a resource
  annotate        Update the annotations on a resource
  cordon          Mark node as unschedulable
  uncordon        Mark node as schedulable
  drain           Drain node in preparation for maintenance
  api-resources   Print the supported API resources on the server
  version         Print the client and server version information

Usage:
  kubectl [flags] [options]
`;

/** Runs one kubectl command line (argv without the leading `kubectl`) against the cluster. */
export function runKubectl(cluster: Cluster, argv: string[], opts: KubectlOptions = {}): KubectlResult {
  const nsFlag = scanNamespace(argv);
  const ctx = new Ctx(cluster, opts, nsFlag ?? 'default', nsFlag !== undefined);
  let exitCode = 0;
  let watch: WatchHandle | undefined;
  // The command is the first word that is not a global flag (or a global flag's value).
  let idx = 0;
  while (idx < argv.length && argv[idx].startsWith('-')) idx += argv[idx] === '-n' || argv[idx] === '--namespace' ? 2 : 1;
  const cmd = argv[idx];
  const rest = [...argv.slice(0, idx), ...argv.slice(idx + 1)];
  try {
    if (cmd === undefined) {
      ctx.out(HELP);
    } else if (NOT_SIMULATED.has(cmd)) {
      throw new KubectlError(`error: "kubectl ${cmd}" is not available in this simulated cluster (SliceLab simulates the API objects, not running containers)`);
    } else if (!(cmd in COMMANDS)) {
      const s = suggestions(cmd);
      throw new KubectlError(
        `error: unknown command "${cmd}" for "kubectl"` + (s.length ? `\n\nDid you mean this?\n${s.map((x) => `\t${x}`).join('\n')}\n` : ''),
      );
    } else if (rest.includes('--help') || rest.includes('-h')) {
      ctx.out(`(simulated kubectl) usage: kubectl ${cmd} [options]\n`);
    } else {
      const r = COMMANDS[cmd](ctx, rest);
      if (r && r.watch) watch = r.watch;
    }
  } catch (e) {
    exitCode = 1;
    if (e instanceof UsageError) ctx.err(`error: ${e.message}\nSee 'kubectl ${cmd} --help' for usage.`);
    else if (e instanceof KubectlError) {
      if (e.text) ctx.err(e.text);
    } else throw e;
  }
  const stdout = ctx.chunks.filter((c) => c.stream === 'stdout').map((c) => c.text).join('');
  const stderr = ctx.chunks.filter((c) => c.stream === 'stderr').map((c) => c.text).join('');
  return { stdout, stderr, exitCode, chunks: ctx.chunks, watch };
}
