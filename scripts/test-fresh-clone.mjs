// `npm run test:fresh-clone`: the README's two commands in a fresh clone of this repository's
// committed HEAD, with the machine's old Node first on PATH (tests/server/fresh-clone.test.ts).
// Takes minutes (a full npm install and build); `npm test` runs it only when CI is set.
import { npx, run } from './run.mjs';

process.exit(
  await run(npx, ['vitest', 'run', '--config', 'tests/server/vitest.config.ts', 'tests/server/fresh-clone.test.ts', ...process.argv.slice(2)], {
    env: { ...process.env, SLICELAB_FRESH_CLONE: '1' },
  }),
);
