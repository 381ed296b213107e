/**
 * IndexedDB layout (idb). Lives in the extension's own origin: opened by the background and by
 * extension pages, never by content scripts (there it would be the site's database).
 */
import type { DBSchema } from 'idb';
import type { CoverageSummary } from '../domain/coverage';
import type { Account, AirCoverTick, Contact, PageLink, Settings, Target, Week } from '../domain/schema';

export const DB_NAME = 'tiercover';

export interface MetaRecord {
  key: 'schema';
  version: number;
  upgradedAt: number;
  /** Set when an upgrade step failed and the previous data was kept. */
  lastError?: string;
}

export interface TiercoverDB extends DBSchema {
  accounts: {
    key: string;
    value: Account;
    indexes: {
      byDomain: string; // multiEntry over domains
      byLinkedinSlug: string;
      byLinkedinId: string;
      byCrm: string; // multiEntry over crmKeys ("salesforce:001…")
      byNameKey: string;
    };
  };
  contacts: {
    key: string;
    value: Contact;
    indexes: {
      byAccount: string;
      byLinkedinSlug: string;
      byEmail: string;
      byCrm: string;
    };
  };
  weeks: { key: string; value: Week };
  targets: {
    key: string;
    value: Target;
    indexes: { byWeek: string; byWeekAccount: [string, string]; byAccount: string };
  };
  ticks: {
    key: string;
    value: AirCoverTick;
    indexes: { byWeek: string; byTarget: string };
  };
  links: { key: string; value: PageLink; indexes: { byTarget: string } };
  settings: { key: string; value: Settings };
  meta: { key: string; value: MetaRecord };
  /** Version 3: each account's contacts summarised (lib/db/coverage.ts), kept by every contact write. */
  coverage: { key: string; value: CoverageSummary };
}

export type StoreName = 'accounts' | 'contacts' | 'weeks' | 'targets' | 'ticks' | 'links' | 'settings' | 'meta' | 'coverage';
export const DATA_STORES = ['accounts', 'contacts', 'weeks', 'targets', 'ticks', 'links', 'settings'] as const;
/** Stores computed from the data stores (never exported, rebuilt on restore). */
export const DERIVED_STORES = ['coverage'] as const;
