/**
 * Accepting a fact a LinkedIn page showed (lib/domain/evidence.ts): the contact fields and the
 * air-cover tick it implies, written in one transaction with their provenance ("seen on
 * LinkedIn", who, when). Recomputed here from the stored records, so a stale card never writes
 * more than what is missing.
 */
import { tickId } from '../domain/aircover';
import { writeFor, type EvidenceFact, type EvidenceWrite } from '../domain/evidence';
import { withContactKeys } from '../domain/records';
import type { AirCoverTick, Contact, WeekId } from '../domain/schema';
import type { DB } from './db';
import { refreshCoverage } from './coverage';
import { contactsIn, RECORD_STORES } from './records';
import { TICK_STORES, ticksIn } from './kept-weeks';

export class EvidenceTargetGone extends Error {}

export interface AcceptedEvidence {
  write: EvidenceWrite;
  contact?: Contact;
  tick?: AirCoverTick;
}

export async function acceptEvidence(
  db: DB,
  p: { fact: EvidenceFact; weekId: WeekId; contactId?: string; targetId?: string },
  by: string,
  now = Date.now(),
): Promise<AcceptedEvidence> {
  const tx = db.transaction([...RECORD_STORES, 'targets', ...TICK_STORES], 'readwrite');
  const contacts = contactsIn(tx);
  const ticks = ticksIn(tx);
  const contact = p.contactId ? await contacts.get(p.contactId) : undefined;
  const target = p.targetId ? await tx.objectStore('targets').get(p.targetId) : undefined;
  if (p.targetId && (!target || target.weekId !== p.weekId)) {
    tx.done.catch(() => undefined); // the abort is the answer
    tx.abort();
    throw new EvidenceTargetGone('This account is not on that week\'s list any more.');
  }
  const targetTicks = target ? await ticks.index('byTarget').getAll(target.id) : [];
  const write = writeFor(p.fact, { contact, target, ticks: targetTicks });
  const out: AcceptedEvidence = { write };
  if (write.contact && contact) {
    const seen = { ...(contact.seenOnLinkedin ?? {}) };
    const edits = { ...(contact.edits ?? {}) };
    for (const k of Object.keys(write.contact) as ('connected' | 'followed')[]) {
      seen[k] = now;
      edits[k] = now;
    }
    edits.seenOnLinkedin = now;
    out.contact = withContactKeys({ ...contact, ...write.contact, seenOnLinkedin: seen, updatedAt: now, edits });
    await contacts.put(out.contact);
    await refreshCoverage(tx, [out.contact.accountId]);
  }
  if (write.tick && target) {
    const id = tickId(target.id, write.tick.contactId, write.tick.item);
    const was = await ticks.get(id);
    out.tick = {
      id, weekId: target.weekId, targetId: target.id, contactId: write.tick.contactId, item: write.tick.item,
      done: true, by, at: now, link: was?.link, note: was?.note, source: 'linkedin',
    };
    await ticks.put(out.tick);
    await ticks.save();
  }
  await tx.done;
  return out;
}
