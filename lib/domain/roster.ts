/**
 * The team roster and "mine": owners are picked from the roster, and a target is yours when you
 * are its sales or marketing owner. Names typed before the roster existed still match when they
 * differ only in case or spacing.
 */
import type { RosterMember, Team } from './schema';

const norm = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();

export function sameName(a: string | undefined, b: string | undefined): boolean {
  return !!a && !!b && norm(a) === norm(b);
}

export function isMine(target: { salesOwner?: string; marketingOwner?: string }, you: string): boolean {
  return sameName(target.salesOwner, you) || sameName(target.marketingOwner, you);
}

/**
 * The names an owner select offers for a team: that team's members, then the rest of the roster,
 * and the current owner when it is not on the roster (so an old free-typed name still shows).
 */
export function ownerChoices(roster: RosterMember[], team: Team, current?: string): { name: string; onRoster: boolean; team?: Team }[] {
  const sorted = [...roster.filter((m) => m.team === team), ...roster.filter((m) => m.team !== team)];
  const out: { name: string; onRoster: boolean; team?: Team }[] = sorted.map((m) => ({ name: m.name, onRoster: true, team: m.team }));
  if (current && !roster.some((m) => sameName(m.name, current))) out.unshift({ name: current, onRoster: false });
  return out;
}
