// After `npm install`: say in one line which Node the npm scripts will use, and stop with a clear
// sentence if the project's own Node did not arrive (npm install runs under the machine's Node).
import { describeNode, nodeIsRecentEnough } from './project-node.mjs';

if (!nodeIsRecentEnough()) {
  console.error(
    `SliceLab needs Node 22.12 or newer and its own Node 24 (the "node" package) did not install: ${describeNode()} ` +
      'Run `npm install` again, or install Node 24 yourself.',
  );
  process.exit(1);
}
console.log(`SliceLab: npm scripts run under ${describeNode()}`);
