/** Cell values of an import row: tiers, head counts, LinkedIn URLs, departments, CRM ids. */
import { departmentFromTitle } from '../../domain/department';
import { DEPARTMENT_LABELS } from '../../domain/constants';
import { normalizeSlug } from '../../domain/normalize';
import { DEPARTMENTS, type CrmSystem, type Department, type Tier } from '../../domain/schema';
import type { SourceSystem } from '../csv-columns';

// ---------------------------------------------------------------- cell values

/** "Tier 1", "tier_1", "T1", "1", "Global" -> tier; undefined when empty, null when not a tier. */
export function parseTier(value: string): Tier | undefined | null {
  const s = value.trim().toLowerCase().replace(/[\s_-]+/g, ' ');
  if (!s) return undefined;
  if (/^(global|g|fortune 500|f500)$/.test(s)) return 'global';
  const m = /^(?:tier ?|t)?([1-4])$/.exec(s);
  return m ? (`tier${m[1]}` as Tier) : null;
}

/** "1,200", "1.200", "51-200", "10,001+", "5k" -> a head count (the lower end of a range). */
export function parseEmployees(value: string): number | undefined {
  const m = /^\s*(\d{1,3}(?:[,.\s'’]\d{3})+|\d+(?:\.\d+)?)\s*(k|m)?\b/i.exec(value.replace(/\u00a0/g, ' '));
  if (!m) return undefined;
  const [, digits = '', unit] = m;
  const grouped = /[,.\s'’]\d{3}/.test(digits) && !/^\d+\.\d{1,2}$/.test(digits);
  let n = grouped ? Number(digits.replace(/[,.\s'’]/g, '')) : Number(digits);
  if (unit) n *= unit.toLowerCase() === 'k' ? 1_000 : 1_000_000;
  return Number.isFinite(n) ? Math.round(n) : undefined;
}

export function parseYear(value: string): number | undefined {
  const m = /\b(1[6-9]\d\d|2[01]\d\d)\b/.exec(value);
  return m ? Number(m[1]) : undefined;
}

export type LinkedinRef = { kind: 'person'; slug: string } | { kind: 'company'; slug?: string; id?: string };

/** LinkedIn profile or company URL (or a bare slug) -> what it points to. */
export function parseLinkedinUrl(value: string, expect: 'person' | 'company'): LinkedinRef | undefined {
  const v = value.trim();
  if (!v) return undefined;
  const m = /(?:^|\/\/|\.)linkedin\.com\/(in|pub|company|showcase|school|sales\/company|sales\/people|sales\/lead)\/([^/?#\s]+)/i.exec(v);
  if (m) {
    const [, section = '', raw = ''] = m;
    const part = normalizeSlug(raw);
    if (!part) return undefined;
    if (section === 'in' || section === 'pub') return { kind: 'person', slug: part };
    if (section.startsWith('sales/') && section !== 'sales/company') return undefined; // Sales Navigator lead ids are not profile slugs
    return /^\d+$/.test(part) ? { kind: 'company', id: part } : { kind: 'company', slug: part };
  }
  if (/^[\p{L}\p{N}_%-]+$/u.test(v) && !/linkedin/i.test(v)) {
    const slug = normalizeSlug(v)!;
    if (expect === 'person') return { kind: 'person', slug };
    return /^\d+$/.test(slug) ? { kind: 'company', id: slug } : { kind: 'company', slug };
  }
  return undefined;
}

const DEPARTMENT_BY_KEY = new Map<string, Department>(
  DEPARTMENTS.flatMap((d) => [
    [d.replace(/[^a-z]/g, ''), d],
    [DEPARTMENT_LABELS[d].toLowerCase().replace(/[^a-z]/g, ''), d],
  ]),
);

export function parseDepartment(value: string): Department | undefined {
  const v = value.trim();
  if (!v) return undefined;
  const direct = DEPARTMENT_BY_KEY.get(v.toLowerCase().replace(/[^a-z]/g, ''));
  if (direct) return direct;
  const d = departmentFromTitle(v);
  return d === 'other' ? undefined : d;
}

export function parseConnected(value: string): boolean | undefined {
  const v = value.trim().toLowerCase();
  if (!v) return undefined;
  return !/^(no|n|false|0|nein|non|-)$/.test(v);
}

export function parseXHandle(value: string): string | undefined {
  const v = value.trim();
  const m = /(?:twitter|x)\.com\/@?([A-Za-z0-9_]{1,50})/i.exec(v);
  const h = m?.[1] ?? v.replace(/^@/, '');
  return /^[A-Za-z0-9_]{1,50}$/.test(h) ? h : undefined;
}

const SF_ID = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;

export function crmSystemOf(value: string, system: SourceSystem): CrmSystem {
  if (system === 'salesforce' || system === 'hubspot') return system;
  if (SF_ID.test(value) && /^(001|003|00Q|006)/.test(value)) return 'salesforce';
  return 'other';
}

/** "123;456" (HubSpot's associated ids) -> "123". */
export const firstId = (value: string) => (value.split(/[;,|]/)[0] ?? '').trim();

/** Lower case, no accents, letters and digits only: "José  García" = "jose garcia". */
export function normalizePersonName(name: string): string {
  return name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}
