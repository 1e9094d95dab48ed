// Prints the totals of every test runner as one plain line
// `N passed, N failed, N skipped` (the only summary CI reads), from the JSON
// reports vitest and Playwright write under test-results/. A runner whose
// report is missing although it was expected counts as one failure.
const fs = require('node:fs');
const path = require('node:path');

const dir = path.resolve(__dirname, '..', 'test-results');
const read = (name) => {
  const file = path.join(dir, name);
  return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : null;
};

let passed = 0;
let failed = 0;
let skipped = 0;
const missing = [];

const vitest = read('vitest.json');
if (vitest) {
  passed += vitest.numPassedTests ?? 0;
  failed += vitest.numFailedTests ?? 0;
  skipped += (vitest.numPendingTests ?? 0) + (vitest.numTodoTests ?? 0);
  if (vitest.success === false && !vitest.numFailedTests) failed += 1; // a file that failed to load
} else missing.push('vitest');

for (const name of ['e2e.json', 'electron.json']) {
  const pw = read(name);
  if (!pw) {
    missing.push(name);
    continue;
  }
  const s = pw.stats ?? {};
  passed += (s.expected ?? 0) + (s.flaky ?? 0);
  failed += s.unexpected ?? 0;
  skipped += s.skipped ?? 0;
  if ((pw.errors ?? []).length && !s.unexpected) failed += 1;
}

const exitCode = Number(process.argv[2] ?? 0);
if (missing.length && exitCode !== 0) {
  console.error(`test-summary: no report from ${missing.join(', ')} (the run stopped before them)`);
  failed += missing.length;
}
if (exitCode !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
