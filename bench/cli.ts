// The command line as a learner runs it, whole processes (called from bench/run.ts):
//   7. startup: `slicelab simulate -o json` on the 5-object CLI fixture (target < 150 ms), next to a bare
//      `node -e 0` and to `npx slicelab --help` (npx adds npm's own start-up, which slicelab cannot change);
//   8. `slicelab simulate -o json` on 10,000 pods against the floor for the same file (bench/parse-floor.mjs:
//      js-yaml + JSON.stringify and nothing else), run alternately in the same loop: target ratio ≤ 1.5;
//   9. in one process, where slicelab's time goes on that file: validateManifests() (against js-yaml's
//      loadAll(): validation, source positions included, must not dominate the parse), simulate(),
//      diagnose() and the JSON output (no target; the ratio and the shares are printed).
// Inputs are generated into a temp dir and removed afterwards. Wall-clock medians; the minimum is printed
// too, because the machine may be shared.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadAll } from 'js-yaml';
import { diagnose } from '../src/diagnose';
import { simulate } from '../src/sim';
import { sortKeysDeep } from '../src/sim/cluster';
import type { KObject } from '../src/sim/types';
import { validateManifests } from '../src/validate';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const root = resolve(import.meta.dirname, '..');
const BIN = join(root, 'bin/slicelab.mjs');
const FLOOR = join(root, 'bench/parse-floor.mjs');

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** 10,000 Pods and the Service that selects them, as a learner would write them (no status: the simulator schedules). */
export function tenThousandPods(): string {
  const docs = [
    'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n  - name: http\n    port: 80\n    targetPort: http',
  ];
  for (let i = 0; i < 10_000; i++) {
    docs.push(`apiVersion: v1
kind: Pod
metadata:
  name: web-${String(i).padStart(5, '0')}
  labels:
    app: web
spec:
  containers:
  - name: app
    image: registry.k8s.io/e2e-test-images/agnhost:2.53
    ports:
    - name: http
      containerPort: 8080`);
  }
  return docs.join('\n---\n') + '\n';
}

/** Wall time of one process, output discarded; throws on a non-zero exit. */
function timeProcess(args: string[]): number {
  const t0 = performance.now();
  const r = spawnSync(args[0], args.slice(1), { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
  const t = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return t;
}

function stdoutOf(args: string[]): string {
  const r = spawnSync(args[0], args.slice(1), { cwd: root, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return r.stdout;
}

const fmt = (xs: number[]) => `median ${median(xs).toFixed(1)} ms (min ${Math.min(...xs).toFixed(1)})`;

function startup(): boolean {
  const node = process.execPath;
  const fixture = 'tests/fixtures/simulate-shop-api.yaml';
  stdoutOf([node, BIN, '--help']); // builds the CLI if a source changed, and fills the compile cache
  const times = { bare: [] as number[], slicelab: [] as number[], npx: [] as number[] };
  for (let i = 0; i < RUNS; i++) {
    times.bare.push(timeProcess([node, '-e', '0']));
    times.slicelab.push(timeProcess([node, BIN, 'simulate', '-o', 'json', fixture]));
  }
  for (let i = 0; i < Math.min(RUNS, 3); i++) times.npx.push(timeProcess(['npx', 'slicelab', '--help']));
  const m = median(times.slicelab);
  const ok = m < 150;
  console.log(`7. startup: slicelab simulate -o json on the 5-object fixture\n  ${fmt(times.slicelab)} (target < 150 ms) ${ok ? 'met' : 'MISSED'}` +
    `\n  for reference: node -e 0 ${fmt(times.bare)}; npx slicelab --help ${fmt(times.npx)} (npm's own start-up included)`);
  return ok;
}

function wholeProcess(file: string, text: string): boolean {
  const node = process.execPath;
  // correct answers first, so a fast wrong one does not count
  const out = JSON.parse(stdoutOf([node, BIN, 'simulate', '-o', 'json', file]));
  const floorOut = JSON.parse(stdoutOf([node, FLOOR, file]));
  let failure: string | undefined;
  if (out.endpointSlices.length !== 100 || out.endpoints[0]?.subsets?.[0]?.addresses?.length !== 1000) failure = 'expected 100 EndpointSlices and 1,000 Endpoints addresses';
  if (floorOut.length !== 10_001) failure = `the floor read ${floorOut.length} documents, expected 10,001`;
  const slicelab: number[] = [];
  const floor: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    floor.push(timeProcess([node, FLOOR, file]));
    slicelab.push(timeProcess([node, BIN, 'simulate', '-o', 'json', file]));
  }
  const ratio = median(slicelab) / median(floor);
  const ok = ratio <= 1.5 && !failure;
  console.log(
    `8. slicelab simulate -o json on 10,000 pods (${(text.length / 1024 / 1024).toFixed(1)} MiB) against the parse floor, ${RUNS} runs each, alternating` +
      `\n  slicelab ${fmt(slicelab)}; floor (js-yaml + JSON) ${fmt(floor)}` +
      `\n  ratio ${ratio.toFixed(2)} (min/min ${(Math.min(...slicelab) / Math.min(...floor)).toFixed(2)}) (target ≤ 1.5) ${ok ? 'met' : 'MISSED'}` +
      (failure ? `\n  FAILED: ${failure}` : ''),
  );
  return ok;
}

function phases(text: string): void {
  const t = { load: [] as number[], validate: [] as number[], simulate: [] as number[], diagnose: [] as number[], output: [] as number[] };
  const timed = <T>(into: number[], f: () => T): T => {
    const t0 = performance.now();
    const r = f();
    into.push(performance.now() - t0);
    return r;
  };
  for (let i = 0; i < Math.max(3, Math.ceil(RUNS / 2)); i++) {
    timed(t.load, () => loadAll(text));
    const r = timed(t.validate, () => validateManifests(text));
    if (r.objects.length !== 10_001) throw new Error(`validateManifests kept ${r.objects.length} objects`);
    const objects: KObject[] = r.objects.map((o) => o.object);
    const state = timed(t.simulate, () => simulate(objects));
    const diagnostics = timed(t.diagnose, () => diagnose({ objects, state }));
    timed(t.output, () => JSON.stringify({ endpointSlices: state.endpointSlices.map(sortKeysDeep), endpoints: state.endpoints.map(sortKeysDeep), diagnostics }, null, 4));
  }
  const m = (xs: number[]) => median(xs);
  const total = m(t.validate) + m(t.simulate) + m(t.diagnose) + m(t.output);
  const share = (xs: number[]) => `${m(xs).toFixed(0)} ms (${((100 * m(xs)) / total).toFixed(0)}%)`;
  console.log(
    `9. in one process, where slicelab's time goes on the 10,000-pod file (medians)` +
      `\n  validateManifests() ${share(t.validate)}, simulate() ${share(t.simulate)}, diagnose() ${share(t.diagnose)}, JSON output ${share(t.output)}` +
      `\n  validation against js-yaml loadAll() (${m(t.load).toFixed(0)} ms): ratio ${(m(t.validate) / m(t.load)).toFixed(2)} (positions are built only where an error or hint points)`,
  );
}

/** Prints the command-line timings; returns false when a target is missed. */
export function benchCli(): boolean {
  const dir = mkdtempSync(join(tmpdir(), 'slicelab-bench-'));
  try {
    const text = tenThousandPods();
    const file = join(dir, 'pods-10000.yaml');
    writeFileSync(file, text);
    const okStartup = startup();
    const okWhole = wholeProcess(file, readFileSync(file, 'utf8'));
    phases(text);
    return okStartup && okWhole;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
