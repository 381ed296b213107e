/** `t` and the Intl formatters follow the browser's language (here the fake browser's). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { i18n } from '#i18n';
import { formatDayMonth, formatNumber, t } from '@/lib/i18n';
import { useLanguage } from './helpers/i18n';

const DEC_3 = new Date(2026, 11, 3).getTime();

describe('the interface language', () => {
  it('is English by default in unit tests', () => {
    expect(t('card.readingBody')).toBe('Reading the page…');
    expect(formatNumber(1234567)).toBe('1,234,567');
    expect(formatDayMonth(DEC_3)).toBe('3 Dec');
  });

  it('follows the browser into German: words, numbers and dates', async () => {
    await useLanguage('de');
    expect(t('card.readingBody')).toBe('Die Seite wird gelesen…');
    expect(formatNumber(1234567)).toBe('1.234.567');
    expect(formatDayMonth(DEC_3)).toBe('3. Dez.');
  });

  it('speaks French and Spanish too', async () => {
    await useLanguage('fr');
    expect(t('card.noMatchTitle')).toBe('Aucun compte correspondant');
    expect(formatNumber(1234.5)).toBe('1\u202f234,5');
    await useLanguage('es');
    expect(t('card.noMatchTitle')).toBe('Ninguna cuenta coincide');
    expect(formatDayMonth(DEC_3)).toBe('3 dic');
  });
});

describe('t keeps its answers (lib/i18n/messages.ts)', () => {
  /** The browser's `getMessage`, counting its calls by message name. */
  function countCalls() {
    const real = fakeBrowser.i18n.getMessage;
    const calls = new Map<string, number>();
    fakeBrowser.i18n.getMessage = ((name: string, subs?: string | string[]) => {
      calls.set(name, (calls.get(name) ?? 0) + 1);
      return real(name, subs);
    }) as typeof real;
    return calls;
  }

  it('asks the browser once for a sentence asked again with the same values', () => {
    const calls = countCalls();
    const values = { standingDone: 1, standingTotal: 9, weeklyDone: 2, weeklyTotal: 14 };
    const first = t('aircover.progress', values);
    expect(t('aircover.progress', { ...values })).toBe(first);
    expect(t('aircover.progress', { ...values, weeklyDone: 3 })).toBe('1 of 9 standing · 3 of 14 this week');
    expect(first).toBe('1 of 9 standing · 2 of 14 this week');
    expect(calls.get('aircover_progress')).toBe(2);
    expect([t('coverage.gap.departments', 1, { count: 1, min: 3 }), t('coverage.gap.departments', 2, { count: 2, min: 3 })]).toEqual(['1 department of 3', '2 departments of 3']);
  });

  it('answers as the browser does, for any count and values', () => {
    fc.assert(
      fc.property(fc.nat(20), fc.nat(20), fc.string(), (count, min, step) => {
        expect(t('coverage.gap.departments', count, { count, min })).toBe(i18n.t('coverage.gap.departments', count, { count, min }));
        expect(t('meeting.next', { step })).toBe(i18n.t('meeting.next', { step }));
      }),
    );
  });

  it('never takes one call for another, whatever the values hold', () => {
    const a = { standingDone: 1, standingTotal: 2, weeklyDone: 3, weeklyTotal: 4 };
    // Another call whose value holds what a naive key would write between the first call's values.
    const b = { standingDone: '1\u0004standingTotal\u00052', weeklyDone: 3, weeklyTotal: 4 } as unknown as typeof a;
    expect(t('aircover.progress', a)).toBe('1 of 2 standing · 3 of 4 this week');
    expect(t('aircover.progress', b)).toBe(i18n.t('aircover.progress', b));
    for (const step of ['a', '1:a', 'a=1:b', '', 'undefined', '{step}']) expect(t('meeting.next', { step })).toBe(i18n.t('meeting.next', { step }));
  });

  it('starts again when getMessage is replaced: another language, or the empty-catalog guard', async () => {
    expect(t('card.noMatchTitle')).toBe('No account matched');
    await useLanguage('de');
    expect(t('card.noMatchTitle')).toBe('Kein passender Account');
  });

  it('works out the language of numbers and dates once, not for every number', () => {
    const real = fakeBrowser.i18n.getUILanguage;
    let asked = 0;
    fakeBrowser.i18n.getUILanguage = () => (asked++, real());
    fakeBrowser.i18n.getMessage = fakeBrowser.i18n.getMessage.bind(null); // a catalog uiLocale has not seen
    for (let n = 0; n < 100; n++) formatNumber(1000 + n);
    expect(formatNumber(1234567)).toBe('1,234,567');
    expect(asked).toBe(1);
  });

  it('never keeps an empty answer (a catalog not there yet)', () => {
    const real = fakeBrowser.i18n.getMessage;
    let ready = false;
    fakeBrowser.i18n.getMessage = ((name: string, subs?: string | string[]) => (ready ? real(name, subs) : '')) as typeof real;
    expect(t('card.hide')).toBe('');
    ready = true;
    expect(t('card.hide')).toBe(real('card_hide'));
    expect(t('card.hide')).not.toBe('');
  });
});
