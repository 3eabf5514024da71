// The Writes tab: every controller write of the learner's last change (an edit, or a command in the
// Terminal or a time-control button), and the two-bar comparison of what the EndpointSlice API sent
// against what the legacy Endpoints object cost, for N kube-proxy watchers (N editable).
import type { Write } from '../../sim/types';
import { el } from '../dom';
import { formatBytes, writesView, type KindTotal, type WritesView } from './writes-model';

/** Rows beyond this are summed in the totals but not listed (an edit can create hundreds of slices). */
const MAX_ROWS = 200;

export interface WritesPanel {
  /** The writes of the last change, the cluster's Node count (the default watcher count) and what caused them. */
  show(writes: readonly Write[], nodes: number, cause: string): void;
  /** Renders what was last shown (call when the tab becomes visible). */
  refresh(): void;
}

export function createWritesPanel(panel: HTMLElement, prefix: string, visible: () => boolean): WritesPanel {
  let data: { writes: readonly Write[]; nodes: number; cause: string } | undefined;
  let watchers: number | undefined; // the learner's own N, once they set one
  let dirty = false;

  const cause = el('p', 'ex-writes-cause');
  const field = el('p', 'ex-writes-watchers');
  const label = el('label', undefined, 'kube-proxy watchers (Nodes): ');
  const input = el('input');
  input.type = 'number';
  input.min = '0';
  input.max = '100000';
  input.id = `${prefix}-watchers`;
  label.htmlFor = input.id;
  field.append(label, input);
  const bars = el('div', 'ex-writes-bars');
  const list = el('div', 'ex-writes-list');
  panel.append(el('h3', undefined, 'API writes for your last change'), cause, field, bars, list);

  input.addEventListener('input', () => {
    const n = Number(input.value);
    if (input.value === '' || !Number.isFinite(n) || n < 0) return;
    watchers = Math.floor(n);
    render();
  });

  function render() {
    dirty = false;
    if (!data) return;
    const n = watchers ?? data.nodes;
    if (document.activeElement !== input) input.value = String(n);
    const view = writesView(data.writes, n, data.cause);
    cause.textContent = view.cause;
    renderBars(bars, view);
    renderRows(list, view);
  }

  return {
    show(writes, nodes, why) {
      data = { writes, nodes, cause: why };
      if (visible()) render();
      else dirty = true;
    },
    refresh() {
      if (dirty) render();
    },
  };
}

function bar(name: string, total: KindTotal, share: number, watchers: number, cls: string): HTMLElement {
  const row = el('div', `ex-writes-bar ${cls}`);
  const track = el('div', 'ex-writes-track');
  track.setAttribute('aria-hidden', 'true');
  const fill = el('div', 'ex-writes-fill');
  fill.style.width = `${(share * 100).toFixed(1)}%`;
  track.append(fill);
  const words = `${total.writes} write${total.writes === 1 ? '' : 's'}, ${formatBytes(total.bytes)} · × ${watchers} = ${formatBytes(total.sent)} sent`;
  row.append(el('span', 'ex-writes-name', name), track, el('span', 'ex-writes-value', words));
  return row;
}

function renderBars(host: HTMLElement, view: WritesView) {
  host.replaceChildren(
    bar('EndpointSlice API', view.endpointSlices, view.bars.endpointSlices, view.watchers, 'ex-writes-slices'),
    bar('Legacy Endpoints', view.endpoints, view.bars.endpoints, view.watchers, 'ex-writes-endpoints'),
    el('p', 'ex-writes-summary', view.summary),
  );
}

function renderRows(host: HTMLElement, view: WritesView) {
  if (view.rows.length === 0) {
    host.replaceChildren(el('p', 'ex-none', 'No writes.'));
    return;
  }
  const table = el('table', 'ex-writes-table');
  table.append(el('caption', undefined, `The ${view.rows.length} write${view.rows.length === 1 ? '' : 's'}, in order`));
  const head = el('tr');
  for (const h of ['#', 'Object', 'Write', 'Bytes', 'By']) {
    const th = el('th', undefined, h);
    th.scope = 'col';
    head.append(th);
  }
  table.append(el('thead'), el('tbody'));
  table.tHead!.append(head);
  for (const r of view.rows.slice(0, MAX_ROWS)) {
    const tr = el('tr', `ex-write ex-write-${r.kind === 'Endpoints' ? 'endpoints' : 'slice'}`);
    const obj = `${r.kind} ${r.namespace === 'default' ? '' : `${r.namespace}/`}${r.name}`;
    for (const [text, cls] of [[String(r.seq), 'num'], [obj, ''], [r.verb, 'verb'], [r.verb === 'delete' ? '—' : String(r.bytes), 'num'], [r.controller, '']])
      tr.append(el('td', cls || undefined, text));
    table.tBodies[0].append(tr);
  }
  // A focusable scroll region (axe: scrollable-region-focusable).
  const scroller = el('div', 'ex-writes-scroll');
  scroller.tabIndex = 0;
  scroller.setAttribute('role', 'region');
  scroller.setAttribute('aria-label', 'The writes, in order');
  scroller.append(table);
  host.replaceChildren(scroller);
  if (view.rows.length > MAX_ROWS) host.append(el('p', 'ex-none', `${view.rows.length - MAX_ROWS} more writes are counted above but not listed.`));
}
