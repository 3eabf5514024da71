// The floor for `slicelab simulate -o json FILE` (bench/cli.ts): only read the YAML with js-yaml and
// print it as JSON, formatted as slicelab formats its output. Nothing can take less than this.
import { readFileSync } from 'node:fs';
import { loadAll } from 'js-yaml';

process.stdout.write(`${JSON.stringify(loadAll(readFileSync(process.argv[2], 'utf8')), null, 4)}\n`);
