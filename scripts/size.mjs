// `npm run size`: the JavaScript each page type of the built site (dist/) ships, in gzip bytes.
// Initial JS = the module scripts and modulepreloads of the HTML, their static imports, and inline
// scripts. On demand = what the page's dynamic import()s pull in beyond that (the exercise editor),
// plus the web workers it starts. Fails when a lesson page without an exercise ships 30 KB or more,
// or when any page loads editor code up front.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';

const DIST = 'dist';
const BUDGET_LESSON_NO_EXERCISE = 30 * 1024;
if (!existsSync(DIST)) {
  console.error('dist/ not found: build the site first (npm run build).');
  process.exit(1);
}

const gz = (buf) => gzipSync(buf, { level: 9 }).length;
const fileOf = (url) => join(DIST, decodeURIComponent(url.replace(/^\//, '')));

function htmlFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return htmlFiles(p);
    return name.endsWith('.html') ? [p] : [];
  });
}

// Minified output quotes specifiers with ", ' or ` (rolldown prefers backticks in import()).
const Q = `["'\`]`;
const SPEC = `${Q}([^"'\`]+\\.js)${Q}`;
const STATIC_IMPORT = new RegExp(`(?:^|[;}\\s)])import\\s*(?:[\\w$*{}\\s,]*?from\\s*)?${SPEC}`, 'g');
const EXPORT_FROM = new RegExp(`export\\s*(?:\\*|\\{[^}]*\\})\\s*from\\s*${SPEC}`, 'g');
const DYNAMIC_IMPORT = new RegExp(`import\\(\\s*${SPEC}\\s*\\)`, 'g');
const WORKER_URL = new RegExp(`new Worker\\(\\s*(?:new URL\\(\\s*)?${SPEC}`, 'g');

function resolveFrom(url, spec) {
  if (/^[a-z]+:/i.test(spec)) return undefined;
  return spec.startsWith('/') ? spec : posix.join(posix.dirname(url), spec);
}

/** url → { static: [...], dynamic: [...], workers: [...] } */
const graphCache = new Map();
function edges(url) {
  if (graphCache.has(url)) return graphCache.get(url);
  const file = fileOf(url);
  const code = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const pick = (re) => [...code.matchAll(re)].map((m) => resolveFrom(url, m[1])).filter(Boolean);
  const e = { static: [...pick(STATIC_IMPORT), ...pick(EXPORT_FROM)], dynamic: pick(DYNAMIC_IMPORT), workers: pick(WORKER_URL) };
  graphCache.set(url, e);
  return e;
}

/** Static imports only (what loads with the roots), or also import()s (everything they may load later). */
function closure(roots, withDynamic = false) {
  const seen = new Set();
  const stack = [...roots];
  while (stack.length) {
    const u = stack.pop();
    if (seen.has(u)) continue;
    seen.add(u);
    stack.push(...edges(u).static, ...(withDynamic ? edges(u).dynamic : []));
  }
  return seen;
}

const bytes = (urls) => [...urls].reduce((n, u) => n + (existsSync(fileOf(u)) ? gz(readFileSync(fileOf(u))) : 0), 0);

function analyse(htmlPath) {
  const html = readFileSync(htmlPath, 'utf8');
  const roots = [
    ...[...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)].map((m) => m[1]),
    ...[...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) => m[1]),
  ].filter((u) => u.startsWith('/'));
  const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)(?![^>]*type="application\/(?:ld\+)?json")[^>]*>([\s\S]*?)<\/script>/g)]
    .map((m) => m[1])
    .join('\n');
  const initial = closure(roots);
  const dynamicRoots = [...initial].flatMap((u) => edges(u).dynamic).filter((u) => !initial.has(u));
  const onDemand = new Set([...closure(dynamicRoots, true)].filter((u) => !initial.has(u)));
  const workers = new Set([...initial, ...onDemand].flatMap((u) => edges(u).workers));
  const editorRoots = dynamicRoots.filter((u) => /\/island[.-]/.test(u));
  const editor = new Set([...closure(editorRoots, true)].filter((u) => !initial.has(u)));
  return {
    page: '/' + htmlPath.slice(DIST.length + 1).replace(/index\.html$/, ''),
    hasExercise: html.includes('data-exercise-id='),
    initial: bytes(initial) + (inline ? gz(Buffer.from(inline)) : 0),
    initialFiles: [...initial],
    onDemand: bytes(onDemand),
    onDemandFiles: [...onDemand],
    editor: bytes(editor),
    workers: bytes(closure(workers)),
  };
}

const pages = htmlFiles(DIST).filter((p) => !p.includes(`${DIST}/pagefind`)).map(analyse);
const isLesson = (p) => p.page.startsWith('/lessons/');
const types = [
  ['home', pages.filter((p) => p.page === '/')],
  ['lesson without exercise', pages.filter((p) => isLesson(p) && !p.hasExercise)],
  ['lesson with exercise', pages.filter((p) => isLesson(p) && p.hasExercise)],
  ['other (404, ...)', pages.filter((p) => p.page !== '/' && !isLesson(p))],
];

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const pad = (s, n) => String(s).padEnd(n);
console.log('JavaScript per page type, gzip bytes (the largest page of each type). "on demand" counts every chunk a\npage may import later (an upper bound); "editor" is the exercise island and what it imports.\n');
console.log(pad('page type', 26) + pad('pages', 7) + pad('initial', 11) + pad('on demand', 12) + pad('of which editor', 17) + 'editor workers');
for (const [name, list] of types) {
  if (!list.length) continue;
  const max = (f) => Math.max(...list.map(f));
  console.log(
    pad(name, 26) + pad(list.length, 7) + pad(kb(max((p) => p.initial)), 11) + pad(kb(max((p) => p.onDemand)), 12) +
      pad(kb(max((p) => p.editor)), 17) + kb(max((p) => p.workers)),
  );
}
if (process.argv.includes('--pages')) for (const p of pages) console.log(`  ${pad(p.page, 40)} ${kb(p.initial)} initial, ${kb(p.onDemand)} on demand`);

const problems = [];
for (const p of pages.filter((p) => isLesson(p) && !p.hasExercise))
  if (p.initial >= BUDGET_LESSON_NO_EXERCISE) problems.push(`${p.page} ships ${kb(p.initial)} of JavaScript up front (budget 30 KB)`);
for (const p of pages) {
  const editorUpFront = p.initialFiles.filter((u) => /\/(island|monaco|editor\.api)[.-]/.test(u));
  if (editorUpFront.length) problems.push(`${p.page} loads editor code up front: ${editorUpFront.join(', ')}`);
}
for (const p of pages.filter((p) => p.hasExercise))
  if (!p.onDemandFiles.some((u) => /\/island[.-]/.test(u))) problems.push(`${p.page} has an exercise but no on-demand editor chunk`);
if (problems.length) {
  console.error(`\n${problems.join('\n')}`);
  process.exit(1);
}
console.log('\nBudgets hold: lessons without exercises under 30 KB; the editor loads only on demand.');
