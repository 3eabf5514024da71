// Writing objects to the simulated cluster on kubectl's behalf. The Cluster contract has no patch
// verb, so label/annotate/apply send a modified copy of the live object through Cluster.apply.

import type { KObject, Kind } from '../../sim/types';
import { Ctx, KubectlError } from '../context';

export function clone<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

/** Sends objects to the API; API-server rejections come back as kubectl prints them. */
export function write(ctx: Ctx, objs: KObject[]): void {
  for (const o of objs) ctx.touched(o.kind as Kind);
  try {
    ctx.cluster.apply(objs);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    throw new KubectlError(/^(The |Error from server|error: )/.test(msg) ? msg : `Error from server: ${msg}`);
  }
}

/** Does the namespace exist (when the simulated cluster models namespaces at all)? */
export function namespaceExists(ctx: Ctx, ns: string): boolean {
  const all = ctx.cluster.list('Namespace');
  if (all.length === 0) return true;
  return all.some((n) => n.metadata.name === ns);
}
