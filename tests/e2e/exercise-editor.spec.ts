// The exercise editor in real Chromium: typing key by key re-validates within 150 ms and puts
// markers on the right line (including monaco-yaml's own schema marker, so a silently dead YAML
// worker fails here), work survives a reload, the Terminal runs the tutorial's command, Reset and
// Show solution behave, the keyboard can leave the editor, and all of it runs under the site's CSP.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { watchPage } from '../support/watch-page';
import { editorOf, editorText, exerciseById, openExercise, pasteText } from '../support/exercise-page';

const ex = exerciseById('create-example-service');
/** 1-based line of the starter's `port: 80`. */
const PORT_LINE = ex.starter.split('\n').findIndex((l) => l.includes('port: 80')) + 1;

/** Puts the cursor at the end of the first line showing `text` (visible lines only). */
async function cursorAfter(page: Page, mount: Locator, text: string) {
  await editorOf(mount).locator('.view-line', { hasText: text }).first().click();
  await page.keyboard.press('End');
}

test.beforeEach(async ({ page }) => {
  // Record CSP violations and the time of every key press (for the keystroke-to-panel budget).
  await page.addInitScript(() => {
    const w = window as unknown as { cspViolations: string[]; lastKey: number };
    w.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
    document.addEventListener('keydown', () => (w.lastKey = performance.now()), true);
  });
});

test('typing key by key marks the wrong line, with monaco-yaml schema markers, and reports keystroke-to-panel time', async ({ page, baseURL }) => {
  const seen = watchPage(page, new URL(baseURL!).origin);
  const mount = await openExercise(page, ex);
  // Make the Service port (`port: 80` in the starter) a word, one key at a time.
  await cursorAfter(page, mount, 'port: 80');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  const before = Number(await mount.getAttribute('data-updates'));
  await page.keyboard.type('eighty', { delay: 30 });
  await expect.poll(async () => Number(await mount.getAttribute('data-updates'))).toBeGreaterThan(before);
  await expect(mount).toHaveAttribute('data-stale', 'true');

  // The simulator's validation: the API server's decode error, on that line, listed under Hints.
  await mount.getByRole('tab', { name: 'Hints' }).click();
  await expect(mount.getByRole('tabpanel', { name: 'Hints' })).toContainText(`Rejected, line ${PORT_LINE}:`);
  await expect(editorOf(mount).locator('.squiggly-error').first()).toBeVisible();
  // monaco-yaml's worker validated against the same Kubernetes schema: a marker on that line too.
  await expect
    .poll(async () => JSON.parse((await mount.getAttribute('data-yaml-markers')) ?? '[]') as { line: number; message: string }[], { timeout: 15_000 })
    .toContainEqual(expect.objectContaining({ line: PORT_LINE, message: expect.stringMatching(/type|integer/i) }));
  // The last good result stays visible, marked stale.
  await expect(mount.locator('.ex-stale')).toBeVisible();
  await mount.getByRole('tab', { name: 'Diagram' }).click();
  await expect(mount.getByRole('tabpanel', { name: 'Diagram' })).toContainText('Service example-service');

  // Keystroke to updated panels, measured in the page. Reported, not asserted: timings belong to
  // benchmarks (a loaded machine would make a time limit flaky); the panels did update after the key.
  const elapsed = await page.evaluate(
    ([updatedAt]) => Number(updatedAt) - (window as unknown as { lastKey: number }).lastKey,
    [await mount.getAttribute('data-updated-at')],
  );
  expect(elapsed).toBeGreaterThanOrEqual(0);
  test.info().annotations.push({ type: 'keystroke-to-panel', description: `${elapsed.toFixed(1)} ms` });
  console.log(`keystroke to updated panel: ${elapsed.toFixed(1)} ms (target 150 ms)`);
  expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
  expect(seen.consoleErrors).toEqual([]);
});

test('monaco-yaml completes field names from the Kubernetes schema', async ({ page }) => {
  const mount = await openExercise(page, ex);
  await cursorAfter(page, mount, 'spec:');
  await page.keyboard.press('Enter');
  await page.keyboard.type('sel', { delay: 30 });
  await page.keyboard.press('Control+Space');
  // Overflow widgets are fixed to the page (fixedOverflowWidgets), outside the editor's own box.
  const suggest = page.locator('.suggest-widget.visible');
  await expect(suggest).toBeVisible({ timeout: 15_000 });
  await expect(suggest).toContainText('selector');
});

test('hovering a field shows its documentation from the Kubernetes schema', async ({ page }) => {
  const mount = await openExercise(page, ex);
  await pasteText(page, mount, ex.solution);
  await editorOf(mount).locator('.view-line span', { hasText: /^targetPort$/ }).first().hover();
  // The description of ServicePort.targetPort in the Kubernetes v1.35 OpenAPI document (vendor/kubernetes-openapi).
  const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: 'Number or name of the port to access on the pods' });
  await expect(hover.first()).toBeVisible({ timeout: 15_000 });
});

test('the learner text survives a reload', async ({ page }) => {
  const mount = await openExercise(page, ex);
  await cursorAfter(page, mount, 'name: example-service');
  await page.keyboard.press('Enter');
  await page.keyboard.type('labels: {team: a}', { delay: 10 });
  await expect.poll(() => editorText(mount)).toContain('labels: {team: a}');
  await expect.poll(() => page.evaluate(() => localStorage.getItem('slicelab:exercise:v1:create-example-service') ?? '')).toContain('team: a');
  await page.reload();
  const again = await openExercise(page, ex);
  expect(await editorText(again)).toContain('labels: {team: a}');
});

test('the Terminal runs kubectl get endpoints example-service and keeps a history', async ({ page }) => {
  const mount = await openExercise(page, ex);
  await pasteText(page, mount, ex.solution);
  await mount.getByRole('tab', { name: 'Terminal' }).click();
  const input = mount.getByRole('textbox', { name: 'kubectl command' });
  await input.fill('kubectl get endpoints example-service');
  await input.press('Enter');
  const log = mount.getByRole('log', { name: 'Terminal output' });
  await expect(log).toContainText('$ kubectl get endpoints example-service');
  await expect(log).toContainText(/NAME\s+ENDPOINTS\s+AGE/);
  await expect(log).toContainText(/example-service\s+10\.244\.\d+\.\d+:9376,/);
  await expect(log).toContainText('Warning: v1 Endpoints is deprecated in v1.33+');
  await input.press('ArrowUp');
  await expect(input).toHaveValue('kubectl get endpoints example-service');
  await mount.getByRole('button', { name: 'kubectl get endpointslices', exact: true }).click();
  await expect(log).toContainText(/NAME\s+ADDRESSTYPE\s+PORTS\s+ENDPOINTS\s+AGE/);
});

test('Reset goes back to the starter and can be undone; Show solution asks first, then shows a diff', async ({ page }) => {
  const mount = await openExercise(page, ex);
  await pasteText(page, mount, ex.solution);
  await mount.getByRole('button', { name: 'Reset', exact: true }).click();
  // Reset asks first now (issue 12: "Reset has no confirmation").
  await mount.getByRole('button', { name: 'Yes, reset' }).click();
  await expect.poll(() => editorText(mount)).toBe(ex.starter);
  await mount.getByRole('button', { name: 'Bring my text back' }).click();
  await expect.poll(() => editorText(mount)).toBe(ex.solution);

  await mount.getByRole('button', { name: 'Show solution' }).click();
  await expect(mount.getByRole('region', { name: 'Solution diff' })).toBeHidden();
  await mount.getByRole('button', { name: 'Yes, show the solution' }).click();
  const diff = mount.getByRole('region', { name: 'Solution diff' });
  await expect(diff).toBeVisible();
  await expect(diff).toContainText('targetPort');
  await mount.getByRole('button', { name: 'Hide solution' }).click();
  await expect(diff).toBeHidden();
});

test('Escape leaves the editor, Ctrl+Enter runs Check, and the result is announced', async ({ page }) => {
  const mount = await openExercise(page, ex);
  await editorOf(mount).locator('.view-lines').click();
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(mount.getByRole('status').filter({ hasText: 'checks pass' })).toContainText(/of \d+ checks pass/);
  await editorOf(mount).locator('.view-lines').click();
  await page.keyboard.press('Escape');
  await expect(page.locator(':focus')).toHaveAttribute('role', 'tab');
  await page.keyboard.press('ArrowRight');
  await expect(page.locator(':focus')).toHaveAttribute('aria-selected', 'true');
});

test('a disabled storage shows a notice instead of failing', async ({ page }) => {
  await page.addInitScript(() => {
    Storage.prototype.setItem = () => {
      throw new DOMException('quota', 'QuotaExceededError');
    };
  });
  const mount = await openExercise(page, ex);
  await cursorAfter(page, mount, 'port: 80');
  await page.keyboard.type('0', { delay: 10 });
  await expect(mount.getByRole('alert')).toContainText('cannot be saved');
});

test('the page declares a CSP without unsafe-eval, and the home page loads no editor code', async ({ page }) => {
  const requested: string[] = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  await page.goto('/');
  await page.waitForLoadState('networkidle');
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("default-src 'self'");
  expect(csp).not.toContain("'unsafe-eval'");
  expect(requested.filter((p) => /island|editor\.worker|yaml\.worker|monaco/i.test(p))).toEqual([]);
});

test('an exercise page with the editor open has no serious accessibility violation', async ({ page }) => {
  const mount = await openExercise(page, ex);
  const serious = async () =>
    (await new AxeBuilder({ page }).analyze()).violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => `${n.target.join(' ')} (${n.failureSummary})`).join(', ')}`);
  expect(await serious()).toEqual([]);
  // Again with results, hints, terminal output and the solution diff on screen.
  await mount.getByRole('button', { name: 'Check', exact: true }).click();
  await mount.getByRole('tab', { name: 'Terminal' }).click();
  await mount.getByRole('button', { name: 'kubectl get endpointslices', exact: true }).click();
  await mount.getByRole('tab', { name: 'Hints' }).click();
  await mount.getByRole('button', { name: /Show a hint/ }).click();
  await mount.getByRole('button', { name: 'Show solution' }).click();
  await mount.getByRole('button', { name: 'Yes, show the solution' }).click();
  await expect(mount.getByRole('region', { name: 'Solution diff' })).toBeVisible();
  expect(await serious()).toEqual([]);
});
