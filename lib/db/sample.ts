/**
 * Loading the sample data: it REPLACES earlier sample records, never adds a second copy (41
 * accounts stay 41). Sample records have fixed ids under SAMPLE_ID_PREFIX; copies loaded before
 * the ids were fixed are found by their exact name and fictional LinkedIn id. The user's own
 * records stay, including contacts and targets they added to sample accounts.
 */
import { SAMPLE_ACCOUNT_KEYS, SAMPLE_ID_PREFIX, type SampleData } from '../sample';
import type { DB } from './db';
import { refreshCoverage } from './coverage';
import { accountsIn, contactsIn, RECORD_STORES } from './records';
import { TARGET_STORES, targetsIn, TICK_STORES, ticksIn } from './kept-weeks';

const STORES = [...RECORD_STORES, 'weeks', ...TARGET_STORES, ...TICK_STORES] as const;

export async function replaceSampleData(db: DB, data: SampleData): Promise<void> {
  const tx = db.transaction([...STORES], 'readwrite');
  const sampleIds = IDBKeyRange.bound(SAMPLE_ID_PREFIX, `${SAMPLE_ID_PREFIX}\uffff`);
  const accounts = accountsIn(tx);
  const contacts = contactsIn(tx);
  const targets = targetsIn(tx);
  const ticks = ticksIn(tx);

  // Copies from before the fixed ids: everything hanging off them goes with them.
  const legacy = (
    await Promise.all(SAMPLE_ACCOUNT_KEYS.map(async (k) => ({ k, list: await accounts.index('byLinkedinId').getAll(k.linkedinId) })))
  ).flatMap(({ k, list }) => list.filter((a) => a.name === k.name && !a.id.startsWith(SAMPLE_ID_PREFIX)).map((a) => a.id));
  const legacyTargets = (await Promise.all(legacy.map((id) => targets.index('byAccount').getAll(id)))).flat();
  const legacyContacts = (await Promise.all(legacy.map((id) => contacts.index('byAccount').getAll(id)))).flat().map((c) => c.id);
  // Whose contacts change: the legacy copies, every sample account, and accounts a sample contact
  // (replaced by id) sat under before. Packed records have no id range to delete: read them all
  // (a sample load is rare, and this is one read of every page).
  const isSample = (id: string) => id.startsWith(SAMPLE_ID_PREFIX);
  const [sampleAccounts, removedSample] = await Promise.all([
    accounts.getAll().then((l) => l.filter((a) => isSample(a.id)).map((a) => a.id)),
    contacts.getAll().then((l) => l.filter((c) => isSample(c.id))),
  ]);
  const [legacyTicks, sampleTicks, sampleTargets] = await Promise.all([
    Promise.all(legacyTargets.map((t) => ticks.index('byTarget').getAll(t.id))).then((l) => l.flat()),
    ticks.getAll(sampleIds),
    targets.getAll(sampleIds),
  ]);
  await Promise.all([
    ...legacy.map((id) => accounts.delete(id)),
    ...legacyContacts.map((id) => contacts.delete(id)),
    ...[...legacyTargets, ...sampleTargets].map((t) => targets.delete(t)),
    ...[...legacyTicks, ...sampleTicks].map((t) => ticks.delete(t)),
    ...sampleAccounts.map((id) => accounts.delete(id)),
    ...removedSample.map((c) => contacts.delete(c.id)),
  ]);

  // A target the user made for a sample account this week keeps its place (one per week and account).
  const skipped = new Set<string>();
  for (const t of data.targets) if (await targets.index('byWeekAccount').getKey([t.weekId, t.accountId])) skipped.add(t.id);
  const weeks = tx.objectStore('weeks');
  const writes: Promise<unknown>[] = [
    accounts.putMany(data.accounts.map((r) => structuredClone(r))),
    contacts.putMany(data.contacts.map((r) => structuredClone(r))),
    ...data.targets.filter((t) => !skipped.has(t.id)).map((r) => targets.put(r)),
    ...data.ticks.filter((t) => !skipped.has(t.targetId)).map((r) => ticks.put(r)),
    // A week the user already has keeps its own record (started from, reviewed).
    ...data.weeks.map(async (w) => (await weeks.getKey(w.id)) ?? weeks.put(w)),
  ];
  await Promise.all(writes);
  await Promise.all([targets.save(), ticks.save()]);
  await refreshCoverage(tx, [...legacy, ...removedSample.map((c) => c.accountId), ...data.contacts.map((c) => c.accountId)]);
  await tx.done;
}
