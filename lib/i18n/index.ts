/**
 * The interface's words and formats, in the browser's language (docs/I18N.md).
 *
 * `t` is @wxt-dev/i18n's typed `i18n.t` over `browser.i18n.getMessage`: the messages live in
 * `locales/<lang>.yml` and ship as `_locales/<lang>/messages.json`, so no page loads a catalog and
 * a key missing from `locales/en.yml` is a type error. Numbers and dates go through `Intl` in the
 * same language the messages come in (`uiLocale`), never a fixed 'en-US'.
 */
import { i18n } from '#i18n';

export const t = i18n.t;

export { formatDate, formatDayMonth, formatNumber, formatRelativeTime, uiLocale } from './format';
