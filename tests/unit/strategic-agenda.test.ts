// @vitest-environment happy-dom
import { first, must } from './helpers/must';
import { describe, expect, it } from 'vitest';
import { defaultSettings, type Account, type WeekId } from '@/lib/domain/schema';
import { previousWeek } from '@/lib/domain/week';
import { buildAgenda, type AgendaList } from '@/lib/io/agenda';
import { agendaMarkdown } from '@/lib/io/agenda-markdown';
import { agendaDom } from '@/lib/io/agenda-dom';
import type { WeekData } from '@/lib/io/csv-export';
import { makeSampleData } from '@/lib/sample';
import { investmentLine, rankInvestments, rateInvestment } from '@/lib/domain/invest';
import { accountPlan, accountPlanMarkdown } from '@/lib/io/account-plan';
import { accountView } from '@/lib/domain/views';

const NOW = new Date('2026-11-25T12:00:00Z');
const WEEK: WeekId = '2026-W48';
const sample = makeSampleData({ now: NOW, yourName: 'Sam Rep' });
const settings = { ...defaultSettings(NOW.getTime()), yourName: 'Sam Rep' };
// VanArsdel Ltd: a Global account (flag) on this week's list.
const VANARSDEL = 'sample-account-16';

function withVanArsdel(change: Partial<Account>): WeekData {
  return {
    weekId: WEEK,
    accounts: sample.accounts.map((a) => (a.id === VANARSDEL ? { ...a, ...change } : a)),
    contacts: sample.contacts,
    targets: sample.targets.filter((t) => t.weekId === WEEK),
    ticks: sample.ticks.filter((t) => t.weekId === WEEK),
    previousTargets: sample.targets.filter((t) => t.weekId === previousWeek(WEEK)),
    settings,
    now: NOW.getTime(),
  };
}
const strategicBlocks = (d: WeekData) => buildAgenda(d).sections.find((s) => s.id === 'strategic')!.blocks as AgendaList[];

describe('strategic accounts in the agenda', () => {
  const data = withVanArsdel({ touchpoints: [{ id: 't1', kind: 'executive-checkin', everyDays: 30, last: '2026-09-01', ours: ['Dana Fox'], theirs: [] }] });

  it('lists an overdue executive check-in, in the list, the Markdown and the print tree', () => {
    const overdue = strategicBlocks(data).find((b) => b.title === 'Governance overdue')!;
    expect(overdue.items.map((i) => i.text)).toEqual(['VanArsdel Ltd: Executive check-in overdue by 55 days (due 2026-10-01; last 2026-09-01; every 30 days)']);
    expect(agendaMarkdown(buildAgenda(data))).toContain('VanArsdel Ltd: Executive check-in overdue by 55 days');
    expect(agendaDom(document, buildAgenda(data)).textContent).toContain('Executive check-in overdue by 55 days');
  });

  it('details each strategic target with its team, relationship gaps and governance', () => {
    const item = first(strategicBlocks(data), 'the strategic targets').items.find((i) => i.text.startsWith('VanArsdel Ltd ('))!;
    expect(item.details).toEqual(expect.arrayContaining([
      expect.stringMatching(/^Account team: .*\(account executive\)/),
      expect.stringMatching(/^Relationship gaps: no executive sponsor relationship/),
      expect.stringMatching(/^Governance: Executive check-in overdue/),
    ]));
  });

  it('says when governance is on schedule, and ranks where to invest with reasons', () => {
    const calm = withVanArsdel({ touchpoints: [{ id: 't1', kind: 'executive-checkin', everyDays: 30, last: '2026-11-20', ours: [], theirs: [] }] });
    const blocks = strategicBlocks(calm);
    expect(blocks.find((b) => b.title === 'Governance overdue')!.items).toEqual([]);
    const invest = blocks.find((b) => b.title?.startsWith('Where to invest'))!;
    expect(invest.items.length).toBeGreaterThan(0);
    expect(first(invest.items).text).toMatch(/\(\d+\): (Global|Tier 1); /);
  });
});

describe('where to invest', () => {
  const w = { tier: 40, potential: 30, rating: 30 };
  const rating = (p: number, m: number, f: number) => ({ positioning: p, marketing: m, followUp: f, by: 'Pat VP', at: 0, why: 'positions services early' });
  it('weighs tier, potential and the team\'s rating, and says why', () => {
    const i = rateInvestment({ id: 'a', name: 'A', potential: 'high', teamRating: rating(5, 5, 5) }, 'global', w);
    expect(i.score).toBe(100);
    expect(investmentLine(i)).toBe('A (100): Global; high potential; team rated 5.0 of 5 (positioning our offer 5, bringing marketing in 5, following up after air cover 5; by Pat VP: positions services early)');
  });
  it('ranks a well-run Tier 1 above a Global account whose team gives resources away, and never ranks Tier 4', () => {
    const ranked = rankInvestments(
      [
        { account: { id: 'g', name: 'Global Co', potential: 'low', teamRating: rating(1, 2, 1) }, tier: 'global' },
        { account: { id: 't', name: 'Tier One Co', potential: 'high', teamRating: rating(5, 4, 5) }, tier: 'tier1' },
        { account: { id: 'n', name: 'Nurture Co', potential: 'high' }, tier: 'tier4' },
      ],
      w,
    );
    expect(ranked.map((r) => r.name)).toEqual(['Tier One Co', 'Global Co']);
    expect(must(ranked[1]).reasons.at(-1)).toBe('risky: weak at positioning our offer and bringing marketing in and following up after air cover');
  });
  it('follows the weights: rating only', () => {
    const ranked = rankInvestments(
      [
        { account: { id: 'g', name: 'G', teamRating: rating(2, 2, 2) }, tier: 'global' },
        { account: { id: 't', name: 'T', teamRating: rating(4, 4, 4) }, tier: 'tier3' },
      ],
      { tier: 0, potential: 0, rating: 100 },
    );
    expect(ranked.map((r) => r.name)).toEqual(['T', 'G']);
  });
});

describe('the strategic account plan', () => {
  it('says the team, the map, its gaps, governance, the review and the rating, as safe Markdown', () => {
    const acc = { ...sample.accounts.find((a) => a.id === VANARSDEL)!, reviews: [{ id: 'r', at: NOW.getTime(), by: 'Sam Rep', scores: Array(15).fill(4) }] };
    const contacts = sample.contacts.filter((c) => c.accountId === VANARSDEL).map((c, i) => (i === 0 ? { ...c, name: 'Evil *bold* [link](x)', influence: 'high' as const, relationshipOwner: 'Sam Rep' } : c));
    const plan = accountPlan(accountView(acc, contacts, settings, NOW), settings.journeyStages, NOW);
    expect(plan.sections.map((s) => s.title)).toEqual(['Account team', 'Relationship map', 'Relationship gaps', 'Governance', '4R review', 'Where to invest']);
    const md = accountPlanMarkdown(plan);
    expect(md).toContain('# Strategic account plan: VanArsdel Ltd');
    expect(md).toContain('- 60 of 75 (excellent); take it again later to see the trend.');
    expect(md).toContain('Evil ∗bold∗ (link)(x)');
    expect(md).not.toMatch(/\\/);
    expect(md).toContain('Journey: nobody owns land, onboarding, adoption, renewal, expansion');
  });
});
