// `slicelab kubectl` and `slicelab session` through their command objects (no child process):
// kubectl's streams and exit code come through unchanged, and the tutorial transcript runs against
// its fixture cluster. Expected texts follow kubectl's formats (see src/kubectl tests for the rules).
import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { kubectlCommand } from './kubectl';
import { sessionCommand } from './session';

function io() {
  const out = { stdout: '', stderr: '' };
  return {
    out,
    io: { stdout: (t: string) => void (out.stdout += t), stderr: (t: string) => void (out.stderr += t), stdin: Readable.from([]) },
  };
}

describe('slicelab kubectl', () => {
  it('passes kubectl stderr and exit code through (misspelt resource type)', async () => {
    const { out, io: cio } = io();
    const code = await kubectlCommand.run(['--cluster', 'content/transcripts/tutorial-cluster.yaml', '--', 'get', 'endpointslize'], cio);
    expect(code).toBe(1);
    expect(out).toEqual({ stdout: '', stderr: 'error: the server doesn\'t have a resource type "endpointslize"\n' });
  });

  it('reads -f files from disk and ages the cluster with --advance', async () => {
    const { out, io: cio } = io();
    const code = await kubectlCommand.run(
      ['--cluster', 'content/transcripts/tutorial-cluster.yaml', '--advance', '5m', '--', 'get', 'pods'],
      cio,
    );
    expect(code).toBe(0);
    expect(out.stdout.split('\n')).toEqual([
      'NAME        READY   STATUS    RESTARTS   AGE',
      'example-1   1/1     Running   0          5m',
      'example-2   1/1     Running   0          5m',
      'example-3   1/1     Running   0          5m',
      '',
    ]);
  });
});

describe('slicelab kubectl on hostile files', () => {
  it('answers get -f with an alias bomb at once, with the guard\'s message', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'slicelab-kubectl-'));
    try {
      let text = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
      let prev = 'a';
      for (const n of 'bcdefghi') {
        text += `${n}: &${n} [${Array(9).fill('*' + prev).join(',')}]\n`;
        prev = n;
      }
      const file = join(dir, 'bomb.yaml');
      writeFileSync(file, text);
      const { out, io: cio } = io();
      const code = await kubectlCommand.run(['--', 'get', '-f', file], cio);
      expect(code).toBe(1);
      expect(out).toEqual({ stdout: '', stderr: `error: error parsing ${file}: the document expands to more than 1572864 nodes (aliases or size)\n` });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('slicelab session', () => {
  it('runs the tutorial steps transcript against its fixture (directive line supplies --cluster and --advance)', async () => {
    const { out, io: cio } = io();
    const code = await sessionCommand.run(['--strict', 'content/transcripts/tutorial-steps.session'], cio);
    expect(out.stderr).toBe('');
    expect(code).toBe(0);
    const prompts = out.stdout.split('\n').filter((l) => l.startsWith('$ '));
    expect(prompts).toEqual([
      '$ kubectl get pods -o wide',
      '$ kubectl apply -f service.yaml',
      '$ kubectl get endpoints example-service',
      '$ kubectl get endpointslices',
      '$ kubectl describe service example-service',
    ]);
    expect(out.stdout).toContain('$ kubectl apply -f service.yaml\nservice/example-service created\n');
    // kubectl ≥1.33 prints the API warning before the table.
    expect(out.stdout).toContain(
      '$ kubectl get endpoints example-service\nWarning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice\nNAME              ENDPOINTS',
    );
    // The slice was written by the second command; get endpointslices is the fourth: two command
    // intervals (2 x 5 s) later (src/kubectl/session.ts COMMAND_INTERVAL_SECONDS).
    expect(out.stdout).toMatch(/\nexample-service-[a-z0-9]{5} {3}IPv4 {10}9376 {4}(\d+\.){3}\d+,(\d+\.){3}\d+,(\d+\.){3}\d+ {3}10s\n/);
  });
});
