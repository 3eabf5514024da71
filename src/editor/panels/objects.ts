// The EndpointSlices and Endpoints tabs: the `kubectl get` table, then each object's YAML, printed by
// kubectl's own printers from the objects of the cluster the exercise simulated (no second cluster,
// no command line parsed). After an edit, what changed is marked (changes.ts): a list above the
// table, and the changed rows, in words and in colour; island.css fades the colour, except for
// readers who ask for reduced motion.
import { printList, printYaml } from '../../kubectl';
import type { ClusterReader, KObject } from '../../sim/types';
import type { Changes, ObjectChange } from '../changes';
import { el } from '../dom';

export interface ObjectsView {
  /** The command whose output the table is. */
  command: string;
  table: string;
  /** Each object's name and its `-o yaml`. */
  objects: [string, string][];
  /** Each object's namespace/name, in the table's order. */
  keys: string[];
  allNamespaces: boolean;
}

const nsOf = (o: KObject) => o.metadata.namespace ?? 'default';

/** What the two tabs show for a settled cluster (pure: the unit test reads it as the island does). */
export function objectsViews(cluster: ClusterReader): { endpointSlices: ObjectsView; endpoints: ObjectsView } {
  const slices = cluster.list('EndpointSlice');
  const endpoints = cluster.list('Endpoints');
  // -A only when something lives outside default (the learner moved an object): kubectl then adds NAMESPACE.
  const allNamespaces = [...slices, ...endpoints].some((o) => nsOf(o) !== 'default');
  const view = (kind: string, resource: string, objs: KObject[]): ObjectsView => ({
    command: `kubectl get ${resource}${allNamespaces ? ' -A' : ''}`,
    table: printList(kind, objs, { now: cluster.now(), allNamespaces }),
    objects: objs.map((o) => [o.metadata.name!, printYaml(o)]),
    keys: objs.map((o) => `${nsOf(o)}/${o.metadata.name}`),
    allNamespaces,
  });
  return { endpointSlices: view('EndpointSlice', 'endpointslices', slices), endpoints: view('Endpoints', 'endpoints', endpoints) };
}

const MARK: Record<ObjectChange, string> = { created: '+ created', updated: '~ updated', deleted: '− deleted' };

/** A scrollable <pre> the keyboard can reach (axe: scrollable-region-focusable), named for screen readers. */
function scrollable(text: string, cls: string, label: string): HTMLPreElement {
  const pre = el('pre', cls);
  pre.tabIndex = 0;
  pre.setAttribute('role', 'group');
  pre.setAttribute('aria-label', label);
  if (text) pre.textContent = text;
  return pre;
}

function table(view: ObjectsView, changed: Map<string, ObjectChange>): HTMLPreElement {
  const pre = scrollable('', 'ex-table', `Output of ${view.command}`);
  if (!view.table) {
    pre.textContent = '(no output)';
    return pre;
  }
  const lines = view.table.replace(/\n$/, '').split('\n');
  pre.append(lines[0] + '\n');
  for (const line of lines.slice(1)) {
    const [a, b] = line.split(/\s+/);
    const what = changed.get(view.allNamespaces ? `${a}/${b}` : `default/${a}`);
    if (!what) {
      pre.append(line + '\n');
      continue;
    }
    const row = el('span', `ex-changed ex-changed-${what}`, line);
    pre.append(row, el('span', `ex-mark ex-mark-${what}`, `  ← ${what}`), '\n');
  }
  return pre;
}

function changeList(kind: string, changes: Changes): HTMLElement | undefined {
  const ul = el('ul', 'ex-changes');
  ul.setAttribute('aria-label', `What changed with your last edit`);
  for (const [key, what] of changes.objects.get(kind) ?? [])
    ul.append(el('li', `ex-change ex-changed-${what}`, `${MARK[what]}: ${kind} ${key.replace(/^default\//, '')}`));
  if (kind === 'EndpointSlice')
    for (const r of changes.readiness)
      ul.append(
        el('li', `ex-change ex-changed-${r.ready ? 'ready' : 'not-ready'}`,
          `${r.ready ? '▲ became ready' : '▼ became not ready'}: ${r.address}${r.pod ? ` (Pod ${r.pod})` : ''} in ${r.slice}`),
      );
  return ul.childElementCount ? ul : undefined;
}

function fill(panel: HTMLElement, view: ObjectsView, kind: string, changes?: Changes) {
  const changed = changes?.objects.get(kind) ?? new Map<string, ObjectChange>();
  const list = changes && changeList(kind, changes);
  panel.replaceChildren(...(list ? [list] : []), el('p', 'ex-cmd', `$ ${view.command}`), table(view, changed));
  view.objects.forEach(([name, yaml], i) => {
    const d = el('details', 'ex-yaml');
    const what = changed.get(view.keys[i]);
    const summary = el('summary', what ? `ex-changed ex-changed-${what}` : undefined, `${name} as YAML${what ? ` (${what})` : ''}`);
    d.append(summary, scrollable(yaml, 'ex-yaml-text', `${name} as YAML`));
    panel.append(d);
  });
}

export function renderObjects(slicesPanel: HTMLElement, endpointsPanel: HTMLElement, cluster: ClusterReader, changes?: Changes): void {
  const views = objectsViews(cluster);
  fill(slicesPanel, views.endpointSlices, 'EndpointSlice', changes);
  fill(endpointsPanel, views.endpoints, 'Endpoints', changes);
}

/** Takes the marks away (the changes are no longer news); the tables stay as they are. */
export function clearMarks(...panels: HTMLElement[]): void {
  for (const p of panels) {
    p.querySelectorAll('.ex-changes, .ex-mark').forEach((e) => e.remove());
    p.querySelectorAll('.ex-changed').forEach((e) => e.classList.remove('ex-changed'));
  }
}
