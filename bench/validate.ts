// validateManifests() timings (called from bench/run.ts):
//   5. a 200-object manifest, as the editor validates it on every keystroke (target: a few ms → < 5 ms);
//   6. hostile input, each answered with an error (target: < 100 ms each): over the 128 MiB input limit,
//      one object over the API server's 3 MiB, a flow sequence of more items than 3 MiB can hold, a
//      billion-laughs alias bomb, nesting 5000 deep, 200 KB of binary junk.
// The inputs mirror src/validate/hostile.test.ts, which checks the answers (no timings asserted there).

import { LIMITS, validateManifests } from '../src/validate';

const RUNS = Number(process.env.BENCH_RUNS ?? 7) * 3;
// The editor validates on every keystroke, so the JIT has long warmed up: measure it warm.
const WARMUP = 10;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** A 200-object manifest: 40 × (Service, Deployment, Pod, headless Service, EndpointSlice). */
export function manifest200(): string {
  const docs: string[] = [];
  for (let i = 0; i < 40; i++) {
    const app = `app${i}`;
    docs.push(`apiVersion: v1
kind: Service
metadata:
  name: ${app}
  namespace: ns${i % 5}
spec:
  selector:
    app: ${app}
  ports:
  - name: http
    port: 80
    targetPort: http`);
    docs.push(`apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${app}
  namespace: ns${i % 5}
spec:
  replicas: 3
  selector:
    matchLabels:
      app: ${app}
  template:
    metadata:
      labels:
        app: ${app}
    spec:
      containers:
      - name: app
        image: nginx:1.27
        ports:
        - name: http
          containerPort: 8080`);
    docs.push(`apiVersion: v1
kind: Pod
metadata:
  name: ${app}-extra
  namespace: ns${i % 5}
  labels:
    app: ${app}
spec:
  containers:
  - name: app
    image: nginx:1.27
    ports:
    - name: http
      containerPort: 8080`);
    docs.push(`apiVersion: v1
kind: Service
metadata:
  name: ext${i}
  namespace: ns${i % 5}
spec:
  ports:
  - name: pg
    port: 5432`);
    docs.push(`apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata:
  name: ext${i}-1
  namespace: ns${i % 5}
  labels:
    kubernetes.io/service-name: ext${i}
    endpointslice.kubernetes.io/managed-by: cluster-admins
addressType: IPv4
ports:
- name: pg
  port: 5432
  protocol: TCP
endpoints:
- addresses:
  - 192.0.2.${i + 1}`);
  }
  return docs.join('\n---\n') + '\n';
}

function bigPod(): string {
  const args = ['x'.repeat(3.2 * 1024 * 1024)];
  return JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'big' }, spec: { containers: [{ name: 'app', image: 'nginx:1.27', args }] } });
}

function aliasBomb(): string {
  let text = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
  let prev = 'a';
  for (const n of 'bcdefghi') {
    text += `${n}: &${n} [${Array(9).fill('*' + prev).join(',')}]\n`;
    prev = n;
  }
  return text;
}

interface Input {
  name: string;
  text: string;
  target: number;
  /** What the answer must contain, so a fast wrong answer does not count. */
  expect(r: ReturnType<typeof validateManifests>): string | undefined;
}

function time(input: Input): boolean {
  const times: number[] = [];
  let problem: string | undefined;
  for (let i = 0; i < WARMUP + RUNS; i++) {
    const t0 = performance.now();
    const r = validateManifests(input.text);
    const t1 = performance.now();
    if (i >= WARMUP) times.push(t1 - t0);
    problem ??= input.expect(r);
  }
  const m = median(times);
  const ok = m < input.target && !problem;
  console.log(
    `  ${input.name}: median ${m.toFixed(3)} ms (target < ${input.target} ms) ${ok ? 'met' : 'MISSED'}` +
      (problem ? `\n    FAILED: ${problem}` : ''),
  );
  return ok;
}

const refused = (code: string) => (r: ReturnType<typeof validateManifests>) =>
  r.errors.some((e) => e.code === code) ? undefined : `expected an error with code "${code}", got ${JSON.stringify(r.errors.map((e) => e.code))}`;

/** Prints the validateManifests() timings; returns false when a target is missed. */
export function benchValidate(): boolean {
  const text = manifest200();
  console.log(`5. validateManifests() on a 200-object manifest (${(text.length / 1024).toFixed(0)} KB), warm`);
  const okManifest = time({
    name: '200 objects',
    text,
    target: 5,
    expect: (r) => (r.objects.length === 200 && r.errors.length === 0 ? undefined : `expected 200 objects and no errors, got ${r.objects.length} objects, ${r.errors.length} errors`),
  });
  console.log('6. validateManifests() on hostile input');
  const junk = Array.from({ length: 200_000 }, (_, i) => String.fromCharCode((i * 7919) % 256)).join('');
  const hostile: Input[] = [
    { name: 'over 128 MiB', text: 'x'.repeat(LIMITS.maxBytes + 1), target: 100, expect: refused('limit') },
    { name: 'one 3.2 MiB object', text: bigPod(), target: 100, expect: refused('too-large') },
    {
      name: `flow sequence of ${LIMITS.maxDocumentItems + 1} items (3 MB)`,
      text: 'a: [' + '1,'.repeat(LIMITS.maxDocumentItems) + '1]\n',
      target: 100,
      expect: refused('limit'),
    },
    { name: 'billion-laughs alias bomb', text: aliasBomb(), target: 100, expect: refused('limit') },
    { name: 'nesting 5000 deep', text: 'a: ' + '['.repeat(5000) + ']'.repeat(5000) + '\n', target: 100, expect: refused('limit') },
    { name: 'binary junk, 200 KB', text: junk, target: 100, expect: (r) => (r.errors.length > 0 ? undefined : 'expected an error') },
  ];
  let ok = okManifest;
  for (const h of hostile) ok = time(h) && ok;
  return ok;
}
