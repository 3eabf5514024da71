// The README's two commands, as a new user runs them: a fresh clone of this repository's committed
// HEAD, with the machine's own old Node (older than Astro needs) first on PATH and no project Node
// anywhere on it. `npm install && npm start` must install, build and serve a page over HTTP, then
// stop on Ctrl-C. Running all of `npm test` there would recurse into this test, so the second test
// proves less, and says so: `npm test` starts under the project's Node 24 (its dry run).
// Minutes long; run by `npm run test:fresh-clone`, and by `npm test` when CI is set.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { freePort, start, stop, waitForHttp, waitForOutput } from './support';

const MINUTES = 60_000;
// The machine's Node: the first one in the system folders (Debian 13 ships Node 20).
const OLD_NODE_DIRS = ['/usr/bin', '/bin', '/usr/local/bin'].filter((d) => existsSync(join(d, 'node')));
// Everything else of PATH except folders holding another Node (a .tools/node, nvm, node_modules/.bin).
const rest = (process.env.PATH ?? '')
  .split(delimiter)
  .filter((dir) => dir && !OLD_NODE_DIRS.includes(dir) && !existsSync(join(dir, 'node')));
const PATH = [...OLD_NODE_DIRS, ...rest].join(delimiter);
const env: NodeJS.ProcessEnv = { ...process.env, PATH, CI: '', npm_config_yes: 'true' };
for (const key of Object.keys(env)) if (key.startsWith('npm_') && key !== 'npm_config_yes' && key !== 'npm_config_cache') delete env[key];

let clone: string;
const oldNode = OLD_NODE_DIRS.length ? execFileSync('node', ['--version'], { env, encoding: 'utf8' }).trim() : undefined;
const isOld = oldNode ? Number(oldNode.slice(1).split('.')[0]) < 22 : false;

beforeAll(() => {
  clone = mkdtempSync(join(tmpdir(), 'slicelab-fresh-clone-'));
  execFileSync('git', ['clone', '--quiet', '--no-hardlinks', process.cwd(), clone], { stdio: 'inherit' });
});
afterAll(() => {
  if (clone) rmSync(clone, { recursive: true, force: true });
});

describe.skipIf(!isOld)(`a fresh clone with the machine's Node ${oldNode ?? '(none)'} first on PATH`, () => {
  test('`npm install` installs under the old Node and brings the project its own Node 24', { timeout: 10 * MINUTES }, () => {
    const install = spawnSync('npm', ['install', '--no-audit', '--no-fund'], { cwd: clone, env, encoding: 'utf8', timeout: 10 * MINUTES });
    const output = `${install.stdout}\n${install.stderr}`;
    expect(install.status, output).toBe(0);
    expect(output).toMatch(/SliceLab: npm scripts run under Node v24\.\d+\.\d+ from node_modules\/\.bin/);
    expect(output).toContain(`this machine's node is ${oldNode}`);
    expect(execFileSync(join(clone, 'node_modules', '.bin', 'node'), ['--version'], { encoding: 'utf8' })).toMatch(/^v24\./);
  });

  test('`npm start` builds the site, serves a page over HTTP, and stops on Ctrl-C', { timeout: 10 * MINUTES }, async () => {
    const port = await freePort();
    const served = start('npm', ['start', '--', '--port', String(port)], { cwd: clone, env });
    try {
      await waitForHttp(`http://127.0.0.1:${port}/lessons/endpoints/`, served, 8 * MINUTES);
      const page = await fetch(`http://127.0.0.1:${port}/lessons/endpoints/`);
      expect(await page.text()).toContain('data-exercise-id="create-example-service"');
      expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
      await waitForOutput(served, /Press Ctrl-C to stop/);
      expect(served.output()).toMatch(/^Node v24\.\d+\.\d+ from node_modules\/\.bin/m);
      expect(served.output()).toContain(`http://localhost:${port}/`);
    } finally {
      // Ctrl-C in a terminal signals the whole foreground process group: npm and the server.
      await stop(served, 'SIGINT');
    }
    expect(served.output()).toContain('Stopping the server...'); // our handler closed it: not a kill
    await expect(fetch(`http://127.0.0.1:${port}/`)).rejects.toThrow();
  });

  test('`npm test` starts under the project Node 24 (dry run only: the full run would recurse into this test)', { timeout: 2 * MINUTES }, () => {
    const dry = spawnSync('npm', ['test', '--', '--dry-run'], { cwd: clone, env, encoding: 'utf8', timeout: 2 * MINUTES });
    expect(dry.status, dry.stdout + dry.stderr).toBe(0);
    expect(dry.stdout).toMatch(/^Node v24\.\d+\.\d+ from node_modules\/\.bin/m);
    expect(dry.stdout).toContain('npm test would run: type check, unit tests, end-to-end tests, server tests');
  });
});
