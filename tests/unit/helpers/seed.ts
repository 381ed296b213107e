import type { DB } from '@/lib/db/db';
import { refreshCoverage } from '@/lib/db/coverage';
import { accountsIn, contactsIn, RECORD_STORES } from '@/lib/db/records';
import { TICK_STORES, ticksIn } from '@/lib/db/week-ticks';
import type { SampleData } from '@/lib/sample';

/**
 * Put sample records (or any subset of their stores) straight into the database in one
 * transaction: accounts and contacts through their packed stores, the contacts with their
 * accounts' coverage summaries, the ticks with their kept weeks, as every writer keeps them.
 */
export async function seed(db: DB, s: Partial<SampleData>) {
  const others = ['weeks', 'targets'] as const;
  const tx = db.transaction([...RECORD_STORES, ...others, ...TICK_STORES], 'readwrite');
  const ticks = ticksIn(tx);
  const contacts = structuredClone(s.contacts ?? []);
  const store = contactsIn(tx);
  // A contact already stored under another account leaves that account: its summary changes too.
  const before = await Promise.all(contacts.map((c) => store.get(c.id)));
  await Promise.all([
    accountsIn(tx).putMany(structuredClone(s.accounts ?? [])),
    store.putMany(contacts),
    ...others.flatMap((store) => (s[store] ?? []).map((r) => tx.objectStore(store).put(r as never))),
    ...(s.ticks ?? []).map((t) => ticks.put(t)),
  ]);
  await ticks.save();
  await refreshCoverage(tx, [...contacts.map((c) => c.accountId), ...before.map((c) => c?.accountId)]);
  await tx.done;
}
