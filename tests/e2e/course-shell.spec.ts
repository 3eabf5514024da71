// The course shell a learner relies on: readable without JavaScript, navigation, progress that
// survives reloads, storage failures that never break a page, themes and a phone-sized layout.
import { expect, test } from '@playwright/test';

const LESSON = '/lessons/endpointslices/';

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('a lesson is fully readable', async ({ page }) => {
    await page.goto(LESSON);
    await expect(page.getByRole('heading', { level: 1, name: 'EndpointSlices' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Conditions instead of two lists' })).toBeVisible();
    await expect(page.locator('main pre').first()).toContainText('kind: EndpointSlice');
    // The progress button needs storage, so it stays hidden rather than offering something broken.
    await expect(page.getByRole('button', { name: /Mark lesson as complete/ })).toBeHidden();
  });
});

test('home page shows objectives and the learning path in order', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'What you will be able to do' })).toBeVisible();
  const lessons = page.locator('.learning-path a');
  await expect(lessons.first()).toHaveText('Services and selectors');
  await expect(lessons.nth(1)).toHaveText('The Endpoints object');
  await expect(lessons.nth(2)).toHaveText('EndpointSlices');
});

test('lesson pages have sidebar and previous/next links; reading lessons have an outline', async ({ page }) => {
  await page.goto('/lessons/endpoints/');
  const sidebar = page.getByRole('navigation', { name: 'Main' });
  await expect(sidebar.getByRole('link', { name: 'Services and selectors' })).toBeVisible();
  await expect(page.getByRole('link', { name: /Previous.*Services and selectors/ })).toBeVisible();
  await expect(page.getByRole('link', { name: /Next.*EndpointSlices/ })).toBeVisible();
  // Lessons with an exercise give the outline's column to the editor; the others keep "On this page".
  await page.goto('/lessons/troubleshooting/');
  await expect(page.getByRole('heading', { name: 'On this page' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'On this page' }).getByRole('link').nth(1)).toBeVisible();
});

test('marking a lesson complete survives a reload and shows in the sidebar and home page', async ({ page }) => {
  await page.goto(LESSON);
  const button = page.getByRole('button', { name: 'Mark lesson as complete' });
  await button.click();
  await expect(page.getByRole('button', { name: /Completed/ })).toHaveAttribute('aria-pressed', 'true');
  await page.reload();
  await expect(page.getByRole('button', { name: /Completed/ })).toBeVisible();
  await expect(page.locator('nav a.is-done', { hasText: 'EndpointSlices' }).first()).toBeVisible();
  await page.goto('/');
  await expect(page.locator('[data-lesson="lessons/endpointslices"] .learning-path__done')).toBeVisible();
});

test('a storage that throws never breaks a lesson', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('denied', 'SecurityError');
      },
    });
  });
  await page.goto(LESSON);
  await page.getByRole('button', { name: 'Mark lesson as complete' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'not saving progress' })).toBeVisible();
  expect(errors).toEqual([]);
});

test('a full storage never breaks a lesson', async ({ page }) => {
  await page.addInitScript(() => {
    Storage.prototype.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
  });
  await page.goto(LESSON);
  await page.getByRole('button', { name: 'Mark lesson as complete' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'not saving progress' })).toBeVisible();
});

test('dark and light themes both apply', async ({ page }) => {
  await page.goto(LESSON);
  const select = page.getByRole('combobox', { name: 'Select theme' }).first();
  await select.selectOption('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await select.selectOption('light');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });
  test('the menu opens and the page does not scroll sideways', async ({ page }) => {
    await page.goto(LESSON);
    await page.getByRole('button', { name: 'Menu' }).click();
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Services and selectors' })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
