// Every page in the built sitemap loads with 200, logs no console error and requests nothing
// outside its own origin (the course must work in a workshop room with no internet).
import { expect, test } from '@playwright/test';
import { builtPagePaths } from '../support/site-pages';
import { watchPage } from '../support/watch-page';

const paths = builtPagePaths();

test('the sitemap lists the home page and the lessons', () => {
  expect(paths).toContain('/');
  expect(paths.filter((p) => p.startsWith('/lessons/')).length).toBeGreaterThanOrEqual(3);
});

for (const path of paths) {
  test(`page ${path} loads cleanly and stays on its origin`, async ({ page, baseURL }) => {
    const origin = new URL(baseURL!).origin;
    const seen = watchPage(page, origin);
    const response = await page.goto(path, { waitUntil: 'networkidle' });
    expect(response?.status()).toBe(200);
    await expect(page.locator('main')).toBeVisible();
    // Scroll to the end so lazy content (exercises, images) loads too, then let it settle.
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.waitForLoadState('networkidle');
    expect(seen.consoleErrors).toEqual([]);
    expect(seen.foreignRequests).toEqual([]);
  });
}
