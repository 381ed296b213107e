/**
 * Every message Tiercover sends, in one map: request schema (zod, checked on arrival in the
 * background) and response type. Verb-first names. Each message says who may send it:
 * 'page' = our content scripts or our extension pages; 'extension' = our extension pages only
 * (options, side panel, full view), never a content script running inside a site.
 */
import { z } from 'zod';
import {
  account,
  accountTeam,
  airCoverItem,
  buyingRole,
  department,
  factorKey,
  factorState,
  settings,
  tier,
  weekId,
  contactStatus,
} from '../domain/schema';
import type { Account, AirCoverTick, Contact, Settings, Target, TierOverride, WeekId } from '../domain/schema';
import type { Coverage } from '../domain/coverage';
import type { TierResult } from '../domain/tier';
import type { MatchVia } from '../db/match';
import type { PageContext } from '../sites/types';
import type { Stats } from '../db/db';

const str = (max = 300) => z.string().max(max);

const personInfo = z.object({
  name: str().optional(),
  title: str().optional(),
  companyName: str().optional(),
  companyLinkedinId: str(30).optional(),
  companyLinkedinSlug: str(200).optional(),
  linkedinSlug: str(200).optional(),
  salesNavLeadId: str(200).optional(),
  email: str(320).optional(),
});
const companyInfo = z.object({
  name: str().optional(),
  domain: str(253).optional(),
  linkedinSlug: str(200).optional(),
  linkedinId: str(30).optional(),
  employees: z.number().int().nonnegative().optional(),
  sizeText: str().optional(),
  industry: str().optional(),
});
const crmInfo = z.object({
  system: z.enum(['salesforce', 'hubspot']),
  objectType: z.enum(['account', 'contact', 'lead', 'opportunity', 'company', 'deal']),
  id: str(100),
  name: str().optional(),
  domain: str(253).optional(),
  accountName: str().optional(),
  accountId: str(100).optional(),
  email: str(320).optional(),
  title: str().optional(),
});
export const pageContextSchema = z.union([
  z.object({ kind: z.literal('unsupported'), url: str(4000) }),
  z.object({
    kind: z.enum(['person', 'company', 'crm']),
    site: z.enum(['linkedin', 'salesnav', 'salesforce', 'hubspot']),
    url: str(4000),
    pageKey: str(500),
    readable: z.boolean(),
    person: personInfo.optional(),
    company: companyInfo.optional(),
    crm: crmInfo.optional(),
    signals: z.array(str(100)).max(50),
  }),
]);

const id = z.string().min(1).max(200);

const newContactFields = z.object({
  name: z.string().trim().min(1).max(300),
  title: str().optional(),
  department: department.optional(),
  buyingRole: buyingRole.optional(),
  linkedinSlug: str(200).optional(),
  email: str(320).optional(),
  xHandle: str(100).optional(),
  connected: z.boolean().optional(),
  followed: z.boolean().optional(),
  status: contactStatus.optional(),
});

const newAccountFields = z.object({
  name: z.string().trim().min(1).max(300),
  domains: z.array(str(253)).max(10).optional(),
  linkedinSlug: str(200).optional(),
  linkedinId: z.string().regex(/^\d{1,30}$/).optional(),
  employees: z.number().int().nonnegative().optional(),
  crmIds: account.shape.crmIds.optional(),
});

/** Request schemas. */
export const requestSchemas = {
  getPageContext: z.object({ page: pageContextSchema }),
  getTabContext: z.object({ tabId: z.number().int() }),
  tickAirCover: z.object({
    weekId,
    targetId: id,
    contactId: id.optional(),
    item: airCoverItem,
    done: z.boolean(),
    link: z.string().max(2000).optional(),
    note: z.string().max(2000).optional(),
  }),
  addContact: z.object({ accountId: id, contact: newContactFields, pageKey: str(500).optional() }),
  updateContact: z.object({ contactId: id, changes: newContactFields.partial() }),
  addTarget: z.object({ accountId: id, weekId: weekId.optional(), keyContactIds: z.array(id).max(50).optional() }),
  setFactor: z.object({ accountId: id, key: factorKey, state: factorState }),
  /**
   * Set (tier) or clear (null) an account's tier override, with the reason either way: the
   * sentence that shows the override names the reason, who and when. From our pages only.
   */
  setTierOverride: z.object({ accountId: id, tier: tier.nullable(), reason: z.string().trim().min(1, 'Say why: the reason is shown with the tier').max(2000) }),
  updateAccount: z.object({
    accountId: id,
    changes: newAccountFields.partial().extend({ team: accountTeam.optional(), global: z.boolean().nullable().optional(), founded: z.number().int().min(1600).max(2200).nullable().optional(), notes: z.string().max(20000).optional() }),
  }),
  createAccount: z.object({ account: newAccountFields, pageKey: str(500).optional() }),
  linkPage: z.object({ pageKey: str(500), kind: z.enum(['account', 'contact']), targetId: id }),
  unlinkPage: z.object({ pageKey: str(500) }),
  searchAccounts: z.object({ query: z.string().max(300), limit: z.number().int().min(1).max(100).optional() }),
  getSettings: z.object({}),
  saveSettings: z.object({ settings: settings.omit({ id: true, updatedAt: true }).partial() }),
  getStats: z.object({}),
  loadSampleData: z.object({}),
  deleteAllData: z.object({ confirm: z.literal('DELETE') }),
  openSidePanel: z.object({}),
  startWeek: z.object({ weekId }),
  setTargetStatus: z.object({ targetId: id, status: z.enum(['active', 'done', 'dropped']), reason: z.string().trim().max(2000).optional() }),
  updateTarget: z.object({
    targetId: id,
    changes: z
      .object({
        salesOwner: str(),
        marketingOwner: str(),
        notes: z.string().max(20000),
        nextStep: str(2000),
        nextStepOwner: str(),
        ask: str(2000),
        decision: str(2000),
      })
      .partial(),
  }),
  /** Add or remove one key contact, read and written in one transaction (no lost update). */
  setKeyContact: z.object({ targetId: id, contactId: id, key: z.boolean() }),
  getAccount: z.object({ accountId: id }),
  /** An extension page wrote to the database itself (import, merge, restore): tell every view. */
  announceChange: z.object({ stores: z.array(z.enum(['accounts', 'contacts', 'weeks', 'targets', 'ticks', 'links', 'settings'])).min(1) }),
  listAccounts: z.object({
    query: z.string().max(300).default(''),
    tier: tier.optional(),
    gapsOnly: z.boolean().default(false),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(500).default(100),
  }),
} as const;

export type MessageType = keyof typeof requestSchemas;
export type Request<K extends MessageType> = z.input<(typeof requestSchemas)[K]>;

/** Who may send each message. */
export const SENDERS: Record<MessageType, 'page' | 'extension'> = {
  getPageContext: 'page',
  getTabContext: 'extension',
  tickAirCover: 'page',
  addContact: 'page',
  updateContact: 'page',
  addTarget: 'page',
  setFactor: 'page',
  setTierOverride: 'extension',
  updateAccount: 'page',
  createAccount: 'page',
  linkPage: 'page',
  unlinkPage: 'page',
  searchAccounts: 'page',
  getSettings: 'page',
  saveSettings: 'extension',
  getStats: 'extension',
  loadSampleData: 'extension',
  deleteAllData: 'extension',
  openSidePanel: 'page',
  startWeek: 'page',
  setTargetStatus: 'page',
  updateTarget: 'page',
  setKeyContact: 'page',
  getAccount: 'page',
  announceChange: 'extension',
  listAccounts: 'page',
};

// ------------------------------------------------------------------ responses

export interface ContactView {
  id: string;
  name: string;
  title?: string;
  department: Contact['department'];
  buyingRole: Contact['buyingRole'];
  status: Contact['status'];
  connected: boolean;
  followed: boolean;
  linkedinSlug?: string;
  email?: string;
}

export interface AccountView {
  id: string;
  name: string;
  domains: string[];
  linkedinSlug?: string;
  employees?: number;
  founded?: number;
  global?: boolean;
  team: Account['team'];
  tier: TierResult;
  /** The last override cleared, when none is set now. */
  overrideCleared?: TierOverride;
  coverage: Coverage;
  contacts: ContactView[];
}

export interface TargetView {
  /** The whole record: with the meeting's next step, its owner, the ask and the decision. */
  target: Target;
  ticks: AirCoverTick[];
}

export interface CardContext {
  page: PageContext;
  weekId: WeekId;
  you: string;
  account?: AccountView;
  /** The contact this person page is about, when known. */
  contact?: ContactView;
  via?: MatchVia;
  ambiguous?: boolean;
  /** The accounts that share the page's company name, for the user to pick one. */
  candidates?: AccountHit[];
  /** This week's target for the account, when it is one. */
  target?: TargetView;
  /** Department and buying role guessed from the page's title, for "add this person". */
  suggestion?: { department: Contact['department']; buyingRole: Contact['buyingRole'] };
  /** Where the user wants the card: on the page, or only in the side panel. */
  cardMode: 'card' | 'sidepanel';
}

export interface AccountHit {
  id: string;
  name: string;
  domains: string[];
  tier: TierResult['tier'];
}

export interface Responses {
  getPageContext: CardContext;
  getTabContext: CardContext | null;
  tickAirCover: AirCoverTick;
  addContact: ContactView;
  updateContact: ContactView;
  addTarget: Target;
  setFactor: AccountView;
  setTierOverride: AccountView;
  updateAccount: AccountView;
  createAccount: AccountHit;
  linkPage: { ok: true };
  unlinkPage: { ok: true };
  searchAccounts: AccountHit[];
  getSettings: Settings;
  saveSettings: Settings;
  getStats: Stats;
  loadSampleData: Stats;
  deleteAllData: Stats;
  openSidePanel: { ok: boolean };
  startWeek: { carried: number };
  setTargetStatus: Target;
  updateTarget: Target;
  setKeyContact: Target;
  getAccount: AccountView;
  announceChange: { ok: true };
  listAccounts: { rows: AccountRow[]; total: number; more: boolean };
}

export interface AccountRow extends AccountHit {
  sentence: string;
  provisional: boolean;
  named: number;
  gaps: string[];
  owner?: string;
}

/** What travels over the wire. Errors come back as `{ ok: false, error }` with a readable message. */
export type Envelope<K extends MessageType = MessageType> = { tiercover: 1; type: K; payload: Request<K> };
export type Reply<K extends MessageType> = { ok: true; data: Responses[K] } | { ok: false; error: string };

/** Pushed to every open view (port 'live') when data changes. */
export interface ChangeEvent {
  type: 'changed';
  stores: ('accounts' | 'contacts' | 'weeks' | 'targets' | 'ticks' | 'links' | 'settings')[];
  weekId?: WeekId;
  /** A single tick that changed: views that show its target apply it without asking again. */
  tick?: AirCoverTick;
}
