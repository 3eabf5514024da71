import { defineConfig } from 'vitest/config';

// Tests of the workshop server and the zip against the built site (dist/), run by
// `npm run test:server` after the site is built. The fresh-clone test (minutes: a full npm install
// and build) only runs through `npm run test:fresh-clone`, which sets SLICELAB_FRESH_CLONE=1.
export default defineConfig({
  test: {
    root: '.',
    include: ['tests/server/**/*.test.ts'],
    exclude: process.env.SLICELAB_FRESH_CLONE ? [] : ['tests/server/fresh-clone.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false, // the load test measures time: nothing else of ours runs beside it
  },
});
