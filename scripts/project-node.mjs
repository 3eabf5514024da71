// Which Node runs the npm scripts, in one sentence. The `node` dependency (package.json) installs
// Node 24 from the npm registry into node_modules/node, and npm puts node_modules/.bin first on the
// PATH of every script, so `npm start` and `npm test` run under it whatever Node the machine has.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';

const PROJECT_BIN = resolve('node_modules', '.bin');

/** The first `node` on PATH outside this project's node_modules/.bin, with its version, if any. */
export function machineNode(path = process.env.PATH ?? '') {
  for (const dir of path.split(delimiter)) {
    if (!dir || resolve(dir) === PROJECT_BIN || dir.includes(`${join('node_modules', '.bin')}`)) continue;
    const candidate = join(dir, process.platform === 'win32' ? 'node.exe' : 'node');
    if (!existsSync(candidate)) continue;
    try {
      return { path: candidate, version: execFileSync(candidate, ['--version'], { encoding: 'utf8' }).trim() };
    } catch {
      // Not runnable: look further.
    }
  }
  return undefined;
}

/** Is this process the project's own Node (node_modules/node)? */
export const runsProjectNode = () => resolve(process.execPath).startsWith(resolve('node_modules') + '/');

export function describeNode() {
  const machine = machineNode();
  const theirs = machine ? `this machine's node is ${machine.version}` : 'this machine has no other node on PATH';
  return runsProjectNode()
    ? `Node ${process.version} from node_modules/.bin (the project's own, from the npm package "node"); ${theirs}.`
    : existsSync(join(PROJECT_BIN, 'node'))
      ? `Node ${process.version} (${process.execPath}), not the project's own Node 24 in node_modules/.bin: run this through npm (npm start, npm test).`
      : `Node ${process.version} (${process.execPath}); the project's own Node 24 is not installed: run npm install.`;
}

/** Astro 7 needs Node >= 22.12. */
export const nodeIsRecentEnough = (version = process.versions.node) => {
  const [major, minor] = version.split('.').map(Number);
  return major > 22 || (major === 22 && minor >= 12);
};
