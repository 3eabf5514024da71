import { describe, expect, it } from 'vitest';
import { applyPipes, parsePipeline, PIPES_SUPPORTED, type Stage } from './pipes';

const TABLE = [
  'NAME                    ADDRESSTYPE   PORTS   ENDPOINTS             AGE',
  'web-abc12               IPv4          9376    10.244.1.5,10.244.2.7   5s',
  'api-xyz89               IPv4          8080    <unset>               5s',
  'Web-Legacy              IPv4          80      10.244.3.1            5s',
].join('\n') + '\n';

const stagesOf = (line: string): Stage[] => {
  const p = parsePipeline(line);
  if ('error' in p) throw new Error(p.error);
  return p.stages;
};
const run = (line: string, out = TABLE) => applyPipes(out, stagesOf(line));

describe('parsePipeline', () => {
  it('keeps a line without a pipe as the command', () => {
    expect(parsePipeline('kubectl get pods')).toEqual({ command: 'kubectl get pods', stages: [] });
  });
  it('splits the command from its filters, honouring quotes', () => {
    expect(parsePipeline(`kubectl get eps | grep -v -i "not ready" | head -n 2 | wc -l`)).toEqual({
      command: 'kubectl get eps',
      stages: [
        { kind: 'grep', invert: true, ignoreCase: true, pattern: 'not ready' },
        { kind: 'head', lines: 2 },
        { kind: 'wc' },
      ],
    });
    expect(parsePipeline(`kubectl get pods -l 'a in (x|y)' | sort -r`)).toEqual({
      command: `kubectl get pods -l 'a in (x|y)'`,
      stages: [{ kind: 'sort', reverse: true }],
    });
  });
  it('accepts head/tail as -n N, -nN, -N and none (10)', () => {
    expect(stagesOf('k | head -3 | tail -n5 | tail | head -n 1')).toEqual([
      { kind: 'head', lines: 3 },
      { kind: 'tail', lines: 5 },
      { kind: 'tail', lines: 10 },
      { kind: 'head', lines: 1 },
    ]);
    expect(stagesOf('k | grep -vi web')).toEqual([{ kind: 'grep', invert: true, ignoreCase: true, pattern: 'web' }]);
  });
  it('rejects other commands with the sentence that says what works', () => {
    expect(parsePipeline('kubectl get eps | awk {print}')).toEqual({ error: `${PIPES_SUPPORTED} (not awk)` });
    expect(parsePipeline('kubectl get eps | ')).toEqual({ error: `${PIPES_SUPPORTED} (not an empty command)` });
    expect(parsePipeline('kubectl get eps | wc -c')).toEqual({ error: 'wc: only wc -l is supported' });
    expect(parsePipeline('kubectl get eps | head -n x')).toEqual({ error: 'head: expected head [-n N]' });
    expect(parsePipeline('kubectl get eps | grep')).toMatchObject({ error: expect.stringContaining('grep [-v] [-i] PATTERN') });
    expect(parsePipeline(`k | grep "web`)).toEqual({ error: 'unterminated double quote' });
  });
});

describe('applyPipes', () => {
  it('grep keeps matching lines; -v drops them; -i ignores case; patterns are regular expressions', () => {
    expect(run('k | grep web')).toBe(TABLE.split('\n')[1] + '\n');
    expect(run('k | grep -i web | wc -l')).toBe('2\n');
    expect(run('k | grep -v IPv4')).toBe(TABLE.split('\n')[0] + '\n');
    expect(run('k | grep "^api-" | wc -l')).toBe('1\n');
    // an invalid expression matches as plain text
    expect(run('k | grep "(unset" | wc -l')).toBe('0\n');
    expect(run('k | grep "<unset>" | wc -l')).toBe('1\n');
  });
  it('head, tail, wc -l and sort work on lines', () => {
    expect(run('k | head -n 1')).toBe(TABLE.split('\n')[0] + '\n');
    expect(run('k | tail -n 1')).toBe(TABLE.split('\n')[3] + '\n');
    expect(run('k | tail -n 0')).toBe('');
    expect(run('k | wc -l')).toBe('4\n');
    expect(run('k | sort | head -n 1')).toMatch(/^NAME/);
    expect(run('k | sort -r | head -n 1')).toMatch(/^web-abc12/);
    expect(run('k | grep nothing-matches')).toBe('');
    expect(run('k | wc -l', '')).toBe('0\n');
  });
});
