// The site smoke test. SMOKE_BASE_URL runs it against any server of the built site, e.g.
//   SMOKE_BASE_URL=http://127.0.0.1:8000 npx playwright test tests/e2e/smoke.spec.ts
// (the config then starts no server of its own). Without it: the e2e server.
import { test } from '@playwright/test';
import { smokeExercise, smokeLesson, smokeSearch } from '../support/smoke';

const baseOf = (configured: string | undefined) => process.env.SMOKE_BASE_URL ?? configured!;

test('smoke: a lesson page renders', async ({ page, baseURL }) => smokeLesson(page, baseOf(baseURL)));
test('smoke: search finds a lesson', async ({ page, baseURL }) => smokeSearch(page, baseOf(baseURL)));
test('smoke: an exercise mounts the editor and shows EndpointSlices', async ({ page, baseURL }) =>
  smokeExercise(page, baseOf(baseURL)));
