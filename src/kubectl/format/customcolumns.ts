// `-o custom-columns=HEADER:PATH,...`, after k8s.io/cli-runtime/pkg/printers/customcolumn.go:
// headers printed as given (not upper-cased), each PATH relaxed to a `{.path}` jsonpath
// (RelaxedJSONPathExpression), missing values as `<none>`, several values joined by `,`, each value
// printed like Go's fmt.Sprint, rows laid out by the `get` tab writer.

import { KubectlError } from '../context';
import { evaluate, JsonPathError, parseTemplate } from './jsonpath';
import { GET_TABLE, tabbed } from './tabwriter';

export interface CustomColumn {
  header: string;
  /** The relaxed jsonpath template, e.g. `{.metadata.name}`. */
  template: string;
}

/** RelaxedJSONPathExpression: `a.b`, `.a.b`, `{a.b}` and `{.a.b}` all become `{.a.b}`. */
function relaxed(path: string): string {
  if (path === '') return path;
  const m = /^\{\.?([^{}]+)\}$|^\.?([^{}]+)$/.exec(path);
  if (!m) {
    throw new KubectlError("error: unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'");
  }
  return `{.${m[1] ?? m[2]}}`;
}

/** NewCustomColumnsPrinterFromSpec. */
export function parseCustomColumns(spec: string): CustomColumn[] {
  if (spec === '') throw new KubectlError('error: custom-columns format specified but no custom columns given');
  return spec.split(',').map((part) => {
    const colon = part.indexOf(':');
    if (colon < 0) throw new KubectlError(`error: unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>`);
    return { header: part.slice(0, colon), template: relaxed(part.slice(colon + 1)) };
  });
}

/** Go's fmt.Sprint of a decoded JSON value: maps as `map[k:v]` (sorted keys), lists as `[a b]`. */
export function goSprint(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (Array.isArray(v)) return `[${v.map(goSprint).join(' ')}]`;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `map[${Object.keys(o)
      .sort()
      .map((k) => `${k}:${goSprint(o[k])}`)
      .join(' ')}]`;
  }
  return String(v);
}

function cell(column: CustomColumn, obj: unknown): string {
  let values: unknown[] = [];
  try {
    for (const node of parseTemplate(column.template)) {
      if (node.t === 'expr' && node.literal === undefined) values.push(...evaluate(node.steps, [obj]));
    }
  } catch (e) {
    if (e instanceof JsonPathError) throw new KubectlError(`error: ${e.message}`);
    throw e;
  }
  values = values.filter((v) => v !== undefined);
  return values.length === 0 ? '<none>' : values.map(goSprint).join(',');
}

/** One header line (unless noHeaders) and one row per object, aligned like `kubectl get`. */
export function printCustomColumns(columns: CustomColumn[], objs: unknown[], noHeaders: boolean): string {
  let text = noHeaders ? '' : columns.map((c) => c.header).join('\t') + '\n';
  const data = JSON.parse(JSON.stringify(objs)) as unknown[];
  for (const o of data) text += columns.map((c) => cell(c, o)).join('\t') + '\n';
  return tabbed(text, { ...GET_TABLE, rememberWidths: false });
}
