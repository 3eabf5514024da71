// `npm run test:e2e`: Playwright in an installed Chromium against the built site.
// Fails with one clear sentence when no Chromium is installed; builds the site first when stale.
import { createServer } from 'node:net';
import { findChromium, INSTALL_HINT } from '../tests/support/chromium.mjs';
import { siteNeedsBuild } from './freshness.mjs';
import { npm, npx, run } from './run.mjs';

if (!(await findChromium())) {
  console.error(INSTALL_HINT);
  process.exit(1);
}
if (siteNeedsBuild()) {
  const code = await run(npm, ['run', 'build']);
  if (code !== 0) process.exit(code);
}
// A free port for the e2e server unless one is given, so a server left running elsewhere (or a
// second test run) never collides with this one.
const port = process.env.E2E_PORT ?? (await freePort());
process.exit(await run(npx, ['playwright', 'test', ...process.argv.slice(2)], { env: { ...process.env, E2E_PORT: String(port) } }));

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}
