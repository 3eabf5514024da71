// `npm run bundle`: the built course as one zip a facilitator copies on a USB stick and serves with
// any static file server: release/slicelab-site-<version>.zip, holding
//   slicelab-site-<version>/site/      the site (its pages carry the strict CSP in their <meta>,
//                                      since a plain file server sends no CSP header)
//   slicelab-site-<version>/serve.mjs  this project's own server (no dependencies: `node serve.mjs`)
//   slicelab-site-<version>/README.txt how to serve it with Python or Node, offline
// Builds the site first when it is missing or stale. Made with fflate, so no `zip` program is needed.
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';
import { policyForSite, withMetaPolicy } from './csp.mjs';
import { siteNeedsBuild } from './freshness.mjs';
import { npm, run } from './run.mjs';

const OUT_DIR = 'release';
// Compressed already: storing them again saves nothing.
const STORED = new Set(['.woff2', '.woff', '.png', '.jpg', '.webp', '.pf_fragment', '.pf_index', '.pf_meta', '.pagefind', '.zip']);

export function readme(name) {
  return `SliceLab, the course on Kubernetes Services, Endpoints and EndpointSlices, as a static website.
Nothing in it needs the internet: serve the "site" folder from one laptop and the room opens it in a browser.

Serve it with either of these one-line commands, run in this folder (${name}):

  python3 -m http.server 8000 --directory site     (Python 3.7 or newer)
  node serve.mjs --port 8000                       (Node 18 or newer; no install, no network)

Then open http://localhost:8000/ on this laptop. Participants on the same network (Wi-Fi or a
hotspot) open http://<this laptop's address>:8000/; "node serve.mjs" prints those addresses.
Any other static file server works too: serve the "site" folder as the root of the address.

On Windows use "py -m http.server 8000 --directory site" if "python3" is not found.
Stop the server with Ctrl-C. Learners' text and progress stay in their own browser.
`;
}

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

/** Builds the zip from `dist`; returns its path. */
export function makeBundle({ dist = 'dist', outDir = OUT_DIR, version = JSON.parse(readFileSync('package.json', 'utf8')).version } = {}) {
  const name = `slicelab-site-${version}`;
  const csp = policyForSite(dist);
  const entries = {};
  const add = (path, data, options = {}) => (entries[`${name}/${path}`] = [data, options]);
  for (const file of files(dist)) {
    const path = relative(dist, file).split(sep).join('/');
    let data = readFileSync(file);
    if (file.endsWith('.html')) data = Buffer.from(withMetaPolicy(data.toString('utf8'), csp));
    add(`site/${path}`, data, { level: STORED.has(extname(file)) ? 0 : 6, mtime: statSync(file).mtime });
  }
  add('serve.mjs', readFileSync(new URL('./serve.mjs', import.meta.url)));
  add('csp.mjs', readFileSync(new URL('./csp.mjs', import.meta.url)));
  add('README.txt', Buffer.from(readme(name)));
  mkdirSync(outDir, { recursive: true });
  const out = join(outDir, `${name}.zip`);
  writeFileSync(out, zipSync(entries, { level: 6 }));
  return out;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (siteNeedsBuild()) {
    console.log('Building the course first (missing or stale)...');
    const code = await run(npm, ['run', 'build']);
    if (code !== 0) process.exit(code);
  }
  const out = makeBundle();
  console.log(`${out} (${(statSync(out).size / 1024 / 1024).toFixed(1)} MB): copy it on a USB stick; its README.txt says how to serve it.`);
}
