// The Writes tab and the time controls in real Chromium: a button runs its command in the Terminal
// (echoed with its output) and the panels show the changed cluster; a one-pod readiness flip in a
// 1,000-pod Service is exactly one EndpointSlice update against one Endpoints update, with sizes.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { bigService } from '../support/big-service';
import { watchPage } from '../support/watch-page';
import { exerciseById, openExercise, pasteText } from '../support/exercise-page';

const ex = exerciseById('create-example-service');
test.use({ viewport: { width: 1440, height: 900 } });

test('a time-control button changes the slices and prints its command in the Terminal', async ({ page, baseURL }) => {
  const seen = watchPage(page, new URL(baseURL!).origin);
  const mount = await openExercise(page, ex);
  await pasteText(page, mount, ex.solution);
  const slices = mount.getByRole('tabpanel', { name: 'EndpointSlices' });
  await expect(slices.locator('.ex-table')).not.toContainText('more');
  const before = await slices.locator('.ex-table').textContent();

  await mount.locator('.ex-time-summary').click(); // the controls are folded until asked for
  const controls = mount.getByRole('group', { name: /Time controls/ });
  await controls.getByLabel('Deployment').selectOption({ label: 'example' });
  await controls.getByLabel('replicas').fill('5');
  await controls.getByRole('button', { name: 'Scale' }).click();

  await expect(slices.locator('.ex-table')).toContainText('+ 2 more...');
  expect(await slices.locator('.ex-table').textContent()).not.toBe(before);
  await expect(mount.locator('.ex-live')).toContainText('Ran kubectl scale deployment/example --replicas=5');

  await mount.getByRole('tab', { name: 'Terminal' }).click();
  const log = mount.getByRole('log', { name: 'Terminal output' });
  await expect(log).toContainText('$ kubectl scale deployment/example --replicas=5\ndeployment.apps/example scaled');

  // Time moves on from the Terminal's cluster: taking a Node down drops its endpoints.
  const node = await controls.getByLabel('Node').inputValue();
  await controls.getByRole('button', { name: 'Take down' }).click();
  await expect(log).toContainText(`$ kubectl delete node ${node}\nnode "${node}" deleted`);
  await expect(controls.getByLabel('Node').locator('option', { hasText: node })).toHaveCount(0);
  expect(seen.consoleErrors).toEqual([]);
  expect(seen.foreignRequests).toEqual([]);
});

test('the Writes view: a readiness flip in a 1,000-pod Service is 1 EndpointSlice update and 1 Endpoints update', async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  const seen = watchPage(page, new URL(baseURL!).origin);
  const mount = await openExercise(page, ex);
  await pasteText(page, mount, bigService(1000));
  await mount.locator('.ex-time-summary').click(); // the controls are folded until asked for
  const controls = mount.getByRole('group', { name: /Time controls/ });
  const pod = controls.getByLabel('Pod');
  const big = (await pod.locator('option', { hasText: /^big-.* \(ready\)$/ }).first().getAttribute('value'))!;
  await pod.selectOption(big);
  const podName = big.split('/')[1];
  await controls.getByRole('button', { name: 'Flip readiness' }).click();
  await expect(mount.locator('.ex-live')).toContainText(`Ran sim ready ${podName} false`);

  await mount.getByRole('tab', { name: 'Writes' }).click();
  const writes = mount.getByRole('tabpanel', { name: 'Writes' });
  await expect(writes.locator('.ex-writes-cause')).toHaveText(`After $ sim ready ${podName} false`);
  const rows = writes.locator('tbody tr');
  await expect(rows).toHaveCount(2);
  const cells = async (i: number) => (await rows.nth(i).locator('td').allTextContents()).slice(1, 4);
  const [sliceRow, endpointsRow] = [await cells(0), await cells(1)];
  expect(sliceRow[0]).toMatch(/^EndpointSlice big-[a-z0-9]{5}$/);
  expect(sliceRow[1]).toBe('update');
  expect(endpointsRow.slice(0, 2)).toEqual(['Endpoints big', 'update']);
  const sliceBytes = Number(sliceRow[2]);
  const endpointsBytes = Number(endpointsRow[2]);
  expect(sliceBytes).toBeGreaterThan(10_000); // one slice of 100 endpoints
  expect(endpointsBytes).toBeGreaterThan(5 * sliceBytes); // all 1,000 addresses

  // The two bars and their numbers as text, for the cluster's Nodes as watchers, then for 50.
  const watchers = writes.getByLabel('kube-proxy watchers (Nodes)');
  const nodes = Number(await watchers.inputValue());
  expect(nodes).toBeGreaterThan(0);
  const kB = (n: number) => (n < 1_000_000 ? `${(n / 1000).toFixed(1)} kB` : `${(n / 1_000_000).toFixed(1)} MB`);
  await expect(writes.locator('.ex-writes-slices .ex-writes-value')).toHaveText(`1 write, ${kB(sliceBytes)} · × ${nodes} = ${kB(sliceBytes * nodes)} sent`);
  await expect(writes.locator('.ex-writes-endpoints .ex-writes-value')).toContainText(`1 write, ${kB(endpointsBytes)} · × ${nodes}`);
  const widths = await writes.locator('.ex-writes-fill').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().width));
  expect(widths[1] / widths[0]).toBeGreaterThan(5);
  await watchers.fill('50');
  await expect(writes.locator('.ex-writes-slices .ex-writes-value')).toContainText(`× 50 = ${kB(sliceBytes * 50)} sent`);

  const results = await new AxeBuilder({ page }).include('.ex-time').include('.ex-panel-writes').analyze();
  expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  expect(seen.consoleErrors).toEqual([]);
  expect(seen.foreignRequests).toEqual([]);
});
