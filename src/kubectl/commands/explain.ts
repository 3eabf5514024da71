// `kubectl explain TYPE[.FIELD...] [--recursive]`: kubectl's OpenAPI v3 plaintext page, rendered by
// ./explain-schema (a port of kubectl's template) from the API definitions src/validate generates from
// the Kubernetes 1.35 OpenAPI documents.

import { parseFlags, GLOBAL_FLAGS } from '../args';
import { Ctx, KubectlError } from '../context';
import { resolveResource } from '../resources';
import { API_DEFINITIONS, definitionOfKind } from '../../validate/api-docs';
import { ExplainFieldError, renderExplain } from './explain-schema';

export function runExplain(ctx: Ctx, argv: string[]): void {
  const { flags, args } = parseFlags(argv, [...GLOBAL_FLAGS, { long: 'recursive', type: 'bool' }, { long: 'api-version', type: 'string' }]);
  if (args.length === 0) {
    throw new KubectlError(
      'You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.\nSee \'kubectl explain -h\' for help and examples',
    );
  }
  const [typeArg, ...path] = args[0].split('.');
  const r = resolveResource(typeArg);
  if (!r) throw new KubectlError(`error: the server doesn't have a resource type "${typeArg}"`);
  const root = definitionOfKind(r.group, r.version, r.kind);
  if (!root) throw new KubectlError(`error: GVR (${r.group}/${r.version}, Resource=${r.plural}) not found in OpenAPI schema`);
  try {
    ctx.out(renderExplain(API_DEFINITIONS, root, path, flags.recursive === true));
  } catch (e) {
    if (e instanceof ExplainFieldError) throw new KubectlError(e.message);
    throw e;
  }
}
