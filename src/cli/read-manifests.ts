// Files → Kubernetes objects for the CLI: multi-document YAML (JSON is YAML too), `-` = stdin.
// Every file goes through src/validate (the API server's and kubectl's checks), so invalid input is
// refused with the same FILE:LINE:COL: message lines as `slicelab validate`. A `kind: List` (what
// `kubectl get -o yaml` prints) is expanded into its items; empty documents are skipped.
// Errors are collected per file so the caller can report them all; nothing here exits the process.

import { readFile } from 'node:fs/promises';
import type { KObject } from '../sim/types';
import { validateManifests } from '../validate/validate';
import { formatIssue } from './commands/validate';

export interface ReadResult {
  objects: KObject[];
  /** One line per problem, prefixed with the file name ("-" for stdin). */
  errors: string[];
}

export async function readManifests(paths: string[], stdin: NodeJS.ReadableStream = process.stdin): Promise<ReadResult> {
  const objects: KObject[] = [];
  const errors: string[] = [];
  for (const path of paths) {
    let text: string;
    try {
      text = path === '-' ? await readStream(stdin) : await readFile(path, 'utf8');
    } catch (e) {
      errors.push(`${path}: cannot read: ${describeReadError(e as NodeJS.ErrnoException)}`);
      continue;
    }
    const shown = path === '-' ? 'STDIN' : path;
    const result = validateManifests(text, { filename: shown });
    for (const e of result.errors) errors.push(formatIssue(shown, e).join('\n'));
    if (result.errors.length === 0) for (const o of result.objects) objects.push(o.object);
  }
  return { objects, errors };
}

async function readStream(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

function describeReadError(e: NodeJS.ErrnoException): string {
  const known: Record<string, string> = {
    ENOENT: 'no such file or directory',
    EACCES: 'permission denied',
    EISDIR: 'is a directory',
  };
  return (e.code && known[e.code]) ?? e.message;
}
