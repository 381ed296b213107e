import { describe, expect, it } from 'vitest';
import { companyDomainFromEmail, normalizeCompanyName, normalizeDomain, normalizeSlug } from '@/lib/domain/normalize';

describe('normalizeCompanyName', () => {
  it.each([
    ['Northwind Analytics, Inc.', 'northwind analytics'],
    ['NORTHWIND ANALYTICS', 'northwind analytics'],
    ['Brauhaus Systems GmbH', 'brauhaus systems'],
    ['Brauhaus Systems GmbH & Co. KG', 'brauhaus systems'],
    ['Atelier Lumière S.A.', 'atelier lumiere'],
    ['Soluciones Ibéricas S.L.', 'soluciones ibericas'],
    ['Tasmanian Traders Pty Ltd', 'tasmanian traders'],
    ['Bounced Inc.', 'bounced'],
    ['Bounce', 'bounce'],
    ['Audience Inc', 'audience'],
    ['Audiense', 'audiense'],
    ['Group', 'group'],
    ['AT&T', 'at and t'],
  ])('%s -> %s', (input, key) => expect(normalizeCompanyName(input)).toBe(key));

  it('never merges look-alikes', () => {
    expect(normalizeCompanyName('Bounce')).not.toBe(normalizeCompanyName('Bounced Inc.'));
    expect(normalizeCompanyName('Audience Inc')).not.toBe(normalizeCompanyName('Audiense'));
  });
});

describe('normalizeDomain', () => {
  it.each([
    ['https://www.Northwind-Analytics.com/about?x=1', 'northwind-analytics.com'],
    ['northwind-analytics.com', 'northwind-analytics.com'],
    ['http://www2.example.co.uk:8080/', 'example.co.uk'],
    ['jane@acme.com', 'acme.com'],
    ['not a domain', undefined],
    ['', undefined],
    ['javascript:alert(1)', undefined],
  ])('%s -> %s', (input, out) => expect(normalizeDomain(input)).toBe(out));

  it('email domains skip free mail', () => {
    expect(companyDomainFromEmail('jane@northwind-analytics.com')).toBe('northwind-analytics.com');
    expect(companyDomainFromEmail('jane@gmail.com')).toBeUndefined();
  });

  it('slugs are decoded and lower case', () => {
    expect(normalizeSlug('/J%C3%BCrgen-M%C3%BCller/')).toBe('jürgen-müller');
  });
});
