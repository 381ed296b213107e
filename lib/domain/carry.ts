/**
 * The carry rule (DOMAIN.md section 3), in one place: used when a week starts from the last one
 * (lib/db/week.ts) and by the upgrade step that applies it to weeks started before it existed
 * (lib/db/migrations.ts).
 */
import { isAccountItem, tickId } from './aircover';
import type { AirCoverItem } from './constants';
import type { AirCoverTick, WeekId } from './schema';

/**
 * The ticks a carried-over target starts its week with: every standing item that was done on
 * last week's target, for the account or for a contact who is still a key contact, keeping its
 * who, when, link and note, and marked with the week it was first ticked in. A weekly item, or a
 * standing one someone unticked, does not carry: the new week starts it empty.
 */
export function carriedTicks(
  from: AirCoverTick[],
  to: { id: string; weekId: WeekId; keyContactIds: string[] },
  standingItems: readonly AirCoverItem[],
): AirCoverTick[] {
  const standing = new Set(standingItems);
  const keys = new Set(to.keyContactIds);
  return from
    .filter((t) => t.done && standing.has(t.item))
    // A tick belongs to its subject: account items to the account, the others to a key contact.
    .filter((t) => (t.contactId === undefined ? isAccountItem(t.item) : keys.has(t.contactId) && !isAccountItem(t.item)))
    .map((t) => ({
      ...t,
      id: tickId(to.id, t.contactId, t.item),
      weekId: to.weekId,
      targetId: to.id,
      carriedFrom: t.carriedFrom ?? t.weekId,
    }));
}
