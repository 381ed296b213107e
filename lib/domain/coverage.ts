/**
 * Contact coverage of an account (DOMAIN.md section 2): named contacts against 5 and 10,
 * departments against a minimum, a decision maker named or not, social connection, stale names,
 * and the gaps in words.
 */
import { t } from '../i18n';
import { departmentLabel } from '../i18n/labels';
import type { Contact, Department, Settings } from './schema';

/** Departments suggested first when an account is short of departments. */
export const CORE_DEPARTMENTS: Department[] = ['executive', 'finance', 'it', 'marketing', 'operations', 'sales'];

export interface Coverage {
  /** Contacts still at the company (status not 'left'). */
  named: number;
  min: number;
  max: number;
  /** named / min, capped at 1: how far along the minimum the account is. */
  progress: number;
  departments: Department[];
  minDepartments: number;
  missingDepartments: Department[];
  decisionMaker: boolean;
  connected: number;
  left: number;
  staleUnverified: number;
  stale: number;
  gaps: string[];
  /** 'none' (no names), 'thin' (under min), 'ok' (min..max), 'full' (max or more). */
  level: 'none' | 'thin' | 'ok' | 'full';
}

const DAY = 86_400_000;

export function computeCoverage(
  contacts: Pick<Contact, 'department' | 'buyingRole' | 'status' | 'connected' | 'lastVerified' | 'createdAt'>[],
  settings: Pick<Settings, 'coverage'>,
  now = Date.now(),
): Coverage {
  const { minContacts: min, maxContacts: max, minDepartments, staleDays } = settings.coverage;
  const current = contacts.filter((c) => c.status !== 'left');
  const left = contacts.length - current.length;
  const staleUnverified = current.filter(
    (c) => c.status === 'unverified' && now - (c.lastVerified ?? c.createdAt) > staleDays * DAY,
  ).length;
  const departments: Department[] = [...new Set(current.map((c) => c.department).filter((d) => d !== 'other'))];
  const decisionMaker = current.some((c) => c.buyingRole === 'decision-maker');
  const connected = current.filter((c) => c.connected).length;
  const named = current.length;

  const missingDepartments =
    departments.length >= minDepartments ? [] : CORE_DEPARTMENTS.filter((d) => !departments.includes(d));

  const gaps: string[] = [];
  if (named === 0) gaps.push(t('coverage.gap.none'));
  else if (named < min) gaps.push(t('coverage.gap.names', { named, min, more: min - named }));
  if (departments.length < minDepartments) {
    const sugg = missingDepartments.slice(0, 3).map((d) => departmentLabel(d));
    gaps.push(
      t('coverage.gap.departments', departments.length, { count: departments.length, min: minDepartments }) +
        (sugg.length ? t('coverage.gap.noOneIn', { list: sugg.join(', ') }) : ''),
    );
  }
  if (named > 0 && !decisionMaker) gaps.push(t('coverage.gap.noDecisionMaker'));
  if (named > 0 && connected < named) gaps.push(t('coverage.gap.notConnected', { count: named - connected, named }));
  if (left) gaps.push(t('coverage.gap.left', { count: left }));
  if (staleUnverified) gaps.push(t('coverage.gap.stale', { count: staleUnverified, days: staleDays }));

  return {
    named,
    min,
    max,
    progress: Math.min(1, named / min),
    departments,
    minDepartments,
    missingDepartments,
    decisionMaker,
    connected,
    left,
    staleUnverified,
    stale: left + staleUnverified,
    gaps,
    level: named === 0 ? 'none' : named < min ? 'thin' : named < max ? 'ok' : 'full',
  };
}

/**
 * Coverage as departments × buying roles, for the account view: how many current names (not
 * those who left) sit in each cell. Rows are the core departments (even when empty: an empty row
 * is the gap) and any other department that has a name; columns are the buying roles.
 */
export interface CoverageMatrix {
  departments: Department[];
  roles: Contact['buyingRole'][];
  counts: Record<string, number>;
}

export const matrixKey = (department: Department, role: Contact['buyingRole']) => `${department}|${role}`;

export function coverageMatrix(contacts: Pick<Contact, 'department' | 'buyingRole' | 'status'>[], roles: readonly Contact['buyingRole'][]): CoverageMatrix {
  const counts: Record<string, number> = {};
  const seen = new Set<Department>(CORE_DEPARTMENTS);
  for (const c of contacts) {
    if (c.status === 'left') continue;
    seen.add(c.department);
    counts[matrixKey(c.department, c.buyingRole)] = (counts[matrixKey(c.department, c.buyingRole)] ?? 0) + 1;
  }
  const extra = [...seen].filter((d) => !CORE_DEPARTMENTS.includes(d)).sort();
  return { departments: [...CORE_DEPARTMENTS, ...extra], roles: [...roles], counts };
}
