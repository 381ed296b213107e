/**
 * The catalog is complete: every message in every language, with the same placeholders, every
 * key the code asks for exists, and nothing in the catalog is left unused. docs/I18N.md says why.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseMessagesText } from '@wxt-dev/i18n/build';
import { describe, expect, it } from 'vitest';
import { catalogFiles, LANGUAGES, LOCALES_DIR } from './helpers/i18n';
import { must } from './helpers/must';

const ROOT = join(LOCALES_DIR, '..');
type Parsed = ReturnType<typeof parseMessagesText>[number];

/** key → its message forms (one, or a plural's 0/1/n), without the browser's predefined @@ keys. */
function catalog(lang: string): Map<string, { plural: boolean; forms: Record<string, string> }> {
  const parsed: Parsed[] = parseMessagesText(readFileSync(join(LOCALES_DIR, `${lang}.yml`), 'utf8'), 'YAML');
  const out = new Map<string, { plural: boolean; forms: Record<string, string> }>();
  for (const m of parsed) {
    const key = m.key.join('.');
    if (key.startsWith('@@')) continue;
    if (m.type === 'plural') out.set(key, { plural: true, forms: Object.fromEntries(Object.entries(m.plurals).map(([k, v]) => [k, String(v)])) });
    else out.set(key, { plural: false, forms: { '': m.type === 'chrome' ? m.message : m.message } });
  }
  return out;
}

/** The placeholders a message uses: $1…$9 (not the "$$" escape) and {named} ones. */
function placeholders(text: string): string[] {
  const positional = [...text.replaceAll('$$', '').matchAll(/\$([1-9])/g)].map((m) => `$${m[1]}`);
  const named = [...text.matchAll(/\{([A-Za-z0-9_]+)\}/g)].map((m) => `{${m[1]}}`);
  return [...new Set([...positional, ...named])].sort();
}

const en = catalog('en');
const others = LANGUAGES.filter((l) => l !== 'en');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}
const CODE = ['components', 'lib', 'entrypoints'].flatMap((d) => sourceFiles(join(ROOT, d)));

describe('the message catalog', () => {
  it('has exactly the four languages', () => {
    expect(catalogFiles()).toEqual(LANGUAGES.map((l) => `${l}.yml`).sort());
  });

  it.each(others)('%s has every English message and no other', (lang) => {
    const own = catalog(lang);
    const missing = [...en.keys()].filter((k) => !own.has(k));
    const extra = [...own.keys()].filter((k) => !en.has(k));
    expect({ missing, extra }).toEqual({ missing: [], extra: [] });
  });

  it.each(others)('%s uses the same placeholders and plural shape as English', (lang) => {
    const own = catalog(lang);
    const differ: string[] = [];
    for (const [key, msg] of en) {
      const theirs = own.get(key);
      if (!theirs) continue;
      const a = placeholders(Object.values(msg.forms).join(' '));
      const b = placeholders(Object.values(theirs.forms).join(' '));
      if (msg.plural !== theirs.plural) differ.push(`${key}: plural in one language, not the other`);
      else if (a.join() !== b.join()) differ.push(`${key}: en ${a.join(' ') || '(none)'} vs ${lang} ${b.join(' ') || '(none)'}`);
    }
    expect(differ).toEqual([]);
  });

  it.each(LANGUAGES)('%s has no empty message and plurals with a "1" and an "n" form', (lang) => {
    const bad: string[] = [];
    for (const [key, msg] of catalog(lang)) {
      if (Object.values(msg.forms).some((f) => !f.trim())) bad.push(`${key}: empty`);
      if (msg.plural && !('1' in msg.forms && 'n' in msg.forms)) bad.push(`${key}: plural needs 1 and n`);
      if (msg.plural && Object.keys(msg.forms).some((f) => !['0', '1', 'n'].includes(f))) bad.push(`${key}: only 0, 1 and n forms`);
    }
    expect(bad).toEqual([]);
  });

  it('names keys in camelCase segments (they become Chrome message names with "_")', () => {
    expect([...en.keys()].filter((k) => !/^[a-z][A-Za-z0-9]*(\.[a-z][A-Za-z0-9]*)*$/.test(k))).toEqual([]);
  });

  it.each(LANGUAGES)('%s fits the stores: description ≤ 132 characters', (lang) => {
    expect(must(catalog(lang).get('manifest.description')?.forms[''], 'a manifest description').length).toBeLessThanOrEqual(132);
  });

  // Keys are always literals (`t('card.hide')`), so TypeScript and this scan both see them.
  const used = new Map<string, string>();
  const dynamic: string[] = [];
  for (const file of CODE) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\bt\(\s*(['"])([^'"]+)\1/g)) used.set(must(m[2], 'a key'), relative(ROOT, file));
    for (const m of text.matchAll(/\bt\(\s*[`A-Za-z_]/g)) dynamic.push(`${relative(ROOT, file)}: ${text.slice(m.index, m.index + 40)}`);
  }
  for (const m of readFileSync(join(ROOT, 'wxt.config.ts'), 'utf8').matchAll(/__MSG_(\w+)__/g)) used.set(must(m[1], 'a message name').replaceAll('_', '.'), 'wxt.config.ts');

  it('has every key the code asks for', () => {
    expect([...used].filter(([k]) => !en.has(k)).map(([k, f]) => `${f}: ${k}`)).toEqual([]);
    expect(used.size).toBeGreaterThan(5); // the scan itself works
  });

  it('is asked for with literal keys only', () => {
    expect(dynamic).toEqual([]);
  });

  it('holds no message the code never uses', () => {
    expect([...en.keys()].filter((k) => !used.has(k))).toEqual([]);
  });
});
