// A lesson shows its frontmatter objectives above its text, with or without JavaScript.
import { readFileSync } from 'node:fs';
import { load } from 'js-yaml';
import { expect, test } from '@playwright/test';

const frontmatter = (slug: string) =>
  load(/^---\n([\s\S]*?)\n---/.exec(readFileSync(`content/lessons/${slug}.mdx`, 'utf8'))![1]) as { objectives: string[]; minutes: number };

for (const javaScriptEnabled of [true, false]) {
  test(`a lesson lists its objectives first (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled });
    const page = await context.newPage();
    await page.goto('/lessons/endpoints/');
    const { objectives, minutes } = frontmatter('endpoints');
    const box = page.getByRole('region', { name: 'What you will be able to do' });
    await expect(box.getByRole('listitem')).toHaveText(objectives);
    await expect(box).toContainText(`About ${minutes} minutes`);
    // It comes before the lesson's own text.
    const first = await page.locator('.sl-markdown-content > *').first().getAttribute('class');
    expect(first).toContain('lesson-objectives');
    await context.close();
  });
}
