// `npm test`: type check, unit tests (Vitest), end-to-end tests (Playwright), the workshop server's
// tests (load test included), and with CI set the fresh-clone test of the README's two commands;
// then one summary line `N passed, N failed, N skipped` over every runner. Exits non-zero when
// anything failed. `npm test -- --dry-run` only says which Node it runs under and what it would run.
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { describeNode, nodeIsRecentEnough } from './project-node.mjs';
import { npm, npx, run } from './run.mjs';

const withFreshClone = Boolean(process.env.CI);
const STEPS = ['type check', 'unit tests', 'end-to-end tests', 'server tests', ...(withFreshClone ? ['fresh clone'] : [])];
console.log(describeNode());
if (!nodeIsRecentEnough()) {
  console.error('npm test needs Node 22.12 or newer; `npm install` brings the project its own Node 24 (run it again if it was interrupted or ran with --ignore-scripts).');
  console.log('0 passed, 1 failed, 0 skipped');
  process.exit(1);
}
if (process.argv.includes('--dry-run')) {
  console.log(`npm test would run: ${STEPS.join(', ')} (dry run: nothing ran).`);
  process.exit(0);
}

mkdirSync('reports', { recursive: true });
const totals = { passed: 0, failed: 0, skipped: 0 };
let ok = true;

function readReport(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

async function step(name, command, args) {
  console.log(`\n=== ${name} ===`);
  const code = await run(command, args);
  if (code !== 0) {
    ok = false;
    console.error(`=== ${name} failed (exit ${code}) ===`);
  }
  return code;
}

// The type check counts as one test: a failing check shows in the summary line too.
if ((await step('type check', npm, ['run', '--silent', 'check'])) === 0) totals.passed += 1;
else totals.failed += 1;

rmSync('reports/unit.json', { force: true });
const unitCode = await step('unit tests', npx, ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile=reports/unit.json']);
const unit = readReport('reports/unit.json');
if (unit) {
  totals.passed += unit.numPassedTests;
  totals.failed += unit.numFailedTests;
  totals.skipped += unit.numPendingTests + unit.numTodoTests;
}
// A runner that failed without a failing test (a crash, a server that did not start) still counts.
if (unitCode !== 0 && !(unit?.numFailedTests > 0)) totals.failed += 1;

rmSync('reports/e2e.json', { force: true });
const e2eCode = await step('end-to-end tests', npm, ['run', '--silent', 'test:e2e']);
const e2e = readReport('reports/e2e.json');
if (e2e) {
  totals.passed += e2e.stats.expected + e2e.stats.flaky;
  totals.failed += e2e.stats.unexpected;
  totals.skipped += e2e.stats.skipped;
}
if (e2eCode !== 0 && !(e2e?.stats.unexpected > 0)) totals.failed += 1;

/** A Vitest step whose JSON report adds to the totals; a runner failing without a failed test counts once. */
async function vitestStep(name, script, report) {
  rmSync(report, { force: true });
  const code = await step(name, npm, ['run', '--silent', script, '--', '--reporter=default', '--reporter=json', `--outputFile=${report}`]);
  const result = readReport(report);
  if (result) {
    totals.passed += result.numPassedTests;
    totals.failed += result.numFailedTests;
    totals.skipped += result.numPendingTests + result.numTodoTests;
  }
  if (code !== 0 && !(result?.numFailedTests > 0)) totals.failed += 1;
}

await vitestStep('server tests', 'test:server', 'reports/server.json');
// Minutes long (a fresh clone, a full npm install and build): in CI only, or `npm run test:fresh-clone`.
if (withFreshClone) await vitestStep('fresh clone', 'test:fresh-clone', 'reports/fresh-clone.json');
else console.log('\n=== fresh clone: runs in CI only (CI=1 npm test, or npm run test:fresh-clone) ===');

if (totals.failed > 0) ok = false;
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(ok ? 0 : 1);
