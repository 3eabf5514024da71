// `slicelab session [--cluster FILE]... [--advance DURATION] SCRIPT`
// Runs a script of kubectl/sim commands (one per line, `#` comments) against one simulated cluster and
// prints the transcript: each command after a `$ ` prompt, then its output. A script may carry its
// own options in a first-lines directive:  `# slicelab: --cluster tutorial-cluster.yaml --advance 5m`
// (paths relative to the script).

import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseCommandLine } from '../../sim/kubectl';
import { runSession } from '../../sim/kubectl';
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
  const base = dirOf(scriptPath);
  let clusterFiles = parsed.clusterFiles;
  let advance = parsed.advance;
  const directive = /^#\s*slicelab:(.*)$/m.exec(script);
  if (directive) {
    const d = parseClusterArgs(parseCommandLine(directive[1]));
    if (d.error) {
      io.stderr(`error: ${scriptPath}: ${d.error}\n`);
      return 1;
    }
    if (clusterFiles.length === 0) clusterFiles = d.clusterFiles.map((f) => resolve(base, f));
    if (advance === 0) advance = d.advance;
  }
  const { cluster, errors } = await buildCluster(clusterFiles, advance, io.stdin);
  if (!cluster) {
    for (const e of errors) io.stderr(`error: ${e}\n`);
    return 1;
  }
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
  const result = runSession(cluster, script, { files });
  io.stdout(result.transcript);
  return strict && result.steps.some((s) => s.exitCode !== 0) ? 1 : 0;
}

export const sessionCommand: CliCommand = {
  summary: 'run a script of kubectl/sim commands against a simulated cluster and print the transcript',
  usage: USAGE,
  run,
};
