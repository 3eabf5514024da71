// Shared by `slicelab kubectl` and `slicelab session`: building the simulated cluster from manifest
// files, and reading the files a kubectl command line names with -f so the pure interpreter can see them.

import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { createCluster } from '../../sim';
import type { Cluster } from '../../sim/types';
import { parseDurationSeconds } from '../../kubectl/format/duration';
import { readManifests } from '../read-manifests';

export interface ClusterArgs {
  clusterFiles: string[];
  /** Seconds to run the clock after the cluster files are applied (so AGE columns are not all 0s). */
  advance: number;
  rest: string[];
  error?: string;
}

/** Parses `--cluster FILE` (repeatable) and `--advance DURATION` off the front of argv, up to `--`. */
export function parseClusterArgs(argv: string[]): ClusterArgs {
  const out: ClusterArgs = { clusterFiles: [], advance: 0, rest: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    if (flag === '--cluster') {
      const v = inline ?? argv[++i];
      if (!v) return { ...out, error: 'flag needs an argument: --cluster' };
      out.clusterFiles.push(v);
    } else if (flag === '--advance') {
      const v = inline ?? argv[++i];
      const secs = v === undefined ? undefined : parseDurationSeconds(v);
      if (secs === undefined) return { ...out, error: `invalid --advance duration "${v ?? ''}" (use e.g. 30s, 5m, 1h)` };
      out.advance = secs;
    } else {
      out.rest = argv.slice(i);
      break;
    }
  }
  return out;
}

export async function buildCluster(files: string[], advance: number, stdin: NodeJS.ReadableStream): Promise<{ cluster?: Cluster; errors: string[] }> {
  const cluster = createCluster({});
  if (files.length) {
    const { objects, errors } = await readManifests(files, stdin);
    if (errors.length) return { errors };
    try {
      cluster.apply(objects);
    } catch (e) {
      return { errors: [(e as Error).message] };
    }
  }
  if (advance > 0) cluster.advance(advance);
  return { cluster, errors: [] };
}

/** The values of -f/--filename in a kubectl argv (comma lists split), `-` excluded. */
export function filenameArgs(argv: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    let v: string | undefined;
    if (a === '-f' || a === '--filename') v = argv[++i];
    else if (a.startsWith('--filename=')) v = a.slice('--filename='.length);
    else if (/^-f./.test(a)) v = a.slice(2).replace(/^=/, '');
    if (v) out.push(...v.split(',').filter((x) => x && x !== '-'));
  }
  return out;
}

/** Reads the named files (relative to baseDir); missing ones are left out so kubectl reports them. */
export async function readNamedFiles(names: string[], baseDir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const n of names) {
    try {
      files[n] = await readFile(resolve(baseDir, n), 'utf8');
    } catch {
      /* kubectl prints: the path "n" does not exist */
    }
  }
  return files;
}

export async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(typeof c === 'string' ? Buffer.from(c) : (c as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

export const dirOf = (file: string) => dirname(resolve(file));
