// The floor's background: one indexed IndexedDB get per question. `seed` fills the store with
// the benchmark's accounts (the same count as Tiercover's run), so the index has the same size.
let dbp;
const open = () =>
  (dbp ??= new Promise((resolve, reject) => {
    const req = indexedDB.open('floor', 1);
    req.onupgradeneeded = () => req.result.createObjectStore('accounts', { keyPath: 'id' }).createIndex('bySlug', 'slug');
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

chrome.runtime.onMessage.addListener((m, _sender, reply) => {
  if (m?.type === 'lookup') lookup(String(m.slug)).then(reply, () => reply(null));
  return true;
});
