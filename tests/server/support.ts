// Shared by the server tests: free loopback ports, and child processes that serve something
// (started in their own process group so stopping one ends what it started).
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { createServer } from 'node:net';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

export interface Served {
  child: ChildProcess;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Spawns a command, collecting its stdout and stderr. */
export function start(command: string, args: string[], options: SpawnOptions = {}): Served {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true, ...options });
  let text = '';
  child.stdout?.on('data', (d) => (text += d));
  child.stderr?.on('data', (d) => (text += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, output: () => text, exited };
}

/** Resolves once `url` answers 200, or rejects with the process output after `ms`. */
export async function waitForHttp(url: string, served: Served, ms = 30_000): Promise<void> {
  let gone = false;
  void served.exited.then(() => (gone = true));
  for (const end = Date.now() + ms; Date.now() < end && !gone; ) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer within ${ms} ms${gone ? ' (the process exited)' : ''}:\n${served.output()}`);
}

/** Resolves once the output matches, or rejects after `ms`. */
export async function waitForOutput(served: Served, pattern: RegExp, ms = 30_000): Promise<RegExpMatchArray> {
  for (const end = Date.now() + ms; Date.now() < end; ) {
    const match = served.output().match(pattern);
    if (match) return match;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no ${pattern} in the output within ${ms} ms:\n${served.output()}`);
}

/** Sends a signal to the process group; kills it for good if it is still there after `ms`. */
export async function stop(served: Served, signal: NodeJS.Signals = 'SIGTERM', ms = 10_000) {
  if (served.child.exitCode !== null || served.child.signalCode !== null) return served.exited;
  try {
    process.kill(-served.child.pid!, signal);
  } catch {
    // Already gone.
  }
  const timer = setTimeout(() => {
    try {
      process.kill(-served.child.pid!, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }, ms);
  const result = await served.exited;
  clearTimeout(timer);
  return result;
}
