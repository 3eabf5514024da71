// Reads the import graph of src/ for the layering test: every import, export-from, side-effect import,
// `import type` and dynamic import(), found by the TypeScript scanner (ts.preProcessFile), resolved
// to a file, and the folder rules over it. Pure functions over paths and texts, so the rules are
// tested on small made-up trees as well as on the real one.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import ts from 'typescript';

export interface Import {
  /** The importing file, relative to the project root, with forward slashes. */
  from: string;
  /** The specifier as written. */
  spec: string;
  line: number;
  /** The file it names (project-relative), or undefined for packages, virtual modules and `node:`. */
  to?: string;
}

const SOURCE = /\.(ts|tsx|mts|cts|js|mjs|cjs|astro)$/;
const TRY_SUFFIXES = ['', '.ts', '.tsx', '.mts', '.js', '.mjs', '/index.ts', '/index.mts', '/index.js', '/index.mjs'];

/** Every source file under `dir` (project-relative paths, forward slashes, sorted). */
export function sourceFiles(root: string, dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(join(root, d)).sort()) {
      const p = posix.join(d, name);
      if (statSync(join(root, p)).isDirectory()) walk(p);
      else if (SOURCE.test(name) && !name.endsWith('.d.ts')) out.push(p);
    }
  };
  walk(dir);
  return out;
}

/**
 * The parts of an .astro file that are code: the frontmatter and every <script> body. Everything else
 * becomes spaces (newlines kept), so line numbers still point into the original file.
 */
export function astroCode(text: string): string {
  const keep: Array<[number, number]> = [];
  const fm = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  if (fm) keep.push([fm.index + 3, fm.index + fm[0].length - 3]);
  for (const m of text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)) {
    const start = m.index + m[0].indexOf('>') + 1;
    keep.push([start, start + m[1].length]);
  }
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const inside = keep.some(([a, b]) => i >= a && i < b);
    out += inside || text[i] === '\n' ? text[i] : ' ';
  }
  return out;
}

/** Specifiers of one file's imports, with their 1-based lines. */
export function specifiersOf(file: string, text: string): Array<{ spec: string; line: number }> {
  const code = file.endsWith('.astro') ? astroCode(text) : text;
  const info = ts.preProcessFile(code, true, true);
  return info.importedFiles.map((f) => ({
    spec: f.fileName,
    line: code.slice(0, f.pos).split('\n').length,
  }));
}

/** The file a relative specifier names (TypeScript's rules: `.js` may stand for `.ts`, folders mean index). */
export function resolveSpecifier(from: string, spec: string, exists: (path: string) => boolean): string | undefined {
  const bare = spec.replace(/\?.*$/, '');
  if (!bare.startsWith('./') && !bare.startsWith('../')) return undefined;
  const base = posix.normalize(posix.join(posix.dirname(from), bare));
  const stems = [base, base.replace(/\.js$/, '.ts'), base.replace(/\.mjs$/, '.mts')];
  for (const stem of stems) for (const s of TRY_SUFFIXES) if (exists(stem + s)) return stem + s;
  return undefined;
}

/** Every import of every source file under `dir`. */
export function importsUnder(root: string, dir: string): Import[] {
  const isFile = (p: string) => existsSync(join(root, p)) && statSync(join(root, p)).isFile();
  return sourceFiles(root, dir).flatMap((from) =>
    specifiersOf(from, readFileSync(join(root, from), 'utf8')).map(({ spec, line }) => ({
      from,
      spec,
      line,
      to: resolveSpecifier(from, spec, isFile),
    })),
  );
}

export const where = (i: Import) => `${i.from}:${i.line} imports '${i.spec}'`;

/**
 * The folder-to-folder edge an import makes: the two sibling entries where the paths part, when both
 * are folders (`src/sim/cluster/x.ts` → `src/sim/net/ip.ts` gives `src/sim/cluster` → `src/sim/net`).
 * A file importing from inside its own folder's subfolders, or a subfolder importing its parent's own
 * files, is no edge between siblings.
 */
export function siblingEdge(from: string, to: string): [string, string] | undefined {
  const a = from.split('/');
  const b = to.split('/');
  let i = 0;
  while (i < a.length - 1 && i < b.length - 1 && a[i] === b[i]) i++;
  if (i >= a.length - 1 || i >= b.length - 1) return undefined; // one side is a file directly in the common folder
  return [a.slice(0, i + 1).join('/'), b.slice(0, i + 1).join('/')];
}

export interface Edge {
  from: string;
  to: string;
  /** One import that makes the edge, to name in a failure. */
  example: Import;
}

export function folderEdges(imports: Import[]): Edge[] {
  const edges = new Map<string, Edge>();
  for (const imp of imports) {
    if (!imp.to) continue;
    const e = siblingEdge(imp.from, imp.to);
    if (!e) continue;
    const key = `${e[0]} ${e[1]}`;
    if (!edges.has(key)) edges.set(key, { from: e[0], to: e[1], example: imp });
  }
  return [...edges.values()];
}

/** Every loop of folders (A → B → … → A), each as its edges, found once per set of folders. */
export function folderLoops(edges: Edge[]): Edge[][] {
  const out = new Map<string, Edge[]>();
  const next = new Map<string, Edge[]>();
  for (const e of edges) next.set(e.from, [...(next.get(e.from) ?? []), e]);
  const walk = (start: string, at: string, path: Edge[], seen: Set<string>) => {
    for (const e of next.get(at) ?? []) {
      if (e.to === start) {
        const loop = [...path, e];
        const key = loop.map((x) => x.from).sort().join(' ');
        if (!out.has(key)) out.set(key, loop);
      } else if (!seen.has(e.to) && e.to > start) {
        // Only walk to folders sorting after the start: each loop is found from its smallest folder.
        walk(start, e.to, [...path, e], new Set([...seen, e.to]));
      }
    }
  };
  for (const start of [...next.keys()].sort()) walk(start, start, [], new Set([start]));
  return [...out.values()];
}

/** Imports from outside `simDir` into it that name anything but its public files. */
export function simInternalsReached(imports: Import[], simDir: string, publicFiles: string[]): Import[] {
  return imports.filter(
    (i) => i.to?.startsWith(`${simDir}/`) && !i.from.startsWith(`${simDir}/`) && !publicFiles.includes(i.to),
  );
}

/**
 * The "may import" column of a markdown table whose first column names folders in backticks:
 * `| \`kubectl\` | job | \`sim\`, \`validate\` |` gives kubectl → {sim, validate}.
 */
export function allowedFromTable(markdown: string): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const line of markdown.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    if (cells.length < 5) continue;
    const name = /^`([^`]+)`$/.exec(cells[1]);
    if (!name) continue;
    out.set(name[1], new Set([...cells[3].matchAll(/`([^`]+)`/g)].map((m) => m[1])));
  }
  return out;
}

/** The top-level entry of src/ a project-relative path belongs to (`src/sim/net/ip.ts` → `sim`). */
export function topEntry(path: string): string | undefined {
  const parts = path.split('/');
  return parts[0] === 'src' && parts.length > 1 ? parts[1] : undefined;
}
