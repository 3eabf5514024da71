// The Diagram tab: an SVG of Service -> EndpointSlices -> endpoints -> Pods, built as a string (pure,
// unit-tested). Each endpoint's state is shown twice, by colour and by words (ready / serving,
// terminating / not ready), so it never depends on colour alone. Ports are labelled on the edges.
import type { Endpoint, EndpointSlice, Service, SimulationResult } from '../../sim/types';
import { LABEL_SERVICE_NAME } from '../../sim';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export type EndpointState = 'ready' | 'serving-terminating' | 'terminating' | 'not-ready';

/** The words and class for an endpoint's conditions (unset ready counts as ready, as kube-proxy reads it). */
export function endpointState(ep: Endpoint): { state: EndpointState; words: string } {
  const c = ep.conditions ?? {};
  const ready = c.ready !== false;
  const serving = c.serving ?? ready;
  if (c.terminating) return serving ? { state: 'serving-terminating', words: 'serving, terminating' } : { state: 'terminating', words: 'terminating, not serving' };
  return ready ? { state: 'ready', words: 'ready' } : { state: 'not-ready', words: 'not ready' };
}

const COL = { service: 4, slice: 184, endpoint: 394, pod: 574 };
const W = { service: 160, slice: 180, endpoint: 160, pod: 190 };
const ROW = 46;
const BOX = 36;

function portLabel(svc: Service): string {
  return (svc.spec.ports ?? [])
    .map((p) => `${p.name ? `${p.name} ` : ''}${p.port}→${p.targetPort ?? p.port}/${p.protocol ?? 'TCP'}`)
    .join(', ');
}

function slicePorts(s: EndpointSlice): string {
  const ports = s.ports ?? [];
  return ports.length ? ports.map((p) => `${p.name ? `${p.name}:` : ''}${p.port ?? '*'}/${p.protocol ?? 'TCP'}`).join(', ') : 'no ports';
}

function box(x: number, y: number, w: number, cls: string, lines: string[], title?: string): string {
  const t = lines
    .map((l, i) => `<text x="${x + 8}" y="${y + 15 + i * 14}"${i ? ' class="sub"' : ''}>${esc(l)}</text>`)
    .join('');
  return `<g class="${cls}">${title ? `<title>${esc(title)}</title>` : ''}<rect x="${x}" y="${y}" width="${w}" height="${BOX}" rx="5"/>${t}</g>`;
}

function line(x1: number, y1: number, x2: number, y2: number, label?: string): string {
  const mid = label ? `<text class="edge-label" x="${(x1 + x2) / 2}" y="${(y1 + y2) / 2 - 4}" text-anchor="middle">${esc(label)}</text>` : '';
  return `<line x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}"/>${mid}`;
}

/** One diagram per Service in the state that the exercise is about (all Services when none named). */
export function diagramSvg(state: SimulationResult, services?: string[]): string {
  const svcs = state.services.filter((s) => !services || services.includes(s.metadata.name ?? ''));
  if (svcs.length === 0) return '<p>No Service yet: write one in the editor to see its EndpointSlices here.</p>';
  return svcs.map((svc) => oneService(state, svc)).join('');
}

function oneService(state: SimulationResult, svc: Service): string {
  const ns = svc.metadata.namespace ?? 'default';
  const name = svc.metadata.name ?? '';
  const slices = state.endpointSlices.filter(
    (s) => (s.metadata.namespace ?? 'default') === ns && s.metadata.labels?.[LABEL_SERVICE_NAME] === name,
  );
  const rows = Math.max(1, slices.reduce((n, s) => n + Math.max(1, s.endpoints?.length ?? 0), 0));
  const height = rows * ROW + 30;
  const parts: string[] = [];
  const svcY = 20 + ((rows - 1) * ROW) / 2;
  parts.push(box(COL.service, svcY, W.service, 'svc', [`Service ${name}`, portLabel(svc) || 'no ports'], `Service ${name}`));
  let row = 0;
  const counts = { ready: 0, serving: 0, terminating: 0, notReady: 0 };
  if (slices.length === 0) {
    parts.push(`<text x="${COL.slice}" y="${svcY + 22}" class="none">no EndpointSlice labelled kubernetes.io/service-name=${esc(name)}</text>`);
  }
  for (const slice of slices) {
    const eps = slice.endpoints ?? [];
    const span = Math.max(1, eps.length);
    const sy = 20 + row * ROW + ((span - 1) * ROW) / 2;
    parts.push(line(COL.service + W.service, svcY + BOX / 2, COL.slice, sy + BOX / 2));
    parts.push(box(COL.slice, sy, W.slice, 'slice', [slice.metadata.name ?? '(unnamed)', `${slice.addressType} · ${slicePorts(slice)}`], `EndpointSlice ${slice.metadata.name}`));
    if (eps.length === 0) parts.push(`<text x="${COL.endpoint}" y="${sy + 22}" class="none">no endpoints</text>`);
    for (const ep of eps) {
      const y = 20 + row * ROW;
      const { state: st, words } = endpointState(ep);
      if (st === 'ready') counts.ready++;
      else if (st === 'serving-terminating') counts.serving++;
      else if (st === 'terminating') counts.terminating++;
      else counts.notReady++;
      const ports = (slice.ports ?? []).map((p) => p.port ?? '*').join(',');
      parts.push(line(COL.slice + W.slice, sy + BOX / 2, COL.endpoint, y + BOX / 2, ports ? `:${ports}` : undefined));
      parts.push(box(COL.endpoint, y, W.endpoint, `ep ep-${st}`, [ep.addresses.join(', '), words], `endpoint ${ep.addresses.join(', ')}: ${words}`));
      const pod = ep.targetRef?.kind === 'Pod' ? ep.targetRef.name : undefined;
      parts.push(line(COL.endpoint + W.endpoint, y + BOX / 2, COL.pod, y + BOX / 2));
      parts.push(box(COL.pod, y, W.pod, pod ? 'pod' : 'pod pod-none', [pod ? `Pod ${pod}` : 'no Pod (hand-made)', ep.nodeName ? `on ${ep.nodeName}` : ''], pod ? `Pod ${pod}` : 'no Pod'));
      row++;
    }
    if (eps.length === 0) row++;
  }
  const summary =
    `Service ${name}: ${slices.length} EndpointSlice${slices.length === 1 ? '' : 's'}, ` +
    `${counts.ready} ready, ${counts.serving} serving and terminating, ${counts.terminating} terminating, ${counts.notReady} not ready.`;
  return (
    `<figure class="slice-diagram"><svg role="img" aria-labelledby="d-${esc(name)}-t" viewBox="0 0 770 ${height}" width="100%" xmlns="http://www.w3.org/2000/svg">` +
    `<title id="d-${esc(name)}-t">${esc(summary)}</title>${parts.join('')}</svg>` +
    `<figcaption>${esc(summary)} Green: ready. Amber: serving while terminating. Grey: terminating, not serving. Red: not ready.</figcaption></figure>`
  );
}
