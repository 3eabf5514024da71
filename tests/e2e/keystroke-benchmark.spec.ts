// A benchmark, not a test of speed: the median keystroke-to-updated-panel time over 20 keystrokes
// with 300 pods, the CPU slowed 4x through CDP (a modest laptop). It REPORTS the numbers (printed and
// attached as an annotation); it asserts only that each keystroke did update the panels.
import { expect, test } from '@playwright/test';
import { bigService } from '../support/big-service';
import { editorOf, exerciseById, openExercise, pasteText } from '../support/exercise-page';

test.use({ viewport: { width: 1440, height: 900 } });
const KEYS = 20;

test('benchmark: keystroke to updated panel at 300 pods, CPU slowed 4x (reported, not asserted)', async ({ page }) => {
  test.setTimeout(180_000);
  await page.addInitScript(() => {
    document.addEventListener('keydown', () => ((window as unknown as { lastKey: number }).lastKey = performance.now()), true);
  });
  const mount = await openExercise(page, exerciseById('create-example-service'));
  await pasteText(page, mount, bigService(300));
  await expect(mount.getByRole('tabpanel', { name: 'EndpointSlices' }).locator('.ex-table')).toContainText('big-');
  await editorOf(mount).locator('.view-line', { hasText: 'image: nginx' }).first().click();
  await page.keyboard.press('End');

  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  const times: number[] = [];
  for (let i = 0; i < KEYS; i++) {
    const before = Number(await mount.getAttribute('data-updates'));
    await page.keyboard.press('x');
    await expect.poll(async () => Number(await mount.getAttribute('data-updates')), { timeout: 20_000 }).toBeGreaterThan(before);
    times.push(await mount.evaluate((m) => Number((m as HTMLElement).dataset.updatedAt) - (window as unknown as { lastKey: number }).lastKey));
  }
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });

  const sorted = [...times].sort((a, b) => a - b);
  const median = (sorted[KEYS / 2 - 1] + sorted[KEYS / 2]) / 2;
  const report = `keystroke to updated panel, 300 pods, CPU 4x slower: median ${median.toFixed(0)} ms over ${KEYS} keystrokes (min ${sorted[0].toFixed(0)}, max ${sorted[KEYS - 1].toFixed(0)}; the editor's debounce included)`;
  console.log(report);
  test.info().annotations.push({ type: 'benchmark', description: report });
  expect(times.every((t) => t > 0)).toBe(true);
});
