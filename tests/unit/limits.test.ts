import { describe, expect, it } from 'vitest';
import { clampPage, cut, LIMITS } from '@/lib/messaging/limits';
import { pageContextSchema } from '@/lib/messaging/protocol';
import type { PageContext } from '@/lib/sites/types';

describe('clampPage: page-derived fields cut to the protocol limits', () => {
  it('a 201-character slug, a 600-character key and oversized ids still make a valid page', () => {
    const long = (n: number) => 'a'.repeat(n);
    const page: PageContext = {
      kind: 'person',
      site: 'linkedin',
      url: `https://www.linkedin.com/in/${long(5000)}/`,
      pageKey: `linkedin:in:${long(600)}`,
      readable: true,
      person: { name: long(400), linkedinSlug: long(201), companyLinkedinId: '1'.repeat(40), email: `${long(400)}@x.example` },
      company: { domain: long(300), employees: 12 },
      crm: { system: 'salesforce', objectType: 'account', id: long(150), accountId: long(150) },
      signals: Array.from({ length: 80 }, () => long(150)),
    };
    expect(pageContextSchema.safeParse(page).success).toBe(false);
    const clamped = clampPage(page);
    expect(pageContextSchema.safeParse(clamped).success).toBe(true);
    if (clamped.kind === 'unsupported') throw new Error('kind changed');
    expect(clamped.person?.linkedinSlug).toHaveLength(LIMITS.slug);
    expect(clamped.pageKey).toHaveLength(LIMITS.pageKey);
    expect(clamped.crm).toMatchObject({ system: 'salesforce', objectType: 'account' });
    expect(clamped.company?.employees).toBe(12);
    expect(clamped.signals).toHaveLength(LIMITS.signals);
  });

  it('never splits a surrogate pair', () => {
    expect(cut('ab😀', 3)).toBe('ab');
    expect(cut('abc', 3)).toBe('abc');
  });

  it('an unsupported page keeps only its url', () => {
    expect(clampPage({ kind: 'unsupported', url: 'x'.repeat(5000) })).toEqual({ kind: 'unsupported', url: 'x'.repeat(LIMITS.url) });
  });
});
