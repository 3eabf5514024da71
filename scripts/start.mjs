// `npm start`: build the site when it is missing or stale, then serve dist/ on every network interface
// so a workshop room can use one laptop as the server (fully offline). `--port N` changes the port.
import { siteNeedsBuild } from './freshness.mjs';
import { npm, npx, run } from './run.mjs';

const portFlag = process.argv.indexOf('--port');
const port = portFlag > -1 ? process.argv[portFlag + 1] : process.env.PORT || '4321';
if (!/^\d+$/.test(String(port))) {
  console.error(`npm start: --port needs a number, got "${port}"`);
  process.exit(2);
}

if (siteNeedsBuild()) {
  console.log('Building the course (first start, or sources changed)...');
  const code = await run(npm, ['run', 'build']);
  if (code !== 0) process.exit(code);
}
console.log(`\nServing SliceLab on port ${port}. Learners on the same network open the "Network" address below.\n`);
process.exit(await run(npx, ['astro', 'preview', '--host', '0.0.0.0', '--port', String(port)]));
