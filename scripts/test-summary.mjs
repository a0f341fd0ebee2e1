// Adds up the JSON reports of Vitest and Playwright into the closing line CI reads.
import fs from 'node:fs';
import path from 'node:path';

const [dir = '.test-results', stepFailuresArg = '0'] = process.argv.slice(2);
const stepFailures = Number(stepFailuresArg);
let passed = 0;
let failed = 0;
let skipped = 0;
const missing = [];

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
  } catch {
    missing.push(file);
    return null;
  }
}

for (const file of ['vitest-pglite.json', 'vitest-postgres.json']) {
  const report = readJson(file);
  if (!report) continue;
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + (report.numTodoTests ?? 0);
  // A file that failed to load has no test results but must still count as a failure.
  failed += report.testResults.filter((r) => r.status === 'failed' && r.assertionResults.length === 0).length;
  console.log(`${file}: ${report.numPassedTests} passed, ${report.numFailedTests} failed`);
}

const playwright = readJson('playwright.json');
if (playwright) {
  const { expected = 0, unexpected = 0, flaky = 0, skipped: pwSkipped = 0 } = playwright.stats ?? {};
  passed += expected + flaky;
  failed += unexpected;
  skipped += pwSkipped;
  failed += (playwright.errors ?? []).length;
  console.log(`playwright.json: ${expected + flaky} passed, ${unexpected} failed`);
}

for (const file of missing) console.log(`missing report: ${file} (counted as a failure)`);
failed += missing.length + stepFailures;
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
