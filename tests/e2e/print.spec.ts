// Printing: a lesson prints without the site's navigation, search, theme select or buttons; code
// wraps instead of being cut at the edge; an exercise prints its goal and starter YAML, not the
// editor. The facilitator notes print too, with an agenda computed from the lessons' minutes.
import { readFileSync, readdirSync } from 'node:fs';
import { load } from 'js-yaml';
import { expect, test, type Page } from '@playwright/test';
import { exerciseById, openExercise } from '../support/exercise-page';

const ex = exerciseById('fix-selector');

/** The code blocks of the lesson whose content is wider than their box (cut, or scrolling). */
const overflowingCode = (page: Page) =>
  page.locator('.sl-markdown-content pre').evaluateAll((pres) => pres.filter((p) => p.scrollWidth > p.clientWidth + 1).length);

/** The site's navigation and controls: all visible on a wide screen, none on paper. */
const siteChrome = (page: Page) => [
  page.locator('header.header'),
  page.getByRole('navigation', { name: 'Main' }).getByRole('link').first(), // the nav itself has no height
  page.getByRole('button', { name: 'Search' }),
  page.locator('header starlight-theme-select'),
  page.locator('.pagination-links'),
];

async function expectSiteChrome(page: Page, shown: boolean) {
  for (const chrome of siteChrome(page)) {
    if (shown) await expect(chrome).toBeVisible();
    else await expect(chrome).toBeHidden();
  }
}

test('a lesson with an exercise prints its goal and starter instead of the editor, without navigation', async ({ page }) => {
  const mount = await openExercise(page, ex);
  await expect(page.locator(`[data-exercise-static="${ex.id}"]`)).toBeHidden(); // the editor replaced it on screen
  await expectSiteChrome(page, true);

  await page.emulateMedia({ media: 'print' });
  await expectSiteChrome(page, false);
  await expect(mount).toBeHidden();
  await expect(page.getByRole('button', { name: /Mark lesson as complete/ })).toBeHidden();
  const section = page.locator(`[data-exercise-section="${ex.id}"]`);
  await expect(section.locator('.exercise-goal')).toBeVisible();
  const starter = page.locator(`[data-exercise-static="${ex.id}"]`);
  await expect(starter).toBeVisible();
  const firstLines = ex.starter.split('\n').slice(0, 3).join('\n');
  expect((await starter.locator('pre').innerText()).replace(/\r/g, '')).toContain(firstLines);
  await expect(page.getByRole('heading', { level: 1, name: 'Services and selectors' })).toBeVisible();
});

test.describe('on a narrow page', () => {
  test.use({ viewport: { width: 480, height: 900 } });
  test('code blocks wrap instead of being cut', async ({ page }) => {
    await page.goto('/lessons/troubleshooting/');
    expect(await overflowingCode(page)).toBeGreaterThan(0); // on screen they scroll sideways
    await page.emulateMedia({ media: 'print' });
    for (const chrome of siteChrome(page)) await expect(chrome).toBeHidden();
    expect(await overflowingCode(page)).toBe(0);
  });
});

test('the facilitator notes: agenda from the lessons’ minutes, exercises to demo, printable', async ({ page }) => {
  // The lessons' own frontmatter, read independently of the site's code.
  const lessons = readdirSync('content/lessons')
    .filter((f) => /^[^_].*\.mdx?$/.test(f))
    .map((f) => {
      const text = readFileSync(`content/lessons/${f}`, 'utf8');
      return { ...(load(/^---\n([\s\S]*?)\n---/.exec(text)![1]) as { title: string; minutes: number }), exercises: [...text.matchAll(/<Exercise id="([^"]+)"/g)].length };
    });
  const total = lessons.reduce((sum, l) => sum + l.minutes, 0);

  await page.goto('/lessons/services/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Facilitator notes' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Facilitator notes' })).toBeVisible();
  await expect(page.locator('main')).toContainText(`about ${total} minutes`);
  const agenda = page.locator('table.facilitator-agenda');
  for (const lesson of lessons) {
    const row = agenda.getByRole('row').filter({ has: page.getByRole('link', { name: lesson.title, exact: true }) });
    await expect(row.getByRole('cell').nth(1)).toHaveText(String(lesson.minutes));
  }
  await expect(agenda.locator('tfoot')).toContainText(`${total} min`);
  const exerciseCount = lessons.reduce((sum, l) => sum + l.exercises, 0);
  await expect(page.locator('.facilitator-demo')).toHaveCount(exerciseCount);
  const title = (load(readFileSync(`exercises/${ex.id}/exercise.yaml`, 'utf8')) as { title: string }).title;
  await expect(page.getByRole('heading', { level: 3, name: title })).toBeVisible();

  await expect(page.getByRole('button', { name: 'Print these notes' })).toBeVisible();
  await expect(page.locator('.right-sidebar-container')).toBeVisible(); // "On this page"
  await expectSiteChrome(page, true);
  await page.emulateMedia({ media: 'print' });
  await expectSiteChrome(page, false);
  await expect(page.locator('.right-sidebar-container')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Print these notes' })).toBeHidden();
  await expect(agenda).toBeVisible();
});
