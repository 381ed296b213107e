import { describe, expect, it } from 'vitest';
import { detectMapping, headerKey } from '@/lib/io/csv-columns';

const fields = (headers: string[]) => {
  const m = detectMapping(headers);
  return { ...m, named: Object.fromEntries(headers.map((h, i) => [h, m.mapping[i]])) };
};

describe('detectMapping', () => {
  it('normalises headers without case, spaces or punctuation', () => {
    expect(headerKey('  Account_Name ')).toBe('accountname');
    expect(headerKey('Account.Name')).toBe('accountname');
    expect(headerKey('Année fondée')).toBe('anneefondee');
  });

  it('recognises a Salesforce account report in one step', () => {
    const m = fields(['Account Name', 'Account ID', 'Website', 'Employees', 'Industry', 'Billing Country', 'Account Owner', 'Tier']);
    expect(m.kind).toBe('accounts');
    expect(m.system).toBe('salesforce');
    expect(m.named).toEqual({
      'Account Name': 'name',
      'Account ID': 'crmId',
      Website: 'domain',
      Employees: 'employees',
      Industry: 'industry',
      'Billing Country': null,
      'Account Owner': 'owner',
      Tier: 'tier',
    });
    expect(m.unrecognised).toEqual([5]);
  });

  it('recognises a Salesforce contact report: Account Name and Account ID point to the company', () => {
    const m = fields(['First Name', 'Last Name', 'Title', 'Email', 'Contact ID', 'Account Name', 'Account ID', 'Department', 'LinkedIn']);
    expect(m.kind).toBe('contacts');
    expect(m.system).toBe('salesforce');
    expect(m.named).toMatchObject({ 'Contact ID': 'crmId', 'Account Name': 'accountName', 'Account ID': 'accountCrmId', Department: 'department', LinkedIn: 'linkedinUrl', Title: 'title' });
    expect(m.unrecognised).toEqual([]);
  });

  it('recognises HubSpot company and contact exports', () => {
    const c = fields(['Record ID', 'Company name', 'Company Domain Name', 'Number of Employees', 'LinkedIn Company Page', 'Year Founded', 'Company owner']);
    expect(c).toMatchObject({ kind: 'accounts', system: 'hubspot', unrecognised: [] });
    expect(c.named).toEqual({
      'Record ID': 'crmId',
      'Company name': 'name',
      'Company Domain Name': 'domain',
      'Number of Employees': 'employees',
      'LinkedIn Company Page': 'linkedinUrl',
      'Year Founded': 'founded',
      'Company owner': 'owner',
    });
    const p = fields(['Record ID', 'First Name', 'Last Name', 'Job Title', 'Email', 'Associated Company', 'Associated Company IDs', 'Contact owner', 'Lifecycle Stage']);
    expect(p).toMatchObject({ kind: 'contacts', system: 'hubspot', unrecognised: [8] });
    expect(p.named).toMatchObject({ 'Record ID': 'crmId', 'Associated Company': 'accountName', 'Associated Company IDs': 'accountCrmId', 'Contact owner': 'owner', 'Job Title': 'title' });
  });

  it('recognises Sales Navigator and LinkedIn connection exports', () => {
    const s = fields(['First Name', 'Last Name', 'Job Title', 'Company Name', 'Person Linkedin Url', 'Company LinkedIn URL', 'Email Address']);
    expect(s).toMatchObject({ kind: 'contacts', system: 'linkedin', unrecognised: [] });
    expect(s.named).toMatchObject({ 'Person Linkedin Url': 'linkedinUrl', 'Company LinkedIn URL': 'accountLinkedinUrl', 'Company Name': 'accountName', 'Email Address': 'email' });
    const l = fields(['First Name', 'Last Name', 'URL', 'Email Address', 'Company', 'Position', 'Connected On']);
    expect(l).toMatchObject({ kind: 'contacts', system: 'linkedin', unrecognised: [] });
    expect(l.named).toMatchObject({ URL: 'linkedinUrl', Company: 'accountName', Position: 'title', 'Connected On': 'connected' });
  });

  it('maps Salesforce Data Loader and HubSpot internal names too', () => {
    expect(fields(['Id', 'Name', 'Website', 'NumberOfEmployees', 'Owner.Name']).named).toEqual({ Id: 'crmId', Name: 'name', Website: 'domain', NumberOfEmployees: 'employees', 'Owner.Name': 'owner' });
    expect(fields(['hs_object_id', 'firstname', 'lastname', 'jobtitle', 'email', 'company']).named).toMatchObject({ hs_object_id: 'crmId', jobtitle: 'title', company: 'accountName' });
  });

  it('leaves unknown and repeated columns unmapped; a generic sheet is generic', () => {
    const m = fields(['Company', 'Favourite colour', 'Company']);
    expect(m).toMatchObject({ kind: 'accounts', system: 'generic', unrecognised: [1] });
    expect(m.mapping).toEqual({ 0: 'name', 1: null, 2: null });
  });
});
