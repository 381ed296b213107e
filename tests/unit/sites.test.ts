// @vitest-environment happy-dom
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clean, domainFromUrl, parseEmployees } from '../../lib/sites/dom';
import { adapterFor, pageKeyFor, readPage, readySelectorsFor } from '../../lib/sites/index';
import { salesforceId18 } from '../../lib/sites/salesforce';
import type { PageContext } from '../../lib/sites/types';
import { first } from './helpers/must';

const DIR = join(__dirname, '../fixtures/pages');

interface Fixture {
  file: string;
  url: string;
  notes?: string;
  expected: Partial<PageContext> & Record<string, unknown>;
}

const manifest = JSON.parse(readFileSync(join(DIR, 'manifest.json'), 'utf8')) as { fixtures: Fixture[] };

function load(file: string): Document {
  return new DOMParser().parseFromString(readFileSync(join(DIR, file), 'utf8'), 'text/html');
}

/** Every string anywhere in a value. */
function strings(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.flatMap(strings);
  if (v && typeof v === 'object') return Object.values(v).flatMap(strings);
  return [];
}

describe('fixture pages (manifest.json is the contract for the browser tests)', () => {
  it('lists every fixture file once, each with a unique URL', () => {
    const files = manifest.fixtures.map((f) => f.file);
    const urls = manifest.fixtures.map((f) => f.url);
    expect(new Set(files).size).toBe(files.length);
    expect(new Set(urls).size).toBe(urls.length);
    expect(files.length).toBeGreaterThanOrEqual(20);
  });

  it.each(manifest.fixtures)('$file reads as expected', ({ file, url, expected }) => {
    const ctx = readPage(load(file), new URL(url));
    expect(ctx).toMatchObject(expected);
    expect(ctx.url).toBe(new URL(url).href);
    if (ctx.kind !== 'unsupported') {
      expect(ctx.signals[0]).toBe('url');
      for (const s of strings([ctx.pageKey, ctx.person, ctx.company, ctx.crm])) expect(s.length).toBeLessThanOrEqual(300);
    }
  });

  it.each(manifest.fixtures)('$file: extract leaves the document unchanged', ({ file, url }) => {
    const doc = load(file);
    const before = doc.documentElement.outerHTML;
    const title = doc.title;
    readPage(doc, new URL(url));
    expect(doc.documentElement.outerHTML).toBe(before);
    expect(doc.title).toBe(title);
  });

  it.each(manifest.fixtures)('$file: readySelectors are valid selectors', ({ url }) => {
    const sels = readySelectorsFor(new URL(url));
    expect(sels.length).toBeGreaterThan(0);
    for (const s of sels) expect(() => document.querySelector(s)).not.toThrow();
  });
});

describe('hostile page', () => {
  const ctx = readPage(load('hostile.html'), new URL('https://www.linkedin.com/in/hostile-test/'));

  it('gives plain strings capped at 300 characters', () => {
    if (ctx.kind === 'unsupported') throw new Error('expected a person page');
    const name = ctx.person?.name ?? '';
    expect(name.startsWith('<img src=x onerror=alert(1)> AAAA')).toBe(true);
    expect(name).toHaveLength(300);
    for (const s of strings(ctx)) {
      expect(typeof s).toBe('string');
      expect(s.length).toBeLessThanOrEqual(s === ctx.url ? 2048 : 300);
      expect(s).not.toMatch(/[\u202a-\u202e\u200b]/);
      expect(s).not.toContain('alert(2)'); // script text is not page text
    }
  });

  it('reports a very long URL without its query string', () => {
    const url = new URL('https://www.linkedin.com/in/hostile-test/?q=' + 'x'.repeat(5000));
    const long = readPage(load('hostile.html'), url);
    expect(long.url).toBe('https://www.linkedin.com/in/hostile-test/');
    expect(long).toMatchObject({ pageKey: 'linkedin:in:hostile-test' });
  });

  it('is JSON-safe data with no DOM references', () => {
    expect(JSON.parse(JSON.stringify(ctx))).toEqual(ctx);
  });
});

describe('LinkedIn specifics', () => {
  it('never takes the viewer (first fsd_profile in <code>) for the person', () => {
    const ctx = readPage(load('linkedin-profile-2024-loggedin-en.html'), new URL('https://www.linkedin.com/in/jane-doe-4b1a2/'));
    expect(JSON.stringify(ctx)).not.toMatch(/Victor|Viewer|victor-viewer|Tailspin/);
  });

  it('reads localised current-company labels', () => {
    const url = new URL('https://www.linkedin.com/in/someone/');
    const cases: [string, string][] = [
      ['Current company: Acme Inc. Click to skip to experience card', 'Acme Inc'],
      ['Aktuelles Unternehmen: Brauhaus Systems GmbH. Klicken Sie, um zur Berufserfahrungskarte zu springen', 'Brauhaus Systems GmbH'],
      ['Entreprise actuelle : Atelier Lumière SA. Cliquez pour accéder à la carte Expérience', 'Atelier Lumière SA'],
      ['Empresa actual: Contoso Retail. Haz clic para ir a la tarjeta de experiencia', 'Contoso Retail'],
    ];
    for (const [label, company] of cases) {
      const doc = document.implementation.createHTMLDocument('x');
      const main = doc.createElement('main');
      const h1 = doc.createElement('h1');
      h1.textContent = 'Some One';
      const button = doc.createElement('button');
      button.setAttribute('aria-label', label);
      main.append(h1, button);
      doc.body.append(main);
      const ctx = readPage(doc, url);
      expect(ctx.kind !== 'unsupported' && ctx.person?.companyName).toBe(company);
    }
  });

  it('does not attach the id of a previous job when the current one has no company page', () => {
    const doc = document.implementation.createHTMLDocument('');
    doc.body.append(doc.createElement('main'));
    const main = doc.querySelector('main')!;
    main.append(Object.assign(doc.createElement('h1'), { textContent: 'Ann Lee' }));
    const b = doc.createElement('button');
    b.setAttribute('aria-label', 'Current company: Stealth Startup. Click to skip to experience card');
    const section = doc.createElement('section');
    const anchor = doc.createElement('div');
    anchor.id = 'experience';
    const li = doc.createElement('li');
    const a = doc.createElement('a');
    a.href = 'https://www.linkedin.com/company/1035005/';
    const img = doc.createElement('img');
    img.alt = 'Fabrikam Logistics logo';
    a.append(img);
    li.append(a, Object.assign(doc.createElement('span'), { textContent: 'Fabrikam Logistics · Full-time' }));
    section.append(anchor, li);
    main.append(b, section);
    const ctx = readPage(doc, new URL('https://www.linkedin.com/in/ann-lee/'));
    expect(ctx).toMatchObject({ person: { name: 'Ann Lee', companyName: 'Stealth Startup' } });
    expect(ctx.kind !== 'unsupported' && ctx.person?.companyLinkedinId).toBeFalsy();
  });
});

it('LinkedIn company overview without About facts: size from the top card, not the member count', () => {
  const doc = document.implementation.createHTMLDocument('');
  doc.title = '(2) Northwind Analytics: Overview | LinkedIn'; // happy-dom ignores the title argument
  const main = doc.createElement('main');
  for (const text of ['Software Development', '201-500 employees']) {
    const el = doc.createElement('div');
    el.className = 'org-top-card-summary-info-list__info-item';
    el.textContent = text;
    main.append(el);
  }
  const link = doc.createElement('a');
  link.href = '/search/results/people/?currentCompany=%5B%221035001%22%5D';
  link.append(Object.assign(doc.createElement('span'), { textContent: '312 employees' }));
  main.prepend(link);
  doc.body.append(main);
  const ctx = readPage(doc, new URL('https://www.linkedin.com/company/northwind-analytics/'));
  expect(ctx).toMatchObject({
    readable: true,
    company: { name: 'Northwind Analytics', sizeText: '201-500 employees', employees: 500, linkedinId: '1035001' },
  });
});

describe('Salesforce specifics', () => {
  /** Move the children of each matching element into an open shadow root, as Lightning does. */
  function shadowify(doc: Document, selector: string) {
    for (const el of [...doc.querySelectorAll(selector)].reverse()) {
      const root = el.attachShadow({ mode: 'open' });
      root.append(...el.childNodes);
    }
  }

  it('reads values that live inside open shadow roots', () => {
    const url = new URL('https://northwind.lightning.force.com/lightning/r/Contact/0035g00000JaNeDAAR/view');
    const doc = load('salesforce-contact.html');
    shadowify(doc, 'records-highlights2, [data-target-selection-name], lightning-formatted-text, force-lookup');
    expect(doc.querySelector('[slot="primaryField"]')).toBeNull(); // really hidden from plain queries
    expect(readPage(doc, url)).toMatchObject({
      readable: true,
      crm: { name: 'Jane Doe', accountName: 'Northwind Analytics', accountId: '0015g00000AbCdEAAZ', title: 'VP Finance', email: 'jane.doe@northwind-analytics.com' },
    });
  });

  it('reads the active account view, not the cached one, also inside shadow roots', () => {
    const url = new URL('https://northwind.lightning.force.com/lightning/r/Account/0015g00000AbCdEAAZ/view');
    const doc = load('salesforce-account.html');
    shadowify(doc, 'records-highlights2, [data-target-selection-name]');
    expect(readPage(doc, url)).toMatchObject({ crm: { name: 'Northwind Analytics', domain: 'northwind-analytics.com' } });
  });

  it('accepts custom My Domain hosts only when configured', () => {
    const url = new URL('https://crm.acme-corp.example/lightning/r/Account/0015g00000AbCdEAAZ/view');
    expect(adapterFor(url)).toBeUndefined();
    expect(adapterFor(url, [{ host: 'crm.acme-corp.example', system: 'salesforce' }])?.site).toBe('salesforce');
    expect(adapterFor(url, [{ host: 'crm.acme-corp.example', system: 'hubspot' }])).toBeUndefined();
    expect(adapterFor(url, [{ host: '*.acme-corp.example', system: 'salesforce' }])?.site).toBe('salesforce');
    expect(pageKeyFor(url, [{ host: 'https://crm.acme-corp.example/', system: 'salesforce' }])).toBe('salesforce:0015g00000AbCdEAAZ');
  });

  it.each([
    ['0015000000Gv7qJ', '0015000000Gv7qJAAR'],
    ['001000000000000', '001000000000000AAA'],
    ['0015000000Gv7qJAAR', '0015000000Gv7qJAAR'],
  ])('salesforceId18(%s) = %s', (id, id18) => expect(salesforceId18(id)).toBe(id18));
});

describe('URL -> adapter and page key', () => {
  it.each([
    // LinkedIn profiles: country hosts, subpages, query strings, encoding, case
    ['https://www.linkedin.com/in/jane-doe-4b1a2/', 'linkedin', 'linkedin:in:jane-doe-4b1a2'],
    ['https://www.linkedin.com/in/jane-doe-4b1a2', 'linkedin', 'linkedin:in:jane-doe-4b1a2'],
    ['https://linkedin.com/in/Jane-Doe-4B1A2/?originalSubdomain=uk', 'linkedin', 'linkedin:in:jane-doe-4b1a2'],
    ['https://uk.linkedin.com/in/jane-doe-4b1a2?trk=people-guest', 'linkedin', 'linkedin:in:jane-doe-4b1a2'],
    ['https://de.linkedin.com/in/lukas-becker/details/experience/', 'linkedin', 'linkedin:in:lukas-becker'],
    ['https://www.linkedin.com/in/jane-doe-4b1a2/overlay/contact-info/', 'linkedin', 'linkedin:in:jane-doe-4b1a2'],
    ['https://www.linkedin.com/in/j%C3%BCrgen-m%C3%BCller/', 'linkedin', 'linkedin:in:jürgen-müller'],
    ['https://www.linkedin.com/in/jane-doe-4b1a2/#experience', 'linkedin', 'linkedin:in:jane-doe-4b1a2'],
    // LinkedIn companies: slug or numeric id, subpages
    ['https://www.linkedin.com/company/northwind-analytics/', 'linkedin', 'linkedin:company:northwind-analytics'],
    ['https://www.linkedin.com/company/northwind-analytics/about/', 'linkedin', 'linkedin:company:northwind-analytics'],
    ['https://www.linkedin.com/company/Northwind-Analytics/people/?facetGeoRegion=103644278', 'linkedin', 'linkedin:company:northwind-analytics'],
    ['https://fr.linkedin.com/company/atelier-lumiere/life/', 'linkedin', 'linkedin:company:atelier-lumiere'],
    ['https://www.linkedin.com/company/1035001/', 'linkedin', 'linkedin:company:1035001'],
    ['https://www.linkedin.com/company/1035001/admin/', 'linkedin', 'linkedin:company:1035001'],
    // Sales Navigator
    ['https://www.linkedin.com/sales/lead/ACwAAB1x2y3Z4aBcDeFgHiJkLmNoPqRsTuVwXyZ,NAME_SEARCH,Ab1c', 'salesnav', 'salesnav:lead:ACwAAB1x2y3Z4aBcDeFgHiJkLmNoPqRsTuVwXyZ'],
    ['https://www.linkedin.com/sales/lead/ACwAAB1x2y3Z4aBcDeFgHiJkLmNoPqRsTuVwXyZ%2CNAME_SEARCH%2CAb1c?_ntb=x', 'salesnav', 'salesnav:lead:ACwAAB1x2y3Z4aBcDeFgHiJkLmNoPqRsTuVwXyZ'],
    ['https://www.linkedin.com/sales/lead/ACwAAB1x2y3Z4aBcDeFgHiJkLmNoPqRsTuVwXyZ', 'salesnav', 'salesnav:lead:ACwAAB1x2y3Z4aBcDeFgHiJkLmNoPqRsTuVwXyZ'],
    ['https://www.linkedin.com/sales/people/ACwAAB1x2y3Z4aBcDeFgHiJkLmNoPqRsTuVwXyZ,NAME_SEARCH,Ab1c', 'salesnav', 'salesnav:lead:ACwAAB1x2y3Z4aBcDeFgHiJkLmNoPqRsTuVwXyZ'],
    ['https://www.linkedin.com/sales/company/1035004', 'salesnav', 'salesnav:company:1035004'],
    ['https://www.linkedin.com/sales/company/1035004/people?_ntb=x', 'salesnav', 'salesnav:company:1035004'],
    ['https://www.linkedin.com/sales/accounts/insights?companyId=1035004&trk=x', 'salesnav', 'salesnav:company:1035004'],
    // Salesforce: Lightning, 15/18-char ids, one.app, Classic, sandboxes, key prefixes
    ['https://northwind.lightning.force.com/lightning/r/Account/0015g00000AbCdEAAZ/view', 'salesforce', 'salesforce:0015g00000AbCdEAAZ'],
    ['https://northwind.lightning.force.com/lightning/r/Account/0015g00000AbCdE/view', 'salesforce', 'salesforce:0015g00000AbCdE'],
    ['https://northwind.lightning.force.com/lightning/r/0015g00000AbCdEAAZ/view', 'salesforce', 'salesforce:0015g00000AbCdEAAZ'],
    ['https://northwind.lightning.force.com/lightning/r/Account/0015g00000AbCdEAAZ/related/Contacts/view', 'salesforce', 'salesforce:0015g00000AbCdEAAZ'],
    ['https://northwind.lightning.force.com/lightning/r/Contact/0035g00000JaNeDAAR/view?ws=%2Flightning%2Fr%2FAccount', 'salesforce', 'salesforce:0035g00000JaNeDAAR'],
    ['https://northwind--uat.sandbox.lightning.force.com/lightning/r/Lead/00Q5g00000CaMiLAAZ/view', 'salesforce', 'salesforce:00Q5g00000CaMiLAAZ'],
    ['https://northwind.lightning.force.com/one/one.app#/sObject/0065g00000OpRnWAAR/view', 'salesforce', 'salesforce:0065g00000OpRnWAAR'],
    ['https://northwind.lightning.force.com/one/one.app#/sObject/0065g00000OpRnW', 'salesforce', 'salesforce:0065g00000OpRnW'],
    ['https://brauhaus.my.salesforce.com/0015g00000BrHsS', 'salesforce', 'salesforce:0015g00000BrHsS'],
    ['https://brauhaus.my.salesforce.com/0035g00000JaNeDAAR?srPos=0&srKp=003', 'salesforce', 'salesforce:0035g00000JaNeDAAR'],
    ['https://brauhaus--dev.sandbox.my.salesforce.com/00Q5g00000CaMiL', 'salesforce', 'salesforce:00Q5g00000CaMiL'],
    ['https://na85.salesforce.com/0015g00000BrHsS', 'salesforce', 'salesforce:0015g00000BrHsS'],
    // HubSpot: regional hosts, legacy paths map to the 0-x type numbers
    ['https://app.hubspot.com/contacts/4400123/record/0-1/75001', 'hubspot', 'hubspot:4400123:0-1:75001'],
    ['https://app-eu1.hubspot.com/contacts/4400123/record/0-2/9001/', 'hubspot', 'hubspot:4400123:0-2:9001'],
    ['https://app-na2.hubspot.com/contacts/4400123/record/0-3/555001?interaction=note', 'hubspot', 'hubspot:4400123:0-3:555001'],
    ['https://app.hubspot.com/contacts/4400123/contact/75002/', 'hubspot', 'hubspot:4400123:0-1:75002'],
    ['https://app.hubspot.com/contacts/4400123/company/9001', 'hubspot', 'hubspot:4400123:0-2:9001'],
    ['https://app.hubspot.com/contacts/4400123/deal/555001', 'hubspot', 'hubspot:4400123:0-3:555001'],
  ])('%s -> %s %s', (href, site, key) => {
    const url = new URL(href);
    expect(adapterFor(url)?.site).toBe(site);
    expect(pageKeyFor(url)).toBe(key);
    const ctx = readPage(document.implementation.createHTMLDocument(''), url);
    expect(ctx).toMatchObject({ site, pageKey: key, readable: false });
  });

  it.each([
    'https://www.linkedin.com/feed/',
    'https://www.linkedin.com/',
    'https://www.linkedin.com/in/',
    'https://www.linkedin.com/school/bellows-college/',
    'https://www.linkedin.com/search/results/people/?keywords=jane',
    'https://www.linkedin.com/messaging/thread/2-abc/',
    'https://www.linkedin.com/mynetwork/',
    'https://www.linkedin.com/jobs/view/123456/',
    'https://www.linkedin.com/company/setup/new/',
    'https://www.linkedin.com/sales/home',
    'https://www.linkedin.com.evil.example/in/jane-doe/',
    'https://evil-linkedin.com/in/jane-doe/',
    'file:///in/jane-doe/',
    'https://northwind.lightning.force.com/lightning/page/home',
    'https://northwind.lightning.force.com/lightning/o/Account/list',
    'https://northwind.lightning.force.com/lightning/r/Case/5005g00000AbCdEAAZ/view',
    'https://northwind.lightning.force.com/lightning/r/Account/0015g00000AbC/view',
    'https://northwind.lightning.force.com/lightning/setup/SetupOneHome/home',
    'https://brauhaus.my.salesforce.com/home/home.jsp',
    'https://login.salesforce.com/0015g00000BrHsS',
    'https://example.com/lightning/r/Account/0015g00000AbCdEAAZ/view',
    'https://app.hubspot.com/contacts/4400123/objects/0-1/views/all/list',
    'https://app.hubspot.com/contacts/4400123/record/0-5/1234',
    'https://app.hubspot.com/reports-dashboard/4400123',
    'https://www.hubspot.com/contacts/4400123/record/0-1/75001',
    'https://app.hubspot.com.evil.example/contacts/4400123/record/0-1/75001',
  ])('%s is unsupported', (href) => {
    const url = new URL(href);
    expect(adapterFor(url)).toBeUndefined();
    expect(pageKeyFor(url)).toBeUndefined();
    expect(readPage(document.implementation.createHTMLDocument(''), url)).toEqual({ kind: 'unsupported', url: url.href });
  });
});

describe('Sales Navigator 2026', () => {
  const LEAD_EN = 'https://www.linkedin.com/sales/lead/ACwAAC7mQ2kBx-91pLr4zW6yHcTn8eVd3aJs5uQ,NAME_SEARCH,k2Rf';
  const LEAD_NO_PAGE = 'https://www.linkedin.com/sales/lead/ACwAAB9sK3dLm-28qWe5rT7yUi0oP4aSd1fGh6j,NAME_SEARCH,Xy7a';
  const SEARCH = 'https://www.linkedin.com/sales/search/people?query=(spellCorrectionEnabled%3Atrue%2Ckeywords%3Afinance)&sessionId=Qx1uV7b3S2y9kQ0tZP4mBw%3D%3D';
  const person = (ctx: PageContext) => (ctx.kind === 'unsupported' ? undefined : ctx.person);
  /** Every company name and id the context names. */
  const companiesOf = (ctx: PageContext) => [person(ctx)?.companyName, person(ctx)?.companyLinkedinId].filter(Boolean);

  it.each([
    ['salesnav-lead-2026-en.html', LEAD_EN, ['Contoso Retail', 'Tailspin Aero', 'Fabrikam Logistics', 'Harbor Lane Studio', 'Lindqvist Advisory', '1035004', '1035006', '1035005']],
    ['salesnav-lead-2026-de.html', 'https://www.linkedin.com/sales/lead/ACwAAD2pL8vQn-47tRk3xY5wJ1mFc6bHs9eTz0a,NAME_SEARCH,Lm4x', ['Relecloud', 'Contoso Retail', 'Northwind Analytics', '1035015', '1035004', '1035001']],
    ['salesnav-lead-2026-no-company-page.html', LEAD_NO_PAGE, ['Tailspin Aero', '1035006', 'Relecloud', '1035015']],
    ['salesnav-search-panel-2026.html', SEARCH, ['Contoso Retail', 'Relecloud', 'Datum Robotics', 'Tailspin Aero', '1035004', '1035015', '1035025', '1035006']],
  ])('%s: other leads\' companies and past employers are never taken', (file, url, others) => {
    const ctx = readPage(load(file), new URL(url));
    for (const other of others) expect(companiesOf(ctx)).not.toContain(other);
    expect(JSON.stringify(person(ctx))).not.toMatch(/Victor Viewer|Sales Navigator|Basic lead information/);
  });

  it('a current company without a Sales Navigator page keeps its name and gets no id (not a past employer\'s)', () => {
    const ctx = readPage(load('salesnav-lead-2026-no-company-page.html'), new URL(LEAD_NO_PAGE));
    expect(person(ctx)).toMatchObject({ companyName: 'Datum Robotics' });
    expect(person(ctx)?.companyLinkedinId).toBeUndefined();
  });

  it('never takes an accessibility <h1> as the name', () => {
    const doc = load('salesnav-lead-2026-en.html');
    // Without the name hooks, the a11y <h1>s ("Sales Navigator Lead Page", "Basic lead information for …")
    // and the visible section <h1>s ("Lead IQ", "About") are all that is left: the title gives the name.
    for (const el of doc.querySelectorAll('[data-x--lead--name]')) el.removeAttribute('data-x--lead--name');
    for (const el of doc.querySelectorAll('h1[data-anonymize]')) el.removeAttribute('data-anonymize');
    const ctx = readPage(doc, new URL(LEAD_EN));
    expect(ctx).toMatchObject({ readable: true, person: { name: 'Maya Lindqvist' } });
    expect(ctx.kind !== 'unsupported' && ctx.signals).toContain('title');
    // And with no usable title either, no name at all rather than a heading.
    doc.title = 'Sales Navigator';
    const bare = readPage(doc, new URL(LEAD_EN));
    expect(bare).toMatchObject({ readable: false });
    expect(person(bare)?.name).toBeUndefined();
  });

  it('the search page: the panel\'s lead is the subject, keyed by the lead id of its link', () => {
    const url = new URL(SEARCH);
    expect(adapterFor(url)?.site).toBe('salesnav');
    expect(pageKeyFor(url)).toBeUndefined(); // the URL alone does not say who
    const ctx = readPage(load('salesnav-search-panel-2026.html'), url);
    expect(ctx).toMatchObject({ kind: 'person', readable: true, pageKey: 'salesnav:lead:ACwAAJ8rF1gHi-06jKl2mNo4pQr6sTu8vWx0yZa' });
    expect(ctx.kind !== 'unsupported' && ctx.signals).toEqual(expect.arrayContaining(['search-panel', 'panel-lead-link', 'sales-company-urn']));
  });

  it('a search page without a panel is not readable and names nobody', () => {
    const doc = load('salesnav-search-panel-2026.html');
    doc.getElementById('inline-sidesheet-outlet')!.replaceChildren();
    const ctx = readPage(doc, new URL(SEARCH));
    expect(ctx).toMatchObject({ kind: 'person', site: 'salesnav', readable: false, pageKey: 'salesnav:search:people' });
    expect(person(ctx)).toBeUndefined();
    expect(readySelectorsFor(new URL(SEARCH)).some((s) => doc.querySelector(s))).toBe(false);
  });

  it('a panel whose own lead cannot be told apart is not readable', () => {
    const doc = load('salesnav-search-panel-2026.html');
    const panel = doc.querySelector('#inline-sidesheet-outlet aside')!;
    const other = doc.createElement('a');
    other.href = '/sales/lead/ACwAAH6pD9eFg-84hIj0kLm2nOp4qRs6tUv8wXy,NAME_SEARCH,Ef1x';
    panel.append(other);
    expect(readPage(doc, new URL(SEARCH))).toMatchObject({ readable: false, pageKey: 'salesnav:search:people' });
  });

  it('unknown layouts give undefined, not a wrong company', () => {
    // A current-role block whose first position names two companies.
    const doc = load('salesnav-lead-2026-en.html');
    const first = doc.querySelector('[data-sn-view-name="lead-current-role"] li')!;
    const extra = doc.createElement('span');
    extra.setAttribute('data-anonymize', 'company-name');
    extra.textContent = 'Contoso Retail';
    first.append(extra);
    expect(person(readPage(doc, new URL(LEAD_EN)))?.companyName).toBeUndefined();

    // No current-role block and no lead card: company-name hooks elsewhere on the page are not the lead's.
    const bare = load('salesnav-lead-2026-en.html');
    bare.querySelector('[data-sn-view-name="lead-current-role"]')!.remove();
    const ctx = readPage(bare, new URL(LEAD_EN));
    expect(ctx).toMatchObject({ readable: true, person: { name: 'Maya Lindqvist' } });
    expect(companiesOf(ctx)).toEqual([]);

    // A company link whose urn and href disagree: no id.
    const mixed = load('salesnav-lead-2026-en.html');
    mixed.querySelector('[data-sn-view-name="lead-current-role"] li a[data-anonymize="company-name"]')!.setAttribute('href', '/sales/company/1035004');
    expect(person(readPage(mixed, new URL(LEAD_EN)))).toMatchObject({ companyName: 'Relecloud' });
    expect(person(readPage(mixed, new URL(LEAD_EN)))?.companyLinkedinId).toBeUndefined();
  });

  it('an account page never takes a hovercard\'s or a similar account\'s name or facts', () => {
    const doc = load('salesnav-company-2026.html');
    const url = new URL('https://www.linkedin.com/sales/company/1035025');
    doc.querySelector('[data-x--account--name]')!.remove();
    const ctx = readPage(doc, url);
    expect(ctx).toMatchObject({ readable: true, company: { name: 'Datum Robotics', industry: 'Robotics Engineering', linkedinId: '1035025' } });
    expect(JSON.stringify(ctx)).not.toMatch(/Tailspin|Fabrikam|Aviation|Victor/);
  });

  it('records which hooks it used, by name', () => {
    const ctx = readPage(load('salesnav-lead-2026-en.html'), new URL(LEAD_EN));
    expect(ctx.kind !== 'unsupported' && ctx.signals).toEqual([
      'url', 'data-anonymize:person-name', 'data-anonymize:job-title', 'data-anonymize:company-name', 'sales-company-urn', 'sn-view:lead-current-role',
      'evidence:save-cta', 'evidence:name-sublabel',
    ]);
  });
});

describe('dom helpers', () => {
  it.each([
    ['https://www.northwind-analytics.com/', 'northwind-analytics.com'],
    ['http://WWW.Brauhaus-Systems.DE/de/kontakt?x=1#top', 'brauhaus-systems.de'],
    ['northwind-analytics.com', 'northwind-analytics.com'],
    ['www.northwind-analytics.com/about', 'northwind-analytics.com'],
    ['//cdn.contoso-retail.com/x', 'cdn.contoso-retail.com'],
    ['https://www2.contoso-retail.com:8443/', 'contoso-retail.com'],
    ['https://shop.contoso-retail.co.uk', 'shop.contoso-retail.co.uk'],
    ['https://www.linkedin.com/redir/redirect?url=https%3A%2F%2Fwww%2Econtoso-retail%2Ecom%2Fabout&urlhash=Q1x2', 'contoso-retail.com'],
    ['https://www.google.com/url?q=https://atelier-lumiere.fr/&sa=D', 'atelier-lumiere.fr'],
    ['  https://atelier-lumiere.fr.  ', 'atelier-lumiere.fr'],
    ['https://münchen-brau.de', 'xn--mnchen-brau-thb.de'],
    ['mailto:jane@northwind-analytics.com', undefined],
    ['javascript:alert(1)', undefined],
    ['Visit website', undefined],
    ['localhost', undefined],
    ['', undefined],
    [null, undefined],
  ])('domainFromUrl(%j) = %j', (raw, domain) => expect(domainFromUrl(raw)).toBe(domain));

  it.each([
    ['201-500 employees', 500],
    ['10,001+ employees', 10001],
    ['1.001-5.000 Mitarbeiter', 5000],
    ['1.001–5.000 Mitarbeiter', 5000],
    ['201-500 Mitarbeiter', 500],
    ['201 à 500 employés', 500],
    ['1\u202f001 à 5\u202f000 employés', 5000],
    ['10 001 salariés et plus', 10001],
    ['201-500 empleados', 500],
    ['201 a 500 empleados', 500],
    ['2-10 employees', 10],
    ['0-1 employees', 1],
    ['10K+', 10000],
    ['312', 312],
    ['Myself only', undefined],
    ['', undefined],
  ])('parseEmployees(%j) = %j', (text, n) => expect(parseEmployees(text)).toBe(n));

  it('clean collapses whitespace, drops invisible characters and caps without splitting a surrogate pair', () => {
    expect(clean('  Jane \n\t Doe\u200b ')).toBe('Jane Doe');
    expect(clean('   ')).toBeUndefined();
    expect(clean('a'.repeat(5000))).toHaveLength(300);
    const emoji = 'a'.repeat(299) + '😀';
    expect(clean(emoji)).toBe('a'.repeat(299));
  });
});

describe('LinkedIn 2026 layouts: never a wrong company', () => {
  const person = (file: string, href: string) => {
    const ctx = readPage(load(file), new URL(href));
    if (ctx.kind !== 'person') throw new Error('expected a person page');
    return ctx;
  };

  it('takes the company before " · ", never the school after it (Bellows College is also an account)', () => {
    const ctx = person('linkedin-profile-2026-loggedin-popup-it.html', 'https://www.linkedin.com/in/giuliaferrante/');
    expect(ctx.person?.companyName).toBe('Fabrikam Logistics');
    expect(ctx.signals).toContain('topcard-company-line');
    expect(JSON.stringify(ctx.person)).not.toMatch(/Bellows/);
  });

  it('gives no company when the top card shows only a school', () => {
    const ctx = person('linkedin-profile-2026-school-only-en.html', 'https://www.linkedin.com/in/kenji-tanaka-03/');
    expect(ctx.readable).toBe(true);
    expect(ctx.person?.companyName).toBeUndefined();
    expect(JSON.stringify(ctx)).not.toMatch(/Bellows|Datum/);
  });

  it('never takes "You both worked at …"', () => {
    const ctx = person('linkedin-profile-2026-shared-employer-fr.html', 'https://fr.linkedin.com/in/chloe-dubois-5e/');
    expect(ctx.person?.companyName).toBe('Atelier Lumière SA');
    expect(JSON.stringify(ctx)).not.toMatch(/Tailspin|tailspin/);
  });

  it('a company line replaced by "You both worked at …" gives undefined, not that company', () => {
    const doc = load('linkedin-profile-2026-shared-employer-fr.html');
    const line = [...doc.querySelectorAll('[componentkey$="Topcard"] p')].find((p) => p.textContent?.includes(' · '))!;
    line.textContent = 'Vous avez tous les deux travaillé chez Tailspin Aero';
    const ctx = readPage(doc, new URL('https://fr.linkedin.com/in/chloe-dubois-5e/'));
    expect(ctx.kind !== 'unsupported' && ctx.person?.companyName).toBeFalsy();
  });

  it.each([
    ['linkedin-profile-2026-loggedin-topcard-en.html', 'https://www.linkedin.com/in/priya-raman-4c2/', /Datum|Relecloud|Contoso|Tailspin|Litware/],
    ['linkedin-profile-2026-loggedin-popup-it.html', 'https://www.linkedin.com/in/giuliaferrante/', /Tailspin|Contoso|Northwind|Sara Rossi/],
    ['linkedin-profile-2026-loggedin-pending-en.html', 'https://www.linkedin.com/in/antoinemarchal/', /Wingtip|Coho|Southridge|Institut Beaulieu/],
    ['linkedin-profile-2026-loggedin-de.html', 'https://de.linkedin.com/in/lena-vogt-b71/', /Hanseatic|Nordlicht|Hochschule/],
    ['linkedin-profile-guest-de.html', 'https://de.linkedin.com/in/jonas-weber-4a', /Hanseatic|Bellows/],
    ['linkedin-profile-2023-guest-lk.html', 'https://lk.linkedin.com/in/arjun-pereira', /Woodgrove|Lamna|Bellows/],
  ])('%s: other people\'s companies (sidebar, pop-up), schools and past employers are never taken', (file, href, others) => {
    const ctx = person(file, href);
    expect(ctx.person?.companyName).toBeTruthy();
    expect(JSON.stringify(ctx.person)).not.toMatch(others);
  });

  it('a single-name company line without corroboration gives undefined', () => {
    const doc = load('linkedin-profile-2026-loggedin-pending-en.html');
    // Drop the company/school buttons that confirm it, and make the headline silent about it.
    for (const b of doc.querySelectorAll('[componentkey$="Topcard"] [role="button"]')) b.remove();
    const headline = [...doc.querySelectorAll('[componentkey$="Topcard"] p')].find((p) => p.textContent?.includes('CTO'))!;
    headline.textContent = 'Building things';
    const ctx = readPage(doc, new URL('https://www.linkedin.com/in/antoinemarchal/'));
    expect(ctx).toMatchObject({ readable: true, person: { name: 'Antoine Marchal' } });
    expect(ctx.kind !== 'unsupported' && ctx.person?.companyName).toBeFalsy();
  });

  it('a mutated layout (no Topcard componentkey, no h2) gives undefined, never a sidebar company', () => {
    const doc = load('linkedin-profile-2026-loggedin-topcard-en.html');
    for (const el of doc.querySelectorAll('[componentkey$="Topcard"]')) el.removeAttribute('componentkey');
    for (const h of doc.querySelectorAll('h2')) h.replaceWith(...h.childNodes);
    const ctx = readPage(doc, new URL('https://www.linkedin.com/in/priya-raman-4c2/'));
    expect(ctx).toMatchObject({ person: { name: 'Priya Raman', linkedinSlug: 'priya-raman-4c2' } }); // from the title
    expect(ctx.kind !== 'unsupported' && ctx.person?.companyName).toBeFalsy();
  });

  it.each([
    ['linkedin-profile-2026-recent-activity-en.html', 'https://www.linkedin.com/in/priya-raman-4c2/recent-activity/all/'],
    ['linkedin-profile-2026-contact-info-en.html', 'https://www.linkedin.com/in/priya-raman-4c2/overlay/contact-info/'],
  ])('%s: sub-page gives the person from the title, no company from posts or links', (file, href) => {
    const ctx = person(file, href);
    expect(ctx).toMatchObject({ readable: true, pageKey: 'linkedin:in:priya-raman-4c2', person: { name: 'Priya Raman' } });
    expect(ctx.person?.companyName).toBeUndefined();
    expect(ctx.person?.companyLinkedinSlug).toBeUndefined();
  });

  it('sub-page without a usable title: the name from a link back to the profile', () => {
    const doc = load('linkedin-profile-2026-contact-info-en.html');
    doc.title = 'LinkedIn';
    const ctx = readPage(doc, new URL('https://www.linkedin.com/in/priya-raman-4c2/overlay/contact-info/'));
    expect(ctx).toMatchObject({ readable: true, person: { name: 'Priya Raman' }, signals: ['url', 'self-link'] });
  });

  it('interop outer document: kind company, not readable, signal interop-frame (the frame reads it)', () => {
    const ctx = readPage(load('linkedin-company-2026-interop-outer-en.html'), new URL('https://www.linkedin.com/company/relecloud/'));
    expect(ctx).toMatchObject({ kind: 'company', readable: false, pageKey: 'linkedin:company:relecloud' });
    expect(ctx.kind !== 'unsupported' && ctx.signals).toContain('interop-frame');
    expect(JSON.stringify(ctx)).not.toMatch(/Contoso|Northwind|1035004/);
  });

  it('the hidden /preload/ frame on a profile is not taken for an interop company shell', () => {
    const ctx = person('linkedin-profile-2026-loggedin-topcard-en.html', 'https://www.linkedin.com/in/priya-raman-4c2/');
    expect(ctx.signals).not.toContain('interop-frame');
  });

  it('/preload/ URLs map to the page they hold; a bare /preload/ is unsupported', () => {
    expect(pageKeyFor(new URL('https://www.linkedin.com/preload/company/relecloud/about/'))).toBe('linkedin:company:relecloud');
    expect(pageKeyFor(new URL('https://www.linkedin.com/preload/'))).toBeUndefined();
  });

  it('JSON-only company page: the entity whose universalName is the slug, not a similar page or the viewer', () => {
    const ctx = readPage(load('linkedin-company-2026-code-json-en.html'), new URL('https://www.linkedin.com/company/datum-robotics/'));
    expect(ctx).toMatchObject({ readable: true, company: { name: 'Datum Robotics', linkedinId: '1035025' }, signals: ['url', 'code-json'] });
    expect(JSON.stringify(ctx)).not.toMatch(/Relecloud|1035015|Viewer/);
    // Numeric URL: the same entity by id, its slug from the JSON.
    const byId = readPage(load('linkedin-company-2026-code-json-en.html'), new URL('https://www.linkedin.com/company/1035025/'));
    expect(byId).toMatchObject({ company: { name: 'Datum Robotics', linkedinSlug: 'datum-robotics' } });
    // Another slug: nothing in the JSON is about it, so no name from it.
    const other = readPage(load('linkedin-company-2026-code-json-en.html'), new URL('https://www.linkedin.com/company/someone-else/'));
    expect(JSON.stringify(other)).not.toMatch(/Datum|Relecloud/);
  });

  it('a title with a tagline keeps it with the company, and an ambiguous title gives no company', () => {
    const mk = (title: string) => {
      const doc = document.implementation.createHTMLDocument('');
      doc.title = title;
      return readPage(doc, new URL('https://sg.linkedin.com/in/someone'));
    };
    expect(mk("Mei Lin Tan - Relecloud - We&#39;re hiring | LinkedIn")).toMatchObject({ person: { companyName: "Relecloud - We're hiring" } });
    const ambiguous = mk('Mei Lin Tan - Engineer - R - D - Relecloud | LinkedIn');
    expect(ambiguous.kind !== 'unsupported' && ambiguous.person?.companyName).toBeFalsy();
  });
});

describe('fixtures contain no text from the real captures', () => {
  const CAPTURES = join(__dirname, '../../../shared/captures');
  const present = existsSync(CAPTURES);
  it.skipIf(!present)('no real person or company name from a capture appears in tests/fixtures', () => {
    const names = new Set<string>();
    for (const file of readdirSync(CAPTURES).filter((f) => f.startsWith('linkedin-profile-'))) {
      const doc = new DOMParser().parseFromString(readFileSync(join(CAPTURES, file), 'utf8'), 'text/html');
      // The captured person (title), their company line parts and the /in/ and /company/ slugs they link.
      const who = first(doc.title.replace(/\s*\|.*$/, '').split(' - ')).trim();
      if (who.length > 3) names.add(who);
      for (const p of doc.querySelectorAll('[componentkey$="Topcard"] p, .top-card-link__description')) {
        for (const part of (p.textContent ?? '').split(' · ')) if (/^[A-Z][\w ()'-]{4,40}$/.test(part.trim())) names.add(part.trim());
      }
      for (const a of doc.querySelectorAll('a[href*="/in/"], a[href*="/company/"]')) {
        const m = /\/(?:in|company)\/([^/?#]{5,})/.exec(a.getAttribute('href') ?? '');
        if (m?.[1]) names.add(m[1]);
      }
    }
    const ours = readdirSync(DIR).map((f) => readFileSync(join(DIR, f), 'utf8').toLowerCase()).join('\n');
    const ignore = /^(contact info|connections|followers|show all|profile photo|cover photo|personal website|profile enhanced with premium|linkedin)$/i; // UI words, not names
    const leaked = [...names].filter((n) => !ignore.test(n) && ours.includes(n.toLowerCase()));
    expect(names.size).toBeGreaterThan(10);
    expect(leaked).toEqual([]);
  }, 60_000); // parses ~2 MB of captures
});
