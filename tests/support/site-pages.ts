// Every page of the built site, as paths, from the sitemap Astro writes into dist/.
import { readdirSync, readFileSync } from 'node:fs';

export function builtPagePaths(): string[] {
  const sitemaps = readdirSync('dist').filter((f) => /^sitemap-\d+\.xml$/.test(f));
  if (sitemaps.length === 0) throw new Error('dist/ has no sitemap: build the site first (npm run build)');
  const paths = sitemaps.flatMap((file) =>
    [...readFileSync(`dist/${file}`, 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]).pathname),
  );
  return [...new Set(paths)].sort();
}
