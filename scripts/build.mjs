// `npm run build`: generate the Kubernetes schemas and validators (when their generator exists), then build the site.
import { existsSync } from 'node:fs';
import { npm, npx, run } from './run.mjs';

if (existsSync('scripts/gen-schemas.ts')) {
  const code = await run(npm, ['run', '--silent', 'gen']);
  if (code !== 0) process.exit(code);
}
process.exit(await run(npx, ['astro', 'build']));
