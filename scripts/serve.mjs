#!/usr/bin/env node
// A small static file server for the built course, on node:http with no dependencies, so the same
// file serves `npm start` and the USB-stick zip (`node serve.mjs`). It compresses (brotli or gzip,
// once per file, kept in memory), caches hashed assets for a year and revalidates everything else,
// sends the site's Content-Security-Policy, answers 404 with the site's 404 page, and closes
// cleanly on Ctrl-C.
//
//   node scripts/serve.mjs [DIR] [--port N] [--host H]     (defaults: dist, $PORT or 4321, every interface)
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { networkInterfaces } from 'node:os';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlib, gzip } from 'node:zlib';
import { policyForSite } from './csp.mjs';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.ttf': 'font/ttf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};
// Worth compressing; fonts like woff2 and Pagefind's index files are compressed already.
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.webmanifest', '.xml', '.txt', '.svg', '.ttf']);
const brotli = promisify(brotliCompress);
const gz = promisify(gzip);
// Quality 5: close to the best ratio for these files at a fraction of the time (Monaco is 4 MB).
const BROTLI = { params: { [zlib.BROTLI_PARAM_QUALITY]: 5 } };

/** Cache-Control by path: Astro's /_astro/ names carry a content hash; pages and sw.js must revalidate. */
export function cacheControl(urlPath) {
  return urlPath.startsWith('/_astro/') ? 'public, max-age=31536000, immutable' : 'no-cache';
}

/** 'br', 'gzip' or undefined, from Accept-Encoding (q=0 refuses an encoding). */
export function pickEncoding(header = '') {
  const accepted = new Map();
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    accepted.set(name, q ? Number(q.slice(2)) : 1);
  }
  const ok = (name) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0;
  return ok('br') ? 'br' : ok('gzip') ? 'gzip' : undefined;
}

/**
 * A request handler for the static site in `root`. Files are read once and kept with their
 * compressed forms (the site is a few MB), keyed by modification time so a rebuild is picked up.
 */
export function staticHandler(root, { csp } = {}) {
  root = resolve(root);
  // The hashes follow the pages: recomputed when a rebuild replaces index.html under a running server.
  let policyOf = { mtimeMs: -1, value: '', checkedAt: 0 };
  const policyNow = () => {
    if (csp) return csp;
    if (Date.now() - policyOf.checkedAt < 1_000) return policyOf.value;
    policyOf.checkedAt = Date.now();
    const mtimeMs = existsSync(join(root, 'index.html')) ? statSync(join(root, 'index.html')).mtimeMs : 0;
    if (mtimeMs !== policyOf.mtimeMs) policyOf = { mtimeMs, value: policyForSite(root), checkedAt: Date.now() };
    return policyOf.value;
  };
  const cache = new Map(); // absolute path -> Promise<{ mtimeMs, size, body, etag, variants }>

  // A file is checked on disk at most once a second: a rebuild shows within a second, and a room
  // of 40 loading at once costs no stat() per request.
  const RECHECK_MS = 1_000;
  async function load(file) {
    const hit = cache.get(file);
    if (hit) {
      const entry = await hit;
      if (Date.now() - entry.checkedAt < RECHECK_MS) return entry;
      const info = await stat(file);
      if (entry.mtimeMs === info.mtimeMs && entry.size === info.size) {
        entry.checkedAt = Date.now();
        return entry;
      }
    }
    const info = await stat(file);
    const pending = readFile(file).then((body) => ({
      mtimeMs: info.mtimeMs,
      size: info.size,
      checkedAt: Date.now(),
      body,
      // Weak: the same tag names the plain and the compressed bytes (Vary: Accept-Encoding tells them apart).
      etag: `W/"${createHash('sha1').update(body).digest('base64url')}"`,
      variants: new Map(), // encoding -> Promise<Buffer>, computed once even under 40 parallel requests
    }));
    cache.set(file, pending);
    pending.catch(() => cache.delete(file));
    return pending;
  }

  function variant(entry, encoding) {
    if (!entry.variants.has(encoding))
      entry.variants.set(encoding, encoding === 'br' ? brotli(entry.body, BROTLI) : gz(entry.body, { level: 9 }));
    return entry.variants.get(encoding);
  }

  /** The file a URL path names, or undefined. Directories serve their index.html. */
  async function locate(urlPath) {
    const file = join(root, urlPath);
    if (file !== root && !file.startsWith(root + sep)) return undefined; // ../ out of the site
    try {
      const info = await stat(file);
      if (info.isFile()) return { file };
      if (info.isDirectory()) {
        if (!urlPath.endsWith('/')) return { redirect: `${urlPath}/` };
        const index = join(file, 'index.html');
        if ((await stat(index)).isFile()) return { file: index };
      }
    } catch {
      // Not there.
    }
    return undefined;
  }

  async function send(req, res, file, status, urlPath) {
    const entry = await load(file);
    const ext = extname(file);
    const headers = {
      'Content-Type': TYPES[ext] ?? 'application/octet-stream',
      'Cache-Control': status === 200 ? cacheControl(urlPath) : 'no-cache',
      ETag: entry.etag,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
    };
    // Pages, and scripts since a worker (Monaco's, Pagefind's, a service worker) takes its policy
    // from its own response; styles, fonts and data need none (the header is 1 KB with its hashes).
    if (ext === '.html' || ext === '.js' || ext === '.mjs') headers['Content-Security-Policy'] = policyNow();
    if (status === 200 && req.headers['if-none-match'] === entry.etag) {
      res.writeHead(304, headers).end();
      return;
    }
    let body = entry.body;
    if (COMPRESSIBLE.has(ext)) {
      headers.Vary = 'Accept-Encoding';
      const encoding = pickEncoding(req.headers['accept-encoding']);
      if (encoding && body.length > 512) {
        body = await variant(entry, encoding);
        headers['Content-Encoding'] = encoding;
      }
    }
    headers['Content-Length'] = body.length;
    res.writeHead(status, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  async function handle(req, res) {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' }).end('Method not allowed\n');
      return;
    }
    let urlPath;
    try {
      urlPath = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
    } catch {
      res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Bad request\n');
      return;
    }
    const found = urlPath.includes('\0') ? undefined : await locate(urlPath);
    if (found?.redirect) {
      res.writeHead(301, { Location: encodeURI(found.redirect), 'Cache-Control': 'no-cache' }).end();
    } else if (found) {
      await send(req, res, found.file, 200, urlPath);
    } else if (existsSync(join(root, '404.html'))) {
      await send(req, res, join(root, '404.html'), 404, urlPath);
    } else {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Security-Policy': policyNow() }).end('Not found\n');
    }
  }

  /** Compress every file ahead of the first visitors (in the background; requests never wait for it). */
  async function warm(encodings = ['br', 'gzip']) {
    const walk = (dir) =>
      readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? walk(join(dir, d.name)) : [join(dir, d.name)]));
    for (const file of walk(root).filter((f) => COMPRESSIBLE.has(extname(f)))) {
      const entry = await load(file);
      for (const encoding of encodings) await variant(entry, encoding);
    }
  }

  const handler = (req, res) =>
    handle(req, res).catch((error) => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(`Internal error: ${error.message}\n`);
    });
  return Object.assign(handler, { warm });
}

/** Start serving `root`; resolves with the listening server (its address tells the port). */
export function serve(root, { port = 4321, host } = {}) {
  const handler = staticHandler(root);
  const server = createServer(handler);
  server.keepAliveTimeout = 5_000;
  return new Promise((resolveServer, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      handler.warm().catch(() => {}); // a file that vanished is served (or 404'd) when asked for
      resolveServer(server);
    });
  });
}

/** IPv4 addresses other machines can reach (not loopback or link-local), e.g. 192.168.1.20. */
export function lanAddresses(interfaces = networkInterfaces()) {
  return Object.values(interfaces)
    .flat()
    .filter((a) => a && (a.family === 'IPv4' || a.family === 4) && !a.internal && !a.address.startsWith('169.254.'))
    .map((a) => a.address);
}

/** Close on SIGINT/SIGTERM (Ctrl-C): stop accepting, end idle keep-alive connections, exit 0. */
export function closeOnSignals(server, onClose = () => {}) {
  const stop = () => {
    onClose();
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => {
      server.closeAllConnections(); // a download still running after 2 s is cut
    }, 2_000).unref();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

/** `--name value` from argv, else undefined. */
export function flag(argv, name) {
  const at = argv.indexOf(`--${name}`);
  return at > -1 ? argv[at + 1] : undefined;
}

/** The port from --port or PORT, or an error sentence. */
export function portFrom(argv, env, fallback = 4321) {
  const value = flag(argv, 'port') ?? env.PORT ?? String(fallback);
  return /^\d+$/.test(value) && Number(value) < 65536 ? { port: Number(value) } : { error: `--port needs a number from 0 to 65535, got "${value}"` };
}

// Run directly (the zip's `node serve.mjs`, or `node scripts/serve.mjs dist`).
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const argv = process.argv.slice(2);
  const positional = argv.filter((a, i) => !a.startsWith('--') && !argv[i - 1]?.startsWith('--'));
  const here = fileURLToPath(new URL('.', import.meta.url));
  const root = positional[0] ?? (existsSync(join(here, 'site')) ? join(here, 'site') : 'dist');
  const { port, error } = portFrom(argv, process.env);
  if (error) {
    console.error(`serve.mjs: ${error}`);
    process.exit(2);
  }
  if (!existsSync(join(root, 'index.html'))) {
    console.error(`serve.mjs: no index.html in ${resolve(root)}: give the folder of the site.`);
    process.exit(1);
  }
  const server = await serve(root, { port, host: flag(argv, 'host') });
  const actual = server.address().port;
  console.log(`Serving ${resolve(root)} on http://localhost:${actual}/`);
  for (const address of lanAddresses()) console.log(`  on the network: http://${address}:${actual}/`);
  console.log('Press Ctrl-C to stop.');
  closeOnSignals(server);
}
