// Scripts of commands, one per line, run against one cluster: `slicelab session FILE` and the lesson
// transcripts. Lines starting with `#` and blank lines are skipped; each command is printed after a
// `$ ` prompt, followed by what the terminal would show (stderr and stdout in write order).
// A `kubectl get --watch` stays attached while `sim` lines follow: the rows it streams after each of
// them are printed right after that command's own output; the next kubectl line ends the watch
// (as pressing Ctrl-C would).
//
// The clock: a real terminal has seconds between two commands, so after every terminal command
// (kubectl or sim, failed or not) the simulated clock moves COMMAND_INTERVAL_SECONDS on. Two learner
// changes made by two commands therefore never share a timestamp, and the same script still gives the
// same transcript. `runCommandLine` alone (one command, as the objects panels use it) leaves the clock.

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

/** Seconds between two terminal commands (the time a person takes to read and type). */
export const COMMAND_INTERVAL_SECONDS = 5;

/** One command typed at a terminal: run it, then let COMMAND_INTERVAL_SECONDS pass. */
export function runTerminalLine(
  cluster: Cluster,
  line: string,
  opts: KubectlOptions = {},
  afterOutput?: (step: SessionStep & { watch?: WatchHandle }) => void,
): SessionStep & { watch?: WatchHandle } {
  const step = runCommandLine(cluster, line, opts);
  afterOutput?.(step);
  cluster.advance(COMMAND_INTERVAL_SECONDS);
  return step;
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
    let output = '';
    // The watch rows a sim line caused are read before the clock moves on to the next command.
    const step = runTerminalLine(cluster, line, opts, (st) => {
      output = st.output + (isSim && watch ? watch.poll() : '');
    });
    if (step.watch) watch = step.watch;
    step.output = output;
    steps.push({ command: step.command, stdout: step.stdout, stderr: step.stderr, exitCode: step.exitCode, output });
    transcript += `$ ${line}\n${output}${output && !output.endsWith('\n') ? '\n' : ''}`;
  }
  return { transcript, steps };
}
