// The folders of src/ are layers: each imports only what src/README.md's table allows, no two
// folders import each other (directly or round a loop, at any depth), and clients reach the
// simulator only through its public API (src/sim/index.ts, src/sim/types.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  allowedFromTable,
  astroCode,
  folderEdges,
  folderLoops,
  importsUnder,
  resolveSpecifier,
  siblingEdge,
  simInternalsReached,
  specifiersOf,
  topEntry,
  where,
  type Import,
} from './imports.testutil';

const root = process.cwd();
const imports = importsUnder(root, 'src');
const SIM_PUBLIC = ['src/sim/index.ts', 'src/sim/types.ts'];

describe('the import reader', () => {
  it('finds static, type-only, re-export, side-effect and dynamic imports, not ones in comments or strings', () => {
    const text = [
      "import { a } from './a';",
      "import type { B } from '../b';",
      "export { c } from './c/index';",
      "export * from './d';",
      "import './e.css';",
      "const f = await import('./f');",
      "// import { g } from './g';",
      "const h = \"import { h } from './h'\";",
      'import {',
      '  i,',
      "} from './i';",
    ].join('\n');
    expect(specifiersOf('src/x/y.ts', text)).toEqual([
      { spec: './a', line: 1 },
      { spec: '../b', line: 2 },
      { spec: './c/index', line: 3 },
      { spec: './d', line: 4 },
      { spec: './e.css', line: 5 },
      { spec: './f', line: 6 },
      { spec: './i', line: 11 },
    ]);
  });

  it('reads an .astro file’s frontmatter and scripts only, keeping line numbers', () => {
    const text = "---\nimport A from './A.astro';\n---\n<p>import B from './B'</p>\n<script>\n  import { c } from '../c';\n</script>\n";
    expect(astroCode(text).split('\n')).toHaveLength(text.split('\n').length);
    expect(specifiersOf('src/components/X.astro', text)).toEqual([
      { spec: './A.astro', line: 2 },
      { spec: '../c', line: 6 },
    ]);
  });

  it('resolves specifiers the way TypeScript does, and leaves packages alone', () => {
    const files = new Set(['src/sim/index.ts', 'src/sim/types.ts', 'src/course/modules.mjs', 'src/sim/net/ip.ts']);
    const exists = (p: string) => files.has(p);
    expect(resolveSpecifier('src/kubectl/a.ts', '../sim', exists)).toBe('src/sim/index.ts');
    expect(resolveSpecifier('src/kubectl/a.ts', '../sim/types', exists)).toBe('src/sim/types.ts');
    expect(resolveSpecifier('src/kubectl/a.ts', '../sim/types.js', exists)).toBe('src/sim/types.ts');
    expect(resolveSpecifier('src/pages/i.astro', '../course/modules.mjs', exists)).toBe('src/course/modules.mjs');
    expect(resolveSpecifier('src/sim/cluster/c.ts', '../net/ip?raw', exists)).toBe('src/sim/net/ip.ts');
    expect(resolveSpecifier('src/kubectl/a.ts', 'js-yaml', exists)).toBeUndefined();
    expect(resolveSpecifier('src/kubectl/a.ts', 'node:fs', exists)).toBeUndefined();
  });

  it('names the sibling folders an import joins', () => {
    expect(siblingEdge('src/kubectl/printers/pods.ts', 'src/sim/cluster/ids.ts')).toEqual(['src/kubectl', 'src/sim']);
    expect(siblingEdge('src/sim/cluster/a.ts', 'src/sim/net/ip.ts')).toEqual(['src/sim/cluster', 'src/sim/net']);
    expect(siblingEdge('src/sim/cluster/a.ts', 'src/sim/types.ts')).toBeUndefined(); // the folder's own shared file
    expect(siblingEdge('src/sim/index.ts', 'src/sim/cluster/index.ts')).toBeUndefined(); // a folder's face over its parts
    expect(siblingEdge('src/sim/cluster/a.ts', 'src/sim/cluster/b.ts')).toBeUndefined();
  });

  it('finds a loop through three folders and a pair importing each other, and names the imports', () => {
    const imp = (from: string, to: string): Import => ({ from, to, spec: 'x', line: 1 });
    const edges = folderEdges([
      imp('src/a/1.ts', 'src/b/1.ts'),
      imp('src/b/1.ts', 'src/c/1.ts'),
      imp('src/c/1.ts', 'src/a/2.ts'),
      imp('src/d/1.ts', 'src/e/1.ts'),
      imp('src/e/2.ts', 'src/d/1.ts'),
      imp('src/f/1.ts', 'src/a/1.ts'),
    ]);
    const loops = folderLoops(edges).map((l) => l.map((e) => `${e.example.from} → ${e.to}`));
    expect(loops).toEqual([
      ['src/a/1.ts → src/b', 'src/b/1.ts → src/c', 'src/c/1.ts → src/a'],
      ['src/d/1.ts → src/e', 'src/e/2.ts → src/d'],
    ]);
  });

  it('reads the "may import" column of the layering table', () => {
    const table = '| folder | job | may import |\n|---|---|---|\n| `sim` | x | nothing outside itself |\n| `kubectl` | y | `sim`, `validate` |\n';
    expect(allowedFromTable(table)).toEqual(new Map([['sim', new Set()], ['kubectl', new Set(['sim', 'validate'])]]));
  });
});

describe('the layers of src/', () => {
  it('reads a real import graph (the reader is not silently empty)', () => {
    expect(imports.length).toBeGreaterThan(500);
    expect(imports.some((i) => i.from === 'src/exercises/session.ts' && i.to?.startsWith('src/sim/'))).toBe(true);
    expect(imports.some((i) => i.from.endsWith('.astro') && i.to)).toBe(true);
  });

  it('every relative import names a file that exists', () => {
    const broken = imports.filter((i) => /^\.\.?\//.test(i.spec) && !i.to && !/\.(css|svg|png|json)(\?|$)/.test(i.spec));
    expect(broken.map(where)).toEqual([]);
  });

  it('no folder imports one that imports it back, directly or round a loop, at any depth', () => {
    const loops = folderLoops(folderEdges(imports)).map((loop) =>
      loop.map((e) => `${e.from} → ${e.to} (${where(e.example)})`).join('; '),
    );
    expect(loops).toEqual([]);
  });

  it('kubectl, diagnose, validate, exercises, editor, cli and components reach src/sim only through index.ts and types.ts', () => {
    expect(simInternalsReached(imports, 'src/sim', SIM_PUBLIC).map(where)).toEqual([]);
  });

  it('every import between top-level folders is one src/README.md allows', () => {
    const allowed = allowedFromTable(readFileSync(join(root, 'src/README.md'), 'utf8'));
    expect(allowed.get('sim')).toEqual(new Set());
    const unlisted = new Set<string>();
    const bad: string[] = [];
    for (const i of imports) {
      const a = topEntry(i.from);
      const b = i.to && topEntry(i.to);
      if (!a || !b || a === b) continue;
      if (!allowed.has(a)) unlisted.add(a);
      else if (!allowed.get(a)!.has(b)) bad.push(`${where(i)}: src/README.md does not let ${a} import ${b}`);
    }
    expect([...unlisted].map((f) => `src/${f} is not in src/README.md's table`)).toEqual([]);
    expect(bad).toEqual([]);
  });
});
