/**
 * A strategic account plan (seed 002: relationships, not only sales; a cycle of engagements, not
 * an annual document): the account, its team and who owns which step, the relationship map and
 * its gaps, governance, the 4R reviews and where-to-invest inputs. One model, rendered as
 * Markdown here and drawn by components/week/strategic/PlanPrint.tsx for print.
 */
import { teamPeople, stageGaps } from '../domain/account-team';
import { R_LABELS, reviewTrend, scoreReview } from '../domain/fourr';
import { todayIso, touchpointStatus } from '../domain/governance';
import { RATING_WORDS } from '../domain/invest';
import type { AccountView } from '../messaging/protocol';
import { TIER_LABELS } from '../domain/tier';
import { mdText } from './agenda-markdown';

export interface PlanSection {
  title: string;
  lines: string[];
}

export interface AccountPlan {
  title: string;
  summary: string;
  sections: PlanSection[];
}

const ROLE_WORDS: Record<string, string> = { 'decision-maker': 'decision maker', influencer: 'influencer', champion: 'champion', user: 'user', blocker: 'blocker', unknown: 'role unknown' };

export function accountPlan(a: AccountView, stages: readonly string[], now = new Date()): AccountPlan {
  const today = todayIso(now);
  const byId = new Map(a.contacts.map((c) => [c.id, c]));
  const people = teamPeople(a.team);
  const live = a.contacts.filter((c) => c.status !== 'left');
  const trend = reviewTrend(a.reviews);
  const newest = [...a.reviews].sort((x, y) => x.at - y.at).at(-1);
  const latest = newest ? scoreReview(newest.scores) : undefined;
  const r = a.teamRating;
  return {
    title: `Strategic account plan: ${a.name}`,
    summary: `${TIER_LABELS[a.tier.tier]} · ${a.tier.sentence} · ${today}`,
    sections: [
      {
        title: 'Account team',
        lines: [
          ...(people.length ? people.map((p) => `${p.name}: ${p.role}${p.stages.length ? `; owns ${p.stages.join(', ')}` : ''}${p.airCover.length ? `; air cover: ${p.airCover.join(', ')}` : ''}`) : ['Nobody on the account team yet.']),
          ...stageGaps(a.team, stages).map((g) => `Journey: ${g}`),
        ],
      },
      {
        title: 'Relationship map',
        lines: live.length
          ? live.map((c) => {
              const boss = c.reportsTo ? byId.get(c.reportsTo) : undefined;
              return `${c.name}${c.title ? ` (${c.title})` : ''}: ${ROLE_WORDS[c.buyingRole]}; influence ${c.influence ?? 'not set'}; relationship ${c.strength ?? 'not rated'}; owner ${c.relationshipOwner ?? 'nobody on our side'}${boss ? `; reports to ${boss.name}` : ''}`;
            })
          : ['No contacts yet.'],
      },
      { title: 'Relationship gaps', lines: a.strategicSummary.relationshipGaps.length ? a.strategicSummary.relationshipGaps : ['None.'] },
      {
        title: 'Governance',
        lines: a.touchpoints.length
          ? a.touchpoints.map((t) => {
              const st = touchpointStatus(t, today);
              const theirs = t.theirs.map((id) => byId.get(id)?.name).filter(Boolean);
              return `${st.sentence}. At the last one, ours: ${t.ours.join(', ') || 'nobody recorded'}; theirs: ${theirs.join(', ') || 'nobody recorded'}. Next: ${t.next ?? 'not planned'}.`;
            })
          : ['No touchpoints set.'],
      },
      {
        title: '4R review',
        lines: [
          trend.sentence,
          ...(latest
            ? [
                `${latest.band.label}: ${latest.band.advice}`,
                latest.perR.map((x) => `${R_LABELS[x.r]} ${x.average} of 5`).join('; '),
                `Weakest: ${R_LABELS[latest.weakest.r]}. Practices: ${latest.weakest.practices.join(' ')}`,
              ]
            : []),
        ],
      },
      {
        title: 'Where to invest',
        lines: [
          `Potential: ${a.potential ?? 'not set'}`,
          r
            ? `Team rating by ${r.by}: ${(Object.keys(RATING_WORDS) as (keyof typeof RATING_WORDS)[]).map((k) => `${RATING_WORDS[k]} ${r[k]} of 5`).join(', ')}${r.why ? `. Why: ${r.why}` : ''}`
            : 'The account team is not rated yet.',
        ],
      },
    ],
  };
}

/** Markdown that pastes cleanly: user text sanitised as in the agenda (lib/io/agenda-markdown.ts). */
export function accountPlanMarkdown(p: AccountPlan): string {
  return [`# ${mdText(p.title)}`, '', mdText(p.summary), '', ...p.sections.flatMap((s) => [`## ${mdText(s.title)}`, '', ...s.lines.map((l) => `- ${mdText(l)}`), ''])].join('\n');
}
