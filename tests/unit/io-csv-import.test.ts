import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDb, deleteAllData, getDb, getStats, type DB } from '@/lib/db/db';
import { newAccount, newContact } from '@/lib/domain/records';
import type { Account, Contact } from '@/lib/domain/schema';
import { detectMapping } from '@/lib/io/csv-columns';
import {
  CANCELLED_MESSAGE,
  applyImport,
  dbLookups,
  importCsv,
  memoryLookups,
  parseCsv,
  parseEmployees,
  parseLinkedinUrl,
  parseTier,
  planImport,
} from '@/lib/io/csv-import';
import { fullBackup } from '@/lib/io/csv-export';
import { first } from './helpers/must';
import { RECORD_STORES, summariesIn } from '@/lib/db/records';
import { fileProblemText, rowProblemText } from '@/lib/io/problem-text';
import type { RowError } from '@/lib/io/import/parse';
import type { FileProblem } from '@/lib/io/import/problems';
import { useLanguage } from './helpers/i18n';
import { accountBy, accountsBy, contactBy, contactsOf, getAccount, getContact, putAccount, putContact } from './helpers/records';

/** What the user reads for each row problem (the English catalog). */
const said = (errors: RowError[]) => errors.map((e) => rowProblemText(e.row, e.problem));

let db: DB;
let northwind: Account;
let contoso: Account;
let dana: Contact;

const NOW = Date.UTC(2026, 10, 25, 12);

beforeEach(async () => {
  db = await getDb();
  await deleteAllData(db);
  northwind = newAccount({ name: 'Northwind Analytics', domains: ['northwind-analytics.com'], crmIds: { salesforce: '0015g00000AbCdEAAZ' } }, NOW - 1000);
  contoso = newAccount({ name: 'Contoso Retail', domains: ['contoso-retail.com'], crmIds: { hubspot: '9001' } }, NOW - 1000);
  dana = newContact({ accountId: contoso.id, name: 'Dana Scully', email: 'dana@contoso-retail.com' }, NOW - 1000);
  await putAccount(db, northwind);
  await putAccount(db, contoso);
  await putContact(db, dana);
});
afterEach(async () => {
  await closeDb();
});

/** Everything in the database, without the export time. */
async function snapshot() {
  const { exportedAt: _, ...rest } = await fullBackup(db);
  return rest;
}

const bytes = (...parts: (string | number[])[]) =>
  new Blob(parts.map((p) => (typeof p === 'string' ? new TextEncoder().encode(p) : new Uint8Array(p))));
const utf16 = (text: string, bigEndian = false) => {
  const out = new Uint8Array(2 + text.length * 2);
  out.set(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out.set(bigEndian ? [c >> 8, c & 0xff] : [c & 0xff, c >> 8], 2 + 2 * i);
  }
  return new Blob([out]);
};

describe('refused files change nothing', () => {
  // "Café Müller,Zürich" saved as Latin-1: é and ü are not valid UTF-8.
  const latin1 = bytes('Account Name,City\n', [0x43, 0x61, 0x66, 0xe9, 0x20, 0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72], ',', [0x5a, 0xfc, 0x72, 0x69, 0x63, 0x68], '\n');
  const png = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]);
  const nulHeavy = bytes('A\0c\0c\0o\0u\0n\0t\0,\0N\0a\0m\0e\0\n\0');
  const cases: [string, () => File | Blob | string, 'empty' | 'headerOnly' | 'notText'][] = [
    ['an empty string', () => '', 'empty'],
    ['an empty file', () => new Blob([]), 'empty'],
    ['blank lines only', () => bytes('\r\n  \r\n\r\n'), 'empty'],
    ['a header only', () => bytes('Account Name,Website\r\n'), 'headerOnly'],
    ['a header and blank lines', () => 'Account Name,Website\n\n,\n', 'headerOnly'],
    ['a binary file (PNG)', () => png, 'notText'],
    ['a NUL-heavy file', () => nulHeavy, 'notText'],
    ['Latin-1 bytes (invalid UTF-8)', () => latin1, 'notText'],
  ];
  it.each(cases)('%s', async (_name, input, code) => {
    const before = await snapshot();
    await expect(importCsv(db, input())).rejects.toMatchObject({ name: 'CsvError', problem: { code } });
    expect(await snapshot()).toEqual(before);
  });

  it('more than 1,000,000 rows', async () => {
    const before = await snapshot();
    const text = 'Account Name,Website\n' + 'a,b\n'.repeat(1_000_001);
    const refusal = (await importCsv(db, text).then(() => null, (e: { problem: FileProblem }) => e))!;
    expect(fileProblemText(refusal.problem)).toBe(
      'The file has more than 1,000,000 rows; Tiercover imports at most 1,000,000 at a time. Split it into smaller files',
    );
    expect(await snapshot()).toEqual(before);
  }, 60_000);

  it('rows that are all bad: listed with their row numbers, nothing written', async () => {
    const before = await snapshot();
    const text = ['Account Name,Website,Employees', 'Acme,acme.com', 'Beta,beta.com,5,extra', `Gamma,gamma.com,"${'x'.repeat(150_000)}"`, 'Delta,"delta.com,5'].join('\n');
    const { errors, plan } = await importCsv(db, text);
    expect(said(errors)).toEqual([
      'Row 2 has 2 cells but the header has 3; it was skipped.',
      'Row 3 has 4 cells but the header has 3; it was skipped.',
      'Row 4: the cell in column "Employees" has 150,000 characters (the limit is 100,000); it was skipped.',
      'Row 5: a quoted cell is never closed (a closing " is missing); it was skipped.',
    ]);
    expect(plan.counts).toEqual({ added: 0, merged: 0, skipped: 4 });
    expect(await snapshot()).toEqual(before);
  });
});

describe('parseCsv', () => {
  it('reads UTF-16 LE and BE with a BOM, and UTF-8 with or without one', async () => {
    const text = 'Account Name,Website\r\nZürich Versicherung,zurich.ch\r\nAtelier Lumière SA,atelier-lumiere.fr\r\n';
    for (const input of [utf16(text), utf16(text, true), bytes([0xef, 0xbb, 0xbf], text), bytes(text), '\uFEFF' + text]) {
      const r = await parseCsv(input);
      expect(r.headers).toEqual(['Account Name', 'Website']);
      expect(r.rows).toEqual([
        ['Zürich Versicherung', 'zurich.ch'],
        ['Atelier Lumière SA', 'atelier-lumiere.fr'],
      ]);
    }
  });

  it('detects semicolon and tab delimiters', async () => {
    const semi = await parseCsv('Account Name;Website;Employees\r\nAtelier Lumière SA;atelier-lumiere.fr;1.200\r\n"Brauhaus; GmbH";brauhaus.de;80\r\n');
    expect(semi.delimiter).toBe(';');
    expect(semi.rows).toEqual([
      ['Atelier Lumière SA', 'atelier-lumiere.fr', '1.200'],
      ['Brauhaus; GmbH', 'brauhaus.de', '80'],
    ]);
    const tab = await parseCsv('First Name\tLast Name\tCompany\tEmail\nJane\tDoe\tAcme, Inc.\tjane@acme.com\n');
    expect(tab.delimiter).toBe('\t');
    expect(tab.rows).toEqual([['Jane', 'Doe', 'Acme, Inc.', 'jane@acme.com']]);
    expect(tab.mapping.kind).toBe('contacts');
  });

  it('keeps quoted newlines, commas and quotes inside a cell; row numbers count records', async () => {
    const r = await parseCsv('Account Name,Notes\n"Acme, Inc.","line 1\nline 2 with ""quotes"""\nBeta,x\n');
    expect(r.rows).toEqual([
      ['Acme, Inc.', 'line 1\nline 2 with "quotes"'],
      ['Beta', 'x'],
    ]);
    expect(r.rowNumbers).toEqual([2, 3]);
  });

  it('skips a bad row and keeps the others', async () => {
    const r = await parseCsv('Account Name,Website\nAcme,acme.com\nBroken\nBeta,beta.com,,\n\nGamma,gamma.com\n');
    expect(r.rows).toEqual([
      ['Acme', 'acme.com'],
      ['Beta', 'beta.com'],
      ['Gamma', 'gamma.com'],
    ]);
    expect(r.rowNumbers).toEqual([2, 4, 6]);
    expect(r.errors).toEqual([{ row: 3, problem: { code: 'cellCount', cells: 1, header: 2 }, skipped: true }]);
    expect(said(r.errors)).toEqual(['Row 3 has 1 cell but the header has 2; it was skipped.']);
  });

  it('says row and file problems in the interface language (the worker only reports codes)', async () => {
    const r = await parseCsv('Company,Website\nAcme\n');
    await useLanguage('de');
    try {
      expect(said(r.errors)).toEqual(['Zeile 2 hat 1 Zelle, die Kopfzeile aber 2; sie wurde übersprungen.']);
      expect(fileProblemText({ code: 'tooManyRows', limit: 1_000_000 })).toContain('mehr als 1.000.000 Zeilen');
    } finally {
      await useLanguage('en');
    }
  });

  it("skips LinkedIn's notes above the header and Salesforce's report footer", async () => {
    const li = await parseCsv(
      'Notes:\n"When exporting your connection data, you may notice that some of the email addresses are missing, see https://www.linkedin.com/help."\n\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\nJane,Doe,https://www.linkedin.com/in/jane-doe-4b1a2,,Northwind Analytics,VP Finance,12 Mar 2024\n',
    );
    expect(li.headers[0]).toBe('First Name');
    expect(li.rows).toHaveLength(1);
    expect(li.rowNumbers).toEqual([5]);
    expect(li.mapping.system).toBe('linkedin');
    const sf = await parseCsv('"Account Name","Website"\n"Acme","acme.com"\n\n\n"Copyright (c) 2000-2026 salesforce.com, inc. All rights reserved."\n"Confidential Information - Do Not Distribute"\n"Generated By:  Sam Rep  25/11/2026, 10:00"\n');
    expect(sf.rows).toEqual([['Acme', 'acme.com']]);
    expect(sf.errors).toEqual([]);
  });

  it('a one-column file keeps its header, even with a ragged row', async () => {
    expect(await parseCsv('Company\nAcme\nBeta\n')).toMatchObject({ headers: ['Company'], rows: [['Acme'], ['Beta']] });
    const r = await parseCsv('Company\nAcme\nBeta, Inc\n');
    expect(r).toMatchObject({ headers: ['Company'], rows: [['Acme']] });
    expect(said([first(r.errors, 'errors')])[0]).toBe('Row 3 has 2 cells but the header has 1; it was skipped.');
  });

  it('reports progress, ending at 1', async () => {
    const calls: [number, number][] = [];
    const text = 'Account Name,Website\n' + Array.from({ length: 40_000 }, (_, i) => `Company ${i},company${i}.example.com`).join('\n');
    await parseCsv(text, { onProgress: (n, f) => calls.push([n, f]) });
    expect(calls.length).toBeGreaterThan(1);
    expect(calls.at(-1)).toEqual([40_000, 1]);
    expect(calls.map((c) => c[1])).toEqual([...calls.map((c) => c[1])].sort((a, b) => a - b));
  });
});

describe('cell values', () => {
  it('reads tiers', () => {
    expect(['Tier 1', 'tier_2', 'T3', '4', 'Global', 'GLOBAL', ' t1 ', 'Tier-2'].map(parseTier)).toEqual(['tier1', 'tier2', 'tier3', 'tier4', 'global', 'global', 'tier1', 'tier2']);
    expect(parseTier('')).toBeUndefined();
    expect(parseTier('Platinum')).toBeNull();
    expect(parseTier('5')).toBeNull();
  });
  it('reads head counts', () => {
    expect(['350', '1,200', '1.200', '1 200', '51-200', '10,001+', '5k', '350.0', '82,000 employees', ''].map(parseEmployees)).toEqual([350, 1200, 1200, 1200, 51, 10001, 5000, 350, 82000, undefined]);
  });
  it('reads LinkedIn URLs', () => {
    expect(parseLinkedinUrl('https://www.linkedin.com/in/Jane-Doe-4B1A2/?trk=x', 'person')).toEqual({ kind: 'person', slug: 'jane-doe-4b1a2' });
    expect(parseLinkedinUrl('http://de.linkedin.com/in/j%C3%BCrgen', 'person')).toEqual({ kind: 'person', slug: 'jürgen' });
    expect(parseLinkedinUrl('linkedin.com/company/northwind-analytics/about/', 'company')).toEqual({ kind: 'company', slug: 'northwind-analytics' });
    expect(parseLinkedinUrl('https://www.linkedin.com/company/1035001', 'company')).toEqual({ kind: 'company', id: '1035001' });
    expect(parseLinkedinUrl('https://www.linkedin.com/sales/company/1035001', 'company')).toEqual({ kind: 'company', id: '1035001' });
    expect(parseLinkedinUrl('https://www.linkedin.com/sales/lead/ACwAAA,NAME_SEARCH', 'person')).toBeUndefined();
    expect(parseLinkedinUrl('jane-doe', 'person')).toEqual({ kind: 'person', slug: 'jane-doe' });
  });
});

const SALESFORCE_ACCOUNTS = [
  '"Account Name","Account ID","Website","Employees","Industry","Billing Country","Account Owner","Tier"',
  '"Northwind Analytics Inc.","0015g00000AbCdE","northwind-analytics.com","350","Software","US","Sam Rep","Tier 1"',
  '"Contoso","0015g00000CoNtO","https://www.contoso-retail.com/about","82,000","Retail","US","Alex Kim","Global"',
  '"Brauhaus Systems GmbH","0015g00000BrAuH","brauhaus-systems.de","1,200","Manufacturing","DE","Alex Kim","T2"',
  '"BRAUHAUS SYSTEMS","","","","","","",""',
  '"Fabrikam Logistics","0015g00000FaBrI","fabrikam.com","2100","","US","","Platinum"',
  '"","0015g00000NoNaM","noname.com","","","","",""',
].join('\r\n');

describe('importing accounts', () => {
  it('recognises a Salesforce report, merges by CRM id, domain and name, and counts', async () => {
    const { plan, errors } = await importCsv(db, SALESFORCE_ACCOUNTS, { now: NOW, sourceFile: 'accounts.csv' });
    expect(plan.counts).toEqual({ added: 2, merged: 3, skipped: 1 });
    // Tier 1 (Northwind), Global (Contoso, new), T2 (Brauhaus); Platinum is no tier.
    expect(plan.tierOverrides).toEqual({ set: 3, kept: 0 });
    expect(errors.map((e) => e.skipped)).toEqual([false, true]);
    expect(said(errors)).toEqual(['Row 6: the tier "Platinum" is not one of Tier 1 to Tier 4 or Global, so no tier was set.', 'Row 7: no company name; it was skipped.']);
    expect((await getStats(db)).accounts).toBe(4);

    const nw = (await getAccount(db, northwind.id))!;
    expect(nw.name).toBe('Northwind Analytics'); // a stored value is never overwritten
    expect(nw).toMatchObject({ employees: 350, team: { owner: 'Sam Rep' }, notes: 'Industry: Software', tierOverride: { tier: 'tier1', reason: "the file's Tier column", by: 'CSV import: accounts.csv', at: NOW } });
    expect(nw.edits).toMatchObject({ employees: NOW, team: NOW, tierOverride: NOW });

    const co = (await getAccount(db, contoso.id))!;
    expect(co.crmIds).toEqual({ hubspot: '9001', salesforce: '0015g00000CoNtO' });
    expect(co.crmKeys.sort()).toEqual(['hubspot:9001', 'salesforce:0015g00000CoNtO']);
    expect(co.employees).toBe(82_000);

    const brauhaus = await accountsBy(db, 'byNameKey', 'brauhaus systems');
    expect(brauhaus).toHaveLength(1);
    expect(brauhaus[0]).toMatchObject({ domains: ['brauhaus-systems.de'], employees: 1200, tierOverride: { tier: 'tier2' } });
    const fabrikam = await accountBy(db, 'byDomain', 'fabrikam.com');
    expect(fabrikam?.tierOverride).toBeUndefined();

    // The same file again: everything matches, nothing to write.
    const again = await planImport((await parseCsv(SALESFORCE_ACCOUNTS)).rows, detectMapping(first(SALESFORCE_ACCOUNTS.split('\r\n')).split(',').map((h) => h.replace(/"/g, ''))), dbLookups(db), { now: NOW + 1 });
    expect(again.counts).toEqual({ added: 0, merged: 5, skipped: 1 });
    expect(again.accounts).toEqual([]);
    // The overrides are there now: the preview says none will be set, and none would be overwritten.
    expect(again.tierOverrides).toEqual({ set: 0, kept: 3 });
  });

  it('a name shared by two stored accounts is not guessed', async () => {
    await putAccount(db, newAccount({ name: 'Acme Ltd', domains: ['acme.co.uk'] }));
    await putAccount(db, newAccount({ name: 'ACME Inc', domains: ['acme.com'] }));
    const { plan, errors } = await importCsv(db, 'Company,Employees\nAcme,500\nAcme GmbH,40\nNewco,5\n');
    expect(plan.counts).toEqual({ added: 1, merged: 0, skipped: 2 });
    expect(said([first(errors, 'errors')])[0]).toBe('Row 2: several accounts are called "Acme"; add a website or CRM id column to tell them apart; it was skipped.');
  });

  it('different CRM ids are different accounts, even with the same name', async () => {
    const { plan } = await importCsv(db, 'Account Name,Account ID\nNorthwind Analytics,0015g00000ZzZzZ\n');
    expect(plan.counts).toEqual({ added: 1, merged: 0, skipped: 0 });
  });

  it('keeps an edit made between planning and applying', async () => {
    const parsed = await parseCsv(SALESFORCE_ACCOUNTS);
    const plan = await planImport(parsed.rows, parsed.mapping, dbLookups(db), { now: NOW });
    await putAccount(db, { ...northwind, employees: 400, team: { owner: 'Priya Shah' }, edits: { employees: NOW + 5, team: NOW + 5 }, updatedAt: NOW + 5 });
    await applyImport(db, plan);
    expect(await getAccount(db, northwind.id)).toMatchObject({ employees: 400, team: { owner: 'Priya Shah' }, tierOverride: { tier: 'tier1' } });
  });
});

const HUBSPOT_CONTACTS = [
  'Record ID,First Name,Last Name,Job Title,Email,Associated Company,Associated Company IDs,Contact owner',
  '501,Jane,Doe,Chief Financial Officer,jane.doe@contoso-retail.com,Contoso Retail,9001,Morgan Lee',
  '502,Dana,Scully,VP Marketing,DANA@contoso-retail.com,Contoso Retail,9001,',
  '503,Raj,Patel,Head of IT,raj@newco.io,NewCo Ltd,7777,Morgan Lee',
  '504,Li,Wei,Software Engineer,li@newco.io,NewCo,7777,',
  ',Jane,Doe,CFO,,Contoso Retail,9001,',
  ',Nobody,,,,,,',
].join('\n');

describe('importing contacts', () => {
  it('links contacts to accounts, creates unknown companies, merges by email and by name', async () => {
    const { plan, errors } = await importCsv(db, HUBSPOT_CONTACTS, { now: NOW });
    expect(plan.kind).toBe('contacts');
    expect(plan.counts).toEqual({ added: 4, merged: 2, skipped: 1 });
    expect(plan.detail).toEqual({ accounts: { added: 1, merged: 0 }, contacts: { added: 3, merged: 2 } });
    expect(said(errors)).toEqual(['Row 7: no company for this contact (add an Account Name or Company column); it was skipped.']);

    const ofContoso = await contactsOf(db, contoso.id);
    expect(ofContoso.map((c) => c.name).sort()).toEqual(['Dana Scully', 'Jane Doe']);
    const jane = ofContoso.find((c) => c.name === 'Jane Doe')!;
    expect(jane).toMatchObject({ department: 'finance', buyingRole: 'decision-maker', email: 'jane.doe@contoso-retail.com', crmIds: { hubspot: '501' } });
    const d = (await getContact(db, dana.id))!;
    expect(d).toMatchObject({ title: 'VP Marketing', department: 'marketing', crmIds: { hubspot: '502' }, email: 'dana@contoso-retail.com' });

    const newco = (await accountBy(db, 'byCrm', 'hubspot:7777'))!;
    expect(newco).toMatchObject({ name: 'NewCo Ltd', team: { owner: 'Morgan Lee' }, domains: [] });
    const ofNewco = await contactsOf(db, newco.id);
    expect(ofNewco.map((c) => [c.name, c.department]).sort()).toEqual([
      ['Li Wei', 'engineering'],
      ['Raj Patel', 'it'],
    ]);
    expect((await getStats(db)).accounts).toBe(3);
  });

  it('reads a Sales Navigator export: profile slugs, company pages, connections', async () => {
    const csv = [
      'First Name,Last Name,Title,Company Name,Person Linkedin Url,Company LinkedIn URL,Email Address,Connected On',
      'Jane,Doe,VP Finance,Northwind,https://www.linkedin.com/in/jane-doe-4b1a2/,https://www.linkedin.com/company/northwind-analytics/,,12 Mar 2024',
      'Max,Mustermann,Leiter Vertrieb,Brauhaus Systems GmbH,http://de.linkedin.com/in/max-mustermann,https://www.linkedin.com/company/1035002,,',
    ].join('\n');
    const { plan } = await importCsv(db, csv, { now: NOW });
    expect(plan.counts).toEqual({ added: 4, merged: 0, skipped: 0 });
    const jane = (await contactBy(db, 'byLinkedinSlug', 'jane-doe-4b1a2'))!;
    expect(jane).toMatchObject({ connected: true, department: 'finance' });
    const max = (await contactBy(db, 'byLinkedinSlug', 'max-mustermann'))!;
    expect(max).toMatchObject({ connected: false, department: 'sales' });
    expect(await getAccount(db, max.accountId)).toMatchObject({ name: 'Brauhaus Systems GmbH', linkedinId: '1035002' });
    expect(await getAccount(db, jane.accountId)).toMatchObject({ name: 'Northwind', linkedinSlug: 'northwind-analytics' });
  });

  it('planning works on records in memory too', async () => {
    const parsed = await parseCsv(HUBSPOT_CONTACTS);
    const plan = await planImport(parsed.rows, parsed.mapping, memoryLookups([northwind, contoso], [dana]), { now: NOW });
    expect(plan.counts).toEqual({ added: 4, merged: 2, skipped: 1 });
  });
});

describe('cancelling', () => {
  const big = 'Account Name,Website\n' + Array.from({ length: 3_000 }, (_, i) => `Company ${i},company${i}.example.com`).join('\n');
  const huge = 'Account Name,Website,Notes\n' + Array.from({ length: 6_000 }, (_, i) => `Company ${i},company${i}.example.com,${'z'.repeat(400)}`).join('\n');

  it('an import cancelled while parsing writes nothing', async () => {
    const before = await snapshot();
    const ctrl = new AbortController();
    const run = importCsv(db, huge, { signal: ctrl.signal, onProgress: () => ctrl.abort() });
    await expect(run).rejects.toMatchObject({ name: 'AbortError', message: CANCELLED_MESSAGE });
    expect(await snapshot()).toEqual(before);
    const ctrl2 = new AbortController();
    await expect(parseCsv(huge, { signal: ctrl2.signal, onProgress: () => ctrl2.abort() })).rejects.toMatchObject({ name: 'AbortError' });
  });

  // 3,000 rows through parse, plan and fake-indexeddb: seconds on a loaded 2-core machine.
  it('an import cancelled while writing writes nothing', { timeout: 30_000 }, async () => {
    const before = await snapshot();
    const ctrl = new AbortController();
    const written: number[] = [];
    const run = importCsv(db, big, {
      signal: ctrl.signal,
      onWriteProgress: (n) => {
        written.push(n);
        ctrl.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(written[0]).toBe(500);
    expect(await snapshot()).toEqual(before);
  });

  // Saving is one write-back of packed pages and key buckets (lib/db/packed.ts): its progress
  // must still move value by value, and a cancel in the middle of it must still write nothing.
  it('saving reports progress as the packed values are written, and a cancel during it writes nothing', { timeout: 30_000 }, async () => {
    const fractions: number[] = [];
    await importCsv(db, big, { onWriteProgress: (_n, f) => fractions.push(f) });
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(fractions.at(-1)).toBe(1);
    expect(new Set(fractions.filter((f) => f > 0.4 && f < 1)).size).toBeGreaterThan(3);

    const before = await snapshot();
    const ctrl = new AbortController();
    const others = 'Account Name,Website\n' + Array.from({ length: 3_000 }, (_, i) => `Other ${i},other${i}.example.com`).join('\n');
    const run = importCsv(db, others, {
      signal: ctrl.signal,
      onWriteProgress: (_n, f) => {
        if (f > 0.4 && f < 1) ctrl.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(ctrl.signal.aborted).toBe(true);
    expect(await snapshot()).toEqual(before);
  });

  // A contacts import writes its records, then its coverage summaries while the records are still
  // being written (lib/io/import/apply.ts): one progress over both, never going back.
  it('a contacts import reports saving progress over its records and its summaries, never going back', { timeout: 30_000 }, async () => {
    await importCsv(db, big);
    const people = 'First Name,Last Name,Email,Company\n' + Array.from({ length: 3_000 }, (_, i) => `P${i},Person,p${i}@company${i % 1_000}.example.com,Company ${i % 1_000}`).join('\n');
    const fractions: number[] = [];
    await importCsv(db, people, { onWriteProgress: (_n, f) => fractions.push(f) });
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(fractions.at(-1)).toBe(1);
    // Every account the file named has its summary, counted from its three contacts.
    const summaries = await summariesIn(db.transaction(RECORD_STORES)).getAll();
    expect(summaries.filter((x) => x.total === 3)).toHaveLength(1_000);
  });

  it('an already aborted signal stops at once', async () => {
    const ctrl = new AbortController();
    ctrl.abort();
    await expect(importCsv(db, big, { signal: ctrl.signal })).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('a 10 MB cell', () => {
  it('skips that row with its number and imports the others', { timeout: 30_000 }, async () => {
    const huge = 'x'.repeat(10 * 1024 * 1024);
    const csv = `Company name,Company Domain Name\r\nGood Co,good.example\r\n"${huge}",huge.example\r\nAlso Good,also.example\r\n`;
    const { plan, errors } = await importCsv(db, bytes(csv));
    expect(plan.counts.added).toBe(2);
    expect(errors.map((e) => e.row)).toEqual([3]);
    expect((await getStats(db)).accounts).toBe(4);
  });
});
