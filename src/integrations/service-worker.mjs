// Astro integration: after the build, Workbox writes dist/sw.js, a service worker that precaches
// the whole built site (pages, scripts, Monaco's and monaco-yaml's workers, fonts, the search index),
// so after one visit every lesson, exercise and search works with no server.
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generateSW, getManifest } from 'workbox-build';

/** What goes into the precache: everything a page can load, by extension. */
const PRECACHE = ['**/*.{html,js,css,ttf,woff,woff2,svg,png,ico,json,webmanifest,pagefind,pf_meta,pf_index,pf_fragment}'];
// Pagefind's own UI bundles: Starlight bundles its search UI into _astro/ and never loads these.
const IGNORE = ['pagefind/pagefind-ui.*', 'pagefind/pagefind-*-ui.*', 'pagefind/pagefind-highlight.js', 'sw.js', 'workbox-*.js'];
/** Monaco's editor bundle is the largest file (about 4.4 MB); nothing may be silently left out. */
const MAX_FILE = 8 * 1024 * 1024;
/** The whole precache must stay below this, or a learner's first visit downloads too much. */
export const PRECACHE_BUDGET = 16 * 1024 * 1024;

/**
 * Writes `<dir>/sw.js` (and Workbox's runtime beside it) for the built site in `dir`.
 * Exported for the update test, which regenerates the worker of a changed copy of dist/.
 */
export async function writeServiceWorker(dir) {
  if (!existsSync(`${dir}/pagefind/pagefind-entry.json`))
    throw new Error(`${dir}/pagefind/ has no search index: the service worker must be written after Pagefind runs`);
  const files = { globDirectory: dir, globPatterns: PRECACHE, globIgnores: IGNORE, maximumFileSizeToCacheInBytes: MAX_FILE };
  const { manifestEntries } = await getManifest(files);
  const result = await generateSW({
    ...files,
    swDest: `${dir}/sw.js`,
    // A new version waits until the learner presses Reload (src/offline/register.ts): two versions never mix.
    skipWaiting: false,
    clientsClaim: true,
    cleanupOutdatedCaches: true,
    // /lessons/services/ is precached as /lessons/services/index.html.
    directoryIndex: 'index.html',
    ignoreURLParametersMatching: [/.*/],
    // A page that is not part of the site: the network's answer, or the site's 404 page when offline.
    runtimeCaching: [
      {
        urlPattern: ({ request }) => request.mode === 'navigate',
        handler: 'NetworkOnly',
        options: { precacheFallback: { fallbackURL: '/404.html' } },
      },
    ],
    mode: 'production',
    sourcemap: false,
  });
  // Workbox warns when it leaves a file out (too large, for one): that would be a page broken offline.
  if (result.warnings.length) throw new Error(`the service worker would not precache everything:\n${result.warnings.join('\n')}`);
  if (result.size > PRECACHE_BUDGET)
    throw new Error(`the precache is ${mib(result.size)}, over its budget of ${mib(PRECACHE_BUDGET)}`);
  return { ...result, urls: manifestEntries.map((e) => e.url) };
}

const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
const mib = (bytes) => `${(bytes / 1024 / 1024).toFixed(2)} MiB`;

export default function serviceWorker() {
  return {
    name: 'slicelab:service-worker',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir).replace(/\/$/, '');
        const { count, size, urls } = await writeServiceWorker(root);
        logger.info(`sw.js precaches ${count} files, ${mib(size)}:`);
        for (const url of urls) logger.info(`  ${kib(statSync(`${root}/${url}`).size).padStart(10)}  ${url}`);
      },
    },
  };
}
