/**
 * Every message Tiercover sends, in one map: request schema (zod, checked on arrival in the
 * background) and response type. Verb-first names. Each message says which kinds of sender may
 * send it (SENDERS): 'content' = our content script in a site's page (it reads the page, it
 * never shows or changes data); 'frame' = the card, our extension page embedded in a site's tab
 * (it may change only the account its tab's last look-up matched: lib/background/scope.ts);
 * 'extension' = our own pages (options, side panel, full view).
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
  fourRReview,
  touchpoint,
  teamRating,
  tickSource,
} from '../domain/schema';
import type { Account, AirCoverTick, Contact, FourRReview, Settings, Target, TierOverride, Touchpoint, WeekId } from '../domain/schema';
import { INFLUENCE_LEVELS, RELATIONSHIP_STRENGTHS } from '../domain/constants';
import type { Coverage } from '../domain/coverage';
import type { TierResult } from '../domain/tier';
import type { AccountIndexEntry } from '../domain/account-index';
import type { MatchVia } from '../db/match';
import type { PageContext } from '../sites/types';
import type { Stats } from '../db/db';
import { LIMITS } from './limits';
import { EVIDENCE_FACTS, type EvidenceFact } from '../domain/evidence';
import { teamConnectRequest } from '../sync/config';
import type { TeamStatus } from '../sync/status';

const str = (max = 300) => z.string().max(max);

// Page-derived fields: the limits are shared with the content script, which truncates to them.
const personInfo = z.object({
  name: str().optional(),
  title: str().optional(),
  companyName: str().optional(),
  companyLinkedinId: str(LIMITS.linkedinId).optional(),
  companyLinkedinSlug: str(LIMITS.slug).optional(),
  linkedinSlug: str(LIMITS.slug).optional(),
  salesNavLeadId: str(LIMITS.slug).optional(),
  email: str(LIMITS.email).optional(),
});
const companyInfo = z.object({
  name: str().optional(),
  domain: str(LIMITS.domain).optional(),
  linkedinSlug: str(LIMITS.slug).optional(),
  linkedinId: str(LIMITS.linkedinId).optional(),
  employees: z.number().int().nonnegative().optional(),
  sizeText: str().optional(),
  industry: str().optional(),
});
const crmInfo = z.object({
  system: z.enum(['salesforce', 'hubspot']),
  objectType: z.enum(['account', 'contact', 'lead', 'opportunity', 'company', 'deal']),
  id: str(LIMITS.crmId),
  name: str().optional(),
  domain: str(LIMITS.domain).optional(),
  accountName: str().optional(),
  accountId: str(LIMITS.crmId).optional(),
  email: str(LIMITS.email).optional(),
  title: str().optional(),
});
const pageEvidence = z.object({
  degree: z.literal([1, 2, 3]).optional(),
  following: z.boolean().optional(),
  savedLead: z.boolean().optional(),
});
export const pageContextSchema = z.union([
  z.object({ kind: z.literal('unsupported'), url: str(LIMITS.url) }),
  z.object({
    kind: z.enum(['person', 'company', 'crm']),
    site: z.enum(['linkedin', 'salesnav', 'salesforce', 'hubspot']),
    url: str(LIMITS.url),
    pageKey: str(LIMITS.pageKey),
    readable: z.boolean(),
    person: personInfo.optional(),
    company: companyInfo.optional(),
    crm: crmInfo.optional(),
    evidence: pageEvidence.optional(),
    signals: z.array(str(LIMITS.signal)).max(LIMITS.signals),
  }),
]);

/**
 * The adapters' `PageContext` (lib/sites/types.ts: content scripts carry no zod) and this schema
 * are one shape: the compiler checks it both ways, so neither can drift and no cast joins them.
 */
type SameShape<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
export const PAGE_CONTEXT_SCHEMA_MATCHES: SameShape<z.output<typeof pageContextSchema>, PageContext> = true;

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
  /** The content script reports what its page is about; the answer only says whether to show the card. */
  reportPage: z.object({
    page: pageContextSchema,
    /** false for the first read from the URL alone: the card says "reading…" until a settled one. */
    settled: z.boolean().default(true),
    /** Landmark counts of a page that could not be read fully, for "Copy page report" (no text). */
    structure: z
      .record(z.string().max(40), z.number().int().nonnegative().max(10_000_000))
      .refine((r) => Object.keys(r).length <= 40, 'too many landmarks')
      .optional(),
  }),
  /**
   * The card frame asks for the card of the tab it is embedded in (the browser says which tab).
   * `since`: when its page's document started (the frame is put up while the page is still being
   * reported): a tab page reported before that belongs to the previous document and is not sent.
   */
  getCardForTab: z.object({ since: z.number().nonnegative().max(8.64e15).optional() }),
  /**
   * The card frame's size and place, for the content script of its own tab's top frame. Firefox
   * gives an extension page framed in a site's page no tabs API (only what a content script has),
   * so there the frame cannot send this itself: the background passes it on.
   */
  cardLayout: z.object({
    visible: z.boolean(),
    top: z.number().finite(),
    right: z.number().finite(),
    width: z.number().finite(),
    height: z.number().finite(),
    /** When the frame worked it out (ms since the epoch): the content script keeps the newest. */
    at: z.number().finite(),
  }),
  /**
   * Firefox: a content script's runtime messages do not reach the card frame (a framed extension
   * page hears only tabs.sendMessage there), so the content script's few pushes to its own card
   * (light/dark and viewport, a problem it hit, the shortcut) go through the background, to the
   * frame that last asked for this tab's card and nowhere else.
   */
  relayToCard: z.object({
    push: z.discriminatedUnion('type', [
      z.object({ type: z.literal('toggleCard') }),
      z.object({
        type: z.literal('cardHost'),
        dark: z.boolean(),
        viewport: z.object({ width: z.number().int().min(0).max(100_000), height: z.number().int().min(0).max(100_000) }),
        /** When the content script read them (ms since the epoch): the frame keeps the newest. */
        at: z.number().finite(),
      }),
      z.object({ type: z.literal('cardProblem'), message: z.string().max(500) }),
    ]),
  }),
  /** A page context answered directly (benchmarks and tools in our own pages). */
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
  /**
   * Accept a fact the page shows (1st degree, Following, a saved lead, a followed company page):
   * the background writes what is still missing, with "seen on LinkedIn" and the date.
   */
  acceptEvidence: z
    .object({ weekId, fact: z.enum(EVIDENCE_FACTS as [EvidenceFact, ...EvidenceFact[]]), contactId: id.optional(), targetId: id.optional() })
    .refine((p) => p.contactId !== undefined || p.targetId !== undefined, 'nothing to record it on'),
  /** A column or row of the marketer's grid at once; only from Tiercover's own pages. */
  tickAirCoverMany: z.object({
    weekId,
    done: z.boolean(),
    cells: z.array(z.object({ targetId: id, contactId: id.optional(), item: airCoverItem })).min(1).max(5000),
    /** Where the ticks come from (a LinkedIn matched audience uploaded), shown with who and when. */
    source: tickSource.optional(),
    note: z.string().max(2000).optional(),
  }),
  addContact: z.object({ accountId: id, contact: newContactFields, pageKey: str(500).optional() }),
  updateContact: z.object({ contactId: id, changes: newContactFields.partial() }),
  /** A rep's fix from the card: only these fields, only on a contact of the card's account. */
  fixContact: z.object({
    contactId: id,
    fix: z
      .object({ connected: z.boolean(), followed: z.boolean(), buyingRole, status: contactStatus, verified: z.literal(true) })
      .partial()
      .refine((f) => Object.keys(f).length > 0, 'nothing to change'),
  }),
  /** Remove a contact (and its key-contact places, ticks and page links); answers an undo token. */
  removeContact: z.object({ contactId: id }),
  restoreContact: z.object({ undoToken: z.string().uuid() }),
  addTarget: z.object({ accountId: id, weekId: weekId.optional(), keyContactIds: z.array(id).max(50).optional() }),
  setFactor: z.object({ accountId: id, key: factorKey, state: factorState }),
  /**
   * Set (tier) or clear (null) an account's tier override, with the reason either way: the
   * sentence that shows the override names the reason, who and when. From our pages only.
   */
  setTierOverride: z.object({ accountId: id, tier: tier.nullable(), reason: z.string().trim().min(1, 'Say why: the reason is shown with the tier').max(2000) }),
  updateAccount: z.object({
    accountId: id,
    changes: newAccountFields.partial().extend({ team: accountTeam.optional(), potential: z.enum(['high', 'medium', 'low']).nullable().optional(), global: z.boolean().nullable().optional(), founded: z.number().int().min(1600).max(2200).nullable().optional(), notes: z.string().max(20000).optional() }),
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
  announceChange: z.object({
    stores: z.array(z.enum(['accounts', 'contacts', 'weeks', 'targets', 'ticks', 'links', 'settings'])).min(1),
    /** Air-cover ticks a page wrote that people made (a filled marketing pack): shared with the team. */
    ticks: z.array(z.string().max(600)).max(20_000).optional(),
  }),
  /**
   * One contact's place on the relationship map (null clears a field). reportsTo must be a
   * contact of the same account and make no loop. From our pages only.
   */
  setRelationship: z.object({
    contactId: id,
    changes: z
      .object({
        buyingRole,
        influence: z.enum(INFLUENCE_LEVELS).nullable(),
        strength: z.enum(RELATIONSHIP_STRENGTHS).nullable(),
        reportsTo: id.nullable(),
        relationshipOwner: z.string().trim().max(200).nullable(),
      })
      .partial()
      .refine((c) => Object.keys(c).length > 0, 'nothing to change'),
  }),
  /** Add or replace (by id) one governance touchpoint of an account. */
  saveTouchpoint: z.object({ accountId: id, touchpoint }),
  removeTouchpoint: z.object({ accountId: id, touchpointId: id }),
  /** A 4R review, for an account or (no account) for the team as a whole. */
  addReview: z.object({ accountId: id.optional(), scores: fourRReview.shape.scores }),
  /** The account team's rating (seed 000); `by` and `at` are set by the background. */
  setTeamRating: z.object({ accountId: id, rating: teamRating.omit({ by: true, at: true }).nullable() }),
  /** Where to invest the costly air cover: strategic and other accounts ranked (lib/domain/invest.ts). */
  rankInvestments: z.object({ limit: z.number().int().min(1).max(500).default(20) }),
  /** The accounts list's index, a page at a time in name order: after the last page's name key. */
  listAccountIndex: z.object({
    afterNameKey: z.string().max(2000).optional(),
    limit: z.number().int().min(1).max(10_000).default(5_000),
    /** Also count every account (for the progress line); the first screen's page skips it. */
    withTotal: z.boolean().default(false),
  }),
  /** Team sync's status (no token in it). From the options page and the side panel. */
  teamStatus: z.object({}),
  /**
   * Switch team sync on with this server, team and token (checked: wss://, or ws:// to this
   * machine; a slug; 16-256 printable characters). The page asks the server's host permission
   * first. Answers the status; later changes come as `teamStatusChanged` pushes.
   */
  teamConnect: teamConnectRequest,
  /** Switch team sync off and forget the token; the local data stays. */
  teamDisconnect: z.object({}),
  /** The whole index in pages of stored order (ids; fast to read), sorted on the page once complete. */
  listAccountIndexById: z.object({
    /** The `next` of the previous answer: where to go on (a packed page's key). */
    after: z.string().max(200).optional(),
    limit: z.number().int().min(1).max(20_000).default(10_000),
    withTotal: z.boolean().default(false),
  }),
  /** Index entries of named accounts (after a change to them); an id not returned is gone. */
  getAccountIndexEntries: z.object({ ids: z.array(z.string().max(200)).max(500) }),
  /** The rows on screen: tier sentence and coverage, which need each account's contacts. */
  getAccountRows: z.object({ ids: z.array(z.string().max(200)).max(500) }),
  /** The accounts whose coverage has no gap (the "gaps only" filter shows all the others). */
  listCoveredAccounts: z.object({}),
} as const;

export type MessageType = keyof typeof requestSchemas;
export type Request<K extends MessageType> = z.input<(typeof requestSchemas)[K]>;

/** The kinds of sender the background tells apart (lib/background/senders.ts). */
export type SenderKind = 'content' | 'frame' | 'extension';

const EXT = ['extension'] as const;
const CARD = ['frame', 'extension'] as const;

/**
 * Who may send each message. A content script only reports its page and opens the side panel;
 * the card frame only what the card's controls do (its writes are also scoped to its tab's
 * account); everything else only from our own pages.
 */
export const SENDERS: Record<MessageType, readonly SenderKind[]> = {
  reportPage: ['content'],
  getCardForTab: ['frame'],
  cardLayout: ['frame'],
  relayToCard: ['content'],
  getPageContext: EXT,
  getTabContext: EXT,
  tickAirCover: CARD,
  tickAirCoverMany: EXT,
  acceptEvidence: CARD,
  addContact: CARD,
  updateContact: EXT,
  fixContact: CARD,
  removeContact: CARD,
  restoreContact: CARD,
  addTarget: CARD,
  setFactor: CARD,
  setTierOverride: CARD,
  updateAccount: EXT,
  createAccount: CARD,
  linkPage: CARD,
  unlinkPage: EXT,
  searchAccounts: CARD,
  getSettings: EXT,
  saveSettings: EXT,
  getStats: EXT,
  loadSampleData: EXT,
  deleteAllData: EXT,
  openSidePanel: ['content', 'frame', 'extension'],
  startWeek: EXT,
  setTargetStatus: EXT,
  updateTarget: EXT,
  setKeyContact: CARD,
  getAccount: EXT,
  announceChange: EXT,
  listAccountIndex: EXT,
  listAccountIndexById: EXT,
  getAccountIndexEntries: EXT,
  getAccountRows: EXT,
  listCoveredAccounts: EXT,
  setRelationship: EXT,
  saveTouchpoint: EXT,
  removeTouchpoint: EXT,
  addReview: EXT,
  setTeamRating: EXT,
  rankInvestments: EXT,
  teamStatus: EXT,
  teamConnect: EXT,
  teamDisconnect: EXT,
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
  influence?: Contact['influence'];
  strength?: Contact['strength'];
  reportsTo?: string;
  relationshipOwner?: string;
  seenOnLinkedin?: Contact['seenOnLinkedin'];
}

/** What the strategic parts say about an account, computed once (lib/domain/views.ts). */
export interface StrategicSummary {
  /** Tier 1 or Global: governance and the relationship map are expected. */
  strategic: boolean;
  /** The account team in one line ('' when nobody is on it). */
  teamLine: string;
  /** The relationship map's gaps in words (strategic accounts, or any account with a map). */
  relationshipGaps: string[];
  /** Overdue and never-held touchpoints in words. */
  governance: string[];
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
  strategicSummary: StrategicSummary;
  touchpoints: Touchpoint[];
  reviews: FourRReview[];
  potential?: Account['potential'];
  teamRating?: Account['teamRating'];
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
  /** The page is still being read (only its URL so far): no verdict yet. */
  reading?: boolean;
  /** Landmark counts of the page, when it could not be read fully (for the page report). */
  structure?: Record<string, number>;
}

export interface AccountHit {
  id: string;
  name: string;
  domains: string[];
  tier: TierResult['tier'];
}

export interface Responses {
  reportPage: { show: boolean };
  getCardForTab: { tabId: number; ctx: CardContext | null };
  relayToCard: { delivered: boolean };
  cardLayout: null;
  getPageContext: CardContext;
  getTabContext: CardContext | null;
  tickAirCover: AirCoverTick;
  tickAirCoverMany: AirCoverTick[];
  acceptEvidence: { contact: boolean; tick: boolean };
  addContact: ContactView;
  updateContact: ContactView;
  fixContact: ContactView;
  removeContact: { undoToken: string; name: string };
  /** The contact put back, and the targets that have it as a key contact again. */
  restoreContact: { ok: true; contactId: string; targetIds: string[] };
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
  startWeek: { carried: number; standingCarried: number };
  setTargetStatus: Target;
  updateTarget: Target;
  setKeyContact: Target;
  getAccount: AccountView;
  announceChange: { ok: true };
  listAccountIndex: { entries: AccountIndexEntry[]; next?: string; /** -1 unless `withTotal`. */ total: number };
  listAccountIndexById: { entries: AccountIndexEntry[]; next?: string; total: number };
  getAccountIndexEntries: AccountIndexEntry[];
  getAccountRows: AccountRow[];
  listCoveredAccounts: string[];
  setRelationship: ContactView;
  saveTouchpoint: AccountView;
  removeTouchpoint: AccountView;
  addReview: FourRReview;
  setTeamRating: AccountView;
  rankInvestments: InvestmentRow[];
  teamStatus: TeamStatus;
  teamConnect: TeamStatus;
  teamDisconnect: TeamStatus;
}

export interface InvestmentRow {
  accountId: string;
  name: string;
  tier: TierResult['tier'];
  score: number;
  /** The ranking's reasons in words. */
  reasons: string[];
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
  /**
   * When set, the only accounts whose records changed (an edit of one account): a list patches
   * them instead of reading every account again. Absent with 'accounts' in `stores`: any may have.
   */
  accountIds?: string[];
}

/**
 * Messages pushed outside the request/response envelope, in one union so every sender and
 * receiver shares the types (lib/messaging/push.ts checks them on arrival).
 * - changed: background → extension pages (the card frame included), after any write.
 * - tabPageChanged: background → extension pages, a tab reported a new page.
 * - toggleCard: background → content script (the shortcut), then content script → its frame.
 * - cardHost: content script → its frame: the page's light/dark and viewport size.
 * - cardProblem: content script → its frame: the page could not be reported (readable text).
 * - cardLayout: card frame → its content script: where the frame goes and how big it is.
 * - teamStatusChanged: background → extension pages, team sync's status changed (no token).
 */
export type PushMessage =
  | ChangeEvent
  | { type: 'tabPageChanged'; tabId: number }
  | { type: 'toggleCard' }
  | { type: 'cardHost'; dark: boolean; viewport: { width: number; height: number }; at: number }
  | { type: 'cardProblem'; message: string }
  | { type: 'cardLayout'; visible: boolean; top: number; right: number; width: number; height: number; at: number }
  | { type: 'teamStatusChanged'; status: TeamStatus };
