// `npm run lighthouse`: Lighthouse reports for the built site, fully offline, in the installed Chromium.
// Performance is measured by reports, not by timed assertions in tests, so this prints a table and exits 0;
// it exits 1 only when Chromium or the server cannot start. Reports go to reports/lighthouse/.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { CHROMIUM_ARGS, HEADLESS_ARG, findChromium } from '../tests/support/chromium.mjs';
import { siteNeedsBuild } from './freshness.mjs';
import { npm, run } from './run.mjs';

// One page of each type: home, a lesson without an exercise, a lesson with the exercise editor.
const PAGES = ['/', '/lessons/troubleshooting/', '/lessons/endpoints/'];
const FORM_FACTORS = { mobile: undefined, desktop: desktopConfig }; // undefined = Lighthouse's default (mobile)
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const OUT = 'reports/lighthouse';

const fail = (sentence) => {
  console.error(sentence);
  process.exit(1);
};

/** Ask the OS for a port nobody uses, so a running `npm start` or e2e server does not get in the way. */
const freePort = () =>
  new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });

/** Resolves true once the server answers, false if it exits or stays silent for 60 s. */
async function serverReady(url, child) {
  let exited = false;
  child.once('exit', () => (exited = true)).once('error', () => (exited = true)); // error: could not start
  for (const end = Date.now() + 60_000; Date.now() < end && !exited; ) {
    try {
      if ((await fetch(url)).ok) return true;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

const chromiumPath = await findChromium();
if (!chromiumPath) fail('Lighthouse needs Chromium: install one (`sudo apt-get install -y chromium`) or set CHROMIUM_PATH.');
if (siteNeedsBuild()) {
  const code = await run(npm, ['run', 'build']);
  if (code !== 0) process.exit(code);
}

// Serve a copy of dist/: other people's builds empty and refill dist/ while we measure (404s mid-run).
const snapshot = mkdtempSync(join(tmpdir(), 'slicelab-lighthouse-'));
process.on('exit', () => rmSync(snapshot, { recursive: true, force: true })); // every way out, as below
process.on('SIGINT', () => process.exit(130));
process.on('SIGTERM', () => process.exit(143));
try {
  cpSync('dist', snapshot, { recursive: true });
} catch {
  // Files vanished while copying: the check below explains.
}
if (!PAGES.every((page) => existsSync(join(snapshot, page, 'index.html'))))
  fail('dist/ is incomplete (another build is probably running): run `npm run lighthouse` again when it ends.');

const port = await freePort();
const origin = `http://127.0.0.1:${port}`;
// The workshop server (compression, caching headers, CSP header), as `npm start` serves the site.
// Own process group, so killing it ends it whatever it started.
const server = spawn(process.execPath, ['scripts/serve.mjs', snapshot, '--host', '127.0.0.1', '--port', String(port)], {
  detached: true,
  stdio: 'ignore',
});
const stopServer = () => {
  try {
    process.kill(-server.pid, 'SIGTERM');
  } catch {
    // Already gone.
  }
};
process.on('exit', stopServer); // every way out: fail(), exceptions, Ctrl-C

if (!(await serverReady(`${origin}/`, server))) fail(`The server (scripts/serve.mjs on port ${port}) did not start.`);

let chrome;
try {
  chrome = await chromeLauncher.launch({ chromePath: chromiumPath, chromeFlags: [...CHROMIUM_ARGS, HEADLESS_ARG] });
} catch (error) {
  fail(`Chromium (${chromiumPath}) could not start: ${error.message.split('\n')[0]}`);
}

mkdirSync(OUT, { recursive: true });
const rows = [];
const external = new Set();
try {
  for (const page of PAGES) {
    for (const [formFactor, config] of Object.entries(FORM_FACTORS)) {
      const flags = { port: chrome.port, output: ['json', 'html'], logLevel: 'error', onlyCategories: CATEGORIES };
      const result = await lighthouse(`${origin}${page}`, flags, config).catch((error) => ({ error }));
      if (result.error || !result.lhr) {
        rows.push({ page, formFactor, error: result.error?.message ?? 'no result' });
        continue;
      }
      const { lhr, report } = result;
      const name = `${page.replace(/^\/|\/$/g, '').replace(/\//g, '-') || 'home'}-${formFactor}`;
      writeFileSync(`${OUT}/${name}.report.json`, report[0]);
      writeFileSync(`${OUT}/${name}.report.html`, report[1]);
      // The course must work offline: any request leaving 127.0.0.1 is a finding worth printing.
      for (const item of lhr.audits['network-requests']?.details?.items ?? [])
        if (/^https?:/.test(item.url) && !item.url.startsWith(origin)) external.add(item.url);
      const audit = (id) => lhr.audits[id]?.numericValue;
      const scripts = lhr.audits['resource-summary']?.details?.items?.find((i) => i.resourceType === 'script');
      rows.push({
        page,
        formFactor,
        scores: CATEGORIES.map((c) => lhr.categories[c]?.score),
        lcp: audit('largest-contentful-paint'),
        tbt: audit('total-blocking-time'),
        cls: audit('cumulative-layout-shift'),
        js: scripts?.transferSize,
        error: lhr.runtimeError?.message,
      });
    }
  }
} finally {
  await chrome.kill();
}

const pad = (s, n) => String(s).padEnd(n);
const num = (v, f) => (v == null ? '-' : f(v));
console.log(
  `\nLighthouse ${rows.length} runs against ${origin} (simulated throttling). Reports: ${OUT}/\n` +
    pad('page', 28) + pad('form', 9) + pad('perf', 6) + pad('a11y', 6) + pad('bp', 6) + pad('seo', 6) +
    pad('LCP', 9) + pad('TBT', 8) + pad('CLS', 7) + 'JS transfer',
);
for (const r of rows) {
  const head = pad(r.page, 28) + pad(r.formFactor, 9);
  if (!r.scores) {
    console.log(head + `failed: ${r.error}`);
    continue;
  }
  console.log(
    head +
      r.scores.map((s) => pad(num(s, (v) => Math.round(v * 100)), 6)).join('') +
      pad(num(r.lcp, (v) => `${(v / 1000).toFixed(2)} s`), 9) +
      pad(num(r.tbt, (v) => `${Math.round(v)} ms`), 8) +
      pad(num(r.cls, (v) => v.toFixed(3)), 7) +
      num(r.js, (v) => `${(v / 1024).toFixed(1)} KB`) +
      (r.error ? `  (${r.error})` : ''),
  );
}
if (external.size) console.log(`\nRequests that left 127.0.0.1 (the site should need none):\n  ${[...external].join('\n  ')}`);
process.exit(0);
