// Files → Kubernetes objects for the CLI: multi-document YAML (JSON is YAML too), `-` = stdin.
// A `kind: List` (what `kubectl get -o yaml` prints) is expanded into its items; empty documents are skipped.
// Errors are collected per file so the caller can report them all; nothing here exits the process.

import { readFile } from 'node:fs/promises';
import { loadAll } from 'js-yaml';
import type { KObject } from '../sim/types';

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
    let docs: unknown[];
    try {
      docs = loadAll(text);
    } catch (e) {
      errors.push(`${path}: invalid YAML: ${(e as Error).message.split('\n')[0]}`);
      continue;
    }
    docs.forEach((doc, i) => {
      if (doc === null || doc === undefined) return;
      for (const obj of expandList(doc)) {
        if (!isObject(obj) || typeof obj.kind !== 'string' || !isObject(obj.metadata)) {
          errors.push(`${path}: document ${i + 1} is not a Kubernetes object (kind and metadata are required)`);
          continue;
        }
        objects.push(obj as KObject);
      }
    });
  }
  return { objects, errors };
}

function expandList(doc: unknown): unknown[] {
  if (isObject(doc) && typeof doc.kind === 'string' && doc.kind.endsWith('List') && Array.isArray(doc.items)) return doc.items;
  return [doc];
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
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
