// Compiles the slicelab command line (src/cli/slicelab.ts and everything it imports, dependencies
// included) into one ES module, build/cli/slicelab.mjs, with esbuild: no TypeScript transpiler at run
// time and one file to load. Run by `npm install` (the prepare script) and by bin/slicelab.mjs when a
// source file is newer than the build. Needs src/validate/generated/ (`npm run gen`), built first here
// when it is missing.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const OUT_DIR = join(root, 'build/cli');
export const OUT = join(OUT_DIR, 'slicelab.mjs');
/** The project's own source files that went into the build (paths relative to the root), for staleness. */
export const INPUTS = join(OUT_DIR, 'inputs.json');

export async function buildCli() {
  if (!existsSync(join(root, 'src/validate/generated/validators.js'))) {
    const gen = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'scripts/gen-schemas.ts')], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
    if (gen.status !== 0) throw new Error('slicelab: generating the validators (npm run gen) failed');
  }
  const { build } = await import('esbuild');
  mkdirSync(OUT_DIR, { recursive: true });
  const result = await build({
    absWorkingDir: root,
    entryPoints: ['src/cli/slicelab.ts'],
    outfile: OUT,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    metafile: true,
    write: false,
    legalComments: 'none',
    logLevel: 'warning',
    // CommonJS dependencies (ajv's runtime) call require(): give the ES module one
    banner: { js: "import { createRequire as __slicelabRequire } from 'node:module'; const require = __slicelabRequire(import.meta.url);" },
  });
  // written under a temporary name, then renamed: two commands building at once never see half a file
  const inputs = Object.keys(result.metafile.inputs).filter((f) => !f.startsWith('node_modules/'));
  const tmp = `${OUT}.${process.pid}.tmp`;
  writeFileSync(tmp, result.outputFiles[0].contents);
  writeFileSync(`${INPUTS}.${process.pid}.tmp`, JSON.stringify(inputs.map((f) => relative(root, resolve(root, f)))) + '\n');
  renameSync(`${INPUTS}.${process.pid}.tmp`, INPUTS);
  renameSync(tmp, OUT);
  return OUT;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildCli();
}
