/**
 * A write as a bulk writer makes it (lib/io/import/apply.ts): the week's kept values carried
 * across it (`carryWeekDigests` before the first write, `save` after the last), in one transaction.
 */
import type { DB } from '@/lib/db/db';
import type { AnyTx } from '@/lib/db/packed';
import { carryWeekDigests, DIGEST_STORES } from '@/lib/db/week-digest';

export async function carriedWrite(db: DB, write: (tx: AnyTx) => Promise<unknown>): Promise<void> {
  const tx = db.transaction(DIGEST_STORES, 'readwrite');
  const carrying = await carryWeekDigests(tx);
  await write(tx);
  await carrying.save();
  await tx.done;
}
