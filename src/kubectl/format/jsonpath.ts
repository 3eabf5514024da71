// `-o jsonpath=TEMPLATE`: the subset of k8s.io/client-go/util/jsonpath kubectl users write:
// text and {actions}; fields (.a, ['a']), indexes and slices ([0], [-1], [1:3], [*]), recursive
// descent (..name), filters ([?(@.type=="Ready")], [?(@.x)]), {range ...}{end}, string literals
// ({"\n"}). Missing keys print nothing (kubectl sets AllowMissingKeys). Maps and lists print as
// compact JSON, several results of one action are separated by a space (jsonpath.go PrintResults).

import { toCompactJson } from './json';

export class JsonPathError extends Error {}

type Node =
  | { t: 'text'; s: string }
  | { t: 'expr'; steps: Step[]; literal?: string }
  | { t: 'range'; steps: Step[]; body: Node[] };

type Step =
  | { t: 'field'; name: string }
  | { t: 'recursive'; name: string }
  | { t: 'all' }
  | { t: 'index'; start?: number; end?: number; single: boolean }
  | { t: 'filter'; left: Step[]; op?: string; right?: unknown; rightPath?: Step[] };

/**
 * parser.go parseField/advance: a field name runs up to an unescaped terminator (space, `.`, `,`, `[`,
 * `]`, `$`, `@`, `{`, `}`); a backslash escapes the next character and is dropped, so
 * `.metadata.labels.kubernetes\.io/service-name` names the label key `kubernetes.io/service-name`.
 */
function readField(s: string, start: number): { name: string; end: number } {
  let i = start;
  let name = '';
  while (i < s.length) {
    const c = s[i];
    if (c === '\\') {
      if (i + 1 < s.length) name += s[i + 1];
      i += 2;
      continue;
    }
    if (/\s/.test(c) || '.,[]$@{}'.includes(c)) break;
    name += c;
    i++;
  }
  return { name, end: i };
}

function parseSteps(src: string): Step[] {
  const steps: Step[] = [];
  let i = 0;
  const s = src.trim();
  if (s.startsWith('$')) i = 1;
  if (s.startsWith('@')) i = 1;
  while (i < s.length) {
    if (s.startsWith('..', i)) {
      i += 2;
      const m = /^[A-Za-z0-9_\-]+|^\*/.exec(s.slice(i));
      if (!m) throw new JsonPathError(`unrecognized character in action: ${s.slice(i)}`);
      steps.push(m[0] === '*' ? { t: 'all' } : { t: 'recursive', name: m[0] });
      i += m[0].length;
    } else if (s[i] === '.') {
      i++;
      if (s[i] === '*') {
        steps.push({ t: 'all' });
        i++;
        continue;
      }
      const f = readField(s, i);
      if (f.end === i) {
        if (i >= s.length) break;
        throw new JsonPathError(`unrecognized character in action: ${s.slice(i)}`);
      }
      steps.push({ t: 'field', name: f.name });
      i = f.end;
    } else if (s[i] === '[') {
      const close = matchingBracket(s, i);
      const inner = s.slice(i + 1, close).trim();
      i = close + 1;
      if (inner === '*') steps.push({ t: 'all' });
      else if (inner.startsWith('?(') && inner.endsWith(')')) steps.push(parseFilter(inner.slice(2, -1)));
      else if (/^'.*'$|^".*"$/.test(inner)) steps.push({ t: 'field', name: inner.slice(1, -1) });
      else if (/^-?\d*(:-?\d*)?$/.test(inner)) {
        if (inner.includes(':')) {
          const [a, b] = inner.split(':');
          steps.push({ t: 'index', start: a ? Number(a) : undefined, end: b ? Number(b) : undefined, single: false });
        } else steps.push({ t: 'index', start: Number(inner), single: true });
      } else throw new JsonPathError(`invalid array index ${inner}`);
    } else if (/[A-Za-z_]/.test(s[i]) && steps.length === 0) {
      const m = /^[A-Za-z0-9_\-]+/.exec(s.slice(i))!;
      steps.push({ t: 'field', name: m[0] });
      i += m[0].length;
    } else {
      throw new JsonPathError(`unrecognized character in action: ${s.slice(i)}`);
    }
  }
  return steps;
}

function matchingBracket(s: string, open: number): number {
  let depth = 0;
  let quote: string | null = null;
  for (let i = open; i < s.length; i++) {
    const c = s[i];
    if (quote) {
      if (c === quote) quote = null;
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '[') depth++;
    else if (c === ']' && --depth === 0) return i;
  }
  throw new JsonPathError('unclosed array expect ]');
}

function parseValue(v: string): unknown {
  const t = v.trim();
  if (/^'.*'$|^".*"$/.test(t)) return t.slice(1, -1);
  if (t === 'true' || t === 'false') return t === 'true';
  if (/^-?\d+(\.\d+)?$/.test(t)) return Number(t);
  return t;
}

function parseFilter(expr: string): Step {
  const m = /^(.*?)\s*(==|!=|<=|>=|<|>|=~)\s*(.*)$/.exec(expr);
  if (!m) return { t: 'filter', left: parseSteps(expr) };
  const right = m[3].trim();
  if (right.startsWith('@') || right.startsWith('$')) {
    return { t: 'filter', left: parseSteps(m[1]), op: m[2], rightPath: parseSteps(right) };
  }
  return { t: 'filter', left: parseSteps(m[1]), op: m[2], right: parseValue(right) };
}

function unquote(lit: string): string {
  try {
    return lit.startsWith('"') ? JSON.parse(lit) : lit.slice(1, -1);
  } catch {
    return lit.slice(1, -1);
  }
}

export function parseTemplate(template: string): Node[] {
  const root: Node[] = [];
  const stack: Node[][] = [root];
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf('{', i);
    if (open < 0) {
      stack[stack.length - 1].push({ t: 'text', s: template.slice(i) });
      break;
    }
    if (open > i) stack[stack.length - 1].push({ t: 'text', s: template.slice(i, open) });
    let close = -1;
    let quote: string | null = null;
    for (let j = open + 1; j < template.length; j++) {
      const c = template[j];
      if (quote) {
        if (c === '\\') j++;
        else if (c === quote) quote = null;
      } else if (c === '"' || c === "'") quote = c;
      else if (c === '}') {
        close = j;
        break;
      }
    }
    if (close < 0) throw new JsonPathError('unclosed action');
    const action = template.slice(open + 1, close).trim();
    i = close + 1;
    const cur = stack[stack.length - 1];
    if (action.startsWith('range ')) {
      const node: Node = { t: 'range', steps: parseSteps(action.slice(6)), body: [] };
      cur.push(node);
      stack.push(node.body);
    } else if (action === 'end') {
      if (stack.length === 1) throw new JsonPathError('not in range, nothing to end');
      stack.pop();
    } else if (/^".*"$|^'.*'$/s.test(action)) {
      cur.push({ t: 'expr', steps: [], literal: unquote(action) });
    } else {
      for (const part of action.split(/\s+/).filter(Boolean)) cur.push({ t: 'expr', steps: parseSteps(part) });
    }
  }
  if (stack.length !== 1) throw new JsonPathError('unclosed range');
  return root;
}

function recursive(v: unknown, name: string, out: unknown[]): void {
  if (Array.isArray(v)) for (const x of v) recursive(x, name, out);
  else if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (name in o) out.push(o[name]);
    for (const x of Object.values(o)) recursive(x, name, out);
  }
}

function compare(a: unknown, op: string, b: unknown): boolean {
  switch (op) {
    case '==':
      return a === b || String(a) === String(b);
    case '!=':
      return !(a === b || String(a) === String(b));
    case '<':
      return Number(a) < Number(b);
    case '>':
      return Number(a) > Number(b);
    case '<=':
      return Number(a) <= Number(b);
    case '>=':
      return Number(a) >= Number(b);
    case '=~':
      return new RegExp(String(b)).test(String(a));
  }
  return false;
}

export function evaluate(steps: Step[], values: unknown[]): unknown[] {
  let cur = values;
  for (const step of steps) {
    const next: unknown[] = [];
    for (const v of cur) {
      switch (step.t) {
        case 'field':
          if (v && typeof v === 'object' && !Array.isArray(v) && step.name in (v as object)) next.push((v as Record<string, unknown>)[step.name]);
          break;
        case 'recursive':
          recursive(v, step.name, next);
          break;
        case 'all':
          if (Array.isArray(v)) next.push(...v);
          else if (v && typeof v === 'object') next.push(...Object.keys(v).sort().map((k) => (v as Record<string, unknown>)[k]));
          break;
        case 'index': {
          if (!Array.isArray(v)) break;
          const n = v.length;
          const norm = (x: number) => (x < 0 ? x + n : x);
          if (step.single) {
            const idx = norm(step.start!);
            if (idx < 0 || idx >= n) throw new JsonPathError(`array index out of bounds: index ${step.start}, length ${n}`);
            next.push(v[idx]);
          } else {
            const a = Math.max(0, Math.min(n, norm(step.start ?? 0)));
            const b = Math.max(0, Math.min(n, norm(step.end ?? n)));
            next.push(...v.slice(a, b));
          }
          break;
        }
        case 'filter': {
          const items = Array.isArray(v) ? v : [v];
          for (const item of items) {
            const left = evaluate(step.left, [item]);
            if (!step.op) {
              if (left.length > 0 && left[0] !== false && left[0] !== null) next.push(item);
              continue;
            }
            const right = step.rightPath ? evaluate(step.rightPath, [item])[0] : step.right;
            if (left.length > 0 && compare(left[0], step.op, right)) next.push(item);
          }
          break;
        }
      }
    }
    cur = next;
  }
  return cur;
}

function text(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') return toCompactJson(v);
  return String(v);
}

function run(nodes: Node[], data: unknown, out: string[]): void {
  for (const n of nodes) {
    if (n.t === 'text') out.push(n.s);
    else if (n.t === 'expr') {
      if (n.literal !== undefined) {
        out.push(n.literal);
        continue;
      }
      out.push(evaluate(n.steps, [data]).map(text).join(' '));
    } else {
      for (const item of evaluate(n.steps, [data])) run(n.body, item, out);
    }
  }
}

/** Executes a kubectl jsonpath template against a JSON value. */
export function executeJsonPath(template: string, data: unknown): string {
  const nodes = parseTemplate(template);
  const out: string[] = [];
  run(nodes, JSON.parse(JSON.stringify(data)), out);
  return out.join('');
}
