import { must } from './helpers/must';
import { describe, expect, it } from 'vitest';
import { onTeam, stageGaps, teamLine, teamPeople } from '@/lib/domain/account-team';
import { mapLayout, relationshipGaps, reportsToProblem, type MapContact } from '@/lib/domain/relationships';
import { addDays, governanceAlerts, touchpointStatus } from '@/lib/domain/governance';
import { bandOf, PRACTICES, reviewTrend, scoreReview, STATEMENTS } from '@/lib/domain/fourr';
import type { AccountTeam, Touchpoint } from '@/lib/domain/schema';

const team: AccountTeam = {
  owner: 'Sam Rep',
  accountManager: 'Alex Kim',
  members: [
    { name: 'Dana Fox', role: 'Executive sponsor', stages: ['Renewal'], airCover: [] },
    { name: 'Morgan Lee', role: 'Marketing owner', stages: ['Expansion'], airCover: ['social', 'content'] },
  ],
};
const c = (id: string, p: Partial<MapContact> = {}): MapContact => ({ id, name: id.toUpperCase(), buyingRole: 'unknown', status: 'active', ...p });

describe('account team', () => {
  it('lists seats and members in one line with what each owns', () => {
    expect(teamPeople(team).map((p) => p.name)).toEqual(['Sam Rep', 'Alex Kim', 'Dana Fox', 'Morgan Lee']);
    expect(teamLine(team)).toBe('Sam Rep (account executive) · Alex Kim (account manager) · Dana Fox (executive sponsor: Renewal) · Morgan Lee (marketing owner: Expansion; social, content)');
    expect(teamLine({})).toBe('');
  });
  it('knows who is on the team, case and spacing aside', () => {
    expect(onTeam(team, ' dana  fox')).toBe(true);
    expect(onTeam(team, 'Priya Shah')).toBe(false);
    expect(onTeam(team, '')).toBe(false);
  });
  it('says which journey steps nobody owns and which two people own', () => {
    const twice: AccountTeam = { members: [...team.members!, { name: 'Alex Kim', role: 'Account manager', stages: ['expansion'], airCover: [] }] };
    expect(stageGaps(twice, ['Land', 'Renewal', 'Expansion'])).toEqual(['nobody owns land', 'Expansion is owned by 2 people (Morgan Lee, Alex Kim): agree on one']);
  });
});

describe('relationship gaps', () => {
  it('names the three gaps of the issue', () => {
    const cs = [
      c('a', { buyingRole: 'decision-maker', relationshipOwner: undefined }),
      c('b', { relationshipOwner: 'Sam Rep' }),
      c('d', { relationshipOwner: 'Sam Rep' }),
      c('e', { relationshipOwner: 'Sam Rep' }),
      c('f', { relationshipOwner: 'Alex Kim' }),
    ];
    expect(relationshipGaps(cs, team)).toEqual([
      'no executive sponsor relationship',
      'the decision maker (A) has no owner on our side',
      '3 of 4 relationships owned by one person (Sam Rep)',
    ]);
  });
  it('is quiet when the sponsor owns a relationship, decision makers are owned and ownership is spread', () => {
    const cs = [c('a', { buyingRole: 'decision-maker', relationshipOwner: 'dana fox' }), c('b', { relationshipOwner: 'Sam Rep' }), c('d', { relationshipOwner: 'Alex Kim' })];
    expect(relationshipGaps(cs, team)).toEqual([]);
  });
  it('counts neither those who left nor a team without a sponsor as covered', () => {
    const cs = [c('a', { buyingRole: 'decision-maker', relationshipOwner: 'Dana Fox', status: 'left' }), c('b', { buyingRole: 'decision-maker' }), c('d', { buyingRole: 'decision-maker' })];
    expect(relationshipGaps(cs, team)[0]).toBe('no executive sponsor relationship');
    expect(relationshipGaps(cs, team)[1]).toBe('2 decision makers have no owner on our side (B, D)');
    expect(relationshipGaps([], {})[0]).toMatch(/nobody on the team is the executive sponsor/);
  });
  it('flags high-influence people with a weak relationship', () => {
    const gaps = relationshipGaps([c('a', { influence: 'high', strength: 'weak', relationshipOwner: 'Dana Fox' })], team);
    expect(gaps).toEqual(['weak or no relationship with a high-influence contact (A)']);
  });
});

describe('reports-to', () => {
  const cs = [c('ceo'), c('cfo', { reportsTo: 'ceo' }), c('fin', { reportsTo: 'cfo' })];
  it('refuses loops, self and strangers', () => {
    expect(reportsToProblem(cs, 'ceo', 'fin')).toMatch(/loop/);
    expect(reportsToProblem(cs, 'cfo', 'cfo')).toMatch(/themself/);
    expect(reportsToProblem(cs, 'cfo', 'nobody')).toMatch(/not a contact/);
    expect(reportsToProblem(cs, 'fin', 'ceo')).toBeNull();
    expect(reportsToProblem(cs, 'fin', undefined)).toBeNull();
  });
  it('lays the map out as a tree: managers above, parents over their children', () => {
    const l = mapLayout([...cs, c('coo', { reportsTo: 'ceo' }), c('solo'), c('gone', { status: 'left' })]);
    const byId = new Map(l.nodes.map((n) => [n.id, n]));
    const [ceo, cfo, fin, coo, solo] = ['ceo', 'cfo', 'fin', 'coo', 'solo'].map((id) => must(byId.get(id), id));
    const at = { ceo: must(ceo), cfo: must(cfo), fin: must(fin), coo: must(coo), solo: must(solo) };
    expect(l.nodes).toHaveLength(5);
    expect(at.cfo.y).toBeGreaterThan(at.ceo.y);
    expect(at.fin.y).toBeGreaterThan(at.cfo.y);
    expect(at.ceo.x).toBe((at.fin.x + at.coo.x) / 2);
    expect(at.solo.depth).toBe(0);
    expect(at.fin.parent).toBe('cfo');
    expect(l.width).toBeGreaterThan(at.solo.x);
  });
  it('draws people caught in an old loop instead of losing them', () => {
    const l = mapLayout([c('x', { reportsTo: 'y' }), c('y', { reportsTo: 'x' })]);
    expect(l.nodes.map((n) => n.id).sort()).toEqual(['x', 'y']);
  });
});

describe('governance', () => {
  const tp = (p: Partial<Touchpoint>): Touchpoint => ({ id: 't', kind: 'executive-checkin', everyDays: 30, ours: [], theirs: [], ...p });
  it('is overdue from the planned date, else from the last plus the rhythm', () => {
    expect(touchpointStatus(tp({ last: '2026-09-01' }), '2026-11-29')).toMatchObject({ state: 'overdue', due: '2026-10-01', overdueDays: 59 });
    expect(touchpointStatus(tp({ last: '2026-09-01', next: '2026-12-10' }), '2026-11-29').state).toBe('planned');
    expect(touchpointStatus(tp({ next: '2026-12-02' }), '2026-11-29').state).toBe('due-soon');
    expect(touchpointStatus(tp({}), '2026-11-29').state).toBe('never');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });
  it('says what needs doing, most overdue first', () => {
    const alerts = governanceAlerts(
      [tp({ kind: 'account-meeting', last: '2026-08-01', everyDays: 90 }), tp({ last: '2026-09-01' }), tp({ kind: 'planning-session', everyDays: 180 })],
      '2026-11-29',
    );
    expect(alerts).toEqual([
      'Executive check-in overdue by 59 days (due 2026-10-01; last 2026-09-01; every 30 days)',
      'Multi-level account meeting overdue by 30 days (due 2026-10-30; last 2026-08-01; every 90 days)',
      'Planning session with the customer never held nor planned (every 180 days)',
    ]);
  });
});

describe('the 4R review', () => {
  it('has the seed\'s 15 statements in four Rs', () => {
    expect(STATEMENTS).toHaveLength(15);
    expect(STATEMENTS.filter((s) => s.r === 'revenue')).toHaveLength(5);
    expect(must(STATEMENTS[12]).text).toBe('We find reasons to meet with executives on a regular basis.');
  });
  it('bands the total as the seed does', () => {
    expect([75, 60, 59, 50, 49, 40, 39, 15].map((t) => bandOf(t).band)).toEqual(['excellent', 'excellent', 'good', 'good', 'concern', 'concern', 'help', 'help']);
  });
  it('names the weakest R with its practices', () => {
    const scores = [5, 5, 5, 5, 4, 4, 3, 3, 3, 3, 3, 2, 2, 3, 2];
    const s = scoreReview(scores);
    expect(s.total).toBe(52);
    expect(s.band.label).toBe('Good');
    expect(s.weakest.r).toBe('relationships');
    expect(s.weakest.practices).toBe(PRACTICES.relationships);
    expect(() => scoreReview([1, 2])).toThrow(/15 scores/);
  });
  it('keeps the trend over time', () => {
    const r = (at: number, v: number) => ({ id: String(at), at, by: 'x', scores: Array(15).fill(v) });
    expect(reviewTrend([]).sentence).toBe('No review yet.');
    expect(reviewTrend([r(1, 3)]).sentence).toMatch(/^45 of 75 \(concern\)/);
    const t = reviewTrend([r(2, 4), r(1, 3)]);
    expect(t.points.map((p) => p.total)).toEqual([45, 60]);
    expect(t.sentence).toBe('60 of 75 (excellent), up 15 since the review before (2 reviews).');
  });
});
