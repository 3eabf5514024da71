// A port of Go's text/tabwriter (elastic tabstops) with the RememberWidths extension of
// github.com/liggitt/tabwriter, which kubectl uses for `get` tables (cli-runtime
// printers/tabwriter.go: minwidth 6, tabwidth 4, padding 3, pad ' ', RememberWidths) and
// which `kubectl describe` uses without the extension (describe.go tabbedString: 0, 8, 2, ' ').
//
// Semantics kept from Go: a cell is text terminated by a tab; the last cell of a line is not
// part of any column; a column block is a run of consecutive lines that all have a cell in that
// column; a column's width is max(minwidth, widest cell + padding).

export interface TabWriterOptions {
  minwidth: number;
  padding: number;
  /** Keep column widths across flush() calls (only ever growing), as `kubectl get --watch` does. */
  rememberWidths?: boolean;
}

/** The options kubectl uses for `get` tables. */
export const GET_TABLE: TabWriterOptions = { minwidth: 6, padding: 3, rememberWidths: true };
/** The options kubectl uses for `describe`. */
export const DESCRIBE: TabWriterOptions = { minwidth: 0, padding: 2 };

const width = (s: string) => [...s].length;

export class TabWriter {
  private buf = '';
  private maxwidths: number[] = [];

  constructor(private readonly opts: TabWriterOptions) {}

  write(text: string): void {
    this.buf += text;
  }

  /** Forget remembered widths (kubectl does this between resource groups of `get all`). */
  resetRememberedWidths(): void {
    this.maxwidths = [];
  }

  /** Formats everything written since the last flush and returns it. */
  flush(): string {
    const text = this.buf;
    this.buf = '';
    if (text === '') return '';
    const lines = text.split('\n').map((l) => l.split('\t'));
    let out = '';
    const widths: number[] = [];

    const writeLines = (line0: number, line1: number) => {
      for (let i = line0; i < line1; i++) {
        const line = lines[i];
        line.forEach((cell, j) => {
          out += cell;
          if (j < widths.length) out += ' '.repeat(Math.max(0, widths[j] - width(cell)));
        });
        if (i + 1 < lines.length) out += '\n';
      }
    };

    const format = (line0: number, line1: number) => {
      const column = widths.length;
      for (let cur = line0; cur < line1; cur++) {
        if (column >= lines[cur].length - 1) continue;
        // A cell exists in this column: print the lines before the block, then measure the block.
        writeLines(line0, cur);
        line0 = cur;
        let w = this.opts.minwidth;
        for (; cur < line1; cur++) {
          const line = lines[cur];
          if (column >= line.length - 1) break;
          w = Math.max(w, width(line[column]) + this.opts.padding);
        }
        if (this.opts.rememberWidths) {
          if (this.maxwidths.length < widths.length) this.maxwidths.push(...widths.slice(this.maxwidths.length));
          if (this.maxwidths.length === widths.length) this.maxwidths.push(w);
          else if (this.maxwidths[widths.length] > w) w = this.maxwidths[widths.length];
          else this.maxwidths[widths.length] = w;
        }
        widths.push(w);
        format(line0, cur);
        widths.pop();
        line0 = cur;
      }
      writeLines(line0, line1);
    };

    format(0, lines.length);
    return out;
  }
}

/** Formats a whole text in one go. */
export function tabbed(text: string, opts: TabWriterOptions): string {
  const w = new TabWriter(opts);
  w.write(text);
  return w.flush();
}
