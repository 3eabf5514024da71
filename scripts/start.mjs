// `npm start`: build the course when it is missing or stale, then serve dist/ on every network
// interface, so a workshop room can use one laptop as the server (fully offline). Prints the
// addresses participants open and a QR code of the first one. `--port N` or PORT changes the port.
import QRCode from 'qrcode';
import { siteNeedsBuild } from './freshness.mjs';
import { describeNode, nodeIsRecentEnough } from './project-node.mjs';
import { npm, run } from './run.mjs';
import { closeOnSignals, lanAddresses, portFrom, serve } from './serve.mjs';

const { port, error } = portFrom(process.argv.slice(2), process.env);
if (error) {
  console.error(`npm start: ${error}`);
  process.exit(2);
}
console.log(describeNode());

if (siteNeedsBuild()) {
  if (!nodeIsRecentEnough()) {
    console.error('npm start: building the course needs Node 22.12 or newer; `npm install` brings the project its own Node 24 (run it again if it was interrupted or ran with --ignore-scripts).');
    process.exit(1);
  }
  console.log('Building the course (first start, or sources changed)...');
  const code = await run(npm, ['run', 'build']);
  if (code !== 0) process.exit(code);
}

let server;
try {
  server = await serve('dist', { port });
} catch (e) {
  console.error(e.code === 'EADDRINUSE' ? `npm start: port ${port} is in use: try npm start -- --port ${port + 1}` : `npm start: ${e.message}`);
  process.exit(1);
}
const actual = server.address().port;
const urls = lanAddresses().map((address) => `http://${address}:${actual}/`);

console.log(`\nSliceLab is being served on port ${actual}.`);
console.log(`  On this laptop:        http://localhost:${actual}/`);
for (const url of urls) console.log(`  Participants open:     ${url}`);
if (urls.length) {
  console.log(`\nOr scan this to open ${urls[0]}\n`);
  console.log(await QRCode.toString(urls[0], { type: 'terminal', small: true }));
} else {
  console.log('  No network address found: connect this laptop to the room\'s network (Wi-Fi or hotspot) and start again.');
}
console.log('Press Ctrl-C to stop.');
closeOnSignals(server, () => console.log('\nStopping the server...'));
