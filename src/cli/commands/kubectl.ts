// `slicelab kubectl [--cluster FILE]... [--advance DURATION] -- ARGS...`
// Builds a simulated cluster from the files, runs one kubectl command against it and prints what
// kubectl would print, with kubectl's exit code.

import { runKubectl } from '../../kubectl';
import { buildCluster, filenameArgs, parseClusterArgs, readAll, readNamedFiles } from './kubectl-files';
import type { CliCommand, CliIO } from './types';

const USAGE = `Usage: slicelab kubectl [--cluster FILE]... [--advance DURATION] -- KUBECTL-ARGS...

Build a simulated cluster from the manifests in the --cluster files, let the controllers settle, run
the clock forward by --advance (e.g. 5m), then run one kubectl command against it. Prints the
command's stdout and stderr as kubectl would and exits with kubectl's exit code.
Files named with -f in KUBECTL-ARGS are read from disk ("-" reads stdin).

Example:
  slicelab kubectl --cluster pods.yaml --advance 5m -- apply -f service.yaml
`;

async function run(argv: string[], io: CliIO): Promise<number> {
  if (argv[0] === '-h' || argv[0] === '--help') {
    io.stdout(USAGE);
    return 0;
  }
  const parsed = parseClusterArgs(argv);
  if (parsed.error) {
    io.stderr(`error: ${parsed.error}\n\n${USAGE}`);
    return 1;
  }
  const args = parsed.rest[0] === '--' ? parsed.rest.slice(1) : parsed.rest;
  const { cluster, errors } = await buildCluster(parsed.clusterFiles, parsed.advance, io.stdin);
  if (!cluster) {
    for (const e of errors) io.stderr(`error: ${e}\n`);
    return 1;
  }
  const files = await readNamedFiles(filenameArgs(args), process.cwd());
  const stdin = args.includes('-') ? await readAll(io.stdin) : undefined;
  const r = runKubectl(cluster, args, { files, stdin });
  for (const c of r.chunks) (c.stream === 'stdout' ? io.stdout : io.stderr)(c.text);
  return r.exitCode;
}

export const kubectlCommand: CliCommand = {
  summary: 'run one kubectl command against a simulated cluster built from manifest files',
  usage: USAGE,
  run,
};
