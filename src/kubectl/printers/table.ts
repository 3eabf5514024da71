// Human-readable `kubectl get` tables: the column model of the server-side table printers
// (kubernetes/pkg/printers/internalversion/printers.go: TableColumnDefinition, Priority 1 = `-o wide`)
// and the client-side layout of cli-runtime printers/tableprinter.go (printHeader / printRows:
// upper-cased headers, NAMESPACE first with -A, LABELS last with --show-labels, `kind/` name prefix
// when several resource types are printed).

import type { KObject } from '../../sim/types';
import { formatLabels } from '../../sim';
import { GET_TABLE, TabWriter } from '../format/tabwriter';

export interface Column {
  name: string;
  /** 0 = always shown, 1 = only with `-o wide`. */
  priority?: 0 | 1;
}

export interface PrintContext {
  /** Simulated now (RFC 3339), for AGE cells. */
  now: string;
  /** `-o wide`: some printers change a cell, not only add columns (printService's EXTERNAL-IP). */
  wide?: boolean;
}

export interface TableSpec<T extends KObject = KObject> {
  columns: Column[];
  /** One cell per column, wide columns included (the caller drops them when not wide). */
  row(obj: T, ctx: PrintContext): string[];
}

export interface TableOptions {
  wide?: boolean;
  withNamespace?: boolean;
  showLabels?: boolean;
  /** `-L key,...`: one column per label key (header = last path segment, upper-cased), before LABELS. */
  labelColumns?: string[];
  noHeaders?: boolean;
  /** e.g. `service`, `deployment.apps`: printed as `service/name` (kubectl's printWithKind). */
  kindPrefix?: string;
}

/** Header line (tab separated, newline terminated). */
export function tableHeader(spec: TableSpec<any>, opts: TableOptions): string {
  const headers = spec.columns.filter((c) => opts.wide || !c.priority).map((c) => c.name.toUpperCase());
  // tableprinter.go decorateTable: label columns use the last segment of the key (`a.io/b` → `B`).
  for (const key of opts.labelColumns ?? []) headers.push(key.split('/').pop()!.toUpperCase());
  if (opts.showLabels) headers.push('LABELS');
  if (opts.withNamespace) headers.unshift('NAMESPACE');
  return headers.join('\t') + '\n';
}

/** One row (tab separated, newline terminated). */
export function tableRow<T extends KObject>(spec: TableSpec<T>, obj: T, ctx: PrintContext, opts: TableOptions): string {
  const all = spec.row(obj, { ...ctx, wide: ctx.wide ?? opts.wide === true });
  const cells = all.filter((_, i) => opts.wide || !spec.columns[i]?.priority);
  // Cells are cut at the first line break (tableprinter.go printRows).
  const clean = cells.map((c) => {
    const brk = c.search(/[\f\n\r]/);
    return brk >= 0 ? c.slice(0, brk) + '...' : c;
  });
  if (opts.kindPrefix) clean[0] = `${opts.kindPrefix}/${clean[0]}`;
  // A missing label is an empty cell.
  for (const key of opts.labelColumns ?? []) clean.push(obj.metadata.labels?.[key] ?? '');
  if (opts.showLabels) clean.push(formatLabels(obj.metadata.labels));
  if (opts.withNamespace) clean.unshift(obj.metadata.namespace ?? '');
  return clean.join('\t') + '\n';
}

/** Header (unless suppressed or empty) plus rows, unformatted (tab separated) text. */
export function tableText<T extends KObject>(spec: TableSpec<T>, objs: T[], ctx: PrintContext, opts: TableOptions): string {
  if (objs.length === 0) return '';
  let out = opts.noHeaders ? '' : tableHeader(spec, opts);
  for (const o of objs) out += tableRow(spec, o, ctx, opts);
  return out;
}

/** listWithMoreString (printers.go): first `max` entries, then ` + N more...`; `<unset>` when empty. */
export function listWithMore(list: string[], more: boolean, count: number, max: number): string {
  const ret = list.join(',');
  if (more) return `${ret} + ${count - max} more...`;
  return ret === '' ? '<unset>' : ret;
}

/** net.JoinHostPort: IPv6 literals in brackets. */
export function joinHostPort(host: string, port: number | string): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

/** One `kubectl get` table (header unless noHeaders, a row per object), laid out by its tab writer. */
export function printTable<T extends KObject>(spec: TableSpec<T>, objs: T[], ctx: PrintContext, opts: TableOptions): string {
  const w = new TabWriter(GET_TABLE);
  if (!opts.noHeaders) w.write(tableHeader(spec, opts));
  for (const o of objs) w.write(tableRow(spec, o, ctx, opts));
  return w.flush();
}
