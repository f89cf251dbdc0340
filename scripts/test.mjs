// `npm test`: type-check and lint, then every test runner; ends with one line
// `N passed, N failed` summed over all of them. Exits non-zero if anything failed.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const reports = fs.mkdtempSync(path.join(os.tmpdir(), 'clientela-reports-'));
const totals = { passed: 0, failed: 0 };
const lines = [];

function run(title, command, args, options = {}) {
  console.log(`\n=== ${title} ===`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options, env: { ...process.env, ...options.env } });
  return result.status ?? 1;
}

/** A check without test cases of its own (type-check, lint) counts as one test. */
function check(title, command, args) {
  const ok = run(title, command, args) === 0;
  totals[ok ? 'passed' : 'failed'] += 1;
  lines.push(`${title}: ${ok ? 'passed' : 'FAILED'}`);
}

function vitest(title, workspaceDir, env = {}) {
  const out = path.join(reports, `${title.replace(/\W+/g, '-')}.json`);
  const status = run(title, 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`], {
    cwd: path.join(root, workspaceDir),
    env,
  });
  count(title, out, status, (r) => ({ passed: r.numPassedTests, failed: r.numFailedTests + (r.numTotalTestSuites === 0 ? 1 : 0) }));
}

function playwright(title) {
  const out = path.join(reports, 'e2e.json');
  const status = run(title, 'npx', ['playwright', 'test'], {
    cwd: path.join(root, 'e2e'),
    env: { E2E_JSON_REPORT: out },
  });
  count(title, out, status, (r) => ({ passed: r.stats.expected + r.stats.flaky, failed: r.stats.unexpected }));
}

function count(title, reportFile, status, read) {
  let result = { passed: 0, failed: 0 };
  if (fs.existsSync(reportFile)) result = read(JSON.parse(fs.readFileSync(reportFile, 'utf8')));
  // A runner that crashed or ran nothing must not pass silently.
  if (status !== 0 && result.failed === 0) result.failed = 1;
  if (result.passed + result.failed === 0) result.failed = 1;
  totals.passed += result.passed;
  totals.failed += result.failed;
  lines.push(`${title}: ${result.passed} passed, ${result.failed} failed`);
}

check('typecheck', 'npx', ['tsc', '-b', 'packages/contract', 'apps/server', 'apps/web', 'e2e']);
check('typecheck bench', 'npx', ['tsc', '-p', 'bench']);
check('lint', 'npx', ['biome', 'check', '.']);
vitest('server (embedded PostgreSQL)', 'apps/server', { DATABASE_URL: '' });
if (process.env.TEST_EXTERNAL_DATABASE_URL) {
  vitest('server (external PostgreSQL via DATABASE_URL)', 'apps/server', { DATABASE_URL: process.env.TEST_EXTERNAL_DATABASE_URL });
}
vitest('web', 'apps/web');
playwright('e2e (Chromium)');

console.log('\n=== summary ===');
for (const line of lines) console.log(line);
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed === 0 ? 0 : 1);
