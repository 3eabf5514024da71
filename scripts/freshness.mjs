// Is the built site older than its sources? Used by `npm start` and the e2e runner to build only when needed.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const SOURCES = ['src', 'content', 'exercises', 'public', 'astro.config.mjs', 'scripts/csp.mjs', 'package.json', 'package-lock.json'];
const BUILT = 'dist/index.html';

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const name of readdirSync(path)) {
    if (name === 'generated' || name === 'node_modules') continue; // outputs of the build itself
    newest = Math.max(newest, newestMtime(join(path, name)));
  }
  return newest;
}

export function siteNeedsBuild() {
  if (!existsSync(BUILT)) return true;
  const built = statSync(BUILT).mtimeMs;
  return SOURCES.some((source) => newestMtime(source) > built);
}
