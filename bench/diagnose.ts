// diagnose() on a 200-object manifest, as the editor runs it on every keystroke (target: < 5 ms).
// The manifest mixes healthy and broken objects so every check does real work: Services with and
// without selectors, Deployments (some with label or port slips), bare pods, hand-made slices.
// The simulation is set up once (not timed); only diagnose() is measured.

import { simulate } from '../src/sim';
import type { KObject } from '../src/sim';
import { diagnose } from '../src/diagnose';

const RUNS = Number(process.env.BENCH_RUNS ?? 7) * 5;
// The editor calls diagnose() on every keystroke, so the JIT has long warmed up: measure it warm.
const WARMUP = 30;

function manifest(): KObject[] {
  const objs: KObject[] = [];
  for (let i = 0; i < 40; i++) {
    const app = `app${i}`;
    // every 4th Deployment has a case slip in its label, every 5th Service a wrong named port
    const label = i % 4 === 1 ? app.toUpperCase() : app;
    objs.push({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: app, namespace: `ns${i % 5}` },
      spec: { selector: { app }, ports: [{ name: 'http', port: 80, targetPort: i % 5 === 2 ? 'web' : 'http' }] },
    });
    objs.push({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: app, namespace: `ns${i % 5}` },
      spec: {
        replicas: 3,
        selector: { matchLabels: { app: label } },
        template: {
          metadata: { labels: { app: label } },
          spec: { containers: [{ name: 'app', image: 'nginx:1.27', ports: [{ name: 'http', containerPort: 8080 }] }] },
        },
      },
    });
    objs.push({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: `${app}-extra`, namespace: `ns${i % 5}`, labels: { app: i % 3 === 0 ? app.toUpperCase() : app } },
      spec: { containers: [{ name: 'app', image: 'nginx:1.27', ports: [{ name: 'http', containerPort: 8080 }] }] },
    });
  }
  for (let i = 0; i < 40; i++) {
    const name = `ext${i}`;
    objs.push({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name, namespace: `ns${i % 5}` },
      spec: { ports: [{ name: 'pg', port: 5432 }] },
    });
    objs.push({
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: {
        name: `${name}-1`,
        namespace: `ns${i % 5}`,
        labels: { 'kubernetes.io/service-name': i % 6 === 0 ? `ext${i}x` : name, 'endpointslice.kubernetes.io/managed-by': 'cluster-admins' },
      },
      addressType: 'IPv4',
      ports: [{ name: i % 7 === 0 ? '' : 'pg', port: 5432, protocol: 'TCP' }],
      endpoints: [{ addresses: [`192.0.2.${i + 1}`] }],
    });
  }
  return objs;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** Prints the median diagnose() time; returns false when it misses the 5 ms target. */
export function benchDiagnose(): boolean {
  const objects = manifest();
  const state = simulate(objects);
  const times: number[] = [];
  let count = 0;
  for (let i = 0; i < WARMUP + RUNS; i++) {
    const t0 = performance.now();
    count = diagnose({ objects, state }).length;
    const t1 = performance.now();
    if (i >= WARMUP) times.push(t1 - t0);
  }
  const m = median(times);
  const target = 5;
  console.log(
    `4. diagnose() on a ${objects.length}-object manifest (${state.pods.length} pods, ${state.endpointSlices.length} slices)\n` +
      `  median ${m.toFixed(3)} ms over ${RUNS} runs (target < ${target} ms) ${m < target ? 'met' : 'MISSED'}\n  diagnostics: ${count}`,
  );
  return m < target;
}
