/**
 * IndexedDB layout (idb). Lives in the extension's own origin: opened by the background and by
 * extension pages, never by content scripts (there it would be the site's database).
 */
import type { DBSchema } from 'idb';
import type { CoverageSummary } from '../domain/coverage';
import type { KeyBucket } from './packed';
import type { WeekContacts, WeekDigest } from './week-digest';
import type { KeptWeek } from './kept-weeks';
import type { WeekAccountContacts } from './week-account-contacts';
import type { KeptNameOrder } from './account-name-order';
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
  /**
   * Version 4: accounts and contacts packed a few hundred to a value, keyed "a:<n>" / "c:<n>"
   * (lib/db/packed.ts). Read and written only through lib/db/records.ts.
   */
  recordPages: { key: string; value: unknown[] };
  /** Version 4: their look-up keys in hash buckets, and each kind's count ("a:count"). */
  recordKeys: { key: string; value: KeyBucket };
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
  /**
   * The schema record, the week digests (a cache, lib/db/week-digest.ts), the bundle's contacts
   * (lib/db/week-account-contacts.ts), the kept weeks' ticks (lib/db/kept-weeks.ts) and the
   * accounts' name order (lib/db/account-name-order.ts).
   */
  meta: { key: string; value: MetaRecord | WeekDigest | WeekContacts | WeekAccountContacts | KeptWeek | KeptNameOrder };
}

/**
 * Every store of the team's data. `recordPages`/`recordKeys` hold the accounts, the contacts and
 * their coverage summaries (computed from the contacts, rebuilt on restore), read only through
 * lib/db/records.ts.
 */
export const DATA_STORES = ['recordPages', 'recordKeys', 'weeks', 'targets', 'ticks', 'links', 'settings'] as const;

/**
 * Versions 1 to 3 kept one record per account and per contact, with IndexedDB indexes. Only the
 * upgrade steps see these stores (version 4 packs them and deletes them).
 */
export interface LegacyRecordStores extends DBSchema {
  accounts: {
    key: string;
    value: Account;
    indexes: {
      byDomain: string;
      byLinkedinSlug: string;
      byLinkedinId: string;
      byCrm: string;
      byNameKey: string;
    };
  };
  contacts: {
    key: string;
    value: Contact;
    indexes: { byAccount: string; byLinkedinSlug: string; byEmail: string; byCrm: string };
  };
  /** Version 3: each account's contacts summarised, one record each (packed since version 4). */
  coverage: { key: string; value: CoverageSummary };
}

