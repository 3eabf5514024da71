// Every kubectl output in a lesson is generated: each <Transcript session="..."/> names a session in
// content/transcripts, each session renders (through the code the build uses) exactly to its committed
// content/transcripts/<name>.out, and no lesson holds a fenced block of hand-typed kubectl output.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { handTypedOutputBlocks, outputReason, transcriptSessions } from '../../scripts/lesson-output-blocks';
import { parseSteps, selectSteps } from '../../src/components/transcript-steps';
import { sessionTranscript } from '../../src/cli/commands/session';
import { expectedPath, LESSONS_DIR, renderSession, sessionNames, sessionPath } from '../../scripts/transcripts';

const lessons = readdirSync(LESSONS_DIR).filter((f) => f.endsWith('.mdx')).sort();
const read = (f: string) => readFileSync(join(LESSONS_DIR, f), 'utf8');
const REGENERATE = 'run `npm run transcripts` and review the diff of content/transcripts/*.out';

describe('lesson transcripts', () => {
  it('every <Transcript> in a lesson names an existing session', () => {
    const problems: string[] = [];
    let count = 0;
    for (const f of lessons) {
      const src = read(f);
      const refs = transcriptSessions(src);
      const elements = src.split('\n').filter((l) => /<Transcript\b/.test(l)).length;
      if (elements !== refs.length) problems.push(`${f}: ${elements} <Transcript> elements but ${refs.length} with a literal session="..."`);
      for (const r of refs) {
        count++;
        if (!existsSync(sessionPath(r.name))) problems.push(`${f}:${r.line}: session "${r.name}" has no ${sessionPath(r.name)}`);
      }
    }
    expect(problems).toEqual([]);
    expect(count).toBeGreaterThan(10);
  });

  it('every session has a committed expected output', async () => {
    const missing = (await sessionNames()).filter((n) => !existsSync(expectedPath(n)));
    expect(missing, `sessions without an expected output: ${REGENERATE}`).toEqual([]);
  });

  const referenced = [...new Set(lessons.flatMap((f) => transcriptSessions(read(f)).map((r) => r.name)))].sort();
  it.each(referenced)('session %s renders exactly to its expected output', async (name) => {
    const actual = await renderSession(name);
    expect(actual.trim(), `${sessionPath(name)} printed nothing`).not.toBe('');
    const expected = existsSync(expectedPath(name)) ? readFileSync(expectedPath(name), 'utf8') : '';
    expect(actual, `${sessionPath(name)} no longer prints ${expectedPath(name)}: ${REGENERATE}`).toBe(expected);
  });

  it('every steps="..." picks commands the session has, and all steps together are the whole transcript', async () => {
    const problems: string[] = [];
    for (const f of lessons) {
      for (const r of transcriptSessions(read(f))) {
        const res = await sessionTranscript(sessionPath(r.name), readFileSync(sessionPath(r.name), 'utf8'));
        if ('errors' in res) throw new Error(res.errors.join('; '));
        expect(selectSteps(res.steps, undefined)).toBe(res.transcript);
        if (r.steps === undefined) continue;
        try {
          parseSteps(r.steps, res.steps.length);
        } catch (e) {
          problems.push(`${f}:${r.line}: ${(e as Error).message}`);
        }
      }
    }
    expect(problems).toEqual([]);
    expect(() => parseSteps('0', 3)).toThrow(/commands 1-3/);
    expect(() => parseSteps('2-5', 3)).toThrow(/commands 1-3/);
    expect(() => parseSteps('two', 3)).toThrow(/not a number/);
    expect(parseSteps('3,1-2', 3)).toEqual([0, 1, 2]);
  });

  it('no command in a lesson transcript fails unless the session says it should', async () => {
    // A session may show an error on purpose; it then names it in a `# expect-error` comment before the line.
    const problems: string[] = [];
    for (const name of referenced) {
      const script = readFileSync(sessionPath(name), 'utf8');
      const r = await sessionTranscript(sessionPath(name), script);
      if ('errors' in r) throw new Error(r.errors.join('; '));
      const lines = script.split('\n');
      const commands = lines.map((l, i) => ({ l: l.trim(), i })).filter((x) => x.l !== '' && !x.l.startsWith('#'));
      r.steps.forEach((s, k) => {
        const prev = lines[commands[k].i - 1]?.trim() ?? '';
        if (s.exitCode !== 0 && !/^#\s*expect-error\b/.test(prev)) problems.push(`${name}: "${s.command}" exited ${s.exitCode}: ${s.output.trim()}`);
      });
    }
    expect(problems).toEqual([]);
  });
});

describe('no hand-typed kubectl output in lessons', () => {
  it.each(lessons)('%s', (f) => {
    const blocks = handTypedOutputBlocks(read(f)).map((b) => `${f}:${b.line}: ${b.reason}; show it with <Transcript session="..."/>`);
    expect(blocks).toEqual([]);
  });

  it('the detector recognises the shapes of kubectl output and leaves manifests and commands alone', () => {
    expect(outputReason(['NAME        ADDRESSTYPE   PORTS   ENDPOINTS   AGE'])).toMatch(/table header/);
    expect(outputReason(['Name:         web-fg6p2'])).toMatch(/describe header/);
    expect(outputReason(['$ kubectl get endpoints web', 'NAME ENDPOINTS'])).toMatch(/output of/);
    expect(outputReason(['Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice'])).toMatch(/warning/);
    expect(outputReason(['Port:                     http  80/TCP', 'TargetPort:               8080/TCP'])).toMatch(/describe field/);
    expect(outputReason(['subsets:', '  - addresses:', '      - ip: 10.244.1.5', '        targetRef: { kind: Pod, name: web-1 }'])).toMatch(/controllers wrote/);
    expect(outputReason(['endpoints:', '  - addresses: ["10.244.0.5"]', '    hints:', '      forZones:', '        - name: zone-a'])).toMatch(/controllers wrote/);
    expect(outputReason(['apiVersion: v1', 'kind: Service', 'metadata:', '  name: web'])).toBeUndefined();
    // A hand-made slice, as the learner writes it, is not output.
    expect(outputReason(['kind: EndpointSlice', 'metadata:', '  labels:', '    endpointslice.kubernetes.io/managed-by: cluster-admins', 'endpoints:', '  - addresses: ["192.168.1.1"]', '    conditions:', '      ready: true'])).toBeUndefined();
    expect(outputReason(['kubectl get endpointslices -l kubernetes.io/service-name=web'])).toBeUndefined();
    expect(outputReason(['$ kubectl apply -f web.yaml', '$ kubectl get pods'])).toBeUndefined();
    const mdx = 'text\n\n```\nNAME   ENDPOINTS   AGE\nweb    <none>      5m\n```\n';
    expect(handTypedOutputBlocks(mdx)).toHaveLength(1);
    expect(handTypedOutputBlocks(`{/* hand-typed-output: a real cluster's kubernetes Service */}\n${mdx.slice(6)}`)).toHaveLength(0);
  });
});
