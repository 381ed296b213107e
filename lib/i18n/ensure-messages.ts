/**
 * A guard against an empty message catalog, run by every extension page before it renders.
 *
 * Why: on a fresh Chromium profile under load, the extension's renderer process sometimes gets an
 * empty message bundle. Every `getMessage` then returns "", even `@@ui_locale`, for the life of
 * that process (a reload or a second page does not help), and the whole interface renders without
 * a word: buttons are blank and invisible. Our stress run saw it on 5 of 25 fresh launches with
 * four busy cores. When that happens, this reads the catalog the browser would have used from
 * the extension's own `_locales` files (no network: a file inside the extension) and answers
 * `getMessage` from it, so `t` works unchanged. Otherwise it does nothing (one synchronous call).
 */

interface Message {
  message: string;
}
type Catalog = Record<string, Message>;

interface I18nApi {
  getMessage(name: string, substitutions?: string | string[]): string;
  getUILanguage(): string;
}

/** The `i18n` objects `t` may call: `chrome.i18n` (Chromium) and `browser.i18n` (Firefox). */
function i18nApis(): I18nApi[] {
  const g = globalThis as { chrome?: { i18n?: I18nApi }; browser?: { i18n?: I18nApi } };
  return [g.chrome?.i18n, g.browser?.i18n].filter((api, i, all): api is I18nApi => !!api?.getMessage && all.indexOf(api) === i);
}

/** The `_locales` folders to try, in the browser's order: "de_AT", then "de", then the default. */
export function localeCandidates(uiLanguage: string, defaultLocale: string): string[] {
  const [language, region] = uiLanguage.split(/[-_]/);
  const out: string[] = [];
  if (language && region) out.push(`${language.toLowerCase()}_${region.toUpperCase()}`);
  if (language) out.push(language.toLowerCase());
  out.push(defaultLocale);
  return [...new Set(out)];
}

/** `getMessage` over a catalog, as the browser answers it: "$1"…"$9" substituted, "$$" a dollar. */
export function messageLookup(catalog: Catalog, locale: string, extensionId: string) {
  return (name: string, substitutions?: string | string[]): string => {
    if (name === '@@ui_locale') return locale;
    if (name === '@@extension_id') return extensionId;
    const found = catalog[name.toLowerCase()]?.message;
    if (found === undefined) return '';
    const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
    return found.replace(/\$(\$|[1-9])/g, (_, d: string) => (d === '$' ? '$' : (subs[Number(d) - 1] ?? '')));
  };
}

async function readCatalog(locale: string, getURL: (path: string) => string): Promise<Catalog | undefined> {
  try {
    const res = await fetch(getURL(`_locales/${locale}/messages.json`));
    if (!res.ok) return undefined;
    const raw = (await res.json()) as Catalog;
    // The browser matches message names case-insensitively.
    return Object.fromEntries(Object.entries(raw).map(([k, v]) => [k.toLowerCase(), v]));
  } catch {
    return undefined; // no such locale folder
  }
}

/** Resolves once `getMessage` answers; call it before the first render. */
export async function ensureMessages(): Promise<void> {
  const apis = i18nApis();
  if (!apis.length || apis[0]!.getMessage('@@ui_locale')) return;
  const runtime = (globalThis as { chrome?: { runtime?: { id: string; getURL(p: string): string; getManifest(): { default_locale?: string } } } }).chrome?.runtime;
  if (!runtime) return;
  const defaultLocale = runtime.getManifest().default_locale ?? 'en';
  // The default locale under the chosen one, as the browser falls back per message.
  const fallback = (await readCatalog(defaultLocale, runtime.getURL)) ?? {};
  let chosen = defaultLocale;
  let catalog: Catalog = fallback;
  for (const locale of localeCandidates(apis[0]!.getUILanguage(), defaultLocale)) {
    const found = locale === defaultLocale ? fallback : await readCatalog(locale, runtime.getURL);
    if (found) {
      chosen = locale;
      catalog = { ...fallback, ...found };
      break;
    }
  }
  console.warn(`[i18n] The browser gave this page no messages; using _locales/${chosen} directly.`);
  const getMessage = messageLookup(catalog, chosen, runtime.id);
  for (const api of apis) {
    try {
      Object.defineProperty(api, 'getMessage', { value: getMessage, configurable: true, writable: true });
    } catch {
      // An API object that cannot be changed: the page shows what the browser gives.
    }
  }
}
