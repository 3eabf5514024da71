// The time controls above the results: what happens to a real cluster over time, as buttons. Each
// button only builds a command line (kubectl or sim, the same the learner could type) and hands it to
// the Terminal, which runs it, echoes it with its output and moves the clock as for a typed command.
import { isPodReady } from '../sim';
import type { ClusterReader, Pod } from '../sim/types';
import { button, el } from './dom';

/** The command line each control runs (pure, so the unit test reads what the buttons send). */
export const timeCommands = {
  advance: (duration: string) => `sim advance ${duration}`,
  ready: (pod: Ref, ready: boolean) => `sim ready ${pod.name} ${ready}${nsFlag(pod)}`,
  deletePod: (pod: Ref) => `kubectl delete pod ${pod.name} --wait=false${nsFlag(pod)}`,
  scale: (deploy: Ref, replicas: number) => `kubectl scale deployment/${deploy.name} --replicas=${replicas}${nsFlag(deploy)}`,
  restart: (deploy: Ref) => `kubectl rollout restart deployment/${deploy.name}${nsFlag(deploy)}`,
  nodeDown: (node: string) => `kubectl delete node ${node}`,
};

interface Ref {
  namespace: string;
  name: string;
}
const nsFlag = (r: Ref) => (r.namespace === 'default' ? '' : ` -n ${r.namespace}`);
const refOf = (o: { metadata: { namespace?: string; name?: string } }): Ref => ({ namespace: o.metadata.namespace ?? 'default', name: o.metadata.name ?? '' });
const keyOf = (r: Ref) => `${r.namespace}/${r.name}`;
const parseKey = (k: string): Ref => {
  const i = k.indexOf('/');
  return { namespace: k.slice(0, i), name: k.slice(i + 1) };
};

export interface TimeControls {
  /** Refill the pickers from the cluster the next command runs against (choices kept when still there). */
  update(cluster: ClusterReader | undefined): void;
}

export function createTimeControls(host: HTMLElement, prefix: string, run: (line: string) => void): TimeControls {
  const bar = el('div', 'ex-time');
  bar.setAttribute('role', 'group');
  bar.setAttribute('aria-label', 'Time controls: each runs its command in the Terminal');
  let cluster: ClusterReader | undefined;

  const pick = (label: string, id: string) => {
    const wrap = el('span', 'ex-time-pick');
    const l = el('label', undefined, label);
    const s = el('select');
    s.id = `${prefix}-time-${id}`;
    l.htmlFor = s.id;
    wrap.append(l, s);
    return { wrap, select: s };
  };
  const act = (text: string, line: () => string | undefined) => {
    const b = button(text, 'ex-btn ex-time-btn');
    b.addEventListener('click', () => {
      const l = line();
      if (l) run(l);
    });
    return b;
  };
  const group = (...children: HTMLElement[]) => {
    const g = el('span', 'ex-time-group');
    g.append(...children);
    return g;
  };

  const pod = pick('Pod', 'pod');
  const deploy = pick('Deployment', 'deploy');
  const node = pick('Node', 'node');
  const replicas = el('input');
  replicas.type = 'number';
  replicas.min = '0';
  replicas.max = '5000';
  replicas.id = `${prefix}-time-replicas`;
  const replicasLabel = el('label', undefined, 'replicas');
  replicasLabel.htmlFor = replicas.id;

  const selectedPod = () => (pod.select.value ? parseKey(pod.select.value) : undefined);
  const selectedDeploy = () => (deploy.select.value ? parseKey(deploy.select.value) : undefined);
  const podReady = (r: Ref) => {
    const p = cluster?.get<Pod>('Pod', r.namespace, r.name);
    return p ? isPodReady(p) : false;
  };
  const flip = act('Flip readiness', () => {
    const p = selectedPod();
    return p && timeCommands.ready(p, !podReady(p));
  });

  bar.append(
    group(act('+10 s', () => timeCommands.advance('10s')), act('+1 min', () => timeCommands.advance('1m'))),
    group(pod.wrap, flip, act('Delete gracefully', () => { const p = selectedPod(); return p && timeCommands.deletePod(p); })),
    group(
      deploy.wrap,
      replicasLabel,
      replicas,
      act('Scale', () => { const d = selectedDeploy(); const n = Number(replicas.value); return d && Number.isInteger(n) && n >= 0 ? timeCommands.scale(d, n) : undefined; }),
      act('Restart', () => { const d = selectedDeploy(); return d && timeCommands.restart(d); }),
    ),
    group(node.wrap, act('Take down', () => (node.select.value ? timeCommands.nodeDown(node.select.value) : undefined))),
  );
  host.append(bar);
  const replicasOf = (key: string) =>
    (cluster?.list('Deployment').find((d) => keyOf(refOf(d)) === key) as { spec?: { replicas?: number } } | undefined)?.spec?.replicas ?? 1;
  deploy.select.addEventListener('change', () => (replicas.value = String(replicasOf(deploy.select.value))));

  function fill(select: HTMLSelectElement, options: [string, string][]) {
    const keep = select.value;
    select.replaceChildren(...options.map(([value, text]) => { const o = el('option', undefined, text); o.value = value; return o; }));
    if (options.some(([v]) => v === keep)) select.value = keep;
    select.disabled = options.length === 0;
    for (const b of select.parentElement!.parentElement!.querySelectorAll('button')) b.disabled = options.length === 0;
  }

  // The pickers are refilled after the panels are drawn (a macrotask later), off the keystroke's path.
  let scheduled = false;
  return {
    update(c) {
      cluster = c;
      if (scheduled) return;
      scheduled = true;
      setTimeout(() => {
        scheduled = false;
        refill(cluster);
      }, 0);
    },
  };

  function refill(c: ClusterReader | undefined) {
    const pods = c?.list<Pod>('Pod') ?? [];
    fill(pod.select, pods.map((p) => [keyOf(refOf(p)), `${p.metadata.name}${p.metadata.deletionTimestamp ? ' (terminating)' : isPodReady(p) ? ' (ready)' : ' (not ready)'}`]));
    const deploys = c?.list('Deployment') ?? [];
    const keptDeploy = deploy.select.value;
    fill(deploy.select, deploys.map((d) => [keyOf(refOf(d)), d.metadata.name ?? '']));
    if (deploy.select.value && (keptDeploy !== deploy.select.value || replicas.value === '')) replicas.value = String(replicasOf(deploy.select.value));
    replicas.disabled = deploys.length === 0;
    fill(node.select, (c?.list('Node') ?? []).map((n) => [n.metadata.name ?? '', n.metadata.name ?? '']));
  }
}
