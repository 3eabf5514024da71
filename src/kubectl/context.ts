// What every command gets: the cluster, the files it may read, the namespace, and an output
// recorder that keeps stdout and stderr apart but also remembers their interleaving (for transcripts).

import type { Cluster, Kind, KObject } from '../sim/types';
import { byKind, qualifiedResource, type ApiKind } from './resources';
import { listEvents } from './printers/events';
import { ENDPOINTS_DEPRECATION } from '../validate/checks/api-warnings';

export interface KubectlOptions {
  /** Files `-f NAME` may read (the browser passes the editor text, e.g. as `service.yaml`). */
  files?: Record<string, string>;
  /** What `-f -` reads. */
  stdin?: string;
}

export interface Chunk {
  stream: 'stdout' | 'stderr';
  text: string;
}

/** An error kubectl reports and exits 1 with; `text` is printed as is (newline added when missing). */
export class KubectlError extends Error {
  constructor(readonly text: string) {
    super(text);
  }
}

export const DEPRECATION_WARNING = `Warning: ${ENDPOINTS_DEPRECATION}\n`;

export class Ctx {
  readonly chunks: Chunk[] = [];
  private warned = new Set<string>();

  constructor(
    readonly cluster: Cluster,
    readonly opts: KubectlOptions,
    /** -n value, or `default`. */
    readonly namespace: string,
    readonly namespaceGiven: boolean,
  ) {}

  out(text: string): void {
    if (text) this.chunks.push({ stream: 'stdout', text });
  }

  err(text: string): void {
    if (text) this.chunks.push({ stream: 'stderr', text: text.endsWith('\n') ? text : text + '\n' });
  }

  /** API warnings are de-duplicated per kubectl process (rest.WarningWriterOptions{Deduplicate: true}). */
  warn(line: string): void {
    const key = line.replace(/\n$/, '');
    if (this.warned.has(key)) return;
    this.warned.add(key);
    this.err(key);
  }

  /** Every request touching v1 Endpoints gets the 1.33+ deprecation warning. */
  touched(kind: Kind | string): void {
    if (kind === 'Endpoints') this.warn(DEPRECATION_WARNING);
  }

  now(): string {
    return this.cluster.now();
  }

  list<T extends KObject = KObject>(kind: ApiKind, namespace: string | undefined): T[] {
    this.touched(kind);
    return this.listQuietly<T>(kind, namespace);
  }

  /** A list without API warnings (a running watch already printed them). */
  listQuietly<T extends KObject = KObject>(kind: ApiKind, namespace: string | undefined): T[] {
    if (kind === 'Event') return listEvents(this.cluster, namespace) as T[];
    const r = byKind(kind);
    return this.cluster.list<T>(kind, r && !r.namespaced ? undefined : namespace);
  }

  get<T extends KObject = KObject>(kind: ApiKind, namespace: string | undefined, name: string): T | undefined {
    this.touched(kind);
    if (kind === 'Event') return this.listQuietly<T>(kind, namespace).find((o) => o.metadata.name === name);
    const r = byKind(kind);
    return this.cluster.get<T>(kind, r && !r.namespaced ? undefined : namespace, name);
  }
}

/** `Error from server (NotFound): services "x" not found`. */
export function notFound(kind: ApiKind, name: string): string {
  const r = byKind(kind)!;
  return `Error from server (NotFound): ${qualifiedResource(r)} "${name}" not found`;
}
