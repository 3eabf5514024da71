// `slicelab session [--cluster FILE]... [--advance DURATION] SCRIPT`
// Runs a script of kubectl/sim commands (one per line, `#` comments) against one simulated cluster and
// prints the transcript: each command after a `$ ` prompt, then its output. A script may carry its
// own options in a first-lines directive:  `# slicelab: --cluster tutorial-cluster.yaml --advance 5m`
// (paths relative to the script).

import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseCommandLine } from '../../kubectl';
import { runSession, type SessionResult } from '../../kubectl';
import { buildCluster, dirOf, filenameArgs, parseClusterArgs, readNamedFiles } from './kubectl-files';
import type { CliCommand, CliIO } from './types';

const USAGE = `Usage: slicelab session [--cluster FILE]... [--advance DURATION] SCRIPT

Run the commands in SCRIPT (one per line: "kubectl ..." or "sim ..."; lines starting with # are
comments) against one simulated cluster built from the --cluster files, and print the transcript.
A "# slicelab: --cluster FILE --advance 5m" line in SCRIPT supplies default options (paths relative
to SCRIPT). Files named with -f are read relative to SCRIPT's directory.
Exit code: 0, or 1 when a command that is not expected to fail did (see --strict).

Options:
  --strict    exit 1 if any command exits non-zero
`;

async function run(argv: string[], io: CliIO): Promise<number> {
  if (argv.includes('-h') || argv.includes('--help')) {
    io.stdout(USAGE);
    return 0;
  }
  const strict = argv.includes('--strict');
  const parsed = parseClusterArgs(argv.filter((a) => a !== '--strict'));
  if (parsed.error) {
    io.stderr(`error: ${parsed.error}\n\n${USAGE}`);
    return 1;
  }
  if (parsed.rest.length !== 1) {
    io.stderr(`error: exactly one SCRIPT is required\n\n${USAGE}`);
    return 1;
  }
  const scriptPath = parsed.rest[0];
  let script: string;
  try {
    script = await readFile(scriptPath, 'utf8');
  } catch {
    io.stderr(`error: cannot read ${scriptPath}\n`);
    return 1;
  }
  const result = await sessionTranscript(scriptPath, script, parsed.clusterFiles, parsed.advance, io.stdin);
  if ('errors' in result) {
    for (const e of result.errors) io.stderr(`error: ${e}\n`);
    return 1;
  }
  io.stdout(result.transcript);
  return strict && result.steps.some((s) => s.exitCode !== 0) ? 1 : 0;
}

/**
 * The transcript of a session script, as `slicelab session` prints it; also used by the lessons'
 * <Transcript> component at build time. Options given by the caller win over the script's directive.
 */
export async function sessionTranscript(
  scriptPath: string,
  script: string,
  clusterFilesGiven: string[] = [],
  advanceGiven = 0,
  stdin: NodeJS.ReadableStream = process.stdin,
): Promise<SessionResult | { errors: string[] }> {
  const base = dirOf(scriptPath);
  let clusterFiles = clusterFilesGiven;
  let advance = advanceGiven;
  const directive = /^#\s*slicelab:(.*)$/m.exec(script);
  if (directive) {
    const d = parseClusterArgs(parseCommandLine(directive[1]));
    if (d.error) return { errors: [`${scriptPath}: ${d.error}`] };
    if (clusterFiles.length === 0) clusterFiles = d.clusterFiles.map((f) => resolve(base, f));
    if (advance === 0) advance = d.advance;
  }
  const { cluster, errors } = await buildCluster(clusterFiles, advance, stdin);
  if (!cluster) return { errors };
  const names = script
    .split('\n')
    .filter((l) => /^\s*(kubectl|k)\s/.test(l))
    .flatMap((l) => {
      try {
        return filenameArgs(parseCommandLine(l));
      } catch {
        return [];
      }
    });
  const files = await readNamedFiles(names, base);
  return runSession(cluster, script, { files });
}

export const sessionCommand: CliCommand = {
  summary: 'run a script of kubectl/sim commands against a simulated cluster and print the transcript',
  usage: USAGE,
  run,
};
