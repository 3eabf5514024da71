// `npm run test:server`: the workshop server's load test and its other tests that need the built
// site (tests/server/), after building it when stale. Extra arguments go to Vitest.
import { siteNeedsBuild } from './freshness.mjs';
import { npm, npx, run } from './run.mjs';

if (siteNeedsBuild()) {
  const code = await run(npm, ['run', 'build']);
  if (code !== 0) process.exit(code);
}
process.exit(await run(npx, ['vitest', 'run', '--config', 'tests/server/vitest.config.ts', ...process.argv.slice(2)]));
