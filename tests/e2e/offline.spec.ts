// Offline after the first visit: the learner opens the home page once, then the network goes away
// (the browser offline, or the facilitator's laptop gone: the server stopped). Reloading, lessons
// never visited, an exercise with its editor and simulator, and search must all still work, served
// by the service worker's precache, with no request failing.
import { readFileSync, readdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { exerciseById, openExercise, pasteText } from '../support/exercise-page';
import { siteContext, waitForServiceWorker } from '../support/offline';
import { startStaticServer } from '../support/static-server';

test.describe.configure({ mode: 'serial' }); // each test precaches the whole site: one at a time

const ex = exerciseById('fix-selector');

test('the precache holds every page, script, worker, stylesheet, font and search file of the build', () => {
  const precached = new Set([...readFileSync('dist/sw.js', 'utf8').matchAll(/\{url:"([^"]+)"/g)].map((m) => m[1]));
  const built = (readdirSync('dist', { recursive: true }) as string[]).filter((f) => /\.(html|js|css|ttf|woff2?|pagefind|pf_\w+|json|webmanifest|svg)$/.test(f));
  // Left out on purpose: the worker itself, and Pagefind's stand-alone UI bundles Starlight never loads.
  const expected = built.filter((f) => !/^(sw\.js|workbox-[\w-]+\.js|pagefind\/pagefind-(ui|component-ui|modular-ui|highlight)\.\w+)$/.test(f));
  expect(expected.filter((f) => !precached.has(f))).toEqual([]);
  for (const needed of [/^_astro\/editor\.worker-.*\.js$/, /^_astro\/yaml\.worker-.*\.js$/, /^_astro\/island\..*\.js$/, /\.ttf$/, /^pagefind\/.*\.pf_index$/, /^pagefind\/wasm\.en\.pagefind$/, /^lessons\/services\/index\.html$/, /^progress\/index\.html$/])
    expect([...precached].some((url) => needed.test(url)), String(needed)).toBe(true);
});

test('the site is installable: Chromium finds nothing wrong with its web app manifest and icon', async ({ browser }) => {
  const server = await startStaticServer('dist');
  const context = await siteContext(browser, server.url);
  try {
    const page = await context.newPage();
    await page.goto('/');
    await waitForServiceWorker(page);
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    // Playwright's contexts are incognito, which Chromium reports beside any real problem.
    expect(installabilityErrors.map((e) => e.errorId).filter((id) => id !== 'in-incognito')).toEqual([]);
    const { url } = await cdp.send('Page.getAppManifest');
    expect(url).toBe(`${server.url}/manifest.webmanifest`);
  } finally {
    await context.close();
    await server.close();
  }
});

async function firstVisit(page: Page) {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'SliceLab' })).toBeVisible();
  expect(await waitForServiceWorker(page)).toMatch(/\/sw\.js$/);
}

async function useTheCourseOffline(page: Page) {
  const failed: string[] = [];
  page.on('requestfailed', (r) => {
    // ERR_ABORTED is a load the page itself cancelled by navigating on (the editor bundle of a page
    // left while it loads), not a missing network; offline misses are ERR_INTERNET_DISCONNECTED,
    // ERR_CONNECTION_REFUSED or ERR_FAILED.
    if (r.failure()?.errorText !== 'net::ERR_ABORTED') failed.push(`${r.url()} ${r.failure()?.errorText}`);
  });

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'SliceLab' })).toBeVisible();

  // Lessons this browser never opened, reached by their links.
  await page.locator('.learning-path').getByRole('link', { name: 'The Endpoints object' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'The Endpoints object' })).toBeVisible();
  await page.getByRole('link', { name: /Next.*EndpointSlices/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'EndpointSlices' })).toBeVisible();
  await expect(page.locator('main pre').first()).toContainText('kind: EndpointSlice');

  // An exercise: Monaco and its workers start, the simulator writes the EndpointSlice.
  const mount = await openExercise(page, ex);
  await pasteText(page, mount, ex.solution);
  await mount.getByRole('tab', { name: 'EndpointSlices' }).click();
  await expect(mount.getByRole('tabpanel', { name: 'EndpointSlices' })).toContainText(/example-service-[a-z0-9]{5}/);
  await mount.getByRole('button', { name: 'Check', exact: true }).click();
  await expect(mount.getByRole('status').filter({ hasText: 'checks pass' })).toHaveText(`All ${ex.checks.length} checks pass. Exercise done!`);

  // Search: Pagefind's WebAssembly and index come from the precache; a result opens its page.
  await page.getByRole('button', { name: 'Search' }).click();
  await page.locator('dialog .pagefind-ui__search-input').fill('selectorless');
  const result = page.locator('dialog .pagefind-ui__result-link').first();
  await expect(result).toBeVisible({ timeout: 15_000 });
  await result.click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page).toHaveURL(/\/lessons\//);

  // A page that is not part of the site gets the site's own 404 page, not the browser's error.
  await page.goto('/lessons/no-such-lesson/');
  await expect(page.getByRole('heading', { level: 1, name: '404' })).toBeVisible();

  expect(failed.filter((f) => !f.includes('/lessons/no-such-lesson/'))).toEqual([]);
}

test('with the browser offline, the whole course works after one visit', async ({ browser }) => {
  const server = await startStaticServer('dist');
  const context = await siteContext(browser, server.url);
  try {
    const page = await context.newPage();
    await firstVisit(page);
    await context.setOffline(true);
    await useTheCourseOffline(page);
  } finally {
    await context.close();
    await server.close();
  }
});

test('with the server stopped, the whole course works after one visit', async ({ browser }) => {
  const server = await startStaticServer('dist');
  const context = await siteContext(browser, server.url);
  try {
    const page = await context.newPage();
    await firstVisit(page);
    await server.close();
    // Really gone: a request that skips the service worker finds nothing listening.
    await expect(page.request.get(`${server.url}/`)).rejects.toThrow(/ECONNREFUSED/);
    await useTheCourseOffline(page);
  } finally {
    await context.close();
    await server.close().catch(() => {});
  }
});
