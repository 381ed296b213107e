/**
 * Round trips from the week view, through real downloads and a real file pick: tiers as
 * Salesforce and HubSpot import files (accounts without an id listed), LinkedIn Matched Audiences
 * lists recorded as air cover, and a marketing pack filled in a "spreadsheet" and imported back.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { csvFileOf, csvRows, downloadText, openExtensionPage, screenshot, type Session, useSession } from './harness';

const session = useSession();
let s: Session;
beforeAll(() => {
  s = session();
});


async function openWeek() {
  const app = await openExtensionPage(s, 'app.html');
  await app.getByTestId('week-progress').waitFor();
  return app;
}

describe('round trips from the week view', () => {
  it('Salesforce and HubSpot import files; accounts without an id listed and downloadable', async () => {
    const app = await openWeek();
    const sf = await downloadText(app, 'export-salesforce');
    expect(sf.name).toMatch(/^tiercover-\d{4}-W\d{2}-salesforce-import\.csv$/);
    expect(csvRows(sf.text)[0]).toEqual(['Id', 'Name', 'Tiercover_Tier__c', 'Tiercover_Tier_Reason__c', 'Tiercover_Coverage__c', 'Tiercover_Air_Cover__c', 'Tiercover_Week__c']);
    await app.getByTestId('crm-export-missing').filter({ hasText: 'no Salesforce id in Tiercover' }).waitFor();
    const missing = await downloadText(app, 'export-crm-missing');
    expect(missing.name).toMatch(/salesforce-accounts-without-id\.csv$/);
    const missingRows = csvRows(missing.text).slice(1);
    expect(missingRows.length).toBeGreaterThan(0);
    expect(await app.getByTestId('crm-export-missing').textContent()).toContain(missingRows[0]![0]);
    await screenshot(app, 'week-crm-export');

    // All accounts to HubSpot, chosen with the keyboard.
    await app.getByTestId('crm-export-scope').focus();
    await app.getByTestId('crm-export-scope').selectOption('all');
    const hs = await downloadText(app, 'export-hubspot');
    expect(hs.name).toMatch(/^tiercover-all-accounts-hubspot-import\.csv$/);
    const hsRows = csvRows(hs.text);
    expect(hsRows[0]!.slice(0, 3)).toEqual(['Record ID', 'Company name', 'Ideal Customer Profile Tier']);
    const contoso = hsRows.find((r) => r[1] === 'Contoso Retail')!;
    expect(contoso[0]).toBe('9001');
    expect(['tier_1', 'tier_2', 'tier_3', '']).toContain(contoso[2]);
    await app.close();
  });

  it('LinkedIn Matched Audiences lists; the uploaded contact list recorded as air cover', async () => {
    const app = await openWeek();
    const companies = await downloadText(app, 'export-audience-companies');
    expect(csvRows(companies.text)[0]).toEqual(['companyname', 'companywebsite', 'companyemaildomain', 'linkedincompanypageurl', 'stocksymbol', 'industry', 'city', 'state', 'companycountry', 'zipcode']);
    const contacts = await downloadText(app, 'export-audience-contacts');
    const contactRows = csvRows(contacts.text);
    expect(contactRows[0]).toEqual(['email', 'firstname', 'lastname', 'jobtitle', 'employeecompany', 'country', 'googleaid']);
    await app.getByTestId('audience-record').click();
    await app.getByTestId('audience-status').filter({ hasText: 'Recorded:' }).waitFor();
    expect(await app.getByTestId('audience-status').textContent()).toMatch(/Recorded: \d+ contacts? now show "In a recent campaign"/);
    await app.close();
  });

  it('the marketing pack comes back: filled rows ticked, a bad row listed, the next pack without them', async () => {
    const app = await openWeek();
    const pack = await downloadText(app, 'export-marketing');
    const [header, ...rows] = csvRows(pack.text);
    const col = (n: string) => header!.indexOf(n);
    rows[0]![col('Evidence link')] = 'https://blog.example.com/case-study';
    rows[1]![col('Evidence note')] = 'Liked their launch post';
    rows[2]![col('Evidence link')] = 'see slack';
    await app.getByTestId('pack-import-file').setInputFiles(csvFileOf([header!, ...rows], 'filled-pack.csv'));
    await app.getByTestId('pack-import-result').waitFor();
    expect(await app.getByTestId('pack-import-result').textContent()).toContain('2 tasks ticked from the pack, 1 row not imported:');
    expect(await app.getByTestId('pack-import-errors').textContent()).toContain('Row 4: "see slack" is not a web link');
    const key = (r: string[]) => r[col('Tiercover cell (do not edit)')]!;
    await expect.poll(async () => (await downloadText(app, 'export-marketing')).text.includes(key(rows[0]!))).toBe(false);
    const next = (await downloadText(app, 'export-marketing')).text;
    expect(next).not.toContain(key(rows[1]!));
    expect(next).toContain(key(rows[2]!));
    await app.close();
  });

  it('the extension made no request anywhere', () => {
    expect(s.outside).toEqual([]);
  });
});
