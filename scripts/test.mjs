#!/usr/bin/env node
/**
 * `npm test`: types, lint, unit tests, both builds, web-ext lint of the Firefox build, and the
 * real-browser tests. Runs every step even after a failure, exits non-zero on any, and ends
 * with one line the CI reads: `N passed, N failed`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const results = { passed: 0, failed: 0 };
const failures = [];
mkdirSync('test-results', { recursive: true });

function run(name, cmd, args, env = {}) {
  console.log(`\n▶ ${name}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status === 0;
}

function check(name, ok) {
  if (ok) results.passed++;
  else {
    results.failed++;
    failures.push(name);
  }
}

/** A vitest run counts its tests, not itself; a crash before any result counts as one failure. */
function vitest(name, args) {
  const out = `test-results/${name}.json`;
  rmSync(out, { force: true });
  const ok = run(name, 'npx', ['vitest', 'run', ...args, '--reporter=default', '--reporter=json', `--outputFile.json=${out}`]);
  if (!existsSync(out)) return check(`${name} (did not run)`, false);
  const r = JSON.parse(readFileSync(out, 'utf8'));
  results.passed += r.numPassedTests;
  results.failed += r.numFailedTests;
  for (const f of r.testResults ?? []) {
    for (const a of f.assertionResults ?? []) if (a.status === 'failed') failures.push(`${name}: ${a.fullName}`);
  }
  // Failed suites (import errors) and a non-zero exit with no failed test still fail the run.
  if (!ok && r.numFailedTests === 0) check(`${name} (${r.numFailedTestSuites} suite(s) failed to run)`, false);
  if (r.numTotalTests === 0) check(`${name} (no tests found)`, false);
}

check('typecheck', run('typecheck', 'npx', ['tsc', '--noEmit']));
check('lint', run('lint', 'npx', ['eslint', '.']));
vitest('unit', []);
const built = run('build', 'npm', ['run', 'build', '--silent']);
check('build', built);
if (built) {
  check('web-ext lint (firefox)', run('web-ext lint', 'npx', ['web-ext', 'lint', '--source-dir', '.output/firefox-mv2']));
  vitest('e2e', ['-c', 'vitest.e2e.config.ts']);
}

if (failures.length) {
  console.log('\nFailed:');
  for (const f of failures) console.log(`  ✗ ${f}`);
}
console.log(`\n${results.passed} passed, ${results.failed} failed`);
process.exit(results.failed ? 1 : 0);
