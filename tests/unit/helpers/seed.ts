import type { DB } from '@/lib/db/db';
import { refreshCoverage } from '@/lib/db/coverage';
import { accountsIn, contactsIn, RECORD_STORES } from '@/lib/db/records';
import { TARGET_STORES, targetsIn, TICK_STORES, ticksIn } from '@/lib/db/kept-weeks';
import type { SampleData } from '@/lib/sample';

/**
 * Put sample records (or any subset of their stores) straight into the database in one
 * transaction: accounts and contacts through their packed stores, the contacts with their
 * accounts' coverage summaries, the targets and ticks with their kept weeks, as every writer keeps them.
 */
export async function seed(db: DB, s: Partial<SampleData>) {
  const tx = db.transaction([...RECORD_STORES, 'weeks', ...TARGET_STORES, ...TICK_STORES], 'readwrite');
  const targets = targetsIn(tx);
  const ticks = ticksIn(tx);
  const contacts = structuredClone(s.contacts ?? []);
  const store = contactsIn(tx);
  // A contact already stored under another account leaves that account: its summary changes too.
  const before = await Promise.all(contacts.map((c) => store.get(c.id)));
  await Promise.all([
    accountsIn(tx).putMany(structuredClone(s.accounts ?? [])),
    store.putMany(contacts),
    ...(s.weeks ?? []).map((w) => tx.objectStore('weeks').put(w)),
    ...(s.targets ?? []).map((t) => targets.put(t)),
    ...(s.ticks ?? []).map((t) => ticks.put(t)),
  ]);
  await Promise.all([targets.save(), ticks.save()]);
  await refreshCoverage(tx, [...contacts.map((c) => c.accountId), ...before.map((c) => c?.accountId)]);
  await tx.done;
}
