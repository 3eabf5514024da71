// `slicelab validate FILE...`: check manifests as a real API server (and kubectl) would, print each
// problem as FILE:LINE:COL: message (warnings as FILE:LINE:COL: Warning: message), exit 1 on any error.
// "-" reads standard input.

import { readFile } from 'node:fs/promises';
import { validateManifests } from '../../validate/validate';
import type { ValidationIssue } from '../../validate/types';
import type { CliCommand, CliIO } from './types';

const USAGE = `Usage: slicelab validate FILE...

Check the manifests in FILE... (multi-document YAML or JSON; "-" reads stdin) the way the API server
and kubectl would, before anything is simulated. Each problem is printed as FILE:LINE:COL: message,
with a hint line when there is one. Exit status 1 when any file has an error.
`;

/** The CLI lines for one problem: FILE:LINE:COL: message, then an indented hint. */
export function formatIssue(file: string, issue: ValidationIssue): string[] {
  const where = `${file}:${issue.range.start.line}:${issue.range.start.col}`;
  const lines = [`${where}: ${issue.severity === 'warning' ? 'Warning: ' : ''}${issue.message}`];
  if (issue.hint) lines.push(`  hint: ${issue.hint}`);
  return lines;
}

async function readStream(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

async function run(args: string[], io: CliIO): Promise<number> {
  if (args.includes('-h') || args.includes('--help')) {
    io.stdout(USAGE);
    return 0;
  }
  const unknown = args.find((a) => a.startsWith('-') && a !== '-');
  if (unknown) {
    io.stderr(`error: unknown flag "${unknown}"\n\n${USAGE}`);
    return 1;
  }
  if (args.length === 0) {
    io.stderr(`error: no input files (use "-" to read stdin)\n\n${USAGE}`);
    return 1;
  }
  let failed = false;
  for (const file of args) {
    let text: string;
    try {
      text = file === '-' ? await readStream(io.stdin) : await readFile(file, 'utf8');
    } catch (e) {
      io.stderr(`${file}: cannot read: ${(e as Error).message}\n`);
      failed = true;
      continue;
    }
    const result = validateManifests(text, { filename: file === '-' ? 'STDIN' : file });
    const shown = file === '-' ? 'STDIN' : file;
    for (const issue of [...result.errors, ...result.warnings]) io.stderr(formatIssue(shown, issue).join('\n') + '\n');
    if (result.errors.length) failed = true;
    else io.stdout(`${shown}: ${result.objects.length} object${result.objects.length === 1 ? '' : 's'} valid\n`);
  }
  return failed ? 1 : 0;
}

export const validateCommand: CliCommand = {
  summary: 'check manifests as the API server would (FILE:LINE:COL: message; exit 1 on errors)',
  usage: USAGE,
  run,
};
