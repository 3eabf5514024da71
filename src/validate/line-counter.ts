// Offsets → 1-based line/column, by binary search over line starts (\n, \r\n and \r end lines, as YAML).

import type { Position, Range } from './types';

export class LineCounter {
  private lineStarts: number[] | undefined;

  constructor(private readonly text: string) {}

  /** Line starts, found on the first lookup: a valid input of many objects may never need one. */
  private get starts(): number[] {
    if (this.lineStarts) return this.lineStarts;
    const starts = [0];
    const text = this.text;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    return (this.lineStarts = starts);
  }

  private last = 0;

  pos(offset: number): Position {
    const starts = this.starts;
    // offsets mostly arrive in source order: try the line of the previous lookup first
    const l = this.last;
    if (offset >= starts[l] && (l + 1 >= starts.length || offset < starts[l + 1])) return { line: l + 1, col: offset - starts[l] + 1 };
    if (l + 1 < starts.length && offset >= starts[l + 1] && (l + 2 >= starts.length || offset < starts[l + 2])) {
      this.last = l + 1;
      return { line: l + 2, col: offset - starts[l + 1] + 1 };
    }
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    this.last = lo;
    return { line: lo + 1, col: offset - starts[lo] + 1 };
  }

  range(start: number, end: number): Range {
    return { start: this.pos(start), end: this.pos(Math.max(start, end)) };
  }

  /** Offset where a 1-based line starts. */
  lineStart(line: number): number {
    return this.starts[Math.min(Math.max(line - 1, 0), this.starts.length - 1)];
  }
}
