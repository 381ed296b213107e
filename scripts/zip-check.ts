/**
 * `npm run zip:check`, after `npm run zip`: does the Firefox Add-ons sources zip rebuild the
 * Firefox zip, as an AMO reviewer would, without the network? Unpacks the sources into a temp
 * folder, installs from npm's local cache only (`npm ci --offline`: the packages the zip's lock
 * file names must already be in the cache, as they are after any `npm ci` here), builds Firefox
 * and compares every file with the Firefox zip. Also fails if the sources carry what they must
 * not (node_modules, outputs, tests, local results).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const { name, version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
const sourcesZip = join(ROOT, `.output/${name}-${version}-sources.zip`);
const firefoxZip = join(ROOT, `.output/${name}-${version}-firefox.zip`);
const FORBIDDEN = /^(node_modules|\.output|test-results|tests|bench-out|demo-screenshots|\.wxt|\.git)\//;

function sh(cmd: string, args: string[], cwd: string): string {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.error && (r.error as NodeJS.ErrnoException).code === 'ENOENT') {
    throw new Error(`${cmd} not found${cmd === 'unzip' ? ' (Debian: apt-get install unzip)' : ''}`);
  }
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed in ${cwd}:\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => relative(dir, join(d.parentPath, d.name)))
    .sort();
}

const listed = sh('unzip', ['-Z1', sourcesZip], ROOT).split('\n').filter(Boolean);
const bad = listed.filter((f) => FORBIDDEN.test(f));
if (bad.length) throw new Error(`the sources zip must not carry ${bad.slice(0, 5).join(', ')}${bad.length > 5 ? ' …' : ''}`);

const work = mkdtempSync(join(tmpdir(), 'tiercover-sources-'));
try {
  const src = join(work, 'src');
  const expected = join(work, 'firefox');
  sh('unzip', ['-q', sourcesZip, '-d', src], ROOT);
  sh('unzip', ['-q', firefoxZip, '-d', expected], ROOT);
  console.log(`${listed.length} files in ${relative(ROOT, sourcesZip)}; npm ci --offline, then wxt build -b firefox`);
  sh('npm', ['ci', '--offline', '--no-audit', '--no-fund'], src);
  sh('npx', ['wxt', 'build', '-b', 'firefox'], src);
  const built = join(src, '.output/firefox-mv2');
  const [want, got] = [files(expected), files(built)];
  const differ = [...new Set([...want, ...got])].filter((f) => {
    try {
      return !readFileSync(join(expected, f)).equals(readFileSync(join(built, f)));
    } catch {
      return true; // in one and not the other
    }
  });
  if (differ.length) throw new Error(`the rebuild differs from ${relative(ROOT, firefoxZip)}: ${differ.join(', ')}`);
  console.log(`✔ rebuilt offline from the sources zip: ${got.length} files, identical to ${relative(ROOT, firefoxZip)}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
