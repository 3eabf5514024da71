// Scripts of commands, one per line, run against one cluster: `slicelab session FILE` and the lesson
// transcripts. Lines starting with `#` and blank lines are skipped; each command is printed after a
// `$ ` prompt, followed by what the terminal would show (stderr and stdout in write order).
// A `kubectl get --watch` stays attached while `sim` lines follow: the rows it streams after each of
// them are printed right after that command's own output; the next kubectl line ends the watch
// (as pressing Ctrl-C would).

import type { Cluster } from '../sim/types';
import { CommandLineError, parseCommandLine } from './commandLine';
import type { KubectlOptions } from './context';
import { runKubectl, type WatchHandle } from './run';
import { runSim } from './sim';

export interface SessionStep {
  command: string;
  stdout: string;
  stderr: string;
  exitCode: number;
  /** What a terminal shows after the prompt (streams interleaved, watch rows included). */
  output: string;
}

export interface SessionResult {
  transcript: string;
  steps: SessionStep[];
}

/** Runs one line (`kubectl ...` or `sim ...`); exposed for the browser terminal. */
export function runCommandLine(
  cluster: Cluster,
  line: string,
  opts: KubectlOptions = {},
): SessionStep & { watch?: WatchHandle } {
  let argv: string[];
  try {
    argv = parseCommandLine(line);
  } catch (e) {
    const msg = e instanceof CommandLineError ? e.message : String(e);
    return { command: line, stdout: '', stderr: `slicelab: ${msg}\n`, exitCode: 2, output: `slicelab: ${msg}\n` };
  }
  const [prog, ...args] = argv;
  if (prog === 'kubectl' || prog === 'k') {
    const r = runKubectl(cluster, args, opts);
    return { command: line, stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode, output: r.chunks.map((c) => c.text).join(''), watch: r.watch };
  }
  if (prog === 'sim') {
    const r = runSim(cluster, args);
    return { command: line, ...r, output: r.stderr + r.stdout };
  }
  const msg = `slicelab: ${prog}: command not found (lines start with kubectl or sim)\n`;
  return { command: line, stdout: '', stderr: msg, exitCode: 127, output: msg };
}

export function runSession(cluster: Cluster, script: string, opts: KubectlOptions = {}): SessionResult {
  const steps: SessionStep[] = [];
  let transcript = '';
  let watch: WatchHandle | undefined;
  for (const raw of script.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const isSim = /^sim(\s|$)/.test(line);
    if (!isSim) watch = undefined;
    const step = runCommandLine(cluster, line, opts);
    let output = step.output;
    if (isSim && watch) output += watch.poll();
    if (step.watch) watch = step.watch;
    step.output = output;
    steps.push({ command: step.command, stdout: step.stdout, stderr: step.stderr, exitCode: step.exitCode, output });
    transcript += `$ ${line}\n${output}${output && !output.endsWith('\n') ? '\n' : ''}`;
  }
  return { transcript, steps };
}
