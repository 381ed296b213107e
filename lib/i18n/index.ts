/**
 * The interface's words and formats, in the browser's language (docs/I18N.md).
 *
 * `t` is @wxt-dev/i18n's typed `i18n.t` over `browser.i18n.getMessage` (its answers kept,
 * `./messages.ts`): the messages live in `locales/<lang>.yml` and ship as
 * `_locales/<lang>/messages.json`, so no page loads a catalog and a key missing from
 * `locales/en.yml` is a type error. Numbers and dates go through `Intl` in the same language the
 * messages come in (`uiLocale`), never a fixed 'en-US'.
 */
export { t } from './messages';

export { formatDate, formatDayMonth, formatNumber, formatRelativeTime, loadNumberFormat, uiLocale } from './format';
