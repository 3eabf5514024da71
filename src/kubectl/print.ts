// Printing objects a caller already holds, without a command line (the exercise panels read the
// cluster's EndpointSlices and Endpoints and show them as kubectl would): the text of
// `kubectl get <kind>` and of `kubectl get <kind> <name> -o yaml`, from the same printers.
import type { KObject } from '../sim/types';
import { DEPRECATION_WARNING } from './context';
import { toYaml } from './format/yaml';
import { apiObject } from './output';
import { printTable } from './printers/table';
import { byKind } from './resources';

export interface ListPrintOptions {
  /** Simulated now, for the AGE column. */
  now: string;
  /** `-A`: a NAMESPACE column, and "No resources found" without a namespace. */
  allNamespaces?: boolean;
  /** The namespace listed without -A (default `default`), for the empty-list message. */
  namespace?: string;
}

/** What `kubectl get <kind>` prints for these objects: API warnings, then the table or the empty-list message. */
export function printList(kind: string, objs: KObject[], opts: ListPrintOptions): string {
  const type = byKind(kind);
  if (!type) throw new Error(`kubectl has no printer for kind ${kind}`);
  const warning = kind === 'Endpoints' ? DEPRECATION_WARNING : '';
  if (objs.length === 0) {
    const found = opts.allNamespaces || !type.namespaced ? 'No resources found' : `No resources found in ${opts.namespace ?? 'default'} namespace.`;
    return `${warning}${found}\n`;
  }
  return warning + printTable(type.table, objs, { now: opts.now }, { withNamespace: opts.allNamespaces && type.namespaced });
}

/** What `kubectl get <kind> <name> -o yaml` prints for one object (without the API warnings). */
export function printYaml(obj: KObject): string {
  return toYaml(apiObject(obj));
}
