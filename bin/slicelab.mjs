#!/usr/bin/env node
// `slicelab`: runs the compiled command line (build/cli/slicelab.mjs, see scripts/build-cli.mjs),
// compiling it first when it is missing or older than one of its source files, so a fresh clone after
// `npm install` and an edit under src/ both just work. The check is a stat per source file (~1 ms).
import { readFileSync, statSync } from 'node:fs';
import module from 'node:module';

const root = new URL('../', import.meta.url);
const out = new URL('build/cli/slicelab.mjs', root);

function stale() {
  try {
    const built = statSync(out).mtimeMs;
    const inputs = JSON.parse(readFileSync(new URL('build/cli/inputs.json', root), 'utf8'));
    return inputs.some((f) => statSync(new URL(f, root)).mtimeMs > built);
  } catch {
    return true; // no build yet, or a source file was removed
  }
}

if (stale()) await (await import('../scripts/build-cli.mjs')).buildCli();
// V8's code cache on disk: later runs skip compiling the bundle again
module.enableCompileCache?.();
await import(out.href);
