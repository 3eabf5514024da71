// From a diagnostic's JSON pointer to a source range in the learner's text, through the position
// maps the validator keeps for each parsed object. A scalar is marked itself; a mapping or list is
// marked by its key (one line, not the whole block); a pointer at a missing field lands on its
// nearest existing ancestor.
import type { ParsedObject, Range } from '../validate/types';

const parent = (p: string) => (p.lastIndexOf('/') <= 0 ? '' : p.slice(0, p.lastIndexOf('/')));
const unescape = (s: string) => s.replace(/~1/g, '/').replace(/~0/g, '~');

function valueAt(root: unknown, pointer: string): unknown {
  let v = root;
  for (const part of pointer.split('/').slice(1).map(unescape)) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[part];
  }
  return v;
}

export function rangeForPointer(obj: ParsedObject, pointer: string): Range {
  for (let p = pointer; p !== ''; p = parent(p)) {
    const value = obj.positions.get(p);
    const key = obj.keyPositions.get(p);
    if (!value && !key) continue;
    const v = valueAt(obj.object, p);
    const isBlock = v !== null && typeof v === 'object';
    if (value && !isBlock) return value;
    if (key) return key;
    if (value) return { start: value.start, end: { line: value.start.line, col: value.start.col + 1 } };
  }
  const kind = obj.keyPositions.get('/kind');
  return kind ?? { start: obj.range.start, end: { line: obj.range.start.line, col: obj.range.start.col + 1 } };
}
