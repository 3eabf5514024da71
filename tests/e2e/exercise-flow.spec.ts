// Every exercise, start to finish in real Chromium: the starter fails a check and shows a hint;
// the solution, pasted into Monaco, passes every check and marks the exercise done.
import { expect, test } from '@playwright/test';
import { watchPage } from '../support/watch-page';
import { exercises, openExercise, pasteText } from '../support/exercise-page';

for (const ex of exercises()) {
  test.describe(`exercise ${ex.id}`, () => {
    test('the starter fails at least one check and the Hints tab explains why', async ({ page, baseURL }) => {
      const seen = watchPage(page, new URL(baseURL!).origin);
      const mount = await openExercise(page, ex);
      await mount.getByRole('button', { name: 'Check', exact: true }).click();
      await expect(mount.getByRole('status').filter({ hasText: 'checks pass' })).toContainText(/\d+ of \d+ checks pass/);
      const checks = mount.getByRole('tabpanel', { name: 'Checks' });
      await expect(checks.locator('.ex-check.fail').first()).toBeVisible();
      await mount.getByRole('tab', { name: 'Hints' }).click();
      const hints = mount.getByRole('tabpanel', { name: 'Hints' });
      // A broken-cluster exercise's starter may show no diagnostic (the learner diagnoses it with
      // kubectl): every exercise has step-by-step hints, the first one click away.
      await hints.getByRole('button', { name: /^Show a hint/ }).click();
      await expect(hints.locator('.ex-hints li').first()).toBeVisible();
      await expect(hints.locator('.ex-diag, .ex-hints li').first()).toBeVisible();
      expect(seen.consoleErrors).toEqual([]);
      expect(seen.foreignRequests).toEqual([]);
    });

    test('the solution passes every check and marks the exercise done', async ({ page, baseURL }) => {
      const seen = watchPage(page, new URL(baseURL!).origin);
      const mount = await openExercise(page, ex);
      await pasteText(page, mount, ex.solution);
      await mount.getByRole('button', { name: 'Check', exact: true }).click();
      await expect(mount.getByRole('status').filter({ hasText: 'checks pass' })).toHaveText(
        `All ${ex.checks.length} checks pass. Exercise done!`,
      );
      const checks = mount.getByRole('tabpanel', { name: 'Checks' });
      await expect(checks.locator('.ex-check.pass')).toHaveCount(ex.checks.length);
      await expect(checks.locator('.ex-check.fail')).toHaveCount(0);
      const progress = await page.evaluate(() => localStorage.getItem('slicelab:progress'));
      expect(JSON.parse(progress!).exercises[ex.id].done).toBe(true);
      expect(seen.consoleErrors).toEqual([]);
      expect(seen.foreignRequests).toEqual([]);
    });
  });
}
