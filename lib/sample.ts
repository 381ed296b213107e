/**
 * Sample data for a first run and the demo: 40 fictional accounts over every tier, 5 to 12
 * contacts each across departments, this week's target list with some air cover ticked.
 * Deterministic (seeded, fixed ids), so tests and screenshots are stable and loading it twice
 * replaces it (lib/db/sample.ts).
 */
import { tickId, targetCells } from './domain/aircover';
import { departmentFromTitle, suggestBuyingRole } from './domain/department';
import { newAccount, newContact } from './domain/records';
import {
  FACTOR_KEYS,
  type Account,
  type AirCoverTick,
  type Contact,
  type FactorState,
  type Factors,
  type Target,
  type Week,
  type WeekId,
} from './domain/schema';
import { currentWeekId, previousWeek, weekStart } from './domain/week';

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Spec = {
  name: string;
  domain: string;
  slug: string;
  linkedinId: string;
  employees?: number;
  founded?: number;
  global?: boolean;
  /** Boxes checked among the five manual ones (product fit first), plus unknowns. */
  checked: number;
  unknown?: number;
  salesforce?: string;
  hubspot?: string;
};

// The first four are the accounts the fixture pages show (tests/fixtures/pages/manifest.json).
const SPECS: Spec[] = [
  { name: 'Northwind Analytics', domain: 'northwind-analytics.com', slug: 'northwind-analytics', linkedinId: '1035001', employees: 350, founded: 2009, checked: 5, salesforce: '0015g00000AbCdEAAZ' },
  { name: 'Brauhaus Systems GmbH', domain: 'brauhaus-systems.de', slug: 'brauhaus-systems', linkedinId: '1035002', employees: 1200, founded: 1998, checked: 4 },
  { name: 'Atelier Lumière SA', domain: 'atelier-lumiere.fr', slug: 'atelier-lumiere', linkedinId: '1035003', employees: 640, checked: 3, unknown: 1 },
  { name: 'Contoso Retail', domain: 'contoso-retail.com', slug: 'contoso-retail', linkedinId: '1035004', employees: 82_000, founded: 1962, checked: 3, hubspot: '9001' },
  { name: 'Fabrikam Logistics', domain: 'fabrikam-logistics.com', slug: 'fabrikam-logistics', linkedinId: '1035005', employees: 2100, founded: 2003, checked: 5 },
  { name: 'Tailspin Aero', domain: 'tailspin-aero.com', slug: 'tailspin-aero', linkedinId: '1035006', employees: 980, founded: 2011, checked: 5 },
  { name: 'Litware Health', domain: 'litware-health.com', slug: 'litware-health', linkedinId: '1035007', employees: 430, founded: 2014, checked: 5 },
  { name: 'Adatum Payments', domain: 'adatum-payments.io', slug: 'adatum-payments', linkedinId: '1035008', employees: 260, founded: 2016, checked: 5 },
  { name: 'Proseware Learning', domain: 'proseware.com', slug: 'proseware', linkedinId: '1035009', employees: 760, founded: 2007, checked: 4, unknown: 1 },
  { name: 'Wingtip Toys', domain: 'wingtiptoys.com', slug: 'wingtip-toys', linkedinId: '1035010', employees: 150, founded: 2001, checked: 4 },
  { name: 'Blue Yonder Airlines', domain: 'blueyonderairlines.com', slug: 'blue-yonder-airlines', linkedinId: '1035011', employees: 3400, founded: 1994, checked: 3, unknown: 2 },
  { name: 'Coho Winery', domain: 'cohowinery.com', slug: 'coho-winery', linkedinId: '1035012', employees: 120, founded: 1989, checked: 2 },
  { name: 'Alpine Ski House', domain: 'alpineskihouse.com', slug: 'alpine-ski-house', linkedinId: '1035013', employees: 45, founded: 2019, checked: 1 },
  { name: 'Margie\'s Travel', domain: 'margiestravel.com', slug: 'margies-travel', linkedinId: '1035014', employees: 300, founded: 2012, checked: 3 },
  { name: 'Relecloud', domain: 'relecloud.com', slug: 'relecloud', linkedinId: '1035015', employees: 1800, founded: 2010, checked: 5 },
  { name: 'Trey Research', domain: 'treyresearch.net', slug: 'trey-research', linkedinId: '1035016', employees: 220, founded: 2015, checked: 4 },
  { name: 'VanArsdel Ltd', domain: 'vanarsdel.com', slug: 'vanarsdel', linkedinId: '1035017', employees: 95_000, founded: 1950, global: true, checked: 2 },
  { name: 'Woodgrove Bank', domain: 'woodgrovebank.com', slug: 'woodgrove-bank', linkedinId: '1035018', employees: 120_000, founded: 1921, checked: 4 },
  { name: 'Lamna Healthcare', domain: 'lamnahealthcare.com', slug: 'lamna-healthcare', linkedinId: '1035019', employees: 60_000, founded: 1971, checked: 3 },
  { name: 'Humongous Insurance', domain: 'humongousinsurance.com', slug: 'humongous-insurance', linkedinId: '1035020', global: true, checked: 3, unknown: 2 },
  { name: 'Fourth Coffee', domain: 'fourthcoffee.com', slug: 'fourth-coffee', linkedinId: '1035021', employees: 30, founded: 2021, checked: 1, unknown: 1 },
  { name: 'Graphic Design Institute', domain: 'graphicdesigninstitute.com', slug: 'graphic-design-institute', linkedinId: '1035022', employees: 180, founded: 2008, checked: 2 },
  { name: 'Best For You Organics', domain: 'bestforyouorganics.com', slug: 'best-for-you-organics', linkedinId: '1035023', employees: 410, founded: 2013, checked: 3 },
  { name: 'Consolidated Messenger', domain: 'consolidatedmessenger.com', slug: 'consolidated-messenger', linkedinId: '1035024', employees: 2600, founded: 1999, checked: 5 },
  { name: 'Datum Robotics', domain: 'datum-robotics.com', slug: 'datum-robotics', linkedinId: '1035025', employees: 540, founded: 2012, checked: 5, unknown: 0 },
  { name: 'Bellows College', domain: 'bellowscollege.edu', slug: 'bellows-college', linkedinId: '1035026', employees: 700, founded: 1890, checked: 2, unknown: 1 },
  { name: 'Southridge Video', domain: 'southridgevideo.com', slug: 'southridge-video', linkedinId: '1035027', employees: 90, founded: 2018, checked: 2 },
  { name: 'Nod Publishers', domain: 'nodpublishers.com', slug: 'nod-publishers', linkedinId: '1035028', employees: 260, founded: 2000, checked: 4 },
  { name: 'Lucerne Publishing', domain: 'lucernepublishing.com', slug: 'lucerne-publishing', linkedinId: '1035029', employees: 880, founded: 1985, checked: 3 },
  { name: 'Fineartschool', domain: 'fineartschool.net', slug: 'fineartschool', linkedinId: '1035030', employees: 60, founded: 2020, checked: 0, unknown: 2 },
  { name: 'Tasmanian Traders Pty Ltd', domain: 'tasmaniantraders.com.au', slug: 'tasmanian-traders', linkedinId: '1035031', employees: 350, founded: 2006, checked: 4, unknown: 1 },
  { name: 'Hanseatic Freight AG', domain: 'hanseatic-freight.de', slug: 'hanseatic-freight', linkedinId: '1035032', employees: 4300, founded: 1978, checked: 5 },
  { name: 'Soluciones Ibéricas S.L.', domain: 'soluciones-ibericas.es', slug: 'soluciones-ibericas', linkedinId: '1035033', employees: 520, founded: 2004, checked: 4 },
  { name: 'Nordlicht Energie GmbH', domain: 'nordlicht-energie.de', slug: 'nordlicht-energie', linkedinId: '1035034', employees: 1500, founded: 2009, checked: 5 },
  { name: 'Maison Verte SAS', domain: 'maisonverte.fr', slug: 'maison-verte', linkedinId: '1035035', employees: 240, founded: 2017, checked: 3 },
  { name: 'Globex Corporation', domain: 'globex.com', slug: 'globex', linkedinId: '1035036', employees: 210_000, founded: 1946, checked: 5 },
  { name: 'Initech', domain: 'initech.com', slug: 'initech', linkedinId: '1035037', employees: 1100, founded: 1996, checked: 2, unknown: 2 },
  { name: 'Umbrella Biotech', domain: 'umbrella-biotech.com', slug: 'umbrella-biotech', linkedinId: '1035038', employees: 3900, founded: 2002, checked: 5 },
  { name: 'Stark Components', domain: 'stark-components.com', slug: 'stark-components', linkedinId: '1035039', employees: 760, founded: 2011, checked: 4 },
  { name: 'Bounce', domain: 'bounce.example', slug: 'bounce', linkedinId: '1035040', employees: 12, founded: 2023, checked: 1 },
];

const FIRST = ['Jane', 'Lukas', 'Camille', 'Sofia', 'Noah', 'Amara', 'Mateo', 'Hannah', 'Ravi', 'Elena', 'Tom', 'Aisha', 'Jonas', 'Chloé', 'Diego', 'Mei', 'Oliver', 'Fatima', 'Pierre', 'Lucía', 'Kenji', 'Sara', 'Felix', 'Ines'];
const LAST = ['Doe', 'Becker', 'Martin', 'Rossi', 'Okafor', 'Schmidt', 'García', 'Dubois', 'Patel', 'Nguyen', 'Kowalski', 'Silva', 'Jensen', 'Moreau', 'Fischer', 'López', 'Tanaka', 'Brown', 'Haddad', 'Novak'];
const TITLES: readonly [string, ...string[]] = [
  'Chief Executive Officer', 'Chief Financial Officer', 'VP Marketing', 'Head of IT', 'Director of Operations',
  'VP Sales', 'Chief Technology Officer', 'Head of Procurement', 'HR Director', 'Product Manager',
  'Marketing Manager', 'Finance Manager', 'IT Security Architect', 'Customer Success Manager', 'General Counsel',
  'Head of Demand Generation', 'Data Scientist', 'Account Executive',
];

/** The people the fixture pages show, placed as contacts of their accounts. */
const FIXTURE_PEOPLE: Record<string, { name: string; title: string; slug: string; email: string }[]> = {
  'Northwind Analytics': [{ name: 'Jane Doe', title: 'VP Finance', slug: 'jane-doe-4b1a2', email: 'jane.doe@northwind-analytics.com' }],
  'Brauhaus Systems GmbH': [{ name: 'Lukas Becker', title: 'Leiter Marketing', slug: 'lukas-becker', email: 'lukas.becker@brauhaus-systems.de' }],
  'Atelier Lumière SA': [{ name: 'Camille Martin', title: 'Directrice financière', slug: 'camille-martin', email: 'camille.martin@atelier-lumiere.fr' }],
};

function factorsFor(spec: Spec): Factors {
  // Manual boxes in this order; employee size and tenure come from the data.
  const manual = FACTOR_KEYS.filter((k) => k !== 'employeeSize' && k !== 'tenure');
  const out = {} as Factors;
  manual.forEach((k, i) => {
    const state: FactorState = i < spec.checked ? 'checked' : i < spec.checked + (spec.unknown ?? 0) ? 'unknown' : 'unchecked';
    out[k] = state;
  });
  out.employeeSize = 'unknown';
  out.tenure = 'unknown';
  return out;
}

const slugify = (s: string) =>
  s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/** The sample week's owners, offered as the team roster when none is set yet. */
export const SAMPLE_OWNERS = { sales: ['Sam Rep', 'Alex Kim', 'Priya Shah'], marketing: ['Morgan Lee', 'Jo Alvarez'] } as const;

/**
 * Every sample record's id starts with this (ticks too: theirs start with their target's), so
 * loading the sample again replaces exactly the sample records and never adds a second copy.
 */
export const SAMPLE_ID_PREFIX = 'sample-';

/** Name and LinkedIn id of each sample account: finds copies loaded before the ids were fixed. */
export const SAMPLE_ACCOUNT_KEYS = SPECS.map((s) => ({ name: s.name, linkedinId: s.linkedinId }));

export interface SampleData {
  accounts: Account[];
  contacts: Contact[];
  weeks: Week[];
  targets: Target[];
  ticks: AirCoverTick[];
}

export function makeSampleData(opts: { now?: Date; yourName?: string } = {}): SampleData {
  const now = opts.now ?? new Date();
  const t = now.getTime();
  const me = opts.yourName || 'Sam Rep';
  const rand = rng(48);
  const pick = <T,>(list: T[]) => list[Math.floor(rand() * list.length)];
  const week: WeekId = currentWeekId(now);
  const lastWeek = previousWeek(week);
  const owners = [...SAMPLE_OWNERS.sales];
  const marketers = [...SAMPLE_OWNERS.marketing];

  const accounts = SPECS.map((spec, i) =>
    newAccount(
      {
        id: `${SAMPLE_ID_PREFIX}account-${i}`,
        name: spec.name,
        domains: [spec.domain],
        linkedinSlug: spec.slug,
        linkedinId: spec.linkedinId,
        employees: spec.employees,
        founded: spec.founded,
        global: spec.global,
        crmIds: {
          ...(spec.salesforce ? { salesforce: spec.salesforce } : {}),
          ...(spec.hubspot ? { hubspot: spec.hubspot } : {}),
        },
        factors: factorsFor(spec),
        team: { owner: owners[i % 3], accountManager: owners[(i + 1) % 3], marketingOwner: marketers[i % 2], support: i % 4 === 0 ? 'Chris Support' : undefined },
        ...(spec.name === 'Initech' ? { tierOverride: { tier: 'tier2' as const, reason: 'Strategic logo for the retail vertical', by: 'Alex Kim', at: t } } : {}),
      },
      t - (40 - i) * 86_400_000,
    ),
  );

  const contacts: Contact[] = [];
  accounts.forEach((a, i) => {
    const count = 5 + Math.floor(rand() * 8) - (i % 7 === 3 ? 3 : 0); // a few thin accounts (2-9) among 5-12
    const people = [...(FIXTURE_PEOPLE[a.name] ?? [])];
    const domain = a.domains[0];
    while (people.length < count) {
      const name = `${pick(FIRST)} ${pick(LAST)}`;
      if (people.some((p) => p.name === name)) continue;
      people.push({ name, title: TITLES[(people.length + i) % TITLES.length] ?? TITLES[0], slug: `${slugify(name)}-${i}${people.length}`, email: `${slugify(name).replace('-', '.')}@${domain}` });
    }
    people.forEach((p, j) => {
      const r = rand();
      contacts.push(
        newContact(
          {
            id: `${SAMPLE_ID_PREFIX}contact-${i}-${j}`,
            accountId: a.id,
            name: p.name,
            title: p.title,
            department: departmentFromTitle(p.title),
            buyingRole: suggestBuyingRole(p.title),
            linkedinSlug: p.slug,
            email: p.email,
            connected: r < 0.55,
            followed: r < 0.35,
            status: j === count - 1 && i % 5 === 0 ? 'left' : r > 0.9 ? 'unverified' : 'active',
            lastVerified: t - Math.floor(rand() * 300) * 86_400_000,
          },
          t - (30 - j) * 86_400_000,
        ),
      );
    });
  });

  const weeks: Week[] = [
    { id: lastWeek, createdAt: t - 7 * 86_400_000, updatedAt: t - 7 * 86_400_000, reviewed: true },
    { id: week, createdAt: t, updatedAt: t, startedFrom: lastWeek, reviewed: true },
  ];

  // This week: 12 targets weighted like the plan (mostly Tier 1), last week: 8, some carried over.
  const targetIdx = [0, 4, 5, 6, 7, 14, 23, 24, 31, 16, 17, 1];
  const lastIdx = [0, 4, 5, 8, 12, 17, 20, 33];
  const targets: Target[] = [];
  const mkTarget = (w: WeekId, ai: number, k: number, extra: Partial<Target> = {}): Target => {
    const a = accounts[ai];
    if (!a) throw new Error(`Sample data: target list names account #${ai}, but there are only ${accounts.length}`);
    const cs = contacts.filter((c) => c.accountId === a.id && c.status !== 'left');
    return {
      id: `${SAMPLE_ID_PREFIX}${w}-${ai}`,
      createdAt: t,
      updatedAt: t,
      weekId: w,
      accountId: a.id,
      keyContactIds: cs.slice(0, 2 + (k % 2)).map((c) => c.id),
      salesOwner: a.team.owner,
      marketingOwner: a.team.marketingOwner,
      notes: k === 0 ? 'Budget cycle starts in January; Jane owns the evaluation.' : undefined,
      status: 'active',
      ...extra,
    };
  };
  lastIdx.forEach((ai, k) =>
    targets.push(
      mkTarget(lastWeek, ai, k, ai === 12 ? { status: 'dropped', statusReason: 'Too small: handed to nurture' } : ai === 20 ? { status: 'done', statusReason: 'Meeting booked' } : {}),
    ),
  );
  targetIdx.forEach((ai, k) => targets.push(mkTarget(week, ai, k, lastIdx.includes(ai) ? { carriedFrom: lastWeek } : {})));

  const ticks: AirCoverTick[] = [];
  for (const target of targets.filter((x) => x.weekId === week)) {
    targetCells(target.keyContactIds).forEach((cell, n) => {
      if (rand() < 0.3 || (target.id.endsWith('-0') && n % 3 === 0)) {
        ticks.push({
          id: tickId(target.id, cell.contactId, cell.item),
          weekId: week,
          targetId: target.id,
          contactId: cell.contactId,
          item: cell.item,
          done: true,
          by: n % 2 ? 'Morgan Lee' : me,
          // Within this week: a tick from before Monday would not count as this week's work.
          at: Math.max(weekStart(week).getTime(), t - Math.floor(rand() * 4) * 86_400_000),
          link: cell.item === 'mentionedInPost' ? 'https://www.linkedin.com/posts/tiercover-sample-post' : undefined,
        });
      }
    });
  }
  return { accounts, contacts, weeks, targets, ticks };
}
