// What a browser fetches for a page of the built site, read from the files in dist/: the HTML's
// scripts, module preloads, stylesheets and icons, then what those scripts import. With
// `onDemand`, also what they load later: import()ed chunks (the exercise editor with Monaco), web
// workers and the fonts the editor's CSS-in-JS names — a superset of what the browser loads.
import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';

const HTML_REF = /<(?:script|link)\b[^>]*?\b(?:src|href)="(\/[^"]+)"[^>]*>/g;
const SKIP_LINK = /\brel="(?:canonical|sitemap|alternate)"/;
const STATIC_IMPORT = /(?:^|[;}\s)])(?:import|export)\s*(?:[\w$*{}\s,]*?from\s*)?["'`](\.{1,2}\/[^"'`]+\.js)["'`]/g;
// Any quoted reference to a built asset: import(), new Worker(), font and chunk URLs.
const ANY_ASSET = /["'`]((?:\.{1,2}\/|\/_astro\/)[^"'`\s]+\.(?:js|css|ttf|woff2?|wasm))["'`]/g;

function resolveFrom(from: string, spec: string) {
  return spec.startsWith('/') ? spec : posix.join(posix.dirname(from), spec);
}

export function pageAssets(dist: string, pagePath: string, { onDemand = false } = {}): string[] {
  const html = readFileSync(join(dist, pagePath, 'index.html'), 'utf8');
  const roots = [...html.matchAll(HTML_REF)].filter((m) => !SKIP_LINK.test(m[0])).map((m) => m[1]);
  const seen = new Set<string>();
  const stack = [...roots];
  while (stack.length) {
    const url = stack.pop()!;
    if (seen.has(url)) continue;
    seen.add(url);
    if (!url.endsWith('.js') && !url.endsWith('.css')) continue;
    const file = join(dist, url);
    if (!existsSync(file)) continue; // the test then sees the 404
    const code = readFileSync(file, 'utf8');
    const pattern = onDemand ? ANY_ASSET : STATIC_IMPORT;
    for (const m of code.matchAll(new RegExp(pattern.source, 'g'))) stack.push(resolveFrom(url, m[1]));
  }
  return [pagePath, ...[...seen].sort()];
}
