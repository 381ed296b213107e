/**
 * Numbers and dates in the language the interface speaks. The browser picks that language
 * (`browser.i18n.getUILanguage()`: the one `_locales` answers in), so "1,234" and "3 Dec" in
 * English read "1.234" and "3. Dez." in German. Formatters are cached: they are costly to build.
 */
import { browser } from 'wxt/browser';

/** The browser's UI language (e.g. "de", "en-US"); undefined where there is none (then Intl uses its default). */
export function uiLocale(): string | undefined {
  try {
    return browser.i18n.getUILanguage() || undefined;
  } catch {
    return undefined;
  }
}

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

/** "3 Dec" / "3. Dez." / "3 déc." / "3 dic": the short day the card and grid show for a tick. */
export const formatDayMonth = (when: number | Date) => formatDate(when, { day: 'numeric', month: 'short' });
