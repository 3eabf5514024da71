// The site smoke test, against any server of the built site (ours, the zip under python3 -m
// http.server, a service worker with the server gone): a lesson renders, search finds a lesson,
// an exercise mounts the editor and shows the EndpointSlices the simulator makes, and nothing
// breaks the CSP, logs an error or leaves the site's origin.
import { expect, type Page } from '@playwright/test';
import { watchPage } from './watch-page';
import { editorOf, exerciseById, pasteText } from './exercise-page';

const ex = exerciseById('create-example-service');

/** Call before the first goto: records CSP violations in the page. */
export async function recordCspViolations(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { cspViolations: string[] };
    w.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
}

const cspViolations = (page: Page) => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);

export async function smokeLesson(page: Page, base: string) {
  const seen = watchPage(page, new URL(base).origin);
  await recordCspViolations(page);
  await page.goto(new URL('/lessons/endpointslices/', base).href);
  await expect(page.getByRole('heading', { level: 1, name: 'EndpointSlices' })).toBeVisible();
  await expect(page.locator('main pre').first()).toContainText('kind: EndpointSlice');
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Services' }).first()).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(await cspViolations(page)).toEqual([]);
  expect(seen.consoleErrors).toEqual([]);
  expect(seen.foreignRequests).toEqual([]);
}

export async function smokeSearch(page: Page, base: string) {
  const seen = watchPage(page, new URL(base).origin);
  await recordCspViolations(page);
  await page.goto(new URL('/', base).href);
  await page.locator('site-search button[data-open-modal]').first().click();
  const dialog = page.getByRole('dialog', { name: 'Search' });
  await dialog.getByRole('textbox', { name: 'Search' }).fill('selectorless');
  // The lesson is among the results (the glossary, which defines the term, may rank first).
  const result = dialog.locator('.pagefind-ui__result-link[href*="/lessons/selectorless-services/"]').first();
  await expect(result).toBeVisible({ timeout: 15_000 });
  expect(await cspViolations(page)).toEqual([]);
  expect(seen.consoleErrors).toEqual([]);
  expect(seen.foreignRequests).toEqual([]);
}

export async function smokeExercise(page: Page, base: string) {
  const seen = watchPage(page, new URL(base).origin);
  await recordCspViolations(page);
  await page.goto(new URL(`/lessons/${ex.lesson}/`, base).href);
  const mount = page.locator(`.exercise-mount[data-exercise-id="${ex.id}"]`);
  await mount.scrollIntoViewIfNeeded();
  await expect(mount).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
  await expect(editorOf(mount).locator('.view-lines')).toContainText('example-service');
  await pasteText(page, mount, ex.solution);
  await mount.getByRole('tab', { name: 'EndpointSlices' }).click();
  const slices = mount.getByRole('tabpanel', { name: 'EndpointSlices' });
  await expect(slices).toContainText('kubectl get endpointslices');
  await expect(slices).toContainText(/example-service-[a-z0-9]{5}\s+IPv4\s+9376/);
  expect(await cspViolations(page)).toEqual([]);
  expect(seen.consoleErrors).toEqual([]);
  expect(seen.foreignRequests).toEqual([]);
}
