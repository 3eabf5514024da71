// A room of 40 participants opening the course at once, against `npm start`'s server on a free
// loopback port: each client loads a lesson page and an exercise page with every asset they
// reference (for the exercise, the editor chunk with Monaco, its workers and font), six requests at
// a time like a browser, asking for compressed responses. Every response must be 200, and no
// client's page (HTML plus all its assets) may take 2 s or more. Bounded: 40 clients, two pages
// each, loopback only; the server is stopped at the end.
import { Agent, request } from 'node:http';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { pageAssets } from './page-assets';
import { start, stop, waitForOutput, type Served } from './support';

const CLIENTS = 40;
const PARALLEL_PER_CLIENT = 6;
const LIMIT_MS = 2_000;
const LESSON = '/lessons/troubleshooting/';
const EXERCISE = '/lessons/endpoints/';

let served: Served;
let origin: string;

beforeAll(async () => {
  served = start(process.execPath, ['scripts/serve.mjs', 'dist', '--port', '0', '--host', '127.0.0.1']);
  const [, port] = await waitForOutput(served, /localhost:(\d+)\//);
  origin = `http://127.0.0.1:${port}`;
});
afterAll(async () => {
  if (served) await stop(served);
});

interface Result {
  status: number;
  path: string;
  bytes: number;
  complete: boolean;
}

/** A GET on the client's own connections; the body is read whole but left compressed (the browser's
 * CPU, not this test's, decompresses it: 40 clients decoding 7 MB each would measure this process). */
function get(agent: Agent, path: string): Promise<Result> {
  return new Promise((resolve, reject) => {
    const req = request(origin + path, { agent, headers: { 'accept-encoding': 'br, gzip' } }, (res) => {
      let bytes = 0;
      res.on('data', (chunk: Buffer) => (bytes += chunk.length));
      res.on('end', () => resolve({ status: res.statusCode!, path, bytes, complete: bytes === Number(res.headers['content-length']) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

async function fetchAll(agent: Agent, paths: string[]): Promise<Result[]> {
  const results: Result[] = [];
  const queue = [...paths];
  const lane = async () => {
    for (let path = queue.shift(); path; path = queue.shift()) results.push(await get(agent, path));
  };
  await Promise.all(Array.from({ length: PARALLEL_PER_CLIENT }, lane));
  return results;
}

/** One participant: the page first, then its assets, as a browser does, on connections of its own. */
async function loadPage(agent: Agent, assets: string[]) {
  const started = performance.now();
  const [page, ...rest] = assets;
  const results = [...(await fetchAll(agent, [page])), ...(await fetchAll(agent, rest))];
  return { ms: performance.now() - started, results };
}

const browser = () => new Agent({ keepAlive: true, maxSockets: PARALLEL_PER_CLIENT });

test(`${CLIENTS} participants load a lesson and an exercise with its editor at once: all 200, each page under ${LIMIT_MS} ms`, async () => {
  const lesson = pageAssets('dist', LESSON);
  const exercise = pageAssets('dist', EXERCISE, { onDemand: true });
  // The lists really hold the editor: Monaco's chunk and both workers.
  expect(exercise.some((p) => /\/island\.[\w-]+\.js$/.test(p))).toBe(true);
  expect(exercise.filter((p) => /\.worker-[\w-]+\.js$/.test(p))).toHaveLength(2);
  expect(lesson.some((p) => p.endsWith('.css'))).toBe(true);

  // The facilitator opened the course once after `npm start` (the server compresses each file once).
  const facilitator = browser();
  await loadPage(facilitator, lesson);
  await loadPage(facilitator, exercise);
  facilitator.destroy();

  const clients = await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      const agent = browser();
      const pages = [await loadPage(agent, lesson), await loadPage(agent, exercise)];
      agent.destroy();
      return pages;
    }),
  );
  const loads = clients.flat();
  const failed = loads.flatMap((l) => l.results).filter((r) => r.status !== 200 || !r.complete);
  const slowest = Math.max(...loads.map((l) => l.ms));
  const megabytes = loads.flatMap((l) => l.results).reduce((n, r) => n + r.bytes, 0) / 1024 / 1024;
  console.log(
    `load test: ${CLIENTS} clients x (lesson: ${lesson.length} files, exercise: ${exercise.length} files), ` +
      `${loads.flatMap((l) => l.results).length} requests, ${megabytes.toFixed(0)} MB sent compressed; slowest page load ${slowest.toFixed(0)} ms`,
  );
  expect(failed).toEqual([]);
  expect(loads).toHaveLength(CLIENTS * 2);
  expect(slowest).toBeLessThan(LIMIT_MS);
});
