// `-o` handling shared by get/apply/create: the printer choice (cli-runtime genericclioptions
// PrintFlags) and the non-table printers (yaml, json, name, jsonpath).

import type { KObject } from '../sim/types';
import { KubectlError } from './context';
import { executeJsonPath, JsonPathError } from './format/jsonpath';
import { toKubectlJson } from './format/json';
import { toYaml } from './format/yaml';
import { parseCustomColumns, printCustomColumns, type CustomColumn } from './format/customcolumns';
import { kindPrefix, byKind } from './resources';

export type OutputSpec =
  | { t: 'table'; wide: boolean }
  | { t: 'yaml' }
  | { t: 'json' }
  | { t: 'name' }
  | { t: 'jsonpath'; template: string }
  | { t: 'custom-columns'; columns: CustomColumn[]; noHeaders?: boolean };

const ALLOWED =
  'custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml';

export function parseOutput(o: string | undefined): OutputSpec {
  if (o === undefined || o === '') return { t: 'table', wide: false };
  if (o === 'wide') return { t: 'table', wide: true };
  if (o === 'yaml') return { t: 'yaml' };
  if (o === 'json') return { t: 'json' };
  if (o === 'name') return { t: 'name' };
  if (o.startsWith('jsonpath=')) {
    let template = o.slice('jsonpath='.length);
    if (/^'.*'$/s.test(template)) template = template.slice(1, -1);
    return { t: 'jsonpath', template };
  }
  if (o === 'jsonpath') throw new KubectlError('error: template format specified but no template given');
  if (o === 'custom-columns' || o.startsWith('custom-columns=')) {
    return { t: 'custom-columns', columns: parseCustomColumns(o.slice('custom-columns='.length)) };
  }
  // Formats real kubectl has but the simulator does not: say so rather than claim they do not exist.
  const format = o.split('=')[0];
  if (ALLOWED.split(',').includes(format)) {
    throw new KubectlError(`error: -o ${format} is not available in this simulated cluster (use -o jsonpath, custom-columns, yaml, json or name)`);
  }
  throw new KubectlError(`error: unable to match a printer suitable for the output format "${o}", allowed formats are: ${ALLOWED}`);
}

/** The object as the API returns it, with apiVersion/kind set. */
export function apiObject(o: KObject): KObject {
  return JSON.parse(JSON.stringify(o)) as KObject;
}

/** A `kind: List` wrapper, as kubectl prints several objects. */
export function listObject(items: KObject[]): Record<string, unknown> {
  return { apiVersion: 'v1', items: items.map(apiObject), kind: 'List', metadata: { resourceVersion: '' } };
}

export function nameLine(o: KObject): string {
  const r = byKind(o.kind);
  const prefix = r ? kindPrefix(r) : o.kind.toLowerCase();
  return `${prefix}/${o.metadata.name ?? ''}\n`;
}

/** Prints objects with a non-table printer; `single` = one object named explicitly (not a List). */
export function printGeneric(spec: Exclude<OutputSpec, { t: 'table' }>, objs: KObject[], single: boolean): string {
  const value = single && objs.length === 1 ? apiObject(objs[0]) : listObject(objs);
  switch (spec.t) {
    case 'yaml':
      return toYaml(value);
    case 'json':
      return toKubectlJson(value);
    case 'name':
      return objs.map(nameLine).join('');
    case 'custom-columns':
      // customcolumn.go prints the items of a List, or the single object, one row each.
      return printCustomColumns(spec.columns, objs.map(apiObject), spec.noHeaders === true);
    case 'jsonpath':
      try {
        return executeJsonPath(spec.template, value);
      } catch (e) {
        if (e instanceof JsonPathError) {
          throw new KubectlError(`error: error parsing jsonpath ${spec.template}, ${e.message}`);
        }
        throw e;
      }
  }
}
