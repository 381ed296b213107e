/**
 * Contact coverage of an account (DOMAIN.md section 2): named contacts against 5 and 10,
 * departments against a minimum, a decision maker named or not, social connection, stale names,
 * and the gaps in words.
 *
 * Everything here is computed from a `CoverageSummary`: the few facts of an account's contacts
 * that coverage and the relationship map's gaps need, kept in the `coverage` store beside the
 * contacts (lib/db/coverage.ts) so the week and its exports never read every contact. The
 * summary holds no setting and no clock, so a changed minimum or a day passing needs no rewrite.
 */
import { t } from '../i18n';
import { departmentLabel } from '../i18n/labels';
import { hasMap, mapRelevant, type MapContact } from './relationships';
import type { Contact, Department, Settings } from './schema';

/** The contact fields a summary is made of: a write that changes none of them changes no summary. */
export type SummarizedContact = Pick<Contact, 'department' | 'buyingRole' | 'status'> &
  Partial<Pick<Contact, 'connected' | 'lastVerified' | 'createdAt' | 'id' | 'name' | 'title' | 'influence' | 'strength' | 'reportsTo' | 'relationshipOwner'>>;

export interface CoverageSummary {
  accountId: string;
  /** Contacts stored for the account, those who left included. */
  total: number;
  /** Current contacts (not left) per `matrixKey(department, buyingRole)`, in the order first met. */
  cells: Record<string, number>;
  /** Current contacts connected with us. */
  connected: number;
  left: number;
  /** Current unverified contacts: since when each is unverified (last verified, else added), ascending. */
  unverifiedSince: number[];
  /** A relationship field filled in on any contact (lib/domain/relationships.ts `hasMap`). */
  mapped: boolean;
  /** The current contacts the relationship map's gaps look at (`mapRelevant`), by id. */
  mapContacts: MapContact[];
}

/**
 * The summary of one account's contacts (pass them all, in the store's order). The only place
 * that turns contacts into a summary: the stored summaries, the migration and every view use it.
 */
export function summarizeCoverage(accountId: string, contacts: SummarizedContact[]): CoverageSummary {
  const cells: Record<string, number> = {};
  const unverifiedSince: number[] = [];
  const mapContacts: MapContact[] = [];
  let connected = 0;
  let left = 0;
  for (const c of contacts) {
    if (c.status === 'left') {
      left++;
      continue;
    }
    const key = matrixKey(c.department, c.buyingRole);
    cells[key] = (cells[key] ?? 0) + 1;
    if (c.connected) connected++;
    if (c.status === 'unverified') unverifiedSince.push(c.lastVerified ?? c.createdAt ?? 0);
    if (mapRelevant(c)) {
      mapContacts.push({
        id: c.id ?? '', name: c.name ?? '', buyingRole: c.buyingRole, status: c.status,
        ...(c.title ? { title: c.title } : {}),
        ...(c.influence ? { influence: c.influence } : {}),
        ...(c.strength ? { strength: c.strength } : {}),
        ...(c.reportsTo ? { reportsTo: c.reportsTo } : {}),
        ...(c.relationshipOwner ? { relationshipOwner: c.relationshipOwner } : {}),
      });
    }
  }
  unverifiedSince.sort((a, b) => a - b);
  return { accountId, total: contacts.length, cells, connected, left, unverifiedSince, mapped: hasMap(contacts), mapContacts };
}

/** An account with no contacts. */
export const emptySummary = (accountId: string): CoverageSummary => summarizeCoverage(accountId, []);

const cellsOf = (s: CoverageSummary) =>
  Object.entries(s.cells).map(([key, n]) => {
    const at = key.indexOf('|');
    return { department: key.slice(0, at) as Department, role: key.slice(at + 1) as Contact['buyingRole'], n };
  });

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
  contacts: (SummarizedContact & Pick<Contact, 'connected' | 'createdAt'>)[],
  settings: Pick<Settings, 'coverage'>,
  now = Date.now(),
): Coverage {
  return coverageOf(summarizeCoverage('', contacts), settings, now);
}

/** Names still at the company (not left): the count a list shows before the rest of the coverage. */
export const namedIn = (summary: CoverageSummary | undefined) => Object.values(summary?.cells ?? {}).reduce((n, x) => n + x, 0);

/** Coverage from an account's summary (undefined: no contacts), with today's settings and clock. */
export function coverageOf(summary: CoverageSummary | undefined, settings: Pick<Settings, 'coverage'>, now = Date.now()): Coverage {
  const s = summary ?? emptySummary('');
  const { minContacts: min, maxContacts: max, minDepartments, staleDays } = settings.coverage;
  const cells = cellsOf(s);
  const left = s.left;
  const staleUnverified = s.unverifiedSince.filter((since) => now - since > staleDays * DAY).length;
  const departments: Department[] = [...new Set(cells.map((c) => c.department).filter((d) => d !== 'other'))];
  const decisionMaker = cells.some((c) => c.role === 'decision-maker');
  const connected = s.connected;
  const named = namedIn(s);

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

export function coverageMatrix(contacts: SummarizedContact[], roles: readonly Contact['buyingRole'][]): CoverageMatrix {
  return matrixOf(summarizeCoverage('', contacts), roles);
}

export function matrixOf(summary: CoverageSummary, roles: readonly Contact['buyingRole'][]): CoverageMatrix {
  const seen = new Set<Department>(CORE_DEPARTMENTS);
  for (const c of cellsOf(summary)) seen.add(c.department);
  const extra = [...seen].filter((d) => !CORE_DEPARTMENTS.includes(d)).sort();
  return { departments: [...CORE_DEPARTMENTS, ...extra], roles: [...roles], counts: { ...summary.cells } };
}
