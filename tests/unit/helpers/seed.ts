import type { DB } from '@/lib/db/db';
import { refreshCoverage } from '@/lib/db/coverage';
import type { SampleData } from '@/lib/sample';

/**
 * Put sample records (or any subset of their stores) straight into the database, store by store;
 * the contacts with their accounts' coverage summaries, as every writer keeps them.
 */
export async function seed(db: DB, s: Partial<SampleData>) {
  for (const store of ['accounts', 'contacts', 'weeks', 'targets', 'ticks'] as const) {
    const tx = db.transaction([store, 'contacts', 'coverage'], 'readwrite');
    await Promise.all((s[store] ?? []).map((r) => tx.objectStore(store).put(r as never)));
    if (store === 'contacts') await refreshCoverage(tx, (s.contacts ?? []).map((c) => c.accountId));
    await tx.done;
  }
}
