// The Diagram tab drawn as HTML boxes from the view model: Service -> EndpointSlices (ports on the
// edge) -> endpoints (state by colour AND words) -> Pods -> Nodes by zone, the legacy Endpoints object
// beside it. A slice with many endpoints is folded (counts per state, an expand button); each endpoint
// is a button that shows its Pod's details. Folding and the selection survive re-renders.
import type { SimulationResult } from '../../sim/types';
import { button, el } from '../dom';
import type { EndpointState } from './diagram';
import { diagramModel, podDetails, type EndpointView, type ServiceView, type SliceView } from './diagram-model';

const STATE_WORDS: [EndpointState, string][] = [
  ['ready', 'ready'],
  ['serving-terminating', 'serving, terminating'],
  ['terminating', 'terminating, not serving'],
  ['not-ready', 'not ready'],
];

export interface DiagramPanel {
  show(state: SimulationResult): void;
  refresh(): void;
}

export function createDiagramPanel(panel: HTMLElement, prefix: string, visible: () => boolean): DiagramPanel {
  let state: SimulationResult | undefined;
  let dirty = false;
  const expanded = new Set<string>();
  let selected: { svc: string; key: string; namespace: string; pod?: string } | undefined;

  function render() {
    dirty = false;
    if (!state) return;
    const views = diagramModel(state);
    if (views.length === 0) {
      panel.replaceChildren(el('p', 'ex-none', 'No Service yet: write one in the editor to see its EndpointSlices here.'));
      return;
    }
    const focusedKey = (document.activeElement as HTMLElement | null)?.dataset?.dgKey;
    panel.replaceChildren(el('p', 'dg-legend', 'Endpoint states: green ready, amber serving while terminating, grey terminating and not serving, red not ready (each also in words). Select an endpoint for its Pod.'));
    views.forEach((v, i) => panel.append(serviceFigure(v, `${prefix}-dg-${i}`)));
    if (focusedKey) panel.querySelector<HTMLElement>(`[data-dg-key="${CSS.escape(focusedKey)}"]`)?.focus();
  }

  function serviceFigure(v: ServiceView, id: string): HTMLElement {
    const fig = el('figure', 'dg');
    fig.setAttribute('aria-labelledby', `${id}-cap`);
    const cap = el('figcaption', 'dg-caption', v.summary);
    cap.id = `${id}-cap`;
    const row = el('div', 'dg-row');
    const svc = el('div', 'dg-box dg-svc');
    svc.append(el('strong', undefined, `Service ${v.name}`), el('span', undefined, `${v.type} · ${v.ports}`), el('span', undefined, v.selector ? `selector ${v.selector}` : 'no selector (slices made by hand)'));
    const slices = el('div', 'dg-slices');
    if (v.slices.length === 0) slices.append(el('p', 'ex-none', `No EndpointSlice labelled kubernetes.io/service-name=${v.name}.`));
    for (const s of v.slices) slices.append(sliceBox(v, s));
    const legacy = el('div', 'dg-box dg-legacy');
    if (v.legacy) {
      legacy.append(
        el('strong', undefined, `Endpoints ${v.legacy.name} (legacy)`),
        el('span', undefined, `${v.legacy.ready} ready, ${v.legacy.notReady} not-ready addresses`),
        el('span', undefined, v.legacy.ports),
      );
      if (v.legacy.overCapacity) legacy.append(el('span', 'dg-warn', `over-capacity: ${v.legacy.overCapacity} (at most 1,000 addresses)`));
    } else legacy.append(el('strong', undefined, 'No legacy Endpoints object'));
    row.append(svc, slices, legacy);
    fig.append(cap, row, zonesBox(v));
    const details = el('div', 'dg-details');
    details.setAttribute('aria-live', 'polite');
    if (selected?.svc === `${v.namespace}/${v.name}`) fillDetails(details);
    fig.append(details);
    return fig;
  }

  function sliceBox(v: ServiceView, s: SliceView): HTMLElement {
    const box = el('section', 'dg-box dg-slice');
    const key = `${v.namespace}/${s.name}`;
    box.setAttribute('aria-label', `EndpointSlice ${s.name}`);
    box.append(
      el('span', 'dg-edge', `→ ${s.ports}`),
      el('strong', undefined, `EndpointSlice ${s.name}`),
      el('span', undefined, `${s.addressType}${s.managedBy ? ` · managed by ${s.managedBy}` : ''}`),
    );
    const counts = STATE_WORDS.filter(([st]) => s.counts[st] > 0).map(([st, w]) => `${s.counts[st]} ${w}`);
    box.append(el('span', 'dg-counts', `${s.endpoints.length} endpoint${s.endpoints.length === 1 ? '' : 's'}${counts.length ? `: ${counts.join(' · ')}` : ''}`));
    const open = !s.folded || expanded.has(key);
    const list = el('ul', 'dg-eps');
    list.id = `${prefix}-dg-eps-${key.replace(/[^a-z0-9-]/gi, '-')}`;
    if (s.folded) {
      const toggle = button(open ? `Hide the ${s.endpoints.length} endpoints` : `Show the ${s.endpoints.length} endpoints`, 'ex-btn dg-expand');
      toggle.setAttribute('aria-expanded', String(open));
      toggle.setAttribute('aria-controls', list.id);
      toggle.dataset.dgKey = `expand:${key}`;
      toggle.addEventListener('click', () => {
        if (expanded.has(key)) expanded.delete(key);
        else expanded.add(key);
        render();
      });
      box.append(toggle);
    }
    if (open) {
      for (const ep of s.endpoints) list.append(endpointItem(v, ep));
      box.append(list);
    }
    return box;
  }

  function endpointItem(v: ServiceView, ep: EndpointView): HTMLElement {
    const li = el('li');
    const b = button('', `dg-ep ep-${ep.state}`);
    b.dataset.dgKey = `ep:${v.namespace}/${v.name}/${ep.key}`;
    const isSelected = selected?.svc === `${v.namespace}/${v.name}` && selected.key === ep.key;
    b.setAttribute('aria-pressed', String(isSelected));
    b.append(
      el('span', 'dg-ep-addr', ep.addresses.join(', ')),
      el('span', 'dg-ep-state', ep.words),
      el('span', 'dg-ep-pod', `${ep.pod ? `Pod ${ep.pod}` : 'no Pod (hand-made)'}${ep.node ? ` on ${ep.node}` : ''}${ep.zone ? ` (${ep.zone})` : ''}`),
    );
    if (ep.hints) b.append(el('span', 'dg-ep-hints', `hints: ${ep.hints}`));
    b.addEventListener('click', () => {
      selected = isSelected ? undefined : { svc: `${v.namespace}/${v.name}`, key: ep.key, namespace: v.namespace, pod: ep.pod };
      render();
    });
    li.append(b);
    return li;
  }

  function zonesBox(v: ServiceView): HTMLElement {
    const box = el('div', 'dg-zones');
    if (v.zones.length === 0) return box;
    box.append(el('strong', undefined, 'Nodes by zone: '));
    const ul = el('ul');
    for (const z of v.zones) {
      const li = el('li', undefined, `${z.zone}: `);
      li.append(z.nodes.map((n) => `${n.name} (${n.endpoints})`).join(', '));
      ul.append(li);
    }
    box.append(ul);
    return box;
  }

  function fillDetails(host: HTMLElement) {
    if (!selected || !state) return;
    if (!selected.pod) {
      host.append(el('p', undefined, 'This endpoint has no Pod: it was written by hand in the slice.'));
      return;
    }
    const d = podDetails(state, selected.namespace, selected.pod);
    if (!d) {
      host.append(el('p', undefined, `Pod ${selected.pod} no longer exists.`));
      return;
    }
    const dl = el('dl', 'dg-pod');
    const rows: [string, string][] = [
      ['Pod', `${d.namespace}/${d.name}`],
      ['Phase', `${d.phase}${d.terminating ? ', terminating' : ''}`],
      ['Ready', d.ready ? 'True' : 'False'],
      ['IPs', d.ips.join(', ') || '(none)'],
      ['Node', d.node ?? '(not scheduled)'],
      ['Labels', d.labels],
    ];
    for (const [k, val] of rows) dl.append(el('dt', undefined, k), el('dd', undefined, val));
    host.append(el('strong', undefined, 'Selected'), dl);
  }

  return {
    show(s) {
      state = s;
      if (visible()) render();
      else dirty = true;
    },
    refresh() {
      if (dirty) render();
    },
  };
}
