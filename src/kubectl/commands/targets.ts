// Finding the objects a mutating command acts on: `TYPE NAME...`, `TYPE/NAME...`, `TYPE -l SEL`,
// `TYPE --all` or `-f FILE`, with NotFound errors collected (kubectl continues with the rest).

import type { KObject } from '../../sim/types';
import { Ctx, KubectlError, notFound } from '../context';
import { parseResourceArgs } from '../format/selection';
import type { ResourceType } from '../resources';
import { parseSelectorFlag } from './get';
import { readManifests, targetNamespace } from './manifests';

export interface Target {
  type: ResourceType;
  obj?: KObject;
  name: string;
  namespace: string | undefined;
}

export interface TargetSpec {
  args: string[];
  filenames?: string[];
  selector?: string;
  all?: boolean;
  allNamespaces?: boolean;
}

/** Resolves targets; missing named objects become NotFound lines in `errors`. */
export function findTargets(ctx: Ctx, spec: TargetSpec, errors: string[]): { targets: Target[]; listed: boolean } {
  const targets: Target[] = [];
  if (spec.filenames && spec.filenames.length) {
    for (const m of readManifests(ctx, spec.filenames)) {
      const ns = targetNamespace(ctx, m);
      const name = m.obj.metadata.name ?? '';
      const obj = ctx.get(m.type.kind, ns, name);
      if (!obj) errors.push(notFound(m.type.kind, name));
      else targets.push({ type: m.type, obj, name, namespace: ns });
    }
    return { targets, listed: false };
  }
  const requests = parseResourceArgs(spec.args);
  const selector = parseSelectorFlag(spec.selector, requests[0]?.type);
  let listed = false;
  for (const req of requests) {
    if (req.names.length > 0) {
      if (selector) throw new KubectlError('error: name cannot be provided when a selector is specified');
      for (const name of req.names) {
        const obj = ctx.get(req.type.kind, ctx.namespace, name);
        if (!obj) errors.push(notFound(req.type.kind, name));
        else targets.push({ type: req.type, obj, name, namespace: obj.metadata.namespace });
      }
    } else if (selector || spec.all) {
      listed = true;
      const ns = spec.allNamespaces ? undefined : ctx.namespace;
      for (const obj of ctx.list(req.type.kind, ns)) {
        if (!selector || selector.matches(obj.metadata.labels)) {
          targets.push({ type: req.type, obj, name: obj.metadata.name ?? '', namespace: obj.metadata.namespace });
        }
      }
    } else {
      throw new KubectlError('error: resource(s) were provided, but no name was specified');
    }
  }
  return { targets, listed };
}
