// The exercise as a workspace (issue 12), in real Chromium: side by side at 1440x900 with the editor
// and the slices both on screen after an edit, a keyboard-operable split, full window and Escape,
// two views on a phone without sideways scrolling, what an edit changed marked in the panels,
// pipes and copy in the Terminal, Tab never editing, two tabs on one exercise, Reset undoable
// across a reload, the terminal's note while the text is invalid, the editor that loads again
// after a failed fetch, no jump when the editor mounts, and axe in each of these states.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { editorOf, editorText, exerciseById, openExercise, pasteText } from '../support/exercise-page';

const ex = exerciseById('create-example-service');
const WIDE = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

async function seriousViolations(page: Page): Promise<string[]> {
  return (await new AxeBuilder({ page }).analyze()).violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => `${n.target.join(' ')} (${n.failureSummary})`).join(', ')}`);
}

const sectionOf = (page: Page) => page.locator(`[data-exercise-section="${ex.id}"]`);

/** Changes the solution's targetPort by typing, as a learner would. */
async function editTargetPort(page: Page, mount: Locator, to: string) {
  await editorOf(mount).locator('.view-line', { hasText: 'targetPort' }).first().click();
  await page.keyboard.press('End');
  const before = Number(await mount.getAttribute('data-updates'));
  for (let i = 0; i < 4; i++) await page.keyboard.press('Backspace');
  await page.keyboard.type(to, { delay: 20 });
  await expect.poll(async () => Number(await mount.getAttribute('data-updates'))).toBeGreaterThan(before);
}

/**
 * Opens the exercise's lesson with the editor's chunk held back, and returns how much the exercise's
 * height changed from "loading" to mounted and updated (0 when the space was kept).
 */
async function heightChangeWhileMounting(page: Page): Promise<number> {
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  await page.route(/\/island[.-][^/]*\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(`/lessons/${ex.lesson}/`);
  const section = sectionOf(page);
  await section.scrollIntoViewIfNeeded();
  const mount = page.locator(`.exercise-mount[data-exercise-id="${ex.id}"]`);
  await expect(mount).toHaveAttribute('data-state', 'loading');
  const before = (await section.boundingBox())!.height;
  release();
  await expect(mount).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
  await expect(mount).toHaveAttribute('data-updates', /\d+/);
  return (await section.boundingBox())!.height - before;
}

test.describe('on a 1440x900 screen', () => {
  test.use({ viewport: WIDE });

  test('editor and EndpointSlices side by side, both in view after an edit, with the change marked', async ({ page }) => {
    const mount = await openExercise(page, ex);
    await pasteText(page, mount, ex.solution);
    await expect(mount.getByRole('tabpanel', { name: 'EndpointSlices' }).locator('.ex-table')).toContainText('example-service-');
    await expect(mount.locator('.ex-announce')).toHaveText(/Results updated: 1 EndpointSlice created/);
    await editTargetPort(page, mount, '9377');
    await sectionOf(page).evaluate((s) => s.scrollIntoView());
    const table = mount.getByRole('tabpanel', { name: 'EndpointSlices' }).locator('.ex-table');
    await expect(table).toContainText('9377');
    // Both whole on screen, with the goal and the toolbar above them.
    await expect(editorOf(mount)).toBeInViewport({ ratio: 1 });
    await expect(table).toBeInViewport({ ratio: 1 });
    await expect(sectionOf(page).locator('.exercise-goal')).toBeInViewport({ ratio: 1 });
    await expect(mount.getByRole('button', { name: 'Check', exact: true })).toBeInViewport({ ratio: 1 });
    const editorBox = (await editorOf(mount).boundingBox())!;
    const tableBox = (await table.boundingBox())!;
    expect(editorBox.x + editorBox.width).toBeLessThanOrEqual(tableBox.x);
    expect(Math.abs(editorBox.y - tableBox.y)).toBeLessThan(150);
    // The slice that changed is marked in words (and colour), in the list and on its row.
    const panel = mount.getByRole('tabpanel', { name: 'EndpointSlices' });
    await expect(panel.locator('.ex-changes')).toContainText(/~ updated: EndpointSlice example-service-\w+/);
    await expect(table.locator('.ex-mark')).toHaveText('  ← updated');
    await expect(table.locator('.ex-changed')).toHaveCSS('animation-name', 'ex-fade');
    // Screen readers hear one sentence about it once typing pauses.
    await expect(mount.locator('.ex-announce')).toHaveText(/Results updated: .*EndpointSlice updated/);
    expect(await seriousViolations(page)).toEqual([]);
    // ...and the marks go away after a while.
    await expect(panel.locator('.ex-changes')).toHaveCount(0, { timeout: 10_000 });
  });

  test('the separator resizes with the keyboard and the split is remembered', async ({ page }) => {
    const mount = await openExercise(page, ex);
    const sep = mount.getByRole('separator', { name: 'Resize the editor and the results' });
    await expect(sep).toHaveAttribute('aria-valuenow', '50');
    const w0 = (await editorOf(mount).boundingBox())!.width;
    await sep.focus();
    await page.keyboard.press('ArrowRight');
    await expect(sep).toHaveAttribute('aria-valuenow', '55');
    await page.keyboard.press('End');
    await expect(sep).toHaveAttribute('aria-valuenow', '75');
    await expect.poll(async () => (await editorOf(mount).boundingBox())!.width).toBeGreaterThan(w0 * 1.3);
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    await expect(sep).toHaveAttribute('aria-valuenow', '30');
    // The mouse drags it too.
    const box = (await sep.boundingBox())!;
    const ws = (await mount.locator('.ex-workspace').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + 40);
    await page.mouse.down();
    await page.mouse.move(ws.x + ws.width * 0.6, box.y + 40, { steps: 5 });
    await page.mouse.up();
    await expect(sep).toHaveAttribute('aria-valuenow', '60');
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    await expect(sep).toHaveAttribute('aria-valuenow', '30');
    await page.reload();
    const again = await openExercise(page, ex);
    await expect(again.getByRole('separator')).toHaveAttribute('aria-valuenow', '30');
  });

  test('the change marks do not move for a reader who asks for reduced motion', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    const mount = await openExercise(page, ex);
    await pasteText(page, mount, ex.solution);
    await editTargetPort(page, mount, '9377');
    const table = mount.getByRole('tabpanel', { name: 'EndpointSlices' }).locator('.ex-table');
    await expect(table.locator('.ex-mark')).toHaveText('  ← updated');
    await expect(table.locator('.ex-changed')).toHaveCSS('animation-name', 'none');
  });

  test('two exercises on one page: unique landmarks, no serious axe violation', async ({ page }) => {
    const second = exerciseById('fix-selector');
    await page.route(`**/lessons/${ex.lesson}/`, async (route) => {
      const own = await (await route.fetch()).text();
      const other = await (await page.request.get(`/lessons/${second.lesson}/`)).text();
      const section = other.match(/<section class="exercise[\s\S]*?<\/section>/)![0];
      await route.fulfill({ contentType: 'text/html', body: own.replace('</main>', `${section}</main>`) });
    });
    await openExercise(page, ex);
    const b = page.locator(`.exercise-mount[data-exercise-id="${second.id}"]`);
    await b.scrollIntoViewIfNeeded();
    await expect(b).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
    const names = await page.getByRole('region').evaluateAll((rs) => rs.map((r) => r.getAttribute('aria-label') ?? r.getAttribute('aria-labelledby')));
    expect(new Set(names).size).toBe(names.length);
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('Full window covers the page, is remembered, and Escape leaves it', async ({ page }) => {
    const mount = await openExercise(page, ex);
    const full = mount.getByRole('button', { name: 'Full window' });
    await expect(full).toHaveAttribute('aria-pressed', 'false');
    const normalHeight = (await editorOf(mount).boundingBox())!.height;
    await full.click();
    await expect(full).toHaveAttribute('aria-pressed', 'true');
    const box = (await sectionOf(page).boundingBox())!;
    expect(box).toMatchObject({ x: 0, y: 0, width: WIDE.width, height: WIDE.height });
    // Nothing of the page (its header) is drawn over it.
    expect(await page.evaluate(() => !!document.elementFromPoint(720, 10)?.closest('.exercise'))).toBe(true);
    expect((await editorOf(mount).boundingBox())!.height).toBeGreaterThan(normalHeight);
    await expect(editorOf(mount)).toBeInViewport({ ratio: 1 });
    await expect(mount.getByRole('tabpanel', { name: 'EndpointSlices' })).toBeInViewport();
    expect(await seriousViolations(page)).toEqual([]);

    await page.reload();
    const again = await openExercise(page, ex);
    const fullAgain = again.getByRole('button', { name: 'Full window' });
    await expect(fullAgain).toHaveAttribute('aria-pressed', 'true');
    // Escape in the editor leaves the editor; the next Escape leaves the full window.
    await editorOf(again).locator('.view-lines').click();
    await page.keyboard.press('Escape');
    await expect(fullAgain).toHaveAttribute('aria-pressed', 'true');
    await page.keyboard.press('Escape');
    await expect(fullAgain).toHaveAttribute('aria-pressed', 'false');
    await expect(fullAgain).toBeFocused();
    expect((await sectionOf(page).boundingBox())!.width).toBeLessThan(WIDE.width);
  });

  for (const saved of [false, true])
  test(`the page does not move when the editor mounts${saved ? ', with a longer saved text' : ''}`, async ({ page }) => {
    if (saved) {
      // 30 lines: taller than the starter, so the space kept must follow the saved text.
      const text = ex.solution + Array.from({ length: 30 - ex.solution.split('\n').length }, (_, i) => `# note ${i}`).join('\n') + '\n';
      await page.addInitScript(
        ([key, t]) => localStorage.setItem(key, JSON.stringify({ text: t, checks: null, savedAt: new Date().toISOString() })),
        [`slicelab:exercise:v1:${ex.id}`, text],
      );
    }
    expect(Math.abs(await heightChangeWhileMounting(page))).toBeLessThan(2);
  });
});

test.describe('on a 390x844 phone', () => {
  test.use({ viewport: PHONE });

  test('editor and results are two views with a toggle, and the page never scrolls sideways', async ({ page }) => {
    const mount = await openExercise(page, ex);
    const group = mount.getByRole('group', { name: 'Show' });
    const editorBtn = group.getByRole('button', { name: 'Editor' });
    const resultsBtn = group.getByRole('button', { name: 'Results' });
    await expect(editorBtn).toHaveAttribute('aria-pressed', 'true');
    await expect(editorOf(mount)).toBeVisible();
    await expect(mount.getByRole('tablist', { name: 'Results' })).toBeHidden();
    const noSideways = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
    expect(await noSideways()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);

    await resultsBtn.click();
    await expect(resultsBtn).toHaveAttribute('aria-pressed', 'true');
    await expect(editorBtn).toHaveAttribute('aria-pressed', 'false');
    await expect(editorOf(mount)).toBeHidden();
    await expect(mount.getByRole('tablist', { name: 'Results' })).toBeVisible();
    await mount.getByRole('tab', { name: 'Diagram' }).click();
    await mount.getByRole('tab', { name: 'Terminal' }).click();
    await mount.getByRole('button', { name: 'kubectl get endpointslices', exact: true }).click();
    expect(await noSideways()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);

    // Remembered; and "Show me" brings the editor back.
    await page.reload();
    const again = await openExercise(page, ex);
    await expect(again.getByRole('button', { name: 'Results' })).toHaveAttribute('aria-pressed', 'true');
    await again.getByRole('tab', { name: 'Hints' }).click();
    await again.getByRole('button', { name: /Show me/ }).first().click();
    await expect(editorOf(again)).toBeVisible();
    await expect(again.getByRole('button', { name: 'Editor' })).toHaveAttribute('aria-pressed', 'true');
    // Check shows its results.
    await again.getByRole('button', { name: 'Check', exact: true }).click();
    await expect(again.getByRole('tabpanel', { name: 'Checks' })).toBeVisible();
    await expect(again.getByRole('button', { name: 'Results' })).toHaveAttribute('aria-pressed', 'true');
  });

  test('the page does not move when the editor mounts on a phone', async ({ page }) => {
    expect(Math.abs(await heightChangeWhileMounting(page))).toBeLessThan(2);
  });
});

test('the Terminal takes grep, head, tail, wc -l and sort after a pipe, and copies the last output', async ({ page }) => {
  const mount = await openExercise(page, ex);
  await pasteText(page, mount, ex.solution);
  await mount.getByRole('tab', { name: 'Terminal' }).click();
  const input = mount.getByRole('textbox', { name: 'kubectl command' });
  const log = mount.getByRole('log', { name: 'Terminal output' });
  const run = async (line: string) => {
    await input.fill(line);
    await input.press('Enter');
    await expect(log).toContainText(`$ ${line}`);
  };
  await run('kubectl get pods | wc -l');
  const pods = Number((await log.textContent())!.trim().split('\n').pop());
  expect(pods).toBeGreaterThan(1);
  await run('kubectl get pods | grep -v NAME | wc -l');
  await expect(log).toHaveText(new RegExp(`\\n${pods - 1}\\n$`));
  await run('kubectl get pods | grep -i "^NAME" | head -n 1');
  await expect(log).toHaveText(/\nNAME\s+READY\s+STATUS[^\n]*\n$/);
  await run('kubectl get pods --no-headers | sort -r | tail -n 1 | wc -l');
  await expect(log).toHaveText(/\n1\n$/);
  // stderr is not piped: the deprecation warning still shows above the count
  await run('kubectl get endpoints | grep example-service | wc -l');
  await expect(log).toHaveText(/Warning: v1 Endpoints is deprecated[^\n]*\n1\n$/);
  await run('kubectl get pods | awk {print}');
  await expect(log).toContainText("slicelab's terminal supports only grep [-v] [-i] PATTERN, head [-n N], tail [-n N], wc -l and sort [-r] after a pipe (not awk)");

  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await run('kubectl get endpointslices | grep example');
  await input.focus();
  await page.keyboard.press('Control+Shift+C');
  await expect(mount.getByText('The last output is copied.')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/^example-service-\w+\s+IPv4\s+9376\s+10\.244\./);
  await page.evaluate(() => navigator.clipboard.writeText(''));
  await mount.getByRole('button', { name: 'Copy output' }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/^example-service-/);
  expect(await seriousViolations(page)).toEqual([]);
});

test('Tab and Shift+Tab move focus and never edit; Enter enters the editor; the skip link reaches it', async ({ page }) => {
  const mount = await openExercise(page, ex);
  // Monaco's input is an EditContext element (or its textarea where there is none).
  const textarea = editorOf(mount).locator('.native-edit-context, textarea.inputarea');
  // From the result tabs, Shift+Tab enters the editor and the next Shift+Tab leaves it, text untouched.
  const separator = mount.getByRole('separator');
  await mount.getByRole('tab', { name: 'EndpointSlices' }).focus();
  await page.keyboard.press('Shift+Tab');
  await expect(separator).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(textarea).toBeFocused();
  await expect(mount.locator('.ex-editor-hint')).toBeVisible();
  await page.keyboard.press('Shift+Tab');
  await expect(textarea).not.toBeFocused();
  expect(await page.evaluate(() => !!document.activeElement?.closest('.ex-toolbar'))).toBe(true);
  await page.keyboard.press('Tab');
  await expect(textarea).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(separator).toBeFocused();
  // Round trips across the whole exercise: the text never changes.
  await mount.getByRole('button', { name: 'Check', exact: true }).focus();
  for (let i = 0; i < 12; i++) await page.keyboard.press('Tab');
  for (let i = 0; i < 12; i++) await page.keyboard.press('Shift+Tab');
  expect(await editorText(mount)).toBe(ex.starter);

  // Enter on the editor edits: now Tab indents; Escape stops editing and leaves.
  await separator.focus();
  await page.keyboard.press('Shift+Tab');
  await expect(textarea).toBeFocused();
  await page.keyboard.press('Enter');
  expect(await editorText(mount)).toBe(ex.starter);
  await page.keyboard.press('Tab');
  await expect(textarea).toBeFocused();
  await expect.poll(() => editorText(mount)).not.toBe(ex.starter);
  await page.keyboard.press('Escape');
  await expect(page.locator(':focus')).toHaveAttribute('role', 'tab');

  // From the top of the exercise: the skip link is the first stop, and Enter puts focus in the editor.
  const fromTop = () => sectionOf(page).click({ position: { x: 3, y: 3 } });
  await fromTop();
  await page.keyboard.press('Tab');
  await expect(page.locator(':focus')).toHaveText('Skip to the editor');
  await page.keyboard.press('Enter');
  await expect(textarea).toBeFocused();
  // Without it, a few Tabs.
  await fromTop();
  let tabs = 0;
  while (tabs < 15 && !(await textarea.evaluate((t) => t === document.activeElement))) {
    await page.keyboard.press('Tab');
    tabs++;
  }
  expect(tabs).toBeLessThanOrEqual(10);
});

test('"Open the editor" retries a chunk that failed to load, and keeps focus on the editor', async ({ page }) => {
  let failing = true;
  await page.route(/\/island[.-][^/]*\.js(\?.*)?$/, (route) => (failing ? route.abort('connectionrefused') : route.continue()));
  await page.goto(`/lessons/${ex.lesson}/`);
  const mount = page.locator(`.exercise-mount[data-exercise-id="${ex.id}"]`);
  await mount.scrollIntoViewIfNeeded();
  await expect(mount).toHaveAttribute('data-state', 'failed', { timeout: 30_000 });
  await expect(mount.locator('.exercise-load-status')).toContainText('tries again');
  failing = false;
  await mount.getByRole('button', { name: 'Open the editor' }).click();
  await expect(mount).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
  await expect(editorOf(mount).locator('.native-edit-context, textarea.inputarea')).toBeFocused();
});

test('two tabs on one exercise: the other tab’s text is offered, never silently dropped', async ({ page, context }) => {
  const a = await openExercise(page, ex);
  const other = await context.newPage();
  const b = await openExercise(other, ex);
  await editorOf(b).locator('.view-line', { hasText: 'name: example-service' }).first().click();
  await other.keyboard.press('End');
  await other.keyboard.type(' # from tab B', { delay: 10 });
  await expect.poll(() => editorText(b)).toContain('# from tab B');
  // Tab A asks; its own text is untouched until it answers.
  const useTheirs = a.getByRole('button', { name: 'Use the other tab’s text' });
  await expect(useTheirs).toBeVisible();
  expect(await editorText(a)).toBe(ex.starter);
  expect(await seriousViolations(page)).toEqual([]);
  await useTheirs.click();
  await expect.poll(() => editorText(a)).toContain('# from tab B');
  await expect(editorOf(a).locator('.native-edit-context, textarea.inputarea')).toBeFocused();
  await expect(useTheirs).toBeHidden();

  // Now A edits; B asks; B keeps its own text, which is saved.
  await editorOf(a).locator('.view-line', { hasText: 'port: 80' }).first().click();
  await page.keyboard.press('End');
  await page.keyboard.type(' # from tab A', { delay: 10 });
  const keepMine = b.getByRole('button', { name: 'Keep mine' });
  await expect(keepMine).toBeVisible();
  await b.getByRole('button', { name: 'Keep mine' }).click();
  const stored = () => other.evaluate((k) => JSON.parse(localStorage.getItem(k) ?? '{}').text as string, `slicelab:exercise:v1:${ex.id}`);
  await expect.poll(stored).not.toContain('# from tab A');
  expect(await stored()).toContain('# from tab B');
  // ...and A, whose text now differs from the saved one, is asked in turn.
  await expect(a.getByRole('button', { name: 'Keep mine' })).toBeVisible();
});

test('Reset asks first, and "Bring my text back" restores the text after edits and a reload', async ({ page }) => {
  const mount = await openExercise(page, ex);
  await pasteText(page, mount, ex.solution);
  await mount.getByRole('button', { name: 'Reset', exact: true }).click();
  const yes = mount.getByRole('button', { name: 'Yes, reset' });
  await expect(yes).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await mount.getByRole('button', { name: 'Cancel' }).click();
  expect(await editorText(mount)).toBe(ex.solution);
  await mount.getByRole('button', { name: 'Reset', exact: true }).click();
  await yes.click();
  await expect.poll(() => editorText(mount)).toBe(ex.starter);
  // Typing does not take the way back away.
  await editorOf(mount).locator('.view-line', { hasText: 'port: 80' }).first().click();
  await page.keyboard.press('End');
  await page.keyboard.type('0', { delay: 10 });
  await expect(mount.getByRole('button', { name: 'Bring my text back' })).toBeVisible();
  await expect.poll(() => page.evaluate((k) => localStorage.getItem(k) ?? '', `slicelab:exercise:v1:${ex.id}`)).toContain('port: 800');
  await page.reload();
  const again = await openExercise(page, ex);
  await expect.poll(() => editorText(again)).toContain('port: 800');
  await again.getByRole('button', { name: 'Bring my text back' }).click();
  await expect.poll(() => editorText(again)).toBe(ex.solution);
  await expect(again.getByRole('button', { name: 'Bring my text back' })).toBeHidden();
  await page.reload();
  const third = await openExercise(page, ex);
  expect(await editorText(third)).toBe(ex.solution);
  await expect(third.getByRole('button', { name: 'Bring my text back' })).toBeHidden();
});

test('while the text is invalid the Terminal runs against the last valid text and says so; screen readers hear it', async ({ page }) => {
  const mount = await openExercise(page, ex);
  await pasteText(page, mount, ex.solution);
  await editorOf(mount).locator('.view-line', { hasText: 'port: 80' }).first().click();
  await page.keyboard.press('End');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('eighty', { delay: 20 });
  await expect(mount).toHaveAttribute('data-stale', 'true');
  await expect(mount.locator('.ex-announce')).toHaveText(/The manifest does not validate \(line \d+\): the results show your last valid text\./);
  await mount.getByRole('tab', { name: 'Terminal' }).click();
  const input = mount.getByRole('textbox', { name: 'kubectl command' });
  await input.fill('kubectl get endpoints example-service');
  await input.press('Enter');
  const log = mount.getByRole('log', { name: 'Terminal output' });
  await expect(log).toContainText('this runs against your last valid text');
  await expect(log).toContainText(/example-service\s+10\.244\.\d+\.\d+:9376/);
  await expect(log).not.toContainText('not found');
  expect(await seriousViolations(page)).toEqual([]);
  // Valid again: heard too.
  await pasteText(page, mount, ex.solution);
  await expect(mount).toHaveAttribute('data-stale', 'false');
  await expect(mount.locator('.ex-announce')).toHaveText(/The manifest validates again\./);
});

test('the Hints tab gives the fix only after an attempt', async ({ page }) => {
  const mount = await openExercise(page, ex);
  await mount.getByRole('tab', { name: 'Hints' }).click();
  const hints = mount.getByRole('tabpanel', { name: 'Hints' });
  await expect(hints).toContainText('What the simulator sees');
  await expect(hints).toContainText('Try it first');
  await expect(hints).not.toContainText('Fix:');
  await expect(hints.getByRole('heading', { name: 'Hints for this mistake' })).toHaveCount(0);
  await mount.getByRole('button', { name: 'Check', exact: true }).click();
  await mount.getByRole('tab', { name: 'Hints' }).click();
  await expect(hints).toContainText('Fix:');
  await expect(hints).not.toContainText('Try it first');
});
