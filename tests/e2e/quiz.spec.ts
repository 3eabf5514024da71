// "Check your understanding": answered by keyboard alone, wrong then right, with the explanations;
// remembered after a reload; readable without JavaScript; no serious axe finding; found by search.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

const LESSON = '/lessons/troubleshooting/'; // a quiz and no editor, so Tab walks the page as a reader's would
const KEY = 'lessons/troubleshooting/empty-cell';

const question = (page: Page) => page.locator(`div[data-quiz-key="${KEY}"]`);

/** Presses Tab until `target` has focus; fails if it never gets there (it is not keyboard reachable). */
async function tabTo(page: Page, target: ReturnType<Page['locator']>, max = 400) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error(`Tab never reached ${target}`);
}

test('a quiz question answered by keyboard, wrongly then rightly, is remembered after a reload', async ({ page }) => {
  await page.goto(LESSON);
  const q = question(page);
  const choices = q.getByRole('radio');
  const check = q.getByRole('button', { name: 'Check' });
  const feedback = q.getByRole('status');
  await expect(q.getByRole('group', { name: /Question 1: .*empty ENDPOINTS cell/ })).toBeVisible();
  await expect(choices).toHaveCount(3);

  // Wrong: the first choice ("The selector matches no Pod").
  await tabTo(page, choices.nth(0));
  await page.keyboard.press('Space');
  await expect(choices.nth(0)).toBeChecked();
  await page.keyboard.press('Tab');
  await expect(check).toBeFocused();
  // Focus is visible on the button (the quiz's own outline, not only the browser default).
  expect(await check.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('solid');
  await page.keyboard.press('Enter');
  await expect(feedback).toHaveText(/^Not right yet/);
  await expect(feedback).toHaveAttribute('aria-live', 'polite');
  const whyWrong = q.locator('[data-why="0"]');
  await expect(whyWrong).toBeVisible();
  await expect(whyWrong).toContainText('Wrong:');
  await expect(whyWrong).toContainText('<none>');
  await expect(choices.nth(0)).toHaveAccessibleDescription(/Wrong: Then the object would have no subsets/);
  // The right answer's explanation is not given away by a wrong try.
  await expect(q.locator('[data-why="1"]')).toBeHidden();

  // Right: back into the group, arrow to the second choice, Check with Space.
  await page.keyboard.press('Shift+Tab');
  await expect(choices.nth(0)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(choices.nth(1)).toBeChecked();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  await expect(feedback).toHaveText('Right.');
  for (const i of [0, 1, 2]) await expect(q.locator(`[data-why="${i}"]`)).toBeVisible();
  await expect(q.locator('[data-why="1"]')).toContainText('Right: The cell lists only ready addresses');

  const stored = await page.evaluate((key) => JSON.parse(localStorage.getItem('slicelab:quiz:v1')!).questions[key], KEY);
  expect(stored).toMatchObject({ correct: true, chosen: [1], attempts: 2 });
  // The lesson's score goes to the course progress too (the progress page and its export read it):
  // 1 of the lesson's 5 questions right.
  const score = await page.evaluate(() => JSON.parse(localStorage.getItem('slicelab:progress')!).quizzes['lessons/troubleshooting']);
  expect(score).toMatchObject({ score: 1, total: 5 });

  await page.reload();
  await expect(question(page).getByRole('status')).toHaveText('Your last answer here was right (2 tries).');
  await expect(question(page).getByRole('radio').nth(1)).toBeChecked();
  await expect(question(page).locator('[data-why="1"]')).toBeVisible();
  // Other questions were not answered and show nothing.
  await expect(page.locator('div[data-quiz-key="lessons/troubleshooting/ports-unset"]').getByRole('status')).toHaveText('');
});

test('several right answers: checkboxes, and a partial answer is told how far it got', async ({ page }) => {
  await page.goto('/lessons/services/');
  const q = page.locator('div[data-quiz-key="lessons/services/empty-selector"]');
  await expect(q.getByRole('group', { name: /choose every right answer/ })).toBeVisible();
  await q.getByRole('checkbox', { name: /with no `?selector/ }).check();
  await q.getByRole('button', { name: 'Check' }).click();
  await expect(q.getByRole('status')).toHaveText('Not right yet: You found 1 of 3 right answers. Read why under your choices, then try again.');
  await q.getByRole('checkbox').nth(1).check();
  await q.getByRole('checkbox').nth(2).check();
  await q.getByRole('button', { name: 'Check' }).click();
  await expect(q.getByRole('status')).toHaveText('Right: you found all 3 right answers.');
});

test('a prediction shows the answer the simulator computed at build time', async ({ page }) => {
  await page.goto('/lessons/endpointslices/');
  const q = page.locator('div[data-quiz-key="lessons/endpointslices/slices-for-250-pods"]');
  await expect(q.locator('pre')).toContainText('replicas: 250');
  const computed = q.locator('[data-computed]');
  await expect(computed).toBeHidden();
  await q.getByRole('radio', { name: '1', exact: true }).check();
  await q.getByRole('button', { name: 'Check' }).click();
  await expect(computed).toBeVisible();
  await expect(computed).toHaveText('The simulator computed: 3 EndpointSlices (100, 100, 50 endpoints).');
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('a quiz reads as text: the question, its choices, and the answer with why in a details', async ({ page }) => {
    await page.goto(LESSON);
    const q = question(page);
    await expect(q.locator('legend')).toContainText('shows an empty ENDPOINTS cell, not <none>');
    await expect(q.getByText('Pods are selected but none is Ready').first()).toBeVisible();
    await expect(q.getByRole('button', { name: 'Check' })).toBeHidden();
    const details = q.locator('details');
    await expect(details.locator('summary')).toHaveText('Answer and explanations');
    await details.locator('summary').click(); // a native <details> opens without a script
    await expect(details).toContainText('Right answer: Pods are selected but none is Ready');
    await expect(details).toContainText('Wrong: The selector matches no Pod. Then the object would have no subsets');
    // A prediction's computed answer is in its details too.
    await page.goto('/lessons/endpointslices/');
    const p = page.locator('div[data-quiz-key="lessons/endpointslices/slices-for-250-pods"] details');
    await p.locator('summary').click();
    await expect(p).toContainText('The simulator computed: 3 EndpointSlices (100, 100, 50 endpoints).');
  });
});

for (const theme of ['light', 'dark'] as const) {
  test(`a lesson with a checked quiz has no serious accessibility violations (${theme})`, async ({ page }) => {
    await page.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
    await page.goto(LESSON);
    const q = question(page);
    await q.getByRole('radio').first().check();
    await q.getByRole('button', { name: 'Check' }).click();
    await q.locator('details summary').click();
    await expect(q.locator('[data-why="0"]')).toBeVisible();
    const results = await new AxeBuilder({ page }).include('main').analyze();
    const serious = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(serious).toEqual([]);
  });
}

test('site search finds quiz text and glossary terms', async ({ page }) => {
  await page.goto('/');
  const dialog = page.getByRole('dialog', { name: 'Search' });
  const search = async (text: string) => {
    await page.getByRole('button', { name: 'Search' }).click();
    await dialog.getByRole('textbox', { name: 'Search' }).fill(text);
    return dialog.getByRole('link');
  };
  // Only a quiz question says this.
  let results = await search('monitoring tool adds up the endpoints');
  await expect(results.filter({ hasText: /^EndpointSlices$/ }).first()).toBeVisible();
  await page.keyboard.press('Escape');
  results = await search('PodGC');
  await expect(results.filter({ hasText: /^Glossary$/ }).first()).toBeVisible();
});
