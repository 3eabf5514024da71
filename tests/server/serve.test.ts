// The workshop server (scripts/serve.mjs) on a small site of its own: compression, caching
// headers, the CSP header with the hashes of the page's inline scripts, 304s, the 404 page,
// redirects and refusals; and, as a process, a clean stop on Ctrl-C.
import { createHash } from 'node:crypto';
import { mkdtempSync, mkdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { META_POLICY, inlineScriptHashes, sha256Source, withMetaPolicy } from '../../scripts/csp.mjs';
import { lanAddresses, pickEncoding, portFrom, staticHandler } from '../../scripts/serve.mjs';
import { start, stop, waitForOutput } from './support';

const INLINE = 'document.documentElement.dataset.theme = "dark";';
const BIG_JS = `export const text = ${JSON.stringify('EndpointSlice '.repeat(500))};\n`;
let site: string;
let server: Server;
let origin: string;

beforeAll(async () => {
  site = mkdtempSync(join(tmpdir(), 'slicelab-serve-'));
  mkdirSync(join(site, '_astro'));
  mkdirSync(join(site, 'lessons', 'one'), { recursive: true });
  writeFileSync(join(site, 'index.html'), `<!doctype html><html><head><script>${INLINE}</script><script type="application/json">{"a":1}</script></head><body>${'<p>home</p>'.repeat(100)}</body></html>`);
  writeFileSync(join(site, 'lessons', 'one', 'index.html'), '<!doctype html><title>one</title>');
  writeFileSync(join(site, '404.html'), '<!doctype html><title>Page not found</title><h1>Not here</h1>');
  writeFileSync(join(site, '_astro', 'page.AbC123.js'), BIG_JS);
  writeFileSync(join(site, 'sw.js'), `self.addEventListener('install', () => {}); // ${'x'.repeat(600)}`);
  writeFileSync(join(site, 'index.pf_index'), Buffer.alloc(2000, 7));
  server = createServer(staticHandler(site));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(site, { recursive: true, force: true });
});

/** A raw GET (fetch would decompress and hide Content-Encoding). */
function get(path: string, headers: Record<string, string> = {}, method = 'GET') {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
    const req = request(`${origin}${path}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('compression', () => {
  test('brotli when the browser takes it, the same bytes once decompressed', async () => {
    const res = await get('/_astro/page.AbC123.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers.vary).toBe('Accept-Encoding');
    expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(brotliDecompressSync(res.body).toString()).toBe(BIG_JS);
    expect(res.body.length).toBeLessThan(BIG_JS.length / 10);
  });
  test('gzip when brotli is refused, nothing when neither is accepted', async () => {
    const gz = await get('/_astro/page.AbC123.js', { 'accept-encoding': 'br;q=0, gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(BIG_JS);
    const plain = await get('/_astro/page.AbC123.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(BIG_JS);
  });
  test('files that are compressed already are sent as they are', async () => {
    const res = await get('/index.pf_index', { 'accept-encoding': 'br, gzip' });
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.body.length).toBe(2000);
  });
  test('Accept-Encoding parsing', () => {
    expect(pickEncoding('gzip, deflate, br, zstd')).toBe('br');
    expect(pickEncoding('gzip;q=1.0, br;q=0')).toBe('gzip');
    expect(pickEncoding('*')).toBe('br');
    expect(pickEncoding('identity')).toBeUndefined();
    expect(pickEncoding(undefined)).toBeUndefined();
  });
});

describe('caching', () => {
  test('hashed assets under /_astro/ are immutable for a year', async () => {
    expect((await get('/_astro/page.AbC123.js')).headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });
  test('pages and the service worker revalidate, and a matching ETag gets 304', async () => {
    for (const path of ['/', '/lessons/one/', '/sw.js']) {
      const first = await get(path);
      expect(first.headers['cache-control'], path).toBe('no-cache');
      expect(first.headers.etag, path).toMatch(/^W\/".+"$/);
      const again = await get(path, { 'if-none-match': String(first.headers.etag) });
      expect(again.status, path).toBe(304);
      expect(again.body.length, path).toBe(0);
    }
  });
});

describe('Content-Security-Policy header', () => {
  test('strict: self only, inline scripts by hash, no unsafe-inline or unsafe-eval for scripts', async () => {
    const csp = String((await get('/')).headers['content-security-policy']);
    const directives = Object.fromEntries(csp.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));
    expect(directives['default-src']).toEqual(["'self'"]);
    expect(directives['script-src']).toEqual(["'self'", "'wasm-unsafe-eval'", sha256Source(INLINE)]);
    for (const name of ['worker-src', 'connect-src']) expect(directives[name], name).toEqual(["'self'"]);
    for (const name of ['img-src', 'font-src']) expect(directives[name], name).toEqual(["'self'", 'data:']);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(csp).not.toContain("'unsafe-eval'");
    // Scripts carry it too (a worker takes its policy from its own response); data does not need it.
    expect((await get('/_astro/page.AbC123.js')).headers['content-security-policy']).toBe(csp);
    expect((await get('/sw.js')).headers['content-security-policy']).toBe(csp);
    expect((await get('/index.pf_index')).headers['content-security-policy']).toBeUndefined();
  });
});

describe('paths', () => {
  test('an unknown path gets the site 404 page with status 404', async () => {
    const res = await get('/lessons/nope/');
    expect(res.status).toBe(404);
    expect(res.body.toString()).toContain('Not here');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
  });
  test('a folder without its slash is redirected to it', async () => {
    const res = await get('/lessons/one');
    expect(res.status).toBe(301);
    expect(res.headers.location).toBe('/lessons/one/');
  });
  test('nothing outside the site folder is served', async () => {
    for (const path of ['/../package.json', '/%2e%2e/%2e%2e/etc/passwd', '/..%2f..%2fetc/passwd']) expect((await get(path)).status, path).toBe(404);
  });
  test('HEAD answers without a body; POST is refused', async () => {
    const head = await get('/', {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    expect((await get('/', {}, 'POST')).status).toBe(405);
  });
});

describe('addresses and options', () => {
  test('participants get the non-internal IPv4 addresses only', () => {
    const interfaces = {
      lo: [{ address: '127.0.0.1', family: 'IPv4', internal: true }],
      wlan0: [
        { address: '192.168.1.20', family: 'IPv4', internal: false },
        { address: 'fe80::1', family: 'IPv6', internal: false },
      ],
      eth0: [{ address: '169.254.3.4', family: 'IPv4', internal: false }],
      usb0: [{ address: '10.0.0.5', family: 4, internal: false }],
    };
    expect(lanAddresses(interfaces as never)).toEqual(['192.168.1.20', '10.0.0.5']);
  });
  test('--port wins over PORT; a bad value is a clear error', () => {
    expect(portFrom(['--port', '8080'], { PORT: '9000' })).toEqual({ port: 8080 });
    expect(portFrom([], { PORT: '9000' })).toEqual({ port: 9000 });
    expect(portFrom([], {})).toEqual({ port: 4321 });
    expect(portFrom(['--port', 'eighty'], {}).error).toBe('--port needs a number from 0 to 65535, got "eighty"');
  });
});

test.each(['SIGINT', 'SIGTERM'] as const)('%s (Ctrl-C, or a service manager) closes the server and exits 0', async (signal) => {
  const served = start(process.execPath, ['scripts/serve.mjs', site, '--port', '0', '--host', '127.0.0.1']);
  const [, port] = await waitForOutput(served, /localhost:(\d+)\//);
  // A keep-alive connection left open, as a browser leaves one: it must not hold the exit.
  expect((await fetch(`http://127.0.0.1:${port}/`, { keepalive: true })).status).toBe(200);
  const started = Date.now();
  expect(await stop(served, signal)).toEqual({ code: 0, signal: null });
  expect(Date.now() - started).toBeLessThan(3_000);
  await expect(fetch(`http://127.0.0.1:${port}/`)).rejects.toThrow();
});

describe('the policy follows the built pages (scripts/csp.mjs)', () => {
  test('data blocks and external scripts are not hashed; every inline script is, exactly as written', () => {
    const html = `<script>a()</script><script type="module">b()</script><script src="/x.js"></script><script type="application/json">{}</script><script type="application/ld+json">{}</script>`;
    expect(inlineScriptHashes(html)).toEqual([sha256Source('a()'), sha256Source('b()')]);
    expect(sha256Source('a()')).toBe(`'sha256-${createHash('sha256').update('a()').digest('base64')}'`);
  });
  test('the meta tag is rewritten in place, or added to <head> when missing', () => {
    const meta = `<meta http-equiv="Content-Security-Policy" content="${META_POLICY}"/>`;
    expect(withMetaPolicy(`<head>${meta}</head>`, "default-src 'none'")).toBe(`<head><meta http-equiv="Content-Security-Policy" content="default-src 'none'"/></head>`);
    expect(withMetaPolicy('<html><head lang="en"><title>t</title></head>', "default-src 'none'")).toBe(
      `<html><head lang="en"><meta http-equiv="Content-Security-Policy" content="default-src 'none'"><title>t</title></head>`,
    );
    expect(META_POLICY).toContain("script-src 'self' 'wasm-unsafe-eval' 'unsafe-inline'");
  });
  test('a rebuild under a running server changes the header to the new inline scripts', async () => {
    const page = join(site, 'lessons', 'one', 'index.html');
    const index = join(site, 'index.html');
    const changed = 'document.documentElement.dataset.theme = "light";';
    writeFileSync(page, `<!doctype html><script>${changed}</script>`);
    const later = new Date(Date.now() + 5_000);
    utimesSync(index, later, later); // the build rewrites index.html too
    await new Promise((resolve) => setTimeout(resolve, 1_100)); // the server looks at the disk at most once a second
    const csp = String((await get('/lessons/one/')).headers['content-security-policy']);
    expect(csp).toContain(sha256Source(changed));
    expect(csp).toContain(sha256Source(INLINE));
  });
});
