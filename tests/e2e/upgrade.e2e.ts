/**
 * A database of the previous version, upgraded in Chromium itself (the unit tests run the same
 * steps in fake-indexeddb): a version-5 database, whose key buckets are objects, is made with raw
 * IndexedDB from `tests/fixtures/db/v5.json`; the extension then opens it at the latest version.
 * Firefox does the same in firefox.e2e.ts.
 */
import { describe, it } from 'vitest';
import { CardObject, openExtensionPage, useSession } from './harness';
import { buildDatabase, dbFixture, expectBucketsUpgraded, storedBuckets } from './db-fixture';

const session = useSession({ sample: false });

describe('upgrading a stored database in the browser', () => {
  it('a version-5 database upgrades on the first look-up: every key bucket becomes a string and the card finds its account', async () => {
    const s = session();
    const fixture = dbFixture(5);
    const options = await openExtensionPage(s, 'options.html');
    await options.evaluate(buildDatabase, fixture);

    // The first look-up opens the database at the latest version: the upgrade runs in the worker.
    const page = await s.context.newPage();
    await page.goto('https://www.linkedin.com/company/northwind-analytics/about/');
    const card = await CardObject.of(page);
    await card.waitFor('[data-testid=card-title]', 'Northwind Analytics');

    const stored = await options.evaluate(storedBuckets);
    expectBucketsUpgraded(stored, fixture);
    await page.close();
    await options.close();
  });
});
