// After `npm install`: say in one line which Node the npm scripts will use, and stop with a clear
// sentence if the project's own Node did not arrive (npm install runs under the machine's Node).
import { describeNode, machineNode, nodeIsRecentEnough } from './project-node.mjs';

if (!nodeIsRecentEnough()) {
  console.error(
    `SliceLab needs Node 22.12 or newer and its own Node 24 (the "node" package) did not install: ${describeNode()} ` +
      'Run `npm install` again, or install Node 24 yourself.',
  );
  process.exit(1);
}
const machine = machineNode();
const oldMachine = machine && !nodeIsRecentEnough(machine.version.slice(1));
// npm install ran under the machine's Node, which is what its EBADENGINE warnings were about.
console.log(`SliceLab: npm scripts run under ${describeNode().replace(/\.$/, '')}${oldMachine ? ", so npm's EBADENGINE warnings above do not matter." : '.'}`);
