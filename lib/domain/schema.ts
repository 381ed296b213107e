/**
 * Tiercover's data model. Every type the code uses comes from these schemas (z.infer), so the
 * schema that checks a bundle or a message on arrival is the type the code relies on.
 * Times are epoch milliseconds; exports render them as ISO 8601.
 */
import { getISOWeeksInYear } from 'date-fns';
import { z } from 'zod';
import {
  AIR_COVER_GROUPS,
  AIR_COVER_ITEMS,
  BUYING_ROLES,
  CARD_SITES,
  CRM_SYSTEMS,
  DEFAULT_JOURNEY_STAGES,
  DEFAULT_STANDING_ITEMS,
  DEFAULT_TEAM_ROLES,
  DEPARTMENTS,
  FACTOR_KEYS,
  INFLUENCE_LEVELS,
  RELATIONSHIP_STRENGTHS,
  TEAMS,
  TIERS,
  TOUCHPOINT_KINDS,
} from './constants';
import type { AirCoverGroup, AirCoverItem } from './constants';

export { AIR_COVER_GROUPS, AIR_COVER_ITEMS, BUYING_ROLES, CARD_SITES, CRM_SYSTEMS, DEPARTMENTS, FACTOR_KEYS, TIERS };
export type { AirCoverGroup, AirCoverItem };

/** Bump with a migration step in lib/db/migrations.ts and a fixture in tests/fixtures/db/. */
export const SCHEMA_VERSION = 2;

const id = z.string().min(1).max(200);
const time = z.number().int().nonnegative();
const shortText = z.string().max(500);
const longText = z.string().max(20_000);

export const recordBase = z.object({
  id,
  createdAt: time,
  updatedAt: time,
  /** Per-field edit times, so a bundle merge can let the newer edit win field by field. */
  edits: z.record(z.string(), time).optional(),
});

// ---------------------------------------------------------------- tiers and factors

export const factorKey = z.enum(FACTOR_KEYS);
export type FactorKey = z.infer<typeof factorKey>;

export const factorState = z.enum(['checked', 'unchecked', 'unknown']);
export type FactorState = z.infer<typeof factorState>;

export const tier = z.enum(TIERS);
export type Tier = z.infer<typeof tier>;

export const factors = z.object(
  Object.fromEntries(FACTOR_KEYS.map((k) => [k, factorState])) as Record<FactorKey, typeof factorState>,
);
export type Factors = z.infer<typeof factors>;

export const crmSystem = z.enum(CRM_SYSTEMS);
export type CrmSystem = z.infer<typeof crmSystem>;

// ---------------------------------------------------------------- accounts

export const airCoverGroup = z.enum(Object.keys(AIR_COVER_GROUPS) as [AirCoverGroup, ...AirCoverGroup[]]);

/**
 * One person of an account team beyond the four standing seats: a role from the roster of roles
 * (a setting), the steps of the client's journey they own and the air-cover groups they run
 * (seed 003: every step owned, nobody paid twice for the same cross-sell).
 */
export const teamMember = z.object({
  name: z.string().trim().min(1).max(200),
  role: z.string().trim().min(1).max(100),
  stages: z.array(z.string().min(1).max(100)).max(20).default([]),
  airCover: z.array(airCoverGroup).max(4).default([]),
});
export type TeamMember = z.infer<typeof teamMember>;

export const accountTeam = z.object({
  owner: shortText.optional(),
  accountManager: shortText.optional(),
  marketingOwner: shortText.optional(),
  support: shortText.optional(),
  members: z.array(teamMember).max(30).optional(),
});
export type AccountTeam = z.infer<typeof accountTeam>;

export const tierOverride = z.object({
  tier,
  reason: z.string().min(1).max(2_000),
  by: shortText,
  at: time,
});
export type TierOverride = z.infer<typeof tierOverride>;

export const account = recordBase.extend({
  name: z.string().min(1).max(1_000),
  /** Normalised name (lib/domain/normalize.ts), kept for the name index. */
  nameKey: z.string().max(1_000),
  /** Website domains without scheme or `www.`, lower case. */
  domains: z.array(z.string().max(253)).max(50),
  linkedinSlug: z.string().max(200).optional(),
  linkedinId: z.string().regex(/^\d+$/).max(30).optional(),
  /** CRM ids per system. */
  crmIds: z.partialRecord(crmSystem, z.string().min(1).max(100)).default({}),
  /** `system:id` keys derived from crmIds, kept for the CRM index. */
  crmKeys: z.array(z.string()).default([]),
  employees: z.number().int().nonnegative().optional(),
  founded: z.number().int().min(1600).max(2200).optional(),
  /** Fortune-500-class account: Global tier whatever the boxes. Unset = decide from employees. */
  global: z.boolean().optional(),
  factors,
  tierOverride: tierOverride.optional(),
  /** The last override cleared, and why: kept so the team sees it was a decision, not a slip. */
  tierOverrideCleared: tierOverride.optional(),
  team: accountTeam.default({}),
  notes: longText.optional(),
  /** Governance of a strategic account: its cadence of touchpoints (lib/domain/governance.ts). */
  touchpoints: z.array(z.lazy(() => touchpoint)).max(30).optional(),
  /** The account's 4R reviews, oldest first (lib/domain/fourr.ts). */
  reviews: z.array(z.lazy(() => fourRReview)).max(200).optional(),
  /** Where the account could grow: a factor of where costly air cover goes (lib/domain/invest.ts). */
  potential: z.enum(['high', 'medium', 'low']).optional(),
  /** The account team's rating (seed 000), kept with who rated and why. */
  teamRating: z.lazy(() => teamRating).optional(),
});
export type Account = z.infer<typeof account>;

// ---------------------------------------------------------------- strategic accounts

/** A calendar day, YYYY-MM-DD: touchpoints are planned by the day, not the millisecond. */
export const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), 'not a real date');

export const touchpointKind = z.enum(TOUCHPOINT_KINDS);
export type TouchpointKind = z.infer<typeof touchpointKind>;

/** One recurring touchpoint: how often, when it last happened and who took part, when it is next. */
export const touchpoint = z.object({
  id,
  kind: touchpointKind,
  everyDays: z.number().int().min(7).max(366),
  last: isoDay.optional(),
  next: isoDay.optional(),
  /** Our people at the last one (names). */
  ours: z.array(z.string().trim().min(1).max(200)).max(20).default([]),
  /** Their people at the last one (contact ids of the account). */
  theirs: z.array(id).max(50).default([]),
  note: z.string().max(2_000).optional(),
});
export type Touchpoint = z.infer<typeof touchpoint>;

/** A 4R self-assessment: the seed's 15 statements, each scored 1 (strongly disagree) to 5. */
export const fourRReview = z.object({
  id,
  at: time,
  by: shortText,
  scores: z.array(z.number().int().min(1).max(5)).length(15),
});
export type FourRReview = z.infer<typeof fourRReview>;

const rating = z.number().int().min(1).max(5);
/** Seed 000: how well the account team positions our offer, brings marketing in and follows up. */
export const teamRating = z.object({
  positioning: rating,
  marketing: rating,
  followUp: rating,
  by: shortText,
  at: time,
  why: z.string().max(2_000).optional(),
});
export type TeamRating = z.infer<typeof teamRating>;

// ---------------------------------------------------------------- contacts

export const department = z.enum(DEPARTMENTS);
export type Department = z.infer<typeof department>;

export const buyingRole = z.enum(BUYING_ROLES);
export type BuyingRole = z.infer<typeof buyingRole>;

export const contactStatus = z.enum(['active', 'left', 'unverified']);
export type ContactStatus = z.infer<typeof contactStatus>;

export const contact = recordBase.extend({
  accountId: id,
  name: z.string().min(1).max(1_000),
  title: z.string().max(1_000).optional(),
  department: department.default('other'),
  buyingRole: buyingRole.default('unknown'),
  linkedinSlug: z.string().max(200).optional(),
  xHandle: z.string().max(100).optional(),
  email: z.string().max(320).optional(),
  crmIds: z.partialRecord(crmSystem, z.string().min(1).max(100)).default({}),
  crmKeys: z.array(z.string()).default([]),
  connected: z.boolean().default(false),
  followed: z.boolean().default(false),
  status: contactStatus.default('active'),
  lastVerified: time.optional(),
  /** When a LinkedIn page last showed these facts and the user accepted them (lib/domain/evidence.ts). */
  seenOnLinkedin: z.object({ connected: time.optional(), followed: time.optional() }).optional(),
  notes: longText.optional(),
  // The relationship map (lib/domain/relationships.ts).
  influence: z.enum(INFLUENCE_LEVELS).optional(),
  strength: z.enum(RELATIONSHIP_STRENGTHS).optional(),
  /** Contact id of their manager, in the same account. */
  reportsTo: id.optional(),
  /** Who on our side owns the relationship (a roster name). */
  relationshipOwner: shortText.optional(),
});
export type Contact = z.infer<typeof contact>;
export type Influence = NonNullable<Contact['influence']>;
export type Strength = NonNullable<Contact['strength']>;

// ---------------------------------------------------------------- weeks, targets, air cover

/** Years a week may be in: a typo or a forged file ("9999-W52") is refused, not stored. */
export const WEEK_YEARS = { min: 2000, max: 2099 } as const;

/** ISO 8601 week id, e.g. 2026-W48: a week that exists (W53 only in years that have one). */
export const weekId = z
  .string()
  .regex(/^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/)
  .refine((id) => {
    const year = Number(id.slice(0, 4));
    const week = Number(id.slice(6));
    // Dec 28th is always in the last ISO week of its year.
    return year >= WEEK_YEARS.min && year <= WEEK_YEARS.max && week <= getISOWeeksInYear(new Date(year, 11, 28));
  }, { message: `not a real ISO week between ${WEEK_YEARS.min} and ${WEEK_YEARS.max}` });
export type WeekId = z.infer<typeof weekId>;

export const week = z.object({
  id: weekId,
  createdAt: time,
  updatedAt: time,
  /** The week this one was started from (carry-over). */
  startedFrom: weekId.optional(),
  /** The carry-over review of the previous week was completed. */
  reviewed: z.boolean().default(false),
});
export type Week = z.infer<typeof week>;

export const targetStatus = z.enum(['active', 'done', 'dropped']);
export type TargetStatus = z.infer<typeof targetStatus>;

export const target = recordBase.extend({
  weekId,
  accountId: id,
  keyContactIds: z.array(id).max(50).default([]),
  salesOwner: shortText.optional(),
  marketingOwner: shortText.optional(),
  notes: longText.optional(),
  status: targetStatus.default('active'),
  statusReason: z.string().max(2_000).optional(),
  /** Set when this target was carried over from an earlier week. */
  carriedFrom: weekId.optional(),
  // What the weekly meeting leaves each target with (DOMAIN.md section 3). Plain fields of the
  // record, so a bundle merge lets the newer edit win field by field, as for the others.
  /** The next step, in a few words. */
  nextStep: z.string().max(2_000).optional(),
  /** Who owns the next step. */
  nextStepOwner: shortText.optional(),
  /** What one team asks of the other for this target. */
  ask: z.string().max(2_000).optional(),
  /** What the meeting decided. */
  decision: z.string().max(2_000).optional(),
});
export type Target = z.infer<typeof target>;

/** The target fields the meeting fills in, in agenda order. */
export const MEETING_FIELDS = ['nextStep', 'nextStepOwner', 'ask', 'decision'] as const;
export type MeetingField = (typeof MEETING_FIELDS)[number];

export const tickSource = z.enum(['linkedin', 'matchedAudience', 'marketingPack']);
export type TickSource = z.infer<typeof tickSource>;

export const airCoverItem = z.enum(AIR_COVER_ITEMS as [AirCoverItem, ...AirCoverItem[]]);

export const airCoverTick = z.object({
  /** `${targetId}|${contactId or 'account'}|${item}`: one record per checklist cell. */
  id,
  weekId,
  targetId: id,
  /** Absent for an account-level item. */
  contactId: id.optional(),
  item: airCoverItem,
  done: z.boolean(),
  by: shortText,
  at: time,
  link: z.string().max(2_000).optional(),
  note: z.string().max(2_000).optional(),
  /**
   * Set on a standing fact carried from an earlier week (lib/domain/carry.ts): the week it was
   * ticked in. `by` and `at` stay those of the original tick.
   */
  carriedFrom: weekId.optional(),
  /**
   * Where the tick came from when not a click on the checklist: a LinkedIn page showed it and the
   * user accepted ('linkedin'), the week's LinkedIn Matched Audience ('matchedAudience'), a
   * marketing pack filled in a spreadsheet ('marketingPack'). `by` and `at` are who accepted and when.
   */
  source: tickSource.optional(),
});
export type AirCoverTick = z.infer<typeof airCoverTick>;

// ---------------------------------------------------------------- page links

export const pageLink = z.object({
  /** Page key from a site adapter, e.g. `linkedin:in:jane-doe`, `salesforce:001…`. */
  pageKey: z.string().min(1).max(500),
  kind: z.enum(['account', 'contact']),
  targetId: id,
  createdAt: time,
});
export type PageLink = z.infer<typeof pageLink>;

// ---------------------------------------------------------------- settings

export const focusBand = z.object({ min: z.number().min(0).max(100), max: z.number().min(0).max(100) });
export type FocusBand = z.infer<typeof focusBand>;

export const cardSite = z.enum(CARD_SITES);
export type CardSite = z.infer<typeof cardSite>;

export const team = z.enum(TEAMS);
export type Team = z.infer<typeof team>;

/** One person of the team: owners are picked from these, so "Mine" compares like with like. */
export const rosterMember = z.object({ name: z.string().trim().min(1).max(200), team });
export type RosterMember = z.infer<typeof rosterMember>;

export const settings = z
  .object({
    id: z.literal('settings'),
    updatedAt: time,
    yourName: z.string().max(200).default(''),
    team: team.default('sales'),
    roster: z
      .array(rosterMember)
      .max(500)
      .refine((r) => new Set(r.map((m) => m.name.toLowerCase())).size === r.length, 'Each name is on the team roster once')
      .default([]),
    /** Air-cover items that are standing facts (carried into the next week); the rest are weekly. */
    standingItems: z.array(airCoverItem).max(AIR_COVER_ITEMS.length).default([...DEFAULT_STANDING_ITEMS]),
    factorLabels: z.partialRecord(factorKey, z.string().min(1).max(100)).default({}),
    tierThresholds: z
      .object({
        /** Share of known boxes for Tier 2 (default two thirds). */
        tier2: z.number().min(0).max(1).default(2 / 3),
        /** Share of known boxes for Tier 3 (default one third). */
        tier3: z.number().min(0).max(1).default(1 / 3),
        /** Employees at or above which an account counts as Global, when no flag is set. */
        globalEmployees: z.number().int().min(1).default(50_000),
        /** Years since founding for the tenure box. */
        tenureYears: z.number().int().min(0).max(200).default(5),
      })
      .default({ tier2: 2 / 3, tier3: 1 / 3, globalEmployees: 50_000, tenureYears: 5 }),
    employeeBand: z
      .object({ min: z.number().int().min(0), max: z.number().int().min(0) })
      .refine((b) => b.min <= b.max, 'The employee band minimum must not exceed the maximum')
      .default({ min: 100, max: 5_000 }),
    focusBands: z
      .record(tier, focusBand)
      .default({
        global: { min: 20, max: 25 },
        tier1: { min: 60, max: 70 },
        tier2: { min: 10, max: 20 },
        tier3: { min: 5, max: 10 },
        tier4: { min: 0, max: 0 },
      }),
    coverage: z
      .object({
        minContacts: z.number().int().min(1).max(100).default(5),
        maxContacts: z.number().int().min(1).max(200).default(10),
        minDepartments: z.number().int().min(1).max(14).default(3),
        /** Unverified contacts older than this many days count as stale. */
        staleDays: z.number().int().min(1).max(3650).default(180),
      })
      .refine((c) => c.minContacts <= c.maxContacts, 'The contact minimum must not exceed the maximum')
      .default({ minContacts: 5, maxContacts: 10, minDepartments: 3, staleDays: 180 }),
    /** Hosts (e.g. acme.my.salesforce.com) the user added, with the CRM they belong to. */
    customCrmHosts: z
      .array(z.object({ host: z.string().min(1).max(253), system: crmSystem }))
      .max(100)
      .default([]),
    /** Per site: show the in-page card, or only the side panel. */
    cardMode: z.partialRecord(cardSite, z.enum(['card', 'sidepanel'])).default({}),
    lastBackupAt: time.optional(),
    /** The roles an account team is made of (seed 003); members pick one. */
    teamRoles: z.array(z.string().trim().min(1).max(100)).min(1).max(30).default([...DEFAULT_TEAM_ROLES]),
    /** The steps of the client's journey that team members own. */
    journeyStages: z.array(z.string().trim().min(1).max(100)).min(1).max(20).default([...DEFAULT_JOURNEY_STAGES]),
    /** The team's own 4R reviews (the SAM organisation as a whole), oldest first. */
    teamReviews: z.array(fourRReview).max(500).default([]),
    /** Where costly air cover goes: the weight of each factor (lib/domain/invest.ts). */
    investWeights: z
      .object({ tier: z.number().min(0).max(100), potential: z.number().min(0).max(100), rating: z.number().min(0).max(100) })
      .refine((w) => w.tier + w.potential + w.rating > 0, 'At least one weight must be above zero')
      .default({ tier: 40, potential: 30, rating: 30 }),
  });
export type Settings = z.infer<typeof settings>;

export function defaultSettings(now = 0): Settings {
  return settings.parse({ id: 'settings', updatedAt: now });
}
