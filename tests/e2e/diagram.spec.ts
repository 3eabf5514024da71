// The Diagram tab in real Chromium: at 300 pods each slice is folded to its counts with an expand
// button (keyboard too); an endpoint shows its Pod's details; axe finds nothing serious in it.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { bigService } from '../support/big-service';
import { watchPage } from '../support/watch-page';
import { exerciseById, openExercise, pasteText } from '../support/exercise-page';

const ex = exerciseById('create-example-service');
test.use({ viewport: { width: 1440, height: 900 } });

test('the diagram at 300 pods groups each slice with a count and expands it', async ({ page, baseURL }) => {
  const seen = watchPage(page, new URL(baseURL!).origin);
  const mount = await openExercise(page, ex);
  await pasteText(page, mount, bigService(300));
  await mount.getByRole('tab', { name: 'Diagram' }).click();
  const diagram = mount.getByRole('tabpanel', { name: 'Diagram' });
  const big = diagram.getByRole('figure', { name: /^Service big:/ });
  await expect(big).toHaveAccessibleName('Service big: 3 EndpointSlices, 300 ready, 0 serving and terminating, 0 terminating, 0 not ready; legacy Endpoints big: 300 ready and 0 not-ready addresses.');
  const slices = big.getByRole('region', { name: /^EndpointSlice big-/ });
  await expect(slices).toHaveCount(3);
  await expect(slices.first()).toContainText('100 endpoints: 100 ready');
  await expect(slices.first()).toContainText('→ 8080/TCP');
  await expect(big.locator('.dg-ep')).toHaveCount(0); // folded: no 300 buttons
  await expect(big.locator('.dg-legacy')).toContainText('Endpoints big (legacy)');

  // Expand one slice with the keyboard, pick an endpoint, read its Pod.
  const expand = slices.first().getByRole('button', { name: 'Show the 100 endpoints' });
  await expand.focus();
  await page.keyboard.press('Enter');
  await expect(slices.first().getByRole('button', { name: 'Hide the 100 endpoints' })).toHaveAttribute('aria-expanded', 'true');
  await expect(big.locator('.dg-ep')).toHaveCount(100);
  const first = big.locator('.dg-ep').first();
  const podText = (await first.locator('.dg-ep-pod').textContent())!;
  const pod = /^Pod (\S+)/.exec(podText)![1];
  await first.focus();
  await page.keyboard.press('Space');
  await expect(first).toHaveAttribute('aria-pressed', 'true');
  await expect(big.locator('.dg-details')).toContainText(`Poddefault/${pod}`);
  await expect(big.locator('.dg-details')).toContainText('ReadyTrue');

  const results = await new AxeBuilder({ page }).include('.ex-panel-diagram').analyze();
  expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);

  // The fold and the selection survive the next edit's re-render (a readiness flip from the time controls).
  await mount.locator('.ex-time-summary').click(); // the controls are folded until asked for
  const controls = mount.getByRole('group', { name: /Time controls/ });
  await controls.getByLabel('Pod').selectOption(`default/${pod}`);
  await controls.getByRole('button', { name: 'Flip readiness' }).click();
  await expect(big).toHaveAccessibleName(/299 ready, 0 serving and terminating, 0 terminating, 1 not ready/);
  await expect(big.locator('.dg-ep[aria-pressed="true"]')).toContainText('not ready');
  expect(seen.consoleErrors).toEqual([]);
  expect(seen.foreignRequests).toEqual([]);
});
