// The progress page: completion per module from what the learner did, export to a JSON download and
// import of it in a fresh browser (asked first: merge or replace), clear messages for a bad or
// foreign file, reset with confirmation, the migration of progress stored by the previous version,
// and no serious accessibility problem.
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { editorText, exerciseById, openExercise, pasteText } from '../support/exercise-page';

const ex = exerciseById('fix-selector');
const LESSON = `lessons/${ex.lesson}`;
const mine = `${ex.solution.trimEnd()}\n# carried home\n`;

const lessonState = (page: Page, slug: string) => page.locator(`[data-lesson="${slug}"] > [data-state-of]`);
const exerciseState = (page: Page, id: string) => page.locator(`[data-exercise="${id}"] [data-state-of]`);
/** The "merge or replace?" question an import asks (named by its text: "<file> (exported <date>) has …"). */
const importQuestion = (page: Page) => page.getByRole('group', { name: /\(exported / });
const stored = (page: Page) => page.evaluate(() => localStorage.getItem('slicelab:progress'));

async function progressFile(page: Page): Promise<string> {
  await page.goto('/progress/');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export progress' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^slicelab-progress-\d{4}-\d{2}-\d{2}\.json$/);
  return readFileSync((await download.path())!, 'utf8');
}

async function chooseFile(page: Page, name: string, text: string) {
  await page.getByLabel('Import progress from a file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

test('export, then import in a fresh browser: progress and exercise text come along, after asking', async ({ page, browser, baseURL }) => {
  await page.goto(`/${LESSON}/`);
  await page.getByRole('button', { name: 'Mark lesson as complete' }).click();
  const mount = await openExercise(page, ex);
  await pasteText(page, mount, mine);
  await mount.getByRole('button', { name: 'Check', exact: true }).click();
  await expect(mount).toHaveAttribute('data-checked', 'pass');

  await page.goto('/progress/');
  await expect(lessonState(page, LESSON)).toHaveText('— read ✓');
  await expect(exerciseState(page, ex.id)).toHaveText('— passed ✓');
  await expect(page.locator('[data-module="foundations"] [data-module-summary]')).toContainText(/^1 of \d+ lessons? read, 1 of \d+ exercises? passed/);
  const text = await progressFile(page);
  const file = JSON.parse(text);
  expect(file).toMatchObject({ format: 'slicelab-progress', version: 2, progress: { lessons: { [LESSON]: { done: true } }, exercises: { [ex.id]: { done: true } } } });
  expect(file.work[ex.id].text).toBe(mine);

  // Another browser (a fresh context: nothing stored).
  const fresh = await browser.newContext({ baseURL });
  const other = await fresh.newPage();
  await other.goto('/progress/');
  await expect(lessonState(other, LESSON)).toHaveText('— not read yet');
  await chooseFile(other, 'slicelab-progress.json', text);
  const question = importQuestion(other);
  await expect(question).toContainText('slicelab-progress.json');
  await expect(question).toContainText('has 1 lesson read, 1 exercise passed, 0 quiz results, 1 exercise text');
  await expect(question).toContainText('This browser has 0 lessons read');
  expect(await stored(other)).toBeNull(); // nothing written before the learner chooses
  await question.getByRole('button', { name: 'Merge with my progress' }).click();
  await expect(other.getByRole('status').filter({ hasText: 'Merged' })).toContainText('Merged 1 lesson read');
  await expect(lessonState(other, LESSON)).toHaveText('— read ✓');
  await expect(exerciseState(other, ex.id)).toHaveText('— passed ✓');
  await other.goto(`/${LESSON}/`);
  await expect(other.getByRole('button', { name: /Completed/ })).toHaveAttribute('aria-pressed', 'true');
  expect(await editorText(await openExercise(other, ex))).toBe(mine);
  await fresh.close();
});

test('a bad or foreign file is refused with a clear message and changes nothing', async ({ page }) => {
  await page.goto('/progress/');
  const alert = page.getByRole('alert');
  await chooseFile(page, 'notes.json', '{"lessons": [');
  await expect(alert).toHaveText(/^notes\.json: This file is not a SliceLab progress file: it is not valid JSON/);
  await chooseFile(page, 'package.json', '{"name": "my-app", "version": "1.0.0"}');
  await expect(alert).toHaveText(/^package\.json: This file is not a SliceLab progress file\. Choose the file that "Export progress" downloaded/);
  await chooseFile(page, 'edited.json', '{"format":"slicelab-progress","version":2,"exportedAt":"2026-12-01","progress":{"version":2,"lessons":{"lessons/services":{"done":"yes","at":"x"}},"exercises":{},"quizzes":{}},"work":{}}');
  await expect(alert).toHaveText(/damaged at "progress\.lessons\.lessons\/services\.done".*Nothing was imported\./);
  await expect(importQuestion(page)).toBeHidden();
  expect(await stored(page)).toBeNull();
});

test('replace keeps only the file’s progress; cancel keeps mine', async ({ page }) => {
  const theirs = JSON.stringify({
    format: 'slicelab-progress',
    version: 2,
    exportedAt: '2026-12-01T10:00:00.000Z',
    progress: { version: 2, lessons: { 'lessons/endpoints': { done: true, at: '2026-12-01T09:00:00.000Z' } }, exercises: {}, quizzes: { 'lessons/endpoints': { score: 2, total: 3, at: '2026-12-01T09:05:00.000Z' } } },
    work: {},
  });
  await page.goto(`/${LESSON}/`);
  await page.getByRole('button', { name: 'Mark lesson as complete' }).click();
  await page.goto('/progress/');
  await chooseFile(page, 'theirs.json', theirs);
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'cancelled' })).toHaveText('Import cancelled: nothing changed.');
  await expect(lessonState(page, LESSON)).toHaveText('— read ✓');

  await chooseFile(page, 'theirs.json', theirs);
  await page.getByRole('button', { name: 'Replace my progress' }).click();
  await expect(lessonState(page, LESSON)).toHaveText('— not read yet');
  await expect(lessonState(page, 'lessons/endpoints')).toHaveText('— read ✓');
  await expect(page.locator('[data-quizzes-of="lessons/endpoints"]')).toHaveText('Quiz: 2 of 3 correct');
  await expect(page.locator('[data-module="endpoints"] [data-module-summary]')).toContainText('1 quiz result');
});

test('reset asks first, then forgets progress', async ({ page }) => {
  await page.goto(`/${LESSON}/`);
  await page.getByRole('button', { name: 'Mark lesson as complete' }).click();
  await page.goto('/progress/');
  await page.getByRole('button', { name: 'Reset progress…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Reset all progress?' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(lessonState(page, LESSON)).toHaveText('— read ✓');
  await page.getByRole('button', { name: 'Reset progress…' }).click();
  await dialog.getByRole('button', { name: 'Reset progress' }).click();
  await expect(lessonState(page, LESSON)).toHaveText('— not read yet');
  await expect(page.getByRole('status').filter({ hasText: 'reset' })).toHaveText('Your progress was reset.');
});

test('progress stored by the previous version is migrated, not lost', async ({ page }) => {
  // Literally what the site stored before progress had a version (key slicelab:progress:v1).
  await page.addInitScript(() => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem(
        'slicelab:progress:v1',
        '{"lessons":{"lessons/services":{"done":true,"at":"2026-11-30T09:12:00.000Z"}},"exercises":{"fix-selector":{"done":true,"at":"2026-11-30T09:15:30.000Z"}}}',
      );
      sessionStorage.setItem('seeded', '1');
    }
  });
  await page.goto('/progress/');
  await expect(lessonState(page, LESSON)).toHaveText('— read ✓');
  await expect(exerciseState(page, ex.id)).toHaveText('— passed ✓');
  expect(JSON.parse((await stored(page))!)).toMatchObject({ version: 2, lessons: { [LESSON]: { done: true } }, quizzes: {} });
  expect(await page.evaluate(() => localStorage.getItem('slicelab:progress:v1'))).toBeNull();
});

test('the progress page is linked from the sidebar', async ({ page }) => {
  await page.goto('/lessons/endpoints/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Your progress' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your progress' })).toBeVisible();
});

for (const theme of ['light', 'dark'] as const) {
  test(`the progress page has no serious accessibility violations (${theme} theme, import question open)`, async ({ page }) => {
    await page.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
    await page.goto('/progress/');
    await chooseFile(page, 'bad.json', '{}');
    await expect(page.getByRole('alert')).not.toBeEmpty();
    await chooseFile(page, 'p.json', JSON.stringify({ format: 'slicelab-progress', version: 2, exportedAt: '2026-12-01', progress: { version: 2, lessons: {}, exercises: {}, quizzes: {} }, work: {} }));
    await expect(importQuestion(page)).toBeVisible();
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(serious).toEqual([]);
  });
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the progress page lists the course and says progress needs JavaScript, offering no broken buttons', async ({ page }) => {
    await page.goto('/progress/');
    await expect(page.getByText('Your progress is kept in this browser; showing it needs JavaScript.')).toBeVisible();
    await expect(page.getByRole('link', { name: 'Services and selectors' }).last()).toBeVisible();
    await expect(page.getByRole('button', { name: 'Export progress' })).toBeHidden();
    await expect(page.getByRole('button', { name: 'Reset progress…' })).toBeHidden();
  });
});
