// From a diagnostic's JSON pointer to a source range in the learner's text, through the position
// maps the validator keeps for each parsed object. A pointer at a missing field lands on its
// nearest existing ancestor; a block value lands on its key (one line) rather than the whole block.
import type { ParsedObject, Range } from '../validate/types';

const parent = (p: string) => (p.lastIndexOf('/') <= 0 ? '' : p.slice(0, p.lastIndexOf('/')));

export function rangeForPointer(obj: ParsedObject, pointer: string): Range {
  for (let p = pointer; p !== ''; p = parent(p)) {
    const value = obj.positions.get(p);
    const key = obj.keyPositions.get(p);
    if (value && value.start.line === value.end.line) return value;
    if (key) return key;
    if (value) return { start: value.start, end: { line: value.start.line, col: value.start.col + 1 } };
  }
  const kind = obj.keyPositions.get('/kind');
  return kind ?? { start: obj.range.start, end: { line: obj.range.start.line, col: obj.range.start.col + 1 } };
}
