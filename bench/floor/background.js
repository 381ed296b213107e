// The floor's background: one indexed IndexedDB get per question. `seed` fills the store with
// the benchmark's accounts (the same count as Tiercover's run), so the index has the same size.
// `floorSeedWeek` fills the week page's stores (week.html: the week's first screen and its exports).
let dbp;
const open = () =>
  (dbp ??= new Promise((resolve, reject) => {
    const req = indexedDB.open('floor', 2);
    req.onupgradeneeded = (e) => {
      const db = req.result;
      if (e.oldVersion < 1) db.createObjectStore('accounts', { keyPath: 'id' }).createIndex('bySlug', 'slug');
      if (e.oldVersion < 2) {
        db.createObjectStore('weekAccounts', { keyPath: 'id' });
        db.createObjectStore('weekContacts', { keyPath: 'id' }).createIndex('byAccount', 'accountId');
        db.createObjectStore('weekTargets', { keyPath: 'id' }).createIndex('byWeek', 'weekId');
      }
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  }));

async function lookup(slug) {
  const db = await open();
  return new Promise((resolve, reject) => {
    const req = db.transaction('accounts').objectStore('accounts').index('bySlug').get(slug);
    req.onsuccess = () => resolve(req.result ?? null);
    req.onerror = () => reject(req.error);
  });
}

async function seed(n) {
  const db = await open();
  await new Promise((resolve, reject) => {
    const tx = db.transaction('accounts', 'readwrite');
    const store = tx.objectStore('accounts');
    store.clear();
    for (let i = 0; i < n; i++) store.put({ id: `a${i}`, slug: `floor-account-${i}`, name: `Floor Account ${i}`, tier: 'Tier 1' });
    store.put({ id: 'northwind', slug: 'northwind-analytics', name: 'Northwind Analytics', tier: 'Tier 1' });
    tx.oncomplete = resolve;
    tx.onerror = () => reject(tx.error);
  });
  return n;
}
globalThis.floorSeed = seed;

/**
 * The week page's data, shaped like the benchmark's synthetic records (same fields, same sizes):
 * `accounts` accounts with 10 contacts each, and `targets` targets of `weekId` on the first ones,
 * each with two key contacts.
 */
async function seedWeek(weekId, accounts, targets) {
  const db = await open();
  const DEPTS = ['executive', 'finance', 'it', 'marketing', 'sales', 'operations', 'hr', 'engineering', 'legal', 'product'];
  const now = Date.now();
  const BATCH = 2000;
  for (let start = 0; start < accounts; start += BATCH) {
    await new Promise((resolve, reject) => {
      const tx = db.transaction(['weekAccounts', 'weekContacts', 'weekTargets'], 'readwrite');
      if (start === 0) for (const s of ['weekAccounts', 'weekContacts', 'weekTargets']) tx.objectStore(s).clear();
      for (let i = start; i < Math.min(accounts, start + BATCH); i++) {
        const sf = `001FLR${String(i).padStart(9, '0')}`;
        tx.objectStore('weekAccounts').put({
          id: `acc-${i}`, createdAt: now, updatedAt: now, name: `Floor Company ${i}`, nameKey: `floor company ${i}`, domains: [`floor${i}.example`],
          linkedinSlug: `floor-${i}`, linkedinId: String(2_000_000 + i), crmIds: { salesforce: sf }, crmKeys: [`salesforce:${sf}`], employees: 50 + (i % 6000),
          founded: 1990 + (i % 35), factors: { productFit: 'checked', website: 'unchecked', employeeSize: 'unknown', tenure: 'unknown', pricingFit: 'checked', priorSpend: 'unchecked', prioritiesFit: 'unknown' },
          team: { owner: 'Sam Rep' }, tier: ['Global', 'Tier 1', 'Tier 2', 'Tier 3'][i % 4],
        });
        for (let j = 0; j < 10; j++) {
          tx.objectStore('weekContacts').put({
            id: `con-${i}-${j}`, accountId: `acc-${i}`, createdAt: now, updatedAt: now, name: `Person ${i}-${j}`, title: 'Manager', department: DEPTS[j],
            buyingRole: j === 0 ? 'decision-maker' : 'user', linkedinSlug: `floor-${i}-${j}`, email: `p${j}@floor${i}.example`, crmIds: {}, crmKeys: [],
            connected: j % 2 === 0, followed: false, status: 'active',
          });
        }
        if (i < targets) {
          tx.objectStore('weekTargets').put({
            id: `floor-target-${i}`, createdAt: now, updatedAt: now, weekId, accountId: `acc-${i}`, keyContactIds: [`con-${i}-0`, `con-${i}-1`],
            salesOwner: 'Sam Rep', marketingOwner: 'Morgan Lee', status: 'active',
          });
        }
      }
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
  }
  return targets;
}
globalThis.floorSeedWeek = seedWeek;

chrome.runtime.onMessage.addListener((m, _sender, reply) => {
  if (m?.type === 'lookup') lookup(String(m.slug)).then(reply, () => reply(null));
  return true;
});

// When this worker's script had run (absolute): the benchmark's cold-card steps, as Tiercover's
// bench build gives `tiercoverBench.readyAt`.
globalThis.floorReadyAt = performance.timeOrigin + performance.now();
