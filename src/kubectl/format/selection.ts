// Turning `TYPE NAME...`, `TYPE/NAME...` and `TYPE1,TYPE2` arguments into resource requests, as
// cli-runtime's resource.Builder (ResourceTypeOrNameArgs) does.

import { KubectlError } from '../context';
import { ALL_CATEGORY, byKind, resolveResource, type ResourceType } from '../resources';

export interface Request {
  type: ResourceType;
  /** Empty = every object of the type. */
  names: string[];
}

/**
 * resource.Builder mappingFor: the message names groupResource.Resource, i.e. the argument up to its
 * first dot (schema.ParseGroupResource), so `kubectl get foo.bar` reports "foo".
 */
export function unknownType(arg: string): KubectlError {
  const dot = arg.indexOf('.');
  return new KubectlError(`error: the server doesn't have a resource type "${dot >= 0 ? arg.slice(0, dot) : arg}"`);
}

function resolveOrThrow(arg: string): ResourceType[] {
  if (arg.toLowerCase() === 'all') return ALL_CATEGORY.map((k) => byKind(k)!);
  const r = resolveResource(arg);
  if (!r) throw unknownType(arg);
  return [r];
}

/** Parses resource arguments; throws kubectl's errors for unknown types and mixed forms. */
export function parseResourceArgs(args: string[]): Request[] {
  if (args.length === 0) return [];
  const slashForm = args.filter((a) => a.includes('/'));
  if (slashForm.length > 0) {
    if (slashForm.length !== args.length) {
      throw new KubectlError(
        "error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'",
      );
    }
    const out: Request[] = [];
    for (const a of args) {
      const slash = a.indexOf('/');
      const typeArg = a.slice(0, slash);
      const name = a.slice(slash + 1);
      if (!name) throw new KubectlError(`error: arguments in resource/name form must have a single resource and name`);
      const [type] = resolveOrThrow(typeArg);
      const prev = out.find((r) => r.type === type);
      if (prev) prev.names.push(name);
      else out.push({ type, names: [name] });
    }
    return out;
  }
  const types: ResourceType[] = [];
  for (const t of [...new Set(args[0].split(','))]) {
    for (const r of resolveOrThrow(t)) if (!types.includes(r)) types.push(r);
  }
  return types.map((type) => ({ type, names: args.slice(1) }));
}
