// `slicelab simulate [-o json|yaml] [--max-endpoints-per-slice N] FILE...`
// Applies the manifests to a fresh simulated cluster and prints the settled EndpointSlices and Endpoints
// as the API returns them (keys sorted like kubectl -o json/yaml), sorted by namespace and name.

import { dump } from 'js-yaml';
import { simulateReadOnly, sortKeysDeep } from '../../sim';
import { diagnose } from '../../diagnose';
import { readManifests } from '../read-manifests';
import type { CliCommand, CliIO } from './types';

const USAGE = `Usage: slicelab simulate [-o json|yaml] [--max-endpoints-per-slice N] FILE...

Apply the manifests in FILE... (multi-document YAML or JSON; "-" reads stdin) to a fresh simulated
cluster, let the controllers settle, and print the EndpointSlices and Endpoints they produced.

Options:
  -o, --output json|yaml              output format (default yaml)
      --max-endpoints-per-slice N     kube-controller-manager --max-endpoints-per-slice (1-1000, default 100)
  -h, --help                          show this help
`;

interface Args {
  output: 'json' | 'yaml';
  maxEndpointsPerSlice?: number;
  files: string[];
  help: boolean;
}

export function parseSimulateArgs(argv: string[]): Args | string {
  const args: Args = { output: 'yaml', files: [], help: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = (): string | undefined => inline ?? argv[++i];
    if (flag === '-h' || flag === '--help') args.help = true;
    else if (flag === '-o' || flag === '--output' || a.startsWith('-o=')) {
      const v = a.startsWith('-o=') ? a.slice(3) : value();
      if (v !== 'json' && v !== 'yaml') return `unsupported output format "${v ?? ''}" (use json or yaml)`;
      args.output = v;
    } else if (flag === '--max-endpoints-per-slice') {
      const v = value();
      const n = Number(v);
      if (!v || !Number.isInteger(n) || n < 1 || n > 1000) return `--max-endpoints-per-slice must be an integer from 1 to 1000, got "${v ?? ''}"`;
      args.maxEndpointsPerSlice = n;
    } else if (a === '-' || !a.startsWith('-')) args.files.push(a);
    else return `unknown flag "${a}"`;
  }
  return args;
}

async function run(argv: string[], io: CliIO): Promise<number> {
  const args = parseSimulateArgs(argv);
  if (typeof args === 'string') {
    io.stderr(`error: ${args}\n\n${USAGE}`);
    return 1;
  }
  if (args.help) {
    io.stdout(USAGE);
    return 0;
  }
  if (args.files.length === 0) {
    io.stderr(`error: no input files (use "-" to read stdin)\n\n${USAGE}`);
    return 1;
  }
  const { objects, errors } = await readManifests(args.files, io.stdin);
  if (errors.length > 0) {
    // FILE:LINE:COL: message, exactly as `slicelab validate` prints it
    for (const e of errors) io.stderr(`${e}\n`);
    return 1;
  }
  let result;
  try {
    // Read once, printed as sorted copies: the cluster's own objects need no copy of their own.
    result = simulateReadOnly(objects, { maxEndpointsPerSlice: args.maxEndpointsPerSlice });
  } catch (e) {
    io.stderr(`error: ${(e as Error).message}\n`);
    return 1;
  }
  const out = {
    endpointSlices: result.endpointSlices.map(sortKeysDeep),
    endpoints: result.endpoints.map(sortKeysDeep),
    // Every object came from the learner's files, so every hint may carry a path.
    diagnostics: diagnose({ objects, state: result }),
  };
  io.stdout(args.output === 'json' ? `${JSON.stringify(out, null, 4)}\n` : dump(out, { noRefs: true, lineWidth: -1, seqNoIndent: true }));
  return 0;
}

export const simulateCommand: CliCommand = {
  summary: 'apply manifests to a simulated cluster and print the EndpointSlices and Endpoints',
  usage: USAGE,
  run,
};
