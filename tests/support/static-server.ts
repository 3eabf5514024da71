// A static file server for the offline specs: they must stop the server mid-test, and switch what it
// serves to a new build on the same origin (a deployed update), which Playwright's webServer cannot.
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import type { AddressInfo } from 'node:net';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.ttf': 'font/ttf',
  '.xml': 'application/xml',
  '.wasm': 'application/wasm',
};

export interface StaticServer {
  /** http://127.0.0.1:<port>, a free port. */
  url: string;
  /** Serve another folder from now on (same origin). */
  serve(root: string): void;
  /** Stops listening and drops open connections, like a laptop leaving the room. */
  close(): Promise<void>;
}

async function fileFor(root: string, pathname: string): Promise<string | undefined> {
  const path = join(root, normalize(decodeURIComponent(pathname)).replace(/^(\.\.[/\\])+/, ''));
  for (const candidate of [path, join(path, 'index.html')]) {
    const s = await stat(candidate).catch(() => undefined);
    if (s?.isFile()) return candidate;
  }
  return undefined;
}

export async function startStaticServer(root: string): Promise<StaticServer> {
  let current = root;
  const server: Server = createServer(async (req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://x');
    const file = await fileFor(current, pathname);
    const status = file ? 200 : 404;
    const body = await readFile(file ?? join(current, '404.html')).catch(() => Buffer.from('Not found'));
    res.writeHead(status, {
      'content-type': TYPES[extname(file ?? '.html')] ?? 'application/octet-stream',
      'cache-control': 'no-cache',
    });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    serve: (dir) => (current = dir),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
