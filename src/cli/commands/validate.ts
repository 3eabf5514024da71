// `slicelab validate FILE...`: check manifests as a real API server would, print each problem as
// FILE:LINE:COL: message (warnings as FILE:LINE:COL: Warning: message), exit 1 when any error.
// "-" reads standard input.

import { readFileSync } from 'node:fs';
import { validateManifests, type ValidationIssue } from '../../validate/index';

export interface CommandIO {
  stdout: (line: string) => void;
  stderr: (line: string) => void;
  readFile?: (path: string) => string;
}

const defaultIO: CommandIO = {
  stdout: (l) => process.stdout.write(l + '\n'),
  stderr: (l) => process.stderr.write(l + '\n'),
};

export function formatIssue(file: string, issue: ValidationIssue): string[] {
  const where = `${file}:${issue.range.start.line}:${issue.range.start.col}`;
  const lines = [`${where}: ${issue.severity === 'warning' ? 'Warning: ' : ''}${issue.message}`];
  if (issue.hint) lines.push(`  hint: ${issue.hint}`);
  return lines;
}

/** Validate each file; returns the exit code. */
export function runValidate(args: string[], io: CommandIO = defaultIO): number {
  const files = args.filter((a) => a !== '--');
  if (files.length === 0 || files.includes('-h') || files.includes('--help')) {
    io.stderr('usage: slicelab validate FILE... ("-" for standard input)');
    return files.length === 0 ? 2 : 0;
  }
  const read = io.readFile ?? ((p: string) => readFileSync(p === '-' ? 0 : p, 'utf8'));
  let failed = false;
  for (const file of files) {
    let text: string;
    try {
      text = read(file);
    } catch (e) {
      io.stderr(`${file}: ${(e as Error).message}`);
      failed = true;
      continue;
    }
    const result = validateManifests(text, { filename: file });
    for (const w of result.warnings) formatIssue(file, w).forEach((l) => io.stderr(l));
    for (const e of result.errors) formatIssue(file, e).forEach((l) => io.stderr(l));
    if (result.errors.length) failed = true;
    else io.stdout(`${file}: ${result.objects.length} object${result.objects.length === 1 ? '' : 's'} valid`);
  }
  return failed ? 1 : 0;
}

export const validateCommand = {
  name: 'validate',
  summary: 'check manifests as the API server would (FILE:LINE:COL: message, exit 1 on errors)',
  run: (args: string[]): number => runValidate(args),
};

export default validateCommand;
