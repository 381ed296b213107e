/** `t` and the Intl formatters follow the browser's language (here the fake browser's). */
import { describe, expect, it } from 'vitest';
import { formatDayMonth, formatNumber, t } from '@/lib/i18n';
import { useLanguage } from './helpers/i18n';

const DEC_3 = new Date(2026, 11, 3).getTime();

describe('the interface language', () => {
  it('is English by default in unit tests', () => {
    expect(t('card.readingBody')).toBe('Reading the page…');
    expect(formatNumber(1234567)).toBe('1,234,567');
    expect(formatDayMonth(DEC_3)).toBe('Dec 3');
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
