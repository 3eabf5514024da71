// The `sim` helper commands that stand in for what happens to a real cluster over time, so lessons
// can show endpoints moving between ready, serving and terminating:
//   sim time                          print the simulated clock
//   sim advance 30s|2m|1h30m          move the clock (graceful terminations that run out finish)
//   sim ready POD true|false [-n NS]  flip a pod's Ready condition (as a readiness probe would)
//   sim kill POD [-n NS] [--grace-period N]   delete a pod gracefully without waiting (it stays terminating)
//   sim node NODE ready true|false    the kubelet reports the Node Ready or not: the node lifecycle
//                                     controller marks its pods not ready and taints it; 300 s later the
//                                     taint eviction controller deletes them (src/sim/cluster/node-lifecycle.ts)

import type { Cluster, Node, Pod } from '../sim/types';
import { parseFlags, UsageError } from './args';
import { parseDurationSeconds } from './format/duration';

export interface SimResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

const USAGE = 'usage: sim time | sim advance DURATION | sim ready POD true|false [-n NAMESPACE] | sim kill POD [-n NAMESPACE] [--grace-period SECONDS] | sim node NODE ready true|false';

export function runSim(cluster: Cluster, argv: string[]): SimResult {
  const fail = (msg: string): SimResult => ({ stdout: '', stderr: `sim: ${msg}\n`, exitCode: 1 });
  let parsed;
  try {
    parsed = parseFlags(argv, [
      { long: 'namespace', short: 'n', type: 'string' },
      { long: 'grace-period', type: 'int' },
    ]);
  } catch (e) {
    if (e instanceof UsageError) return fail(e.message);
    throw e;
  }
  const { flags, args } = parsed;
  const ns = (flags.namespace as string | undefined) ?? 'default';
  const [sub, ...rest] = args;
  switch (sub) {
    case 'time':
      return { stdout: `${cluster.now()}\n`, stderr: '', exitCode: 0 };
    case 'advance': {
      const secs = rest.length === 1 ? parseDurationSeconds(rest[0]) : undefined;
      if (secs === undefined) return fail(`invalid duration ${JSON.stringify(rest.join(' '))} (use e.g. 30s, 2m, 1h30m)`);
      cluster.advance(secs);
      return { stdout: `clock advanced ${rest[0]} to ${cluster.now()}\n`, stderr: '', exitCode: 0 };
    }
    case 'ready': {
      const [name, value] = rest;
      if (!name || (value !== 'true' && value !== 'false') || rest.length !== 2) return fail(USAGE);
      if (!cluster.get<Pod>('Pod', ns, name)) return fail(`pod "${name}" not found in namespace "${ns}"`);
      cluster.setPodReady(ns, name, value === 'true');
      return { stdout: `pod/${name} ready=${value}\n`, stderr: '', exitCode: 0 };
    }
    case 'kill': {
      const [name] = rest;
      if (!name || rest.length !== 1) return fail(USAGE);
      const pod = cluster.get<Pod>('Pod', ns, name);
      if (!pod) return fail(`pod "${name}" not found in namespace "${ns}"`);
      const grace = (flags['grace-period'] as number | undefined) ?? pod.spec.terminationGracePeriodSeconds ?? 30;
      cluster.delete({ kind: 'Pod', namespace: ns, name }, { gracePeriodSeconds: grace });
      const still = cluster.get<Pod>('Pod', ns, name);
      return {
        stdout: still ? `pod/${name} terminating (grace period ${grace}s)\n` : `pod/${name} deleted\n`,
        stderr: '',
        exitCode: 0,
      };
    }
    case 'node': {
      const [name, what, value] = rest;
      if (!name || what !== 'ready' || (value !== 'true' && value !== 'false') || rest.length !== 3) return fail(USAGE);
      if (!cluster.get<Node>('Node', undefined, name)) return fail(`node "${name}" not found`);
      cluster.setNodeReady(name, value === 'true');
      return { stdout: `node/${name} ready=${value}\n`, stderr: '', exitCode: 0 };
    }
    default:
      return fail(USAGE);
  }
}
