/**
 * The catalog as the browser sees it, for unit tests: `locales/<lang>.yml` turned into
 * `_locales/<lang>/messages.json` by @wxt-dev/i18n's own build step, and a `getMessage` that
 * substitutes `$1`…`$9` like Chrome does (falling back to English like `default_locale`).
 * setup.ts installs English for every test; a test may switch with `useLanguage('de')`.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readFile } from 'node:fs/promises';
import { generateChromeMessages, parseMessagesText } from '@wxt-dev/i18n/build';
import { fakeBrowser } from 'wxt/testing/fake-browser';

export const LOCALES_DIR = join(import.meta.dirname, '../../../locales');
export const LANGUAGES = ['en', 'de', 'fr', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];

type ChromeMessages = Record<string, { message: string }>;

/** The YAML files present (en.yml → "en"), whether or not LANGUAGES names them. */
export const catalogFiles = () => readdirSync(LOCALES_DIR).filter((f) => /\.ya?ml$/.test(f)).sort();

const built = new Map<string, ChromeMessages>();
export async function chromeMessages(lang: string): Promise<ChromeMessages> {
  let m = built.get(lang);
  if (!m) {
    const text = await readFile(join(LOCALES_DIR, `${lang}.yml`), 'utf8');
    m = generateChromeMessages(parseMessagesText(text, 'YAML')) as ChromeMessages;
    built.set(lang, m);
  }
  return m;
}

/** Chrome's substitution: $1…$9 from the list, "$$" is a dollar sign. */
export function substitute(message: string, subs: string[] = []): string {
  return message.replace(/\$(\$|[1-9])/g, (_, d: string) => (d === '$' ? '$' : (subs[Number(d) - 1] ?? '')));
}

export async function useLanguage(lang: Language): Promise<void> {
  const [own, en] = [await chromeMessages(lang), await chromeMessages('en')];
  fakeBrowser.i18n.getUILanguage = () => lang;
  fakeBrowser.i18n.getMessage = ((name: string, subs?: string | string[]) => {
    const m = own[name] ?? en[name];
    return m ? substitute(m.message, typeof subs === 'string' ? [subs] : subs) : '';
  }) as typeof fakeBrowser.i18n.getMessage;
}
