// `npm run bundle`'s zip, as a facilitator uses it: unzipped into an empty folder and served with
// the two one-line commands its README gives (python3 -m http.server, and node serve.mjs), each
// on a free loopback port; the site smoke test passes against both. The zip is made from dist/,
// which the e2e runner has just built.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { expect, test } from '@playwright/test';
import { unzipSync } from 'fflate';
import { makeBundle } from '../../scripts/bundle.mjs';
import { freePort, start, stop, waitForHttp, type Served } from '../server/support';
import { smokeExercise, smokeLesson, smokeSearch } from '../support/smoke';

const version = JSON.parse(readFileSync('package.json', 'utf8')).version as string;
const hasPython = (() => {
  try {
    execFileSync('python3', ['--version']);
    return true;
  } catch {
    return false;
  }
})();

let work: string;
let folder: string;
const servers: Record<string, { served: Served; base: string }> = {};

test.describe.configure({ mode: 'default' }); // one worker, one unzipped copy, both servers
test.beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'slicelab-bundle-'));
  const zip = makeBundle({ outDir: work });
  expect(zip).toBe(join(work, `slicelab-site-${version}.zip`));
  for (const [path, data] of Object.entries(unzipSync(readFileSync(zip)))) {
    if (path.endsWith('/')) continue;
    mkdirSync(dirname(join(work, 'unzipped', path)), { recursive: true });
    writeFileSync(join(work, 'unzipped', path), data);
  }
  folder = join(work, 'unzipped', `slicelab-site-${version}`);
  const pythonPort = await freePort();
  const nodePort = await freePort();
  if (hasPython) {
    const served = start('python3', ['-m', 'http.server', String(pythonPort), '--bind', '127.0.0.1', '--directory', 'site'], { cwd: folder });
    servers.python = { served, base: `http://127.0.0.1:${pythonPort}/` };
  }
  // The zip's own server, run by the Node that runs the tests (any Node 18+ does).
  const served = start(process.execPath, ['serve.mjs', '--port', String(nodePort), '--host', '127.0.0.1'], { cwd: folder });
  servers.node = { served, base: `http://127.0.0.1:${nodePort}/` };
  for (const { served, base } of Object.values(servers)) await waitForHttp(base, served);
});
test.afterAll(async () => {
  for (const { served } of Object.values(servers)) await stop(served);
  if (work) rmSync(work, { recursive: true, force: true });
});

test('the zip holds the site, its server and a README with one-line commands for Python and Node', () => {
  const readme = readFileSync(join(folder, 'README.txt'), 'utf8');
  expect(readme).toContain('python3 -m http.server 8000 --directory site');
  expect(readme).toContain('node serve.mjs --port 8000');
  const home = readFileSync(join(folder, 'site', 'index.html'), 'utf8');
  // A plain file server sends no CSP header: the pages carry the strict policy themselves.
  const meta = home.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)"/)![1];
  expect(meta).toMatch(/script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
  expect(meta.split('; ').find((d) => d.startsWith('script-src'))).not.toContain("'unsafe-inline'");
});

for (const server of ['python', 'node'] as const) {
  const how = server === 'python' ? 'python3 -m http.server' : 'node serve.mjs';
  test.describe(`the zip served by ${how}`, () => {
    test.skip(server === 'python' && !hasPython, 'python3 is not installed');
    test('smoke: a lesson page renders', async ({ page }) => smokeLesson(page, servers[server].base));
    test('smoke: search finds a lesson', async ({ page }) => smokeSearch(page, servers[server].base));
    test('smoke: an exercise mounts the editor and shows EndpointSlices', async ({ page }) => smokeExercise(page, servers[server].base));
  });
}
