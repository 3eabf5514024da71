// The EndpointSlices and Endpoints tabs: the `kubectl get` table, then each object's YAML, printed by
// kubectl's own printers from the objects of the cluster the exercise simulated (no second cluster,
// no command line parsed).
import { printList, printYaml } from '../../kubectl';
import type { ClusterReader, KObject } from '../../sim/types';
import { el } from '../dom';

export interface ObjectsView {
  /** The command whose output the table is. */
  command: string;
  table: string;
  /** Each object's name and its `-o yaml`. */
  objects: [string, string][];
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
  });
  return { endpointSlices: view('EndpointSlice', 'endpointslices', slices), endpoints: view('Endpoints', 'endpoints', endpoints) };
}

function fill(panel: HTMLElement, view: ObjectsView) {
  panel.replaceChildren(el('p', 'ex-cmd', `$ ${view.command}`), el('pre', 'ex-table', view.table || '(no output)'));
  for (const [name, yaml] of view.objects) {
    const d = el('details', 'ex-yaml');
    d.append(el('summary', undefined, `${name} as YAML`), el('pre', undefined, yaml));
    panel.append(d);
  }
}

export function renderObjects(slicesPanel: HTMLElement, endpointsPanel: HTMLElement, cluster: ClusterReader): void {
  const views = objectsViews(cluster);
  fill(slicesPanel, views.endpointSlices);
  fill(endpointsPanel, views.endpoints);
}
