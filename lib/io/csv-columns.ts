/**
 * Column recognition for CSV imports (DOMAIN.md section 4): Salesforce reports and Data Loader
 * exports, HubSpot exports (labels and internal property names), Sales Navigator / LinkedIn
 * exports, and generic sheets. Headers are compared without case, spaces or punctuation, so
 * "Account Name", "account_name" and "Account.Name" are the same column.
 */

export type AccountField = 'name' | 'domain' | 'employees' | 'founded' | 'linkedinUrl' | 'linkedinId' | 'crmId' | 'owner' | 'tier' | 'industry';
export type ContactField =
  | 'firstName'
  | 'lastName'
  | 'fullName'
  | 'title'
  | 'email'
  | 'linkedinUrl'
  | 'accountName'
  | 'accountCrmId'
  | 'crmId'
  | 'department'
  | 'connected'
  | 'owner'
  | 'accountDomain'
  | 'accountLinkedinUrl'
  | 'xHandle';
export type FieldKey = AccountField | ContactField;

export type ImportKind = 'accounts' | 'contacts';
export type SourceSystem = 'salesforce' | 'hubspot' | 'linkedin' | 'generic';

export interface ColumnMapping {
  kind: ImportKind;
  /** Column index -> field; null = ignored. */
  mapping: Record<number, FieldKey | null>;
  /** Columns with a header we did not recognise (mapped to null). */
  unrecognised: number[];
  system: SourceSystem;
}

/** Fields a person can map a column to by hand, with labels for the mapping screen. */
export const ACCOUNT_FIELDS: Record<AccountField, string> = {
  name: 'Company name',
  domain: 'Website / domain',
  employees: 'Employees',
  founded: 'Year founded',
  linkedinUrl: 'LinkedIn company page',
  linkedinId: 'LinkedIn company id',
  crmId: 'CRM record id',
  owner: 'Account owner',
  tier: 'Tier',
  industry: 'Industry',
};
export const CONTACT_FIELDS: Record<ContactField, string> = {
  firstName: 'First name',
  lastName: 'Last name',
  fullName: 'Full name',
  title: 'Job title',
  email: 'Email',
  linkedinUrl: 'LinkedIn profile',
  accountName: 'Company name',
  accountCrmId: 'Company CRM id',
  crmId: 'Contact CRM id',
  department: 'Department',
  connected: 'Connected on LinkedIn',
  owner: 'Contact owner',
  accountDomain: 'Company website / domain',
  accountLinkedinUrl: 'Company LinkedIn page',
  xHandle: 'X / Twitter handle',
};

/** "Account Name" -> "accountname". */
export function headerKey(header: string): string {
  return header
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

const ACCOUNT_HEADERS: Record<AccountField, string[]> = {
  name: ['accountname', 'companyname', 'company', 'name', 'organization', 'organisation', 'organizationname', 'organisationname', 'account'],
  domain: ['website', 'companydomainname', 'domain', 'companywebsite', 'websiteurl', 'url', 'companydomain', 'web'],
  employees: ['employees', 'numberofemployees', 'employeecount', 'companysize', 'size', 'headcount', 'noofemployees', 'employeerange', 'companyheadcount'],
  founded: ['yearfounded', 'founded', 'foundedyear', 'foundingyear'],
  linkedinUrl: ['linkedin', 'linkedincompanypage', 'linkedinurl', 'companylinkedinurl', 'linkedincompanyurl', 'linkedinpage', 'linkedincompanypageurl', 'companylinkedin', 'linkedinprofile'],
  linkedinId: ['linkedincompanyid', 'companylinkedinid', 'linkedinid'],
  crmId: ['accountid', 'recordid', 'id', 'companyid', 'hsobjectid', 'salesforceid', 'sfdcid', 'accountid18', 'account18digitid', '18digitaccountid', 'accountid15', 'hubspotcompanyid'],
  owner: ['accountowner', 'companyowner', 'owner', 'ownername', 'accountownername', 'accountownerfullname', 'hubspotowner', 'hubspotownerid', 'salesowner'],
  tier: ['tier', 'accounttier', 'targettier', 'abmtier', 'tiercovertier', 'idealcustomerprofiletier', 'icptier', 'hsidealcustomerprofile'],
  industry: ['industry', 'sector', 'vertical'],
};

const CONTACT_HEADERS: Record<ContactField, string[]> = {
  firstName: ['firstname', 'givenname', 'forename'],
  lastName: ['lastname', 'surname', 'familyname'],
  fullName: ['name', 'fullname', 'contactname', 'contact', 'personname', 'leadname', 'contactfullname'],
  title: ['title', 'jobtitle', 'position', 'headline', 'currenttitle', 'currentposition'],
  email: ['email', 'emailaddress', 'workemail', 'businessemail', 'primaryemail', 'emails', 'mail'],
  linkedinUrl: ['linkedinurl', 'profileurl', 'personlinkedinurl', 'linkedin', 'linkedinprofile', 'linkedinprofileurl', 'url', 'publicprofileurl', 'linkedinmemberurl'],
  accountName: ['accountname', 'company', 'companyname', 'associatedcompany', 'organization', 'organisation', 'currentcompany', 'employer', 'account', 'accountaccountname', 'companyaccountname'],
  accountCrmId: ['accountid', 'associatedcompanyids', 'associatedcompanyid', 'associatedcompanyidsprimary', 'companyid', 'accountid18', 'accountaccountid', 'associatedcompanyrecordid'],
  crmId: ['contactid', 'recordid', 'id', 'hsobjectid', 'contactid18', 'leadid', 'contactid15', 'hubspotcontactid'],
  department: ['department', 'dept', 'function', 'jobfunction'],
  connected: ['connectedon', 'connected', 'connectiondate', 'connectedonlinkedin'],
  owner: ['contactowner', 'owner', 'ownername', 'accountowner', 'leadowner', 'hubspotowner', 'hubspotownerid'],
  accountDomain: ['companydomainname', 'companydomain', 'website', 'companywebsite', 'domain', 'accountwebsite', 'companywebsiteurl'],
  accountLinkedinUrl: ['companylinkedinurl', 'companylinkedin', 'linkedincompanypage', 'companylinkedinpage', 'companylinkedinprofile', 'companyprofileurl'],
  xHandle: ['twitterusername', 'twitter', 'twitterhandle', 'xhandle', 'twitterprofile', 'xusername'],
};

const invert = <F extends string>(table: Record<F, string[]>) => {
  const out = new Map<string, F>();
  for (const [field, keys] of Object.entries(table) as [F, string[]][]) for (const k of keys) if (!out.has(k)) out.set(k, field);
  return out;
};
const ACCOUNT_LOOKUP = invert(ACCOUNT_HEADERS);
const CONTACT_LOOKUP = invert(CONTACT_HEADERS);

/** Any of these makes the file a list of people. */
const PERSON_HEADERS = new Set([
  'firstname', 'lastname', 'fullname', 'contactname', 'email', 'emailaddress', 'workemail', 'contactid', 'profileurl',
  'personlinkedinurl', 'connectedon', 'jobtitle', 'title', 'position', 'leadid', 'associatedcompany', 'associatedcompanyids',
]);

const SYSTEM_HINTS: Record<Exclude<SourceSystem, 'generic'>, string[]> = {
  salesforce: [
    'accountid', 'contactid', 'accountowner', 'billingcountry', 'billingcity', 'billingstate', 'billingstreet', 'mailingcountry',
    'mailingcity', 'accountaccountname', 'leadsource', 'createdalias', 'accountid18', 'contactid18', 'leadid', 'accountownername',
    'salesforceid', 'sfdcid', 'lastactivity', 'accountsite', 'accounttype', 'parentaccount',
  ],
  hubspot: [
    'recordid', 'companydomainname', 'associatedcompany', 'associatedcompanyids', 'associatedcompanyidsprimary', 'contactowner',
    'companyowner', 'lifecyclestage', 'hsobjectid', 'linkedincompanypage', 'leadstatus', 'hubspotowner', 'hubspotownerid',
    'lastactivitydate', 'createdate', 'twitterusername',
  ],
  linkedin: [
    'connectedon', 'profileurl', 'personlinkedinurl', 'companylinkedinurl', 'emailaddress', 'position', 'headline',
    'linkedinmemberurl', 'publicprofileurl', 'url',
  ],
};

/**
 * Recognise a file's columns. A header row naming people (first/last name, email, job title,
 * profile URL …) makes it a contact list; otherwise it is a list of accounts. When two columns
 * claim the same field, the first one wins and the other is left unmapped.
 */
export function detectMapping(headers: string[]): ColumnMapping {
  const keys = headers.map(headerKey);
  const kind: ImportKind = keys.some((k) => PERSON_HEADERS.has(k)) ? 'contacts' : 'accounts';
  const lookup: Map<string, FieldKey> = kind === 'contacts' ? CONTACT_LOOKUP : ACCOUNT_LOOKUP;

  const mapping: Record<number, FieldKey | null> = {};
  const unrecognised: number[] = [];
  const taken = new Set<FieldKey>();
  keys.forEach((k, i) => {
    const field = lookup.get(k) ?? null;
    if (field && !taken.has(field)) {
      mapping[i] = field;
      taken.add(field);
    } else {
      mapping[i] = null;
      if (!field) unrecognised.push(i);
    }
  });
  return { kind, mapping, unrecognised, system: detectSystem(keys) };
}

function detectSystem(keys: string[]): SourceSystem {
  let best: SourceSystem = 'generic';
  let bestScore = 0;
  for (const [system, hints] of Object.entries(SYSTEM_HINTS) as [SourceSystem, string[]][]) {
    const score = keys.filter((k) => hints.includes(k)).length;
    if (score > bestScore) {
      best = system;
      bestScore = score;
    }
  }
  return best;
}

/** Fields a mapping of this kind may use. */
export function fieldsFor(kind: ImportKind): Record<string, string> {
  return kind === 'accounts' ? ACCOUNT_FIELDS : CONTACT_FIELDS;
}
