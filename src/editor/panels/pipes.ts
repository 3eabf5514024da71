// The pipes a learner types after kubectl (`| grep -i ready | wc -l`), applied to its output as text.
// Only these filters exist; anything else after a pipe gets one clear sentence instead of a guess.
export type Stage =
  | { kind: 'grep'; invert: boolean; ignoreCase: boolean; pattern: string }
  | { kind: 'head'; lines: number }
  | { kind: 'tail'; lines: number }
  | { kind: 'wc' }
  | { kind: 'sort'; reverse: boolean };

export type Pipeline = { command: string; stages: Stage[] } | { error: string };

export const PIPES_SUPPORTED =
  "slicelab's terminal supports only grep [-v] [-i] PATTERN, head [-n N], tail [-n N], wc -l and sort [-r] after a pipe";

/** Splits a line into words, honouring single and double quotes, and at unquoted `|`. */
function segments(line: string): { words: string[][] } | { error: string } {
  const out: string[][] = [[]];
  let word: string | undefined;
  let quote: string | undefined;
  const flush = () => {
    if (word !== undefined) out[out.length - 1].push(word);
    word = undefined;
  };
  for (const ch of line) {
    if (quote) {
      if (ch === quote) quote = undefined;
      else word += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      word ??= '';
    } else if (ch === '|') {
      flush();
      out.push([]);
    } else if (/\s/.test(ch)) flush();
    else word = (word ?? '') + ch;
  }
  if (quote) return { error: `unterminated ${quote === '"' ? 'double' : 'single'} quote` };
  flush();
  return { words: out };
}

function count(args: string[], name: string): number | string {
  // head, head -n 5, head -n5, head -5
  if (args.length === 0) return 10;
  const [a, b] = args;
  const n = a === '-n' && args.length === 2 ? b : args.length === 1 && /^-n?\d+$/.test(a) ? a.replace(/^-n?/, '') : undefined;
  if (n === undefined || !/^\d+$/.test(n)) return `${name}: expected ${name} [-n N]`;
  return Number(n);
}

function parseStage(words: string[]): Stage | string {
  const [name, ...args] = words;
  if (name === 'grep') {
    let invert = false;
    let ignoreCase = false;
    const rest: string[] = [];
    for (const a of args) {
      if (/^-[vi]+$/.test(a)) {
        invert ||= a.includes('v');
        ignoreCase ||= a.includes('i');
      } else rest.push(a);
    }
    if (rest.length !== 1) return `grep: expected grep [-v] [-i] PATTERN (one pattern; quote it if it has spaces)`;
    return { kind: 'grep', invert, ignoreCase, pattern: rest[0] };
  }
  if (name === 'head' || name === 'tail') {
    const n = count(args, name);
    return typeof n === 'string' ? n : name === 'head' ? { kind: 'head', lines: n } : { kind: 'tail', lines: n };
  }
  if (name === 'wc') return args.length === 1 && args[0] === '-l' ? { kind: 'wc' } : 'wc: only wc -l is supported';
  if (name === 'sort') {
    if (args.length === 0) return { kind: 'sort', reverse: false };
    if (args.length === 1 && args[0] === '-r') return { kind: 'sort', reverse: true };
    return 'sort: only sort and sort -r are supported';
  }
  return `${PIPES_SUPPORTED} (not ${name ?? 'an empty command'})`;
}

/** The command before the first pipe and the filters after it. */
export function parsePipeline(line: string): Pipeline {
  const firstPipe = unquotedPipe(line);
  if (firstPipe < 0) return { command: line.trim(), stages: [] };
  const split = segments(line.slice(firstPipe + 1));
  if ('error' in split) return { error: split.error };
  const stages: Stage[] = [];
  for (const words of split.words) {
    const stage = parseStage(words);
    if (typeof stage === 'string') return { error: stage };
    stages.push(stage);
  }
  return { command: line.slice(0, firstPipe).trim(), stages };
}

function unquotedPipe(line: string): number {
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quote) {
      if (ch === quote) quote = undefined;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '|') return i;
  }
  return -1;
}

/** grep's pattern as a regular expression; an invalid one matches as plain text, as `grep -F` would. */
function matcher(pattern: string, ignoreCase: boolean): (line: string) => boolean {
  try {
    const re = new RegExp(pattern, ignoreCase ? 'i' : '');
    return (l) => re.test(l);
  } catch {
    const p = ignoreCase ? pattern.toLowerCase() : pattern;
    return (l) => (ignoreCase ? l.toLowerCase() : l).includes(p);
  }
}

/** The output after each filter in turn (lines end with \n, as a shell prints them). */
export function applyPipes(output: string, stages: Stage[]): string {
  let lines = output === '' ? [] : output.replace(/\n$/, '').split('\n');
  for (const s of stages) {
    if (s.kind === 'grep') {
      const m = matcher(s.pattern, s.ignoreCase);
      lines = lines.filter((l) => m(l) !== s.invert);
    } else if (s.kind === 'head') lines = lines.slice(0, s.lines);
    else if (s.kind === 'tail') lines = s.lines === 0 ? [] : lines.slice(-s.lines);
    else if (s.kind === 'wc') lines = [String(lines.length)];
    else if (s.kind === 'sort') {
      const sign = s.reverse ? -1 : 1;
      lines = [...lines].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0) * sign);
    }
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}
