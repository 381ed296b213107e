import type { DB } from '@/lib/db/db';
import type { SampleData } from '@/lib/sample';

/** Put sample records (or any subset of their stores) straight into the database, store by store. */
export async function seed(db: DB, s: Partial<SampleData>) {
  for (const store of ['accounts', 'contacts', 'weeks', 'targets', 'ticks'] as const) {
    const tx = db.transaction(store, 'readwrite');
    await Promise.all([...(s[store] ?? []).map((r) => tx.store.put(r as never)), tx.done]);
  }
}
