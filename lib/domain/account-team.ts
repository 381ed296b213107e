/**
 * The account team (seed 003): the four standing seats of every account plus members with a
 * configurable role, the steps of the client's journey each owns and the air-cover groups each
 * runs. One line of it on the card; "Mine" includes the accounts you are on the team of.
 */
import { sameName } from './roster';
import type { AccountTeam, AirCoverGroup, TeamMember } from './schema';

/** The standing seats as the roles they are, so one list describes the whole team. */
const SEATS = [
  ['owner', 'Account executive'],
  ['accountManager', 'Account manager'],
  ['marketingOwner', 'Marketing owner'],
  ['support', 'Support'],
] as const;

const GROUP_WORDS: Record<AirCoverGroup, string> = { social: 'social', content: 'content', email: 'email', other: 'other air cover' };

/** Everyone on the team: the seats first (as members without stages), then the members. */
export function teamPeople(team: AccountTeam): TeamMember[] {
  const seats: TeamMember[] = SEATS.filter(([k]) => team[k]?.trim()).map(([k, role]) => ({ name: team[k]!.trim(), role, stages: [], airCover: [] }));
  return [...seats, ...(team.members ?? [])];
}

/** Whether a name is anywhere on the team (case and spacing aside). */
export function onTeam(team: AccountTeam, you: string): boolean {
  return !!you.trim() && teamPeople(team).some((p) => sameName(p.name, you));
}

/** The role of someone on the team, for the relationship map ("Dana Fox, executive sponsor"). */
export function rolesOf(team: AccountTeam, name: string): string[] {
  return teamPeople(team).filter((p) => sameName(p.name, name)).map((p) => p.role);
}

/** "Sam Rep (account executive) · Dana Fox (executive sponsor: renewal, expansion; social)". */
export function teamLine(team: AccountTeam): string {
  const people = teamPeople(team);
  if (!people.length) return '';
  return people
    .map((p) => {
      const owns = [p.stages.join(', '), p.airCover.map((g) => GROUP_WORDS[g]).join(', ')].filter(Boolean).join('; ');
      return `${p.name} (${p.role.toLowerCase()}${owns ? `: ${owns}` : ''})`;
    })
    .join(' · ');
}

/**
 * The journey's steps nobody owns and the ones two people own (seed 003: "paying twice" for the
 * same cross-sell blurs the client's experience), in words.
 */
export function stageGaps(team: AccountTeam, stages: readonly string[]): string[] {
  const members = team.members ?? [];
  const out: string[] = [];
  const unowned: string[] = [];
  for (const s of stages) {
    const owners = [...new Set(members.filter((m) => m.stages.some((x) => x.toLowerCase() === s.toLowerCase())).map((m) => m.name))];
    if (owners.length === 0) unowned.push(s.toLowerCase());
    else if (owners.length > 1) out.push(`${s} is owned by ${owners.length} people (${owners.join(', ')}): agree on one`);
  }
  if (unowned.length) out.unshift(`nobody owns ${unowned.join(', ')}`);
  return out;
}
