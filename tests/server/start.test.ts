// `npm start` as a facilitator sees it (scripts/start.mjs on the built site): the Node it runs
// under in one line, the address of every network, a QR code of the first, a page served with the
// CSP header, and a clean stop on Ctrl-C. It listens on every interface; the test talks to loopback only.
import { expect, test } from 'vitest';
import { lanAddresses } from '../../scripts/serve.mjs';
import { freePort, start, stop, waitForOutput } from './support';

test('npm start prints the Node line, every LAN address and a QR code, serves pages, and stops on Ctrl-C with exit 0', async () => {
  const port = await freePort();
  // PORT, as a service manager would give it (--port is covered by the fresh-clone test).
  const served = start(process.execPath, ['scripts/start.mjs'], { env: { ...process.env, PORT: String(port) } });
  try {
    await waitForOutput(served, /Press Ctrl-C to stop/);
    const out = served.output();
    expect(out).toMatch(/^Node v\d+\.\d+\.\d+ /m);
    expect(out).toContain(`On this laptop:        http://localhost:${port}/`);
    const addresses = lanAddresses();
    for (const address of addresses) expect(out).toContain(`Participants open:     http://${address}:${port}/`);
    if (addresses.length) {
      expect(out).toContain(`Or scan this to open http://${addresses[0]}:${port}/`);
      expect(out.match(/[▀▄█]{7}/g)?.length ?? 0).toBeGreaterThan(3); // the QR's finder squares
    } else expect(out).toContain('No network address found');
    const page = await fetch(`http://127.0.0.1:${port}/lessons/services/`, { headers: { 'accept-encoding': 'br, gzip' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toMatch(/script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
    expect(page.headers.get('content-encoding')).toBe('br');
  } finally {
    expect(await stop(served, 'SIGINT')).toEqual({ code: 0, signal: null });
  }
  expect(served.output()).toContain('Stopping the server...');
});
