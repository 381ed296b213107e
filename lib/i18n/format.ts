/**
 * Numbers and dates in the language the interface speaks. The browser picks that language
 * (the one `_locales` answers in), so "1,234" and "3 Dec" in
 * English read "1.234" and "3. Dez." in German. Formatters are cached: they are costly to build.
 */
import { perCatalog, t } from './messages';

/**
 * The browser's UI language where there is a `browser.i18n` (not in the import worker). Read from
 * the global, not through `wxt/browser`: that is the polyfill, which refuses to load in a worker,
 * and this module is reached from code the import worker runs (tiers, coverage).
 */
const browserUiLanguage = (): string | undefined =>
  (globalThis as { chrome?: { i18n?: { getUILanguage?(): string } } }).chrome?.i18n?.getUILanguage?.();

/**
 * The language the interface speaks: the catalog's own language (`meta.locale`: the `_locales`
 * file the browser serves), with the browser's region when the browser speaks that language too
 * ("en-US", "de-AT"), so words, numbers and dates always agree. Headless Chromium shows why the
 * catalog decides: `--lang=de` switches the messages but neither `getUILanguage()` nor
 * `@@ui_locale`, and an emulated locale switches `getUILanguage()` in pages but not the messages.
 * Undefined where there is no `browser.i18n`; Intl then uses its default.
 */
export const uiLocale: () => string | undefined = perCatalog(() => {
  // Kept (`perCatalog`): every number and date on a page asks for it, a big week thousands of times.
  try {
    const language = t('meta.locale');
    const browserLocale = browserUiLanguage();
    return browserLocale?.split(/[-_]/)[0] === language ? browserLocale.replace('_', '-') : language || undefined;
  } catch {
    return undefined;
  }
});

const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

export function formatNumber(n: number, options?: Intl.NumberFormatOptions): string {
  const locale = uiLocale();
  const id = `${locale}|${JSON.stringify(options ?? {})}`;
  let f = numberFormats.get(id);
  if (!f) numberFormats.set(id, (f = new Intl.NumberFormat(locale, options)));
  return f.format(n);
}

export function formatDate(when: number | Date, options: Intl.DateTimeFormatOptions = { dateStyle: 'medium' }): string {
  const locale = uiLocale();
  const id = `${locale}|${JSON.stringify(options)}`;
  let f = dateFormats.get(id);
  if (!f) dateFormats.set(id, (f = new Intl.DateTimeFormat(locale, options)));
  return f.format(when);
}

/**
 * Builds the interface language's number format now, so the browser loads its locale data now.
 * Why: in a fresh extension process the first Intl formatter took ~10 ms here (the locale data is
 * loaded once per process), and the background, which runs in the same process as the card frame,
 * formats numbers when it explains a tier (an account's employees against the band). The card
 * frame calls this right after it asks for its card, while it would only wait: the worker then
 * finds the data loaded (paired cold cards 8–11 ms sooner, BENCHMARKS.md "The locale data loaded
 * while the card waits").
 */
export function loadNumberFormat(): void {
  formatNumber(0);
}

/** "3 Dec" / "3. Dez." / "3 déc." / "3 dic": the short day the card and grid show for a tick. */
export const formatDayMonth = (when: number | Date) => formatDate(when, { day: 'numeric', month: 'short' });

const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();
const RELATIVE_STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 7],
  ['week', Infinity],
];

/** "5 minutes ago" / "vor 5 Minuten" / "il y a 5 minutes" / "hace 5 minutos"; "now" under 10 s. */
export function formatRelativeTime(when: number, now = Date.now()): string {
  const locale = uiLocale();
  let f = relativeFormats.get(locale ?? '');
  if (!f) relativeFormats.set(locale ?? '', (f = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })));
  let amount = (when - now) / 1000;
  if (Math.abs(amount) < 10) return f.format(0, 'second');
  for (const [unit, size] of RELATIVE_STEPS) {
    if (Math.abs(amount) < size) return f.format(Math.round(amount), unit);
    amount /= size;
  }
  return f.format(Math.round(amount), 'week');
}
