// Go text/tabwriter semantics (go/src/text/tabwriter/tabwriter.go): cells are tab-terminated, the last
// cell of a line is not aligned, column width = max(minwidth, widest cell + padding), and a column
// block ends at the first line without a cell in that column. kubectl get uses minwidth 6 / padding 3
// (cli-runtime printers/tabwriter.go), describe uses minwidth 0 / padding 2 (describe.go tabbedString).
import { describe, expect, it } from 'vitest';
import { DESCRIBE, GET_TABLE, TabWriter, tabbed } from './tabwriter';

describe('tab writer', () => {
  it('pads every column but the last to max(6, widest + 3)', () => {
    const out = tabbed('NAME\tENDPOINTS\tAGE\nweb\t10.0.0.1:80\t5m\n', GET_TABLE);
    // NAME: widest 4 → 7 (4+3 > 6); ENDPOINTS: widest 11 → 14; AGE last: unpadded.
    expect(out).toBe('NAME   ENDPOINTS     AGE\nweb    10.0.0.1:80   5m\n');
  });

  it('uses the minimum width 6 for narrow columns', () => {
    expect(tabbed('A\tB\nc\td\n', GET_TABLE)).toBe('A     B\nc     d\n');
  });

  it('aligns describe blocks separately when a line without tabs breaks them', () => {
    // "Ports:" has no tab, so it ends the first block; the port table and the Events line are one
    // block (all have a first cell), so "  Name" is padded to len("Events:") + 2 = 9.
    const text = 'Name:\tx\nNamespace:\tdefault\nPorts:\n  Name\tPort\n  http\t80\nEvents:\t<none>\n';
    expect(tabbed(text, DESCRIBE)).toBe(
      'Name:       x\nNamespace:  default\nPorts:\n  Name   Port\n  http   80\nEvents:  <none>\n',
    );
    // A blank line (one empty cell) also ends the block.
    expect(tabbed('  Name\tPort\n\nEvents:\t<none>\n', DESCRIBE)).toBe('  Name  Port\n\nEvents:  <none>\n');
  });

  it('gives continuation lines with an empty first cell the block width', () => {
    const text = 'Labels:\ta=1\n\tb=2\nAnnotations:\t<none>\n';
    expect(tabbed(text, DESCRIBE)).toBe('Labels:       a=1\n              b=2\nAnnotations:  <none>\n');
  });

  it('remembers widths across flushes (watch rows stay aligned to the header)', () => {
    const w = new TabWriter(GET_TABLE);
    w.write('NAME\tREADY\tAGE\nweb-1\t1/1\t5m\n');
    const first = w.flush();
    w.write('w\t0/1\t6m\n');
    expect(first).toBe('NAME    READY   AGE\nweb-1   1/1     5m\n');
    expect(w.flush()).toBe('w       0/1     6m\n');
  });
});
