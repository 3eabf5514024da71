// The EndpointSlices and Endpoints tabs: the `kubectl get` table, then each object's YAML, printed by
// the simulated kubectl against a cluster holding the simulated objects.
import { kubectlLine } from '../../exercises/session';
import type { Cluster, SimulationResult } from '../../sim/types';
import { el } from '../dom';

function fill(panel: HTMLElement, command: string, table: string, objects: [string, string][]) {
  panel.replaceChildren(el('p', 'ex-cmd', `$ ${command}`), el('pre', 'ex-table', table || '(no output)'));
  for (const [name, yaml] of objects) {
    const d = el('details', 'ex-yaml');
    d.append(el('summary', undefined, `${name} as YAML`), el('pre', undefined, yaml));
    panel.append(d);
  }
}

export function renderObjects(slicesPanel: HTMLElement, endpointsPanel: HTMLElement, state: SimulationResult, cluster: Cluster): void {
  const run = (line: string) => kubectlLine(cluster, line, {}).output;
  const nsOf = (o: { metadata: { namespace?: string } }) => o.metadata.namespace ?? 'default';
  // -A only when something lives outside default (the learner moved an object): kubectl then adds NAMESPACE.
  const all = [...state.endpointSlices, ...state.endpoints].some((o) => nsOf(o) !== 'default') ? ' -A' : '';
  fill(slicesPanel, `kubectl get endpointslices${all}`, run(`kubectl get endpointslices${all}`),
    state.endpointSlices.map((s) => [s.metadata.name!, run(`kubectl get endpointslice ${s.metadata.name} -n ${nsOf(s)} -o yaml`)]));
  fill(endpointsPanel, `kubectl get endpoints${all}`, run(`kubectl get endpoints${all}`),
    state.endpoints.map((e) => [e.metadata.name!, run(`kubectl get endpoints ${e.metadata.name} -n ${nsOf(e)} -o yaml`)]));
}
