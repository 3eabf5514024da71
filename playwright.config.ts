import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './tests/support/chromium.mjs';

const PORT = Number(process.env.E2E_PORT ?? 4399);

// The built site (dist/) served by scripts/serve.mjs, exactly what `npm start` serves (its CSP header included).
// With SMOKE_BASE_URL set (tests/e2e/smoke.spec.ts against a site served elsewhere) no server is started.
export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  timeout: 60_000,
  reporter: [['list'], ['json', { outputFile: 'reports/e2e.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    launchOptions: { executablePath: await findChromium(), args: CHROMIUM_ARGS },
    trace: 'retain-on-failure',
    // The offline specs allow the service worker in their own contexts; elsewhere it would precache
    // the whole site in every test and answer requests that specs intercept with page.route.
    serviceWorkers: 'block',
  },
  webServer: process.env.SMOKE_BASE_URL ? undefined : {
    command: `node scripts/serve.mjs dist --host 127.0.0.1 --port ${PORT}`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
