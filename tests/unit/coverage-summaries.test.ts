/**
 * The coverage store (lib/db/coverage.ts) stays exact: after any sequence of contact writes,
 * through every writer there is, each stored summary equals a summary made from scratch from
 * the account's contacts, and no account without contacts keeps one.
 */
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contactsHandlers } from '@/lib/background/handlers/contacts';
import { strategicHandlers } from '@/lib/background/handlers/strategic';
import type { SenderInfo } from '@/lib/background/senders';
import { closeDb, deleteAllData, getDb, type DB } from '@/lib/db/db';
import { fixContact, removeContact, restoreContact, type RemovedContact } from '@/lib/db/contacts';
import { acceptEvidence } from '@/lib/db/evidence';
import { replaceSampleData } from '@/lib/db/sample';
import { BUYING_ROLES, DEPARTMENTS, INFLUENCE_LEVELS } from '@/lib/domain/constants';
import { summarizeCoverage } from '@/lib/domain/coverage';
import { newContact } from '@/lib/domain/records';
import { RECORD_STORES, summariesIn } from '@/lib/db/records';
import { SCHEMA_VERSION, type Account, type Contact } from '@/lib/domain/schema';
import { BUNDLE_FORMAT, mergeBundle } from '@/lib/io/bundle';
import { fullBackup, restoreBackup } from '@/lib/io/csv-export';
import { importCsv } from '@/lib/io/import/apply';
import { makeSampleData } from '@/lib/sample';
import { allContacts, contactsOf, getContact, putAccount } from './helpers/records';

const EXT: SenderInfo = { kind: 'extension' };
const factors = { productFit: 'unknown', website: 'unknown', employeeSize: 'unknown', tenure: 'unknown', pricingFit: 'unknown', priorSpend: 'unknown', prioritiesFit: 'unknown' } as const;
const ACCOUNTS: Account[] = ['Northwind Analytics', 'Contoso Foods', 'Fabrikam Tools'].map((name, i) => ({
  id: `acc-${i}`, createdAt: 1, updatedAt: 1, name, nameKey: name.toLowerCase(), domains: [`a${i}.example`], crmIds: {}, crmKeys: [], factors, team: {},
}));

let db: DB;
let people = 0;
beforeEach(async () => {
  fakeBrowser.reset();
  db = await getDb();
});
afterEach(async () => {
  await closeDb();
});

async function reset() {
  await deleteAllData(db);
  for (const a of ACCOUNTS) await putAccount(db, a);
}

/** The stored summaries against ones made from scratch from every contact. */
async function expectExact() {
  const contacts = await allContacts(db);
  const ids = [...new Set(contacts.map((c) => c.accountId))].sort();
  const fromScratch = await Promise.all(ids.map(async (id) => summarizeCoverage(id, await contactsOf(db, id))));
  const stored = [...(await summariesIn(db.transaction(RECORD_STORES)).getAll())].sort((a, b) => a.accountId.localeCompare(b.accountId));
  expect(stored).toEqual(fromScratch);
}

const department = fc.constantFrom(...DEPARTMENTS);
const buyingRole = fc.constantFrom(...BUYING_ROLES);
const status = fc.constantFrom('active', 'left', 'unverified' as const);
const account = fc.nat({ max: ACCOUNTS.length - 1 });
const pick = fc.nat();

const op = fc.oneof(
  fc.record({ kind: fc.constant('add' as const), account, department, buyingRole, status, connected: fc.boolean() }),
  fc.record({ kind: fc.constant('update' as const), pick, changes: fc.record({ department, buyingRole, status, connected: fc.boolean() }, { requiredKeys: [] }) }),
  fc.record({ kind: fc.constant('fix' as const), pick, fix: fc.record({ connected: fc.boolean(), buyingRole, status, verified: fc.constant(true as const) }, { requiredKeys: [] }) }),
  fc.record({ kind: fc.constant('remove' as const), pick }),
  fc.record({ kind: fc.constant('undo' as const) }),
  fc.record({ kind: fc.constant('relationship' as const), pick, owner: fc.option(fc.constantFrom('Sam Rep', 'Morgan Lee')), influence: fc.option(fc.constantFrom(...INFLUENCE_LEVELS)) }),
  fc.record({ kind: fc.constant('evidence' as const), pick }),
  fc.record({ kind: fc.constant('import' as const), account, n: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ kind: fc.constant('bundle' as const), account, n: fc.integer({ min: 1, max: 3 }), again: pick }),
  fc.record({ kind: fc.constant('restore' as const) }),
  fc.record({ kind: fc.constant('clear' as const) }),
  fc.record({ kind: fc.constant('sample' as const) }),
);
type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;

async function run(o: Op, removed: RemovedContact[]) {
  const all = await allContacts(db);
  const some = (i: number): Contact | undefined => all[i % Math.max(1, all.length)];
  const acc = (i: number) => ACCOUNTS[i]!;
  switch (o.kind) {
    case 'add':
      await contactsHandlers.addContact({ accountId: acc(o.account).id, contact: { name: `Person ${++people}`, department: o.department, buyingRole: o.buyingRole, status: o.status, connected: o.connected } }, EXT);
      break;
    case 'update': {
      const c = some(o.pick);
      if (c) await contactsHandlers.updateContact({ contactId: c.id, changes: o.changes }, EXT);
      break;
    }
    case 'fix': {
      const c = some(o.pick);
      if (c && Object.keys(o.fix).length) await fixContact(db, c.id, o.fix);
      break;
    }
    case 'remove': {
      const c = some(o.pick);
      const r = c && (await removeContact(db, c.id));
      if (r) removed.push(r);
      break;
    }
    case 'undo': {
      const r = removed.pop();
      if (r && !(await getContact(db, r.contact.id))) await restoreContact(db, r);
      break;
    }
    case 'relationship': {
      const c = some(o.pick);
      if (c) await strategicHandlers.setRelationship({ contactId: c.id, changes: { relationshipOwner: o.owner, influence: o.influence } }, EXT);
      break;
    }
    case 'evidence': {
      const c = some(o.pick);
      if (c) await acceptEvidence(db, { fact: 'connected', weekId: '2026-W48', contactId: c.id }, 'Sam Rep');
      break;
    }
    case 'import': {
      const rows = Array.from({ length: o.n }, () => `Person${++people},Imported,${['VP Finance', 'Head of IT', 'CEO'][people % 3]},p${people}@a${o.account}.example,${acc(o.account).name}`);
      await importCsv(db, ['First Name,Last Name,Job Title,Email,Associated Company', ...rows].join('\r\n'));
      break;
    }
    case 'bundle': {
      // New people for the account, and one we already have again (merged with ours, not added).
      const again = some(o.again);
      const contacts = [
        ...Array.from({ length: o.n }, () => newContact({ accountId: acc(o.account).id, name: `Bundled ${++people}`, department: 'sales', buyingRole: 'champion', status: 'unverified' })),
        ...(again ? [{ ...again, status: 'left' as const, updatedAt: again.updatedAt + 1, edits: { status: Date.now() + 1 } }] : []),
      ];
      const accounts = [...new Set(contacts.map((c) => c.accountId))].map((id) => ACCOUNTS.find((a) => a.id === id)).filter((a): a is Account => !!a);
      await mergeBundle(db, { format: BUNDLE_FORMAT, schemaVersion: SCHEMA_VERSION, exportedAt: new Date().toISOString(), exportedBy: 'Morgan Lee', weekId: '2026-W48', accounts, contacts, targets: [], ticks: [], links: [] });
      break;
    }
    case 'restore':
      await restoreBackup(db, await fullBackup(db));
      break;
    case 'clear':
      await reset();
      break;
    case 'sample':
      await replaceSampleData(db, makeSampleData());
      break;
  }
}

describe('coverage summaries', () => {
  it('equal a recomputation from every contact after any sequence of contact writes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 10 }), async (ops) => {
        await reset();
        const removed: RemovedContact[] = [];
        for (const o of ops) {
          await run(o, removed);
          await expectExact();
        }
      }),
      { numRuns: 25 },
    );
  }, 120_000);

  it('an account whose last contact is removed has no summary; undo brings it back', async () => {
    await reset();
    await contactsHandlers.addContact({ accountId: 'acc-1', contact: { name: 'Only One', department: 'finance', buyingRole: 'decision-maker' } }, EXT);
    const only = (await contactsOf(db, 'acc-1'))[0]!;
    expect(await summariesIn(db.transaction(RECORD_STORES)).get('acc-1')).toMatchObject({ total: 1, cells: { 'finance|decision-maker': 1 } });
    const r = await removeContact(db, only.id);
    expect(await summariesIn(db.transaction(RECORD_STORES)).get('acc-1')).toBeUndefined();
    await restoreContact(db, r!);
    expect(await summariesIn(db.transaction(RECORD_STORES)).get('acc-1')).toMatchObject({ total: 1 });
  });
});
