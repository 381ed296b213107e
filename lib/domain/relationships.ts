/**
 * The relationship map of an account (seed 002: plan relationships, not only sales): each
 * contact's buying role, influence, our relationship's strength, whom they report to and who on
 * our side owns the relationship. Gaps are said in words; the layout for the drawn map is
 * computed here so it can be tested without a browser.
 */
import { EXECUTIVE_SPONSOR_ROLE } from './constants';
import { teamPeople } from './account-team';
import { sameName } from './roster';
import type { AccountTeam, Contact } from './schema';

export type MapContact = Pick<Contact, 'id' | 'name' | 'title' | 'buyingRole' | 'status' | 'influence' | 'strength' | 'reportsTo' | 'relationshipOwner'>;

/** Share of the owned relationships one person may hold before it is a risk (seed 002). */
export const CONCENTRATION = { share: 0.75, min: 3 } as const;

const live = (cs: MapContact[]) => cs.filter((c) => c.status !== 'left');
/** Names in a sentence, sorted: the same words whatever order the contacts were read in. */
const names = (cs: MapContact[]) => cs.map((c) => c.name).sort((a, b) => a.localeCompare(b)).join(', ');

/** Whether any relationship field has been filled in: before that there is no map to judge. */
export function hasMap(contacts: Pick<MapContact, 'influence' | 'strength' | 'reportsTo' | 'relationshipOwner'>[]): boolean {
  return contacts.some((c) => c.influence || c.strength || c.reportsTo || c.relationshipOwner);
}

/**
 * The contacts `relationshipGaps` looks at: current ones with an owner on our side, a decision
 * maker or high influence. The others change no gap, so an account's coverage summary keeps only
 * these (lib/domain/coverage.ts) and the agenda's gaps come out the same as from every contact.
 */
export function mapRelevant(c: Pick<MapContact, 'status' | 'buyingRole' | 'influence' | 'relationshipOwner'>): boolean {
  return c.status !== 'left' && (!!c.relationshipOwner || c.buyingRole === 'decision-maker' || c.influence === 'high');
}

/**
 * The map's gaps in words, most important first:
 * - no relationship owned by someone whose team role is executive sponsor;
 * - a decision maker nobody on our side owns;
 * - most owned relationships held by one person (someone leaving takes the account with them);
 * - high-influence people we have a weak relationship with, or none.
 */
export function relationshipGaps(contacts: MapContact[], team: AccountTeam): string[] {
  const cs = live(contacts);
  const gaps: string[] = [];
  const sponsors = teamPeople(team).filter((p) => p.role.trim().toLowerCase() === EXECUTIVE_SPONSOR_ROLE.toLowerCase());
  if (!cs.some((c) => sponsors.some((s) => sameName(s.name, c.relationshipOwner)))) {
    gaps.push(sponsors.length ? 'no executive sponsor relationship' : 'no executive sponsor relationship (nobody on the team is the executive sponsor)');
  }
  const unownedDms = cs.filter((c) => c.buyingRole === 'decision-maker' && !c.relationshipOwner?.trim());
  const [onlyDm] = unownedDms;
  if (onlyDm && unownedDms.length === 1) gaps.push(`the decision maker (${onlyDm.name}) has no owner on our side`);
  else if (unownedDms.length > 1) gaps.push(`${unownedDms.length} decision makers have no owner on our side (${names(unownedDms)})`);
  const owned = cs.filter((c) => c.relationshipOwner?.trim());
  const byOwner = new Map<string, { name: string; n: number }>();
  for (const c of owned) {
    const key = c.relationshipOwner!.trim().toLowerCase();
    const e = byOwner.get(key) ?? { name: c.relationshipOwner!.trim(), n: 0 };
    e.n++;
    byOwner.set(key, e);
  }
  const top = [...byOwner.values()].sort((a, b) => b.n - a.n || a.name.localeCompare(b.name))[0];
  if (top && owned.length >= CONCENTRATION.min && top.n / owned.length >= CONCENTRATION.share) {
    gaps.push(`${top.n} of ${owned.length} relationships owned by one person (${top.name})`);
  }
  const weakHigh = cs.filter((c) => c.influence === 'high' && (c.strength === 'weak' || c.strength === 'none'));
  if (weakHigh.length) gaps.push(`weak or no relationship with ${weakHigh.length === 1 ? 'a high-influence contact' : `${weakHigh.length} high-influence contacts`} (${names(weakHigh)})`);
  return gaps;
}

/**
 * Whether `managerId` may become whom `contactId` reports to: in the same list, not themself and
 * no loop (A reports to B reports to A). Answers the reason when not.
 */
export function reportsToProblem(contacts: MapContact[], contactId: string, managerId: string | undefined): string | null {
  if (!managerId) return null;
  if (managerId === contactId) return 'Someone cannot report to themself.';
  const byId = new Map(contacts.map((c) => [c.id, c]));
  if (!byId.has(managerId)) return 'They report to someone who is not a contact of this account.';
  const seen = new Set<string>([contactId]);
  for (let at: string | undefined = managerId; at; at = byId.get(at)?.reportsTo) {
    if (seen.has(at)) return `${byId.get(managerId)!.name} already reports (through others) to ${byId.get(contactId)?.name ?? 'them'}: that would be a loop.`;
    seen.add(at);
  }
  return null;
}

export interface MapNode {
  id: string;
  x: number;
  y: number;
  depth: number;
  /** The id of the node drawn above it, when they report to someone on the map. */
  parent?: string;
}

export const MAP_GRID = { colWidth: 190, rowHeight: 110, nodeWidth: 170, nodeHeight: 74, pad: 10 } as const;

/**
 * A tidy org chart: people who report to nobody on the map are roots; each row is one level
 * down; a parent sits above the middle of its children. A loop (from old data) is cut where it
 * closes. Deterministic: input order decides sibling order.
 */
export function mapLayout(contacts: MapContact[]): { nodes: MapNode[]; width: number; height: number } {
  const cs = live(contacts);
  const ids = new Set(cs.map((c) => c.id));
  const children = new Map<string, string[]>();
  const roots: string[] = [];
  for (const c of cs) {
    if (c.reportsTo && ids.has(c.reportsTo) && c.reportsTo !== c.id) children.set(c.reportsTo, [...(children.get(c.reportsTo) ?? []), c.id]);
    else roots.push(c.id);
  }
  const placed = new Map<string, MapNode>();
  let nextCol = 0;
  let maxDepth = 0;
  const place = (id: string, depth: number, parent?: string): number => {
    placed.set(id, { id, x: 0, y: 0, depth, parent });
    maxDepth = Math.max(maxDepth, depth);
    const kids = (children.get(id) ?? []).filter((k) => !placed.has(k));
    let col: number;
    if (!kids.length) col = nextCol++;
    else {
      const cols = kids.map((k) => place(k, depth + 1, id));
      col = ((cols[0] ?? 0) + (cols.at(-1) ?? 0)) / 2;
    }
    const n = placed.get(id)!;
    n.x = MAP_GRID.pad + col * MAP_GRID.colWidth;
    n.y = MAP_GRID.pad + depth * MAP_GRID.rowHeight;
    return col;
  };
  for (const r of roots) place(r, 0);
  // Anyone left is in a loop with no way in: start a tree at them.
  for (const c of cs) if (!placed.has(c.id)) place(c.id, 0);
  return {
    nodes: cs.map((c) => placed.get(c.id)!),
    width: Math.max(1, nextCol) * MAP_GRID.colWidth + MAP_GRID.pad,
    height: (maxDepth + 1) * MAP_GRID.rowHeight + MAP_GRID.pad,
  };
}
