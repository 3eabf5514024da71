// The exercise component on its page: readable without JavaScript, the editor loaded only when the
// exercise comes into view, two exercises on one page kept apart, "Show me" jumping to the line,
// and the editor theme following the site theme.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { editorOf, editorText, exerciseById, openExercise, pasteText } from '../support/exercise-page';

const first = exerciseById('create-example-service');
const second = exerciseById('fix-selector');

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the goal, the starter and the cluster are shown as highlighted code', async ({ page }) => {
    await page.goto(`/lessons/${first.lesson}/`);
    const section = page.locator(`[data-exercise-section="${first.id}"]`);
    await expect(section.getByRole('heading', { level: 2 })).toContainText('Exercise:');
    await expect(section.locator('.exercise-goal')).toContainText('9376');
    await expect(section.locator('.expressive-code').first()).toContainText('name: example-service');
    await section.locator('.exercise-cluster summary').click();
    await expect(section.locator('.exercise-cluster .expressive-code')).toContainText('containerPort: 9376');
  });
});

test('the editor loads when the exercise scrolls into view, not before', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 300 });
  const requested: string[] = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  await page.goto(`/lessons/${first.lesson}/`);
  await page.waitForLoadState('networkidle');
  expect(requested.filter((p) => /\/island[.-]/.test(p))).toEqual([]);
  const mount = page.locator(`.exercise-mount[data-exercise-id="${first.id}"]`);
  await mount.scrollIntoViewIfNeeded();
  await expect(mount).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
  expect(requested.filter((p) => /\/island[.-]/.test(p)).length).toBeGreaterThan(0);
});

test('two exercises on one page keep their own text, results and storage', async ({ page }) => {
  // Serve the first lesson with the second exercise's section added to it.
  await page.route(`**/lessons/${first.lesson}/`, async (route) => {
    const own = await (await route.fetch()).text();
    const other = await (await page.request.get(`/lessons/${second.lesson}/`)).text();
    const section = other.match(/<section class="exercise[\s\S]*?<\/section>/)![0];
    await route.fulfill({ contentType: 'text/html', body: own.replace('</main>', `${section}</main>`) });
  });
  const a = await openExercise(page, first);
  const b = page.locator(`.exercise-mount[data-exercise-id="${second.id}"]`);
  await b.scrollIntoViewIfNeeded();
  await expect(b).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });

  await pasteText(page, b, second.solution);
  expect(await editorText(a)).toBe(first.starter);
  await b.getByRole('button', { name: 'Check', exact: true }).click();
  await expect(b.getByRole('status').filter({ hasText: 'checks pass' })).toHaveText(`All ${second.checks.length} checks pass. Exercise done!`);
  await expect(a.getByRole('status').filter({ hasText: 'checks pass' })).toHaveCount(0);
  await expect(a.getByRole('tabpanel', { name: 'Checks' })).toBeHidden();
  const saved = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('slicelab:exercise:v1:')).sort());
  expect(saved).toEqual([`slicelab:exercise:v1:${first.id}`, `slicelab:exercise:v1:${second.id}`]);
});

test('"Show me" in the Hints tab puts the cursor on the line of the problem', async ({ page }) => {
  const mount = await openExercise(page, first);
  await mount.getByRole('tab', { name: 'Hints' }).click();
  // The starter has no selector: the diagnostic points at its `spec:` line.
  const specLine = first.starter.split('\n').indexOf('spec:') + 1;
  const showMe = mount.getByRole('button', { name: `Show me (line ${specLine})` });
  await showMe.click();
  await expect.poll(() => mount.evaluate((m) => (m as HTMLElement & { __cursorLine: () => number }).__cursorLine())).toBe(specLine);
  await expect(editorOf(mount).locator('.monaco-editor')).toHaveClass(/\bfocused\b/);
});

test('the editor follows the site theme, and the open exercise passes axe in dark mode', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('starlight-theme', 'dark'));
  const mount = await openExercise(page, first);
  await expect(editorOf(mount).locator('.monaco-editor')).toHaveClass(/vs-dark/);
  const serious = async () =>
    (await new AxeBuilder({ page }).analyze()).violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => `${n.target.join(' ')} ${n.failureSummary ?? ''}`).join(', ')}`);
  expect(await serious()).toEqual([]);
  await mount.getByRole('button', { name: 'Show solution' }).click();
  await mount.getByRole('button', { name: 'Yes, show the solution' }).click();
  await expect(mount.getByRole('region', { name: 'Solution diff' })).toBeVisible();
  expect(await serious()).toEqual([]);
  await page.evaluate(() => (document.documentElement.dataset.theme = 'light'));
  await expect(editorOf(mount).locator('.monaco-editor')).not.toHaveClass(/vs-dark/);
});
