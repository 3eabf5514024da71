// `npm run test:e2e`: Playwright in an installed Chromium against the built site.
// Fails with one clear sentence when no Chromium is installed; builds the site first when stale.
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
process.exit(await run(npx, ['playwright', 'test', ...process.argv.slice(2)]));
