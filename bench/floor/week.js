// The floor of the week page and its exports: the same database work with nothing else on it.
// First screen: open the database, read the week's targets through their index and each
// target's account, write the first 50 rows as plain text, then the progress line the benchmark
// waits for. Exports: one read transaction (targets, accounts and their two key contacts for a
// CSV; every contact of each account for the bundle), one string, one download.
const weekId = new URLSearchParams(location.search).get('week') ?? '';
const FIRST_ROWS = 50;

const db = await new Promise((resolve, reject) => {
  const req = indexedDB.open('floor', 2);
  req.onsuccess = () => resolve(req.result);
  req.onerror = () => reject(req.error);
});
const ask = (req) =>
  new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });

async function readWeek(contacts) {
  const tx = db.transaction(['weekTargets', 'weekAccounts', 'weekContacts']);
  const targets = await ask(tx.objectStore('weekTargets').index('byWeek').getAll(weekId));
  const accounts = await Promise.all(targets.map((t) => ask(tx.objectStore('weekAccounts').get(t.accountId))));
  const people =
    contacts === 'keys'
      ? await Promise.all(targets.map((t) => Promise.all(t.keyContactIds.map((id) => ask(tx.objectStore('weekContacts').get(id))))))
      : contacts === 'all'
        ? await Promise.all(targets.map((t) => ask(tx.objectStore('weekContacts').index('byAccount').getAll(t.accountId))))
        : [];
  return { targets, accounts, people };
}

const { targets, accounts } = await readWeek('none');
const list = document.getElementById('week');
for (let i = 0; i < Math.min(FIRST_ROWS, targets.length); i++) {
  const row = document.createElement('p');
  row.textContent = `${accounts[i]?.tier ?? ''} ${accounts[i]?.name ?? ''}: ${targets[i].salesOwner}, ${targets[i].marketingOwner}`;
  list.append(row);
}
const progress = document.createElement('p');
progress.dataset.testid = 'week-progress';
progress.textContent = `${targets.length} targets`;
list.before(progress);

function download(name, text, type) {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([text], { type }));
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
}
const cell = (v) => (/[",\r\n]/.test(String(v ?? '')) ? `"${String(v).replace(/"/g, '""')}"` : String(v ?? ''));
document.querySelector('[data-testid=export-csv]').addEventListener('click', async () => {
  performance.mark('tiercover:export-start');
  const { targets, accounts, people } = await readWeek('keys');
  const lines = ['Week,Account,Tier,Contact,Title,Email'];
  targets.forEach((t, i) => {
    for (const c of people[i]) lines.push([weekId, accounts[i]?.name, accounts[i]?.tier, c?.name, c?.title, c?.email].map(cell).join(','));
  });
  download(`floor-${weekId}.csv`, `\uFEFF${lines.join('\r\n')}\r\n`, 'text/csv;charset=utf-8');
  performance.measure('tiercover:export', 'tiercover:export-start');
});
document.querySelector('[data-testid=export-bundle]').addEventListener('click', async () => {
  performance.mark('tiercover:export-start');
  const { targets, accounts, people } = await readWeek('all');
  download(`floor-${weekId}.json`, JSON.stringify({ weekId, accounts, contacts: people.flat(), targets }), 'application/json');
  performance.measure('tiercover:export', 'tiercover:export-start');
});
