// A deployed update: the learner works with version 1, the facilitator serves version 2 on the same
// origin. The new service worker waits (the page keeps running version 1, never a mix), a "new
// version" notice offers Reload, and after it the page (and every other open tab) runs version 2
// with the learner's text and progress intact and version 1's precache entries gone.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { writeServiceWorker } from '../../src/integrations/service-worker.mjs';
import { editorText, exerciseById, openExercise, pasteText } from '../support/exercise-page';
import { siteContext, waitForServiceWorker } from '../support/offline';
import { startStaticServer } from '../support/static-server';

const ex = exerciseById('fix-selector');
const LESSON = `/lessons/${ex.lesson}/`;
const MARKER = 'This is version 2 of the course.';
let root: string;

test.beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'slicelab-update-'));
  cpSync('dist', join(root, 'v1'), { recursive: true });
  // Version 2: the built site with one lesson changed, and its service worker regenerated, as a
  // rebuild would (the precache manifest's revision of that page changes).
  cpSync('dist', join(root, 'v2'), { recursive: true });
  const page = join(root, 'v2', 'lessons', ex.lesson, 'index.html');
  const html = readFileSync(page, 'utf8');
  expect(html).toContain('</h1>');
  writeFileSync(page, html.replace('</h1>', `</h1><p id="version-marker">${MARKER}</p>`));
  await writeServiceWorker(join(root, 'v2'));
  expect(readFileSync(join(root, 'v2', 'sw.js'), 'utf8')).not.toEqual(readFileSync(join(root, 'v1', 'sw.js'), 'utf8'));
});

test.afterAll(() => rmSync(root, { recursive: true, force: true }));

test('an update waits for Reload, then replaces the old version without losing the learner’s work', async ({ browser }) => {
  const server = await startStaticServer(join(root, 'v1'));
  const context = await siteContext(browser, server.url);
  try {
    const page = await context.newPage();
    await page.goto(LESSON);
    const firstWorker = await waitForServiceWorker(page);

    // The learner's work in version 1: a lesson marked done and their own text in the editor.
    await page.getByRole('button', { name: 'Mark lesson as complete' }).click();
    const mount = await openExercise(page, ex);
    const mine = `${ex.solution.trimEnd()}\n# my own note before the update\n`;
    await pasteText(page, mount, mine);
    await expect.poll(() => page.evaluate((k) => localStorage.getItem(k) ?? '', `slicelab:exercise:v1:${ex.id}`)).toContain('my own note');

    // A second tab on the same lesson, as a learner with two tabs open has.
    const otherTab = await context.newPage();
    await otherTab.goto(LESSON);
    await waitForServiceWorker(otherTab);

    // Version 2 is deployed. The next visit finds it; it installs and waits.
    server.serve(join(root, 'v2'));
    await page.reload();
    const notice = page.getByRole('status').filter({ hasText: 'A new version of SliceLab is available.' });
    await expect(notice).toBeVisible({ timeout: 30_000 });
    const reload = notice.getByRole('button', { name: 'Reload' });
    // Until Reload, everything still comes from version 1.
    await expect(page.locator('#version-marker')).toHaveCount(0);
    await page.goto('/');
    await page.goto(LESSON);
    await expect(page.locator('#version-marker')).toHaveCount(0);
    expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toBe(firstWorker);
    const waiting = await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting?.state);
    expect(waiting).toBe('installed');

    // Reload from the keyboard: the page reloads once, on the new version.
    await expect(notice).toBeVisible({ timeout: 30_000 });
    let loads = 0;
    page.on('load', () => loads++);
    let otherLoads = 0;
    otherTab.on('load', () => otherLoads++);
    await expect(otherTab.locator('#version-marker')).toHaveCount(0);
    const axe = await new AxeBuilder({ page }).include('#sl-update-notice').analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
    // Reachable by Tab: the notice is the last thing on the page, so Shift+Tab from the end finds it.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    for (let i = 0; i < 4 && !(await reload.evaluate((b) => b === document.activeElement)); i++) await page.keyboard.press('Shift+Tab');
    await expect(reload).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.locator('#version-marker')).toHaveText(MARKER, { timeout: 30_000 });
    // The other tab moves to version 2 too, instead of running version 1 against version 2's caches.
    await expect(otherTab.locator('#version-marker')).toHaveText(MARKER, { timeout: 30_000 });
    await page.waitForTimeout(1000);
    expect(loads).toBe(1);
    expect(otherLoads).toBe(1);
    await expect(page.getByRole('status').filter({ hasText: 'A new version' })).toHaveCount(0);

    // The learner's text and progress survived.
    await expect(page.getByRole('button', { name: /Completed/ })).toHaveAttribute('aria-pressed', 'true');
    const after = await openExercise(page, ex);
    expect(await editorText(after)).toBe(mine);

    // Version 1's precache entries are gone: one copy of the lesson, version 2's.
    const cached = await page.evaluate(async (path) => {
      const found: string[] = [];
      for (const name of await caches.keys()) {
        const cache = await caches.open(name);
        for (const request of await cache.keys()) {
          if (new URL(request.url).pathname === `${path}index.html`) found.push(await (await cache.match(request))!.text());
        }
      }
      return found;
    }, LESSON);
    expect(cached).toHaveLength(1);
    expect(cached[0]).toContain(MARKER);
  } finally {
    await context.close();
    await server.close();
  }
});
