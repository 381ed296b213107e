/**
 * `npm run sites:check`: every fixture page through the site adapters, and per signal the
 * fixtures it found something on. When LinkedIn changes a layout, a signal that went dark shows
 * up here by name (and the fixture that needed it), not as a vague "the card misses".
 *
 *   npm run sites:check                          the fixtures of tests/fixtures/pages/manifest.json
 *   npm run sites:check -- <file.html> <url> …   saved pages of your own, read as if at that URL
 *
 * Exits non-zero when a fixture reads differently from its `expected` in the manifest.
 * Runs through jiti (the extension's modules import without file extensions).
 */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { Window } from 'happy-dom';
import { readPage } from '../lib/sites/index';
import type { PageContext } from '../lib/sites/types';

const FIXTURES = join(import.meta.dirname, '../tests/fixtures/pages');

interface Entry {
  file: string;
  path: string;
  url: string;
  expected?: Record<string, unknown>;
}

function entries(args: string[]): Entry[] {
  if (args.length) {
    if (args.length % 2) throw new Error('usage: npm run sites:check -- <file.html> <url> [<file.html> <url> …]');
    const out: Entry[] = [];
    for (let i = 0; i < args.length; i += 2) {
      const [path = '', url = ''] = args.slice(i, i + 2); // the length is even: both are there
      out.push({ file: basename(path), path, url });
    }
    return out;
  }
  const m = JSON.parse(readFileSync(join(FIXTURES, 'manifest.json'), 'utf8')) as { fixtures: Omit<Entry, 'path'>[] };
  return m.fixtures.map((f) => ({ ...f, path: join(FIXTURES, f.file) }));
}

/** The fields of `expected` that `actual` does not match (a partial, recursive comparison). */
function mismatches(expected: unknown, actual: unknown, path = ''): string[] {
  if (expected && typeof expected === 'object' && !Array.isArray(expected)) {
    return Object.entries(expected).flatMap(([k, v]) => mismatches(v, (actual as Record<string, unknown> | undefined)?.[k], path ? `${path}.${k}` : k));
  }
  return JSON.stringify(expected) === JSON.stringify(actual) ? [] : [`${path}: expected ${JSON.stringify(expected)}, read ${JSON.stringify(actual)}`];
}

function read(entry: Entry): PageContext {
  const window = new Window({ url: entry.url });
  const doc = new window.DOMParser().parseFromString(readFileSync(entry.path, 'utf8'), 'text/html') as unknown as Document;
  try {
    return readPage(doc, new URL(entry.url));
  } finally {
    void window.happyDOM.close();
  }
}

const list = entries(process.argv.slice(2));
const bySignal = new Map<string, string[]>();
const failures: string[] = [];
const rows: string[] = [];
for (const e of list) {
  const ctx = read(e);
  const site = ctx.kind === 'unsupported' ? 'unsupported' : ctx.site;
  const signals = ctx.kind === 'unsupported' ? [] : ctx.signals;
  for (const s of signals) {
    const key = `${site} ${s}`;
    bySignal.set(key, [...(bySignal.get(key) ?? []), e.file]);
  }
  const what =
    ctx.kind === 'unsupported'
      ? 'unsupported'
      : `${ctx.kind}${ctx.readable ? '' : ' (not readable)'}: ${ctx.person?.name ?? ctx.company?.name ?? ctx.crm?.name ?? '–'}` +
        (ctx.person?.companyName || ctx.crm?.accountName ? ` @ ${ctx.person?.companyName ?? ctx.crm?.accountName}` : '');
  const wrong = e.expected ? mismatches(e.expected, ctx) : [];
  if (wrong.length) failures.push(`${e.file}\n    ${wrong.join('\n    ')}`);
  rows.push(`${wrong.length ? '✗' : '✓'} ${e.file.padEnd(52)} ${what}`);
}

console.log(`Pages (${list.length}):`);
for (const r of rows) console.log(`  ${r}`);
console.log('\nSignals, and the pages each found something on:');
for (const [key, files] of [...bySignal].sort(([a], [b]) => a.localeCompare(b))) {
  console.log(`  ${key.padEnd(44)} ${String(files.length).padStart(3)}  ${files.join(', ')}`);
}
if (failures.length) {
  console.log(`\n${failures.length} page(s) read differently from the manifest:\n  ${failures.join('\n  ')}`);
  process.exit(1);
}
console.log(`\nAll ${list.length} pages read as expected.`);
