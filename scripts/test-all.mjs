// `npm test`: type check, unit tests (Vitest), end-to-end tests (Playwright), then one summary line
// `N passed, N failed, N skipped` over every runner. Exits non-zero when anything failed.
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { npm, npx, run } from './run.mjs';

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

if (totals.failed > 0) ok = false;
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(ok ? 0 : 1);
