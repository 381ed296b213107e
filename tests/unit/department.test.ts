import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEPARTMENT_LABELS,
  SENIORITIES,
  departmentFromTitle,
  seniorityFromTitle,
  suggestBuyingRole,
  type Seniority,
} from '../../lib/domain/department';
import { BUYING_ROLES, DEPARTMENTS, type BuyingRole, type Department } from '../../lib/domain/schema';

/** [title or LinkedIn headline, department, seniority, suggested buying role]. */
type Row = readonly [title: string, department: Department, seniority: Seniority, role: BuyingRole];

const ENGLISH: readonly Row[] = [
  ['CEO', 'executive', 'c-level', 'decision-maker'],
  ['Founder', 'executive', 'c-level', 'decision-maker'],
  ['Co-Founder & CEO', 'executive', 'c-level', 'decision-maker'],
  ['Managing Director', 'executive', 'c-level', 'decision-maker'],
  ['President & CEO', 'executive', 'c-level', 'decision-maker'],
  ['Owner', 'executive', 'c-level', 'decision-maker'],
  ['Small Business Owner', 'executive', 'c-level', 'decision-maker'],
  ['Chairman of the Board', 'executive', 'c-level', 'decision-maker'],
  ['General Manager', 'executive', 'c-level', 'decision-maker'],
  ['Partner', 'executive', 'c-level', 'decision-maker'],
  ['Chief of Staff to the CEO', 'executive', 'director', 'decision-maker'], // runs the CEO office; senior but no budget of their own
  ['Executive Assistant to the CEO', 'executive', 'individual', 'user'], // the assistant, not the CEO
  ['Board Member', 'executive', 'c-level', 'decision-maker'],
  ['Founder @ Acme | Helping B2B SaaS scale', 'executive', 'c-level', 'decision-maker'],
  ['CEO & Founder 🚀 | Forbes 30 Under 30', 'executive', 'c-level', 'decision-maker'],
  ['I help CFOs close the books faster | Founder, Ledgerly', 'executive', 'c-level', 'decision-maker'],
  ['Chief Digital Officer', 'executive', 'c-level', 'decision-maker'], // no single function: general management
  ['Country Manager', 'executive', 'head', 'decision-maker'], // runs a country subsidiary: general management, decision maker
  ['C.E.O.', 'executive', 'c-level', 'decision-maker'],
  ['CTO', 'engineering', 'c-level', 'decision-maker'],
  ['Chief Technology Officer', 'engineering', 'c-level', 'decision-maker'],
  ['VP of Engineering', 'engineering', 'vp', 'decision-maker'],
  ['Director of Engineering', 'engineering', 'director', 'decision-maker'],
  ['Engineering Manager', 'engineering', 'manager', 'influencer'],
  ['Senior Software Engineer', 'engineering', 'individual', 'user'],
  ['Staff Engineer', 'engineering', 'individual', 'user'],
  ['Frontend Developer', 'engineering', 'individual', 'user'],
  ['DevOps Engineer', 'engineering', 'individual', 'user'],
  ['Site Reliability Engineer', 'engineering', 'individual', 'user'],
  ['QA Engineer', 'engineering', 'individual', 'user'],
  ['Head of R&D', 'engineering', 'head', 'decision-maker'],
  ['Tech Lead', 'engineering', 'manager', 'influencer'],
  ['Founder & CTO', 'engineering', 'c-level', 'decision-maker'],
  ['Senior Software Engineer (Backend) at Shopify', 'engineering', 'individual', 'user'],
  ['Member of Technical Staff', 'engineering', 'individual', 'user'],
  ['VP Eng', 'engineering', 'vp', 'decision-maker'],
  ['Web Developer', 'engineering', 'individual', 'user'],
  ['Scrum Master', 'engineering', 'individual', 'user'],
  ['CIO', 'it', 'c-level', 'decision-maker'],
  ['IT Manager', 'it', 'manager', 'influencer'],
  ['Head of IT', 'it', 'head', 'decision-maker'],
  ['Head of Infrastructure', 'it', 'head', 'decision-maker'],
  ['Director of Information Technology', 'it', 'director', 'decision-maker'],
  ['CISO', 'it', 'c-level', 'decision-maker'],
  ['Systems Administrator', 'it', 'individual', 'user'],
  ['Network Engineer', 'it', 'individual', 'user'],
  ['IT Support Specialist', 'it', 'individual', 'user'],
  ['Help Desk Technician', 'it', 'individual', 'user'],
  ['Information Security Analyst', 'it', 'individual', 'user'],
  ['Database Administrator', 'it', 'individual', 'user'],
  ['VP, IT', 'it', 'vp', 'decision-maker'],
  ['IT Project Manager', 'it', 'manager', 'influencer'],
  ['Enterprise Architect', 'it', 'individual', 'user'],
  ['Head of IT & Security', 'it', 'head', 'decision-maker'],
  ['Cybersecurity Engineer', 'it', 'individual', 'user'],
  ['CFO', 'finance', 'c-level', 'decision-maker'],
  ['VP Finance at Northwind Analytics', 'finance', 'vp', 'decision-maker'],
  ['VP, Financial Planning', 'finance', 'vp', 'decision-maker'],
  ['Financial Controller', 'finance', 'manager', 'influencer'],
  ['Senior Accountant', 'finance', 'individual', 'user'],
  ['FP&A Manager', 'finance', 'manager', 'influencer'],
  ['Head of Tax', 'finance', 'head', 'decision-maker'],
  ['Accounts Payable Specialist', 'finance', 'individual', 'user'],
  ['Investor Relations Director', 'finance', 'director', 'decision-maker'],
  ['Internal Auditor', 'finance', 'individual', 'user'],
  ['Fractional CFO for SaaS startups', 'finance', 'c-level', 'decision-maker'],
  ['IT Finance Manager', 'finance', 'manager', 'influencer'], // finance for IT, not IT
  ['Senior Vice President, Treasury', 'finance', 'vp', 'decision-maker'],
  ['Assistant Vice President, Risk', 'finance', 'manager', 'influencer'], // AVP is a mid-level banking title
  ['Director (Finance)', 'finance', 'director', 'decision-maker'],
  ['CMO', 'marketing', 'c-level', 'decision-maker'],
  ['Chief Marketing Officer', 'marketing', 'c-level', 'decision-maker'],
  ['VP Marketing', 'marketing', 'vp', 'decision-maker'],
  ['Head of Demand Gen', 'marketing', 'head', 'decision-maker'],
  ['Head of Growth | Ex-Google', 'marketing', 'head', 'decision-maker'], // growth is a marketing function; the ex-employer is ignored
  ['Content Marketing Manager', 'marketing', 'manager', 'influencer'],
  ['SEO Specialist', 'marketing', 'individual', 'user'],
  ['Social Media Manager', 'marketing', 'manager', 'influencer'],
  ['Brand Manager', 'marketing', 'manager', 'influencer'],
  ['Product Marketing Manager', 'marketing', 'manager', 'influencer'],
  ['Marketing Coordinator', 'marketing', 'individual', 'user'],
  ['Director of Communications', 'marketing', 'director', 'decision-maker'],
  ['PR Manager', 'marketing', 'manager', 'influencer'],
  ['Event Manager', 'marketing', 'manager', 'influencer'],
  ['Creative Director', 'marketing', 'director', 'decision-maker'],
  ['Sr. Mgr, Demand Gen', 'marketing', 'manager', 'influencer'],
  ['Helping B2B companies grow revenue | Fractional CMO', 'marketing', 'c-level', 'decision-maker'],
  ['🚀 Growth Marketing Lead | Speaker | Podcast host', 'marketing', 'manager', 'influencer'],
  ['Marketing & Sales Director', 'marketing', 'director', 'decision-maker'], // first named function wins
  ['Director of Operations, Marketing', 'marketing', 'director', 'decision-maker'], // marketing operations sits in marketing
  ['Marketing Intern', 'marketing', 'individual', 'user'],
  ['Media Buyer', 'marketing', 'individual', 'user'],
  ['CRO', 'sales', 'c-level', 'decision-maker'],
  ['Chief Revenue Officer (CRO)', 'sales', 'c-level', 'decision-maker'],
  ['Account Executive', 'sales', 'individual', 'user'],
  ['Enterprise Account Executive', 'sales', 'individual', 'user'],
  ['VP Sales @ Acme | Building high-performing teams', 'sales', 'vp', 'decision-maker'],
  ['Regional Sales Manager', 'sales', 'manager', 'influencer'],
  ['Sales Development Representative', 'sales', 'individual', 'user'],
  ['SDR', 'sales', 'individual', 'user'],
  ['Business Development Manager', 'sales', 'manager', 'influencer'],
  ['Head of Partnerships', 'sales', 'head', 'decision-maker'],
  ['Key Account Manager', 'sales', 'manager', 'influencer'],
  ['Sales Engineer', 'sales', 'individual', 'user'],
  ['Solutions Consultant', 'sales', 'individual', 'user'],
  ['Revenue Operations Manager', 'sales', 'manager', 'influencer'],
  ['Sales Operations Analyst', 'sales', 'individual', 'user'],
  ['Area Vice President, Sales', 'sales', 'vp', 'decision-maker'],
  ['Making it happen | Sales Director', 'sales', 'director', 'decision-maker'],
  ['Sales & Marketing Director', 'sales', 'director', 'decision-maker'], // first named function wins
  ['Managing Director, Head of Sales EMEA', 'sales', 'c-level', 'decision-maker'], // the function beats the general-management title
  ['Head of Sales DACH bei SAP', 'sales', 'head', 'decision-maker'],
  ['Dir. of Sales Ops', 'sales', 'director', 'decision-maker'],
  ['Head of Business Development', 'sales', 'head', 'decision-maker'],
  ['Channel Partner Manager', 'sales', 'manager', 'influencer'],
  ['Senior Manager (Sales Ops)', 'sales', 'manager', 'influencer'],
  ['Sales | Marketing | Growth', 'sales', 'unknown', 'unknown'], // no seniority word anywhere
  ['Chief Data Officer', 'data', 'c-level', 'decision-maker'],
  ['Data Scientist', 'data', 'individual', 'user'],
  ['Head of Data', 'data', 'head', 'decision-maker'],
  ['Data Engineer', 'data', 'individual', 'user'],
  ['Analytics Manager', 'data', 'manager', 'influencer'],
  ['BI Analyst', 'data', 'individual', 'user'],
  ['Machine Learning Engineer', 'data', 'individual', 'user'],
  ['Head of AI', 'data', 'head', 'decision-maker'],
  ['Director of Data Science', 'data', 'director', 'decision-maker'],
  ['Marketing Data Scientist', 'data', 'individual', 'user'], // the job (data scientist) beats the area it serves
  ['General Counsel', 'legal', 'head', 'decision-maker'], // heads the legal function
  ['Legal Counsel', 'legal', 'individual', 'user'],
  ['Head of Legal', 'legal', 'head', 'decision-maker'],
  ['Paralegal', 'legal', 'individual', 'user'],
  ['Compliance Manager', 'legal', 'manager', 'influencer'],
  ['Data Protection Officer', 'legal', 'individual', 'user'],
  ['Chief Legal Officer', 'legal', 'c-level', 'decision-maker'],
  ['Senior Commercial Counsel', 'legal', 'individual', 'user'], // a lawyer, not a seller
  ['CHRO', 'hr', 'c-level', 'decision-maker'],
  ['Talent Acquisition', 'hr', 'unknown', 'unknown'], // a function, no seniority
  ['Talent Acquisition Partner | We\'re hiring!', 'hr', 'individual', 'user'],
  ['HR Manager', 'hr', 'manager', 'influencer'],
  ['Technical Recruiter', 'hr', 'individual', 'user'],
  ['Head of People', 'hr', 'head', 'decision-maker'],
  ['People Operations Manager', 'hr', 'manager', 'influencer'],
  ['HR Business Partner', 'hr', 'manager', 'influencer'],
  ['VP Human Resources', 'hr', 'vp', 'decision-maker'],
  ['Chief People Officer', 'hr', 'c-level', 'decision-maker'],
  ['Learning & Development Manager', 'hr', 'manager', 'influencer'],
  ['Payroll Specialist', 'hr', 'individual', 'user'],
  ['Customer Success Manager', 'customer-success', 'manager', 'influencer'],
  ['VP Customer Success', 'customer-success', 'vp', 'decision-maker'],
  ['Head of Customer Experience', 'customer-success', 'head', 'decision-maker'],
  ['Customer Support Specialist', 'customer-success', 'individual', 'user'],
  ['Technical Account Manager', 'customer-success', 'manager', 'influencer'], // post-sale technical owner of the customer
  ['Director, Client Services', 'customer-success', 'director', 'decision-maker'],
  ['Implementation Consultant', 'customer-success', 'individual', 'user'],
  ['Procurement Manager', 'procurement', 'manager', 'influencer'],
  ['Head of Procurement', 'procurement', 'head', 'decision-maker'],
  ['Chief Procurement Officer', 'procurement', 'c-level', 'decision-maker'],
  ['Senior Buyer', 'procurement', 'individual', 'user'],
  ['Strategic Sourcing Lead', 'procurement', 'manager', 'influencer'],
  ['Director, Global Procurement – Indirect Spend', 'procurement', 'director', 'decision-maker'],
  ['Product Manager', 'product', 'manager', 'influencer'],
  ['CPO', 'product', 'c-level', 'decision-maker'],
  ['Senior Product Manager, Growth', 'product', 'manager', 'influencer'], // a product manager working on growth
  ['Product Owner', 'product', 'individual', 'user'],
  ['VP Product', 'product', 'vp', 'decision-maker'],
  ['UX Designer', 'product', 'individual', 'user'],
  ['Product Designer', 'product', 'individual', 'user'],
  ['Director of Product Management', 'product', 'director', 'decision-maker'],
  ['Technical Product Manager', 'product', 'manager', 'influencer'],
  ['COO', 'operations', 'c-level', 'decision-maker'],
  ['Supply Chain', 'operations', 'unknown', 'unknown'], // a function, no seniority
  ['Supply Chain Manager', 'operations', 'manager', 'influencer'],
  ['Operations Manager', 'operations', 'manager', 'influencer'],
  ['Head of Logistics', 'operations', 'head', 'decision-maker'],
  ['Plant Manager', 'operations', 'manager', 'influencer'],
  ['VP Operations', 'operations', 'vp', 'decision-maker'],
  ['Facilities Manager', 'operations', 'manager', 'influencer'],
  ['Office Manager', 'operations', 'manager', 'influencer'], // runs the office: operations
  ['Project Manager', 'other', 'manager', 'influencer'],
  ['Program Manager', 'other', 'manager', 'influencer'],
  ['Business Analyst', 'other', 'individual', 'user'],
  ['Consultant', 'other', 'individual', 'user'],
  ['Open to work', 'other', 'unknown', 'unknown'],
  ['Student at Stanford University', 'other', 'individual', 'user'],
  ['Retired CFO', 'other', 'unknown', 'unknown'], // retired: not a buyer at this account
  ['Angel Investor', 'other', 'unknown', 'unknown'],
  ['VP Sales EMEA at Acme | Ex-Oracle | Dad of 3', 'sales', 'vp', 'decision-maker'],
  ['Head of Customer Success 💙 | Building happy customers', 'customer-success', 'head', 'decision-maker'],
  ['Data Scientist • NLP • Python', 'data', 'individual', 'user'],
  ['CFO @ Northwind | CPA', 'finance', 'c-level', 'decision-maker'],
  ['Senior Recruiter - Hiring engineers in Berlin!', 'hr', 'individual', 'user'],
  ['Passionate about people | HR Generalist', 'hr', 'individual', 'user'],
  ['Fractional COO for founders', 'operations', 'c-level', 'decision-maker'],
  ['Senior Manager, IT Infrastructure & Cloud Operations', 'it', 'manager', 'influencer'],
  ['Sr. Director, Product Marketing', 'marketing', 'director', 'decision-maker'],
  ['Global Head of Procurement · Speaker · Mentor', 'procurement', 'head', 'decision-maker'],
  ['Vice President of Engineering | Ex-Meta, Ex-Stripe', 'engineering', 'vp', 'decision-maker'],
  ['Chief Customer Officer', 'customer-success', 'c-level', 'decision-maker'],
  ['COO & CFO', 'operations', 'c-level', 'decision-maker'], // two chief roles: the first named wins
];

const GERMAN: readonly Row[] = [
  ['Geschäftsführer', 'executive', 'c-level', 'decision-maker'],
  ['Geschäftsführerin Vertrieb', 'sales', 'c-level', 'decision-maker'],
  ['Vertriebsleiter', 'sales', 'head', 'decision-maker'],
  ['Leiterin Marketing bei Siemens', 'marketing', 'head', 'decision-maker'],
  ['Einkaufsleiter', 'procurement', 'head', 'decision-maker'],
  ['Strategischer Einkäufer', 'procurement', 'individual', 'user'],
  ['Leiter IT', 'it', 'head', 'decision-maker'],
  ['IT-Leiter (m/w/d)', 'it', 'head', 'decision-maker'],
  ['Personalreferentin', 'hr', 'individual', 'user'],
  ['Leiter Personal', 'hr', 'head', 'decision-maker'],
  ['Softwareentwickler', 'engineering', 'individual', 'user'],
  ['Teamleiterin Kundenservice', 'customer-success', 'manager', 'influencer'],
  ['Werkleiter', 'operations', 'head', 'decision-maker'],
  ['Produktionsleiter', 'operations', 'head', 'decision-maker'],
  ['Leiter Finanzen und Controlling', 'finance', 'head', 'decision-maker'],
  ['Finanzbuchhalterin', 'finance', 'individual', 'user'],
  ['Vorstandsvorsitzender', 'executive', 'c-level', 'decision-maker'],
  ['Vorstand Finanzen', 'finance', 'c-level', 'decision-maker'],
  ['Sachbearbeiterin Einkauf', 'procurement', 'individual', 'user'],
  ['Werkstudent Marketing', 'marketing', 'individual', 'user'],
  ['Leiter Recht', 'legal', 'head', 'decision-maker'],
  ['Syndikusrechtsanwältin', 'legal', 'individual', 'user'],
  ['Bereichsleiter Vertrieb', 'sales', 'head', 'decision-maker'],
  ['Abteilungsleiterin Buchhaltung', 'finance', 'head', 'decision-maker'],
  ['Gründer & Geschäftsführer', 'executive', 'c-level', 'decision-maker'],
  ['Außendienstmitarbeiter', 'sales', 'individual', 'user'],
  ['Key Account Managerin', 'sales', 'manager', 'influencer'],
  ['Produktmanagerin', 'product', 'manager', 'influencer'],
  ['Datenschutzbeauftragter', 'legal', 'individual', 'user'],
  ['Prokurist', 'other', 'director', 'decision-maker'], // authorised signatory: senior, function unknown
  ['Vertriebsingenieur', 'sales', 'individual', 'user'],
  ['Leiter*in Informationstechnologie', 'it', 'head', 'decision-maker'],
  ['Direktor Vertrieb', 'sales', 'director', 'decision-maker'],
  ['Inhaberin', 'executive', 'c-level', 'decision-maker'],
  ['Data Scientist bei Zalando', 'data', 'individual', 'user'],
  ['Marketingleiterin', 'marketing', 'head', 'decision-maker'],
  ['Projektleiter', 'other', 'manager', 'influencer'],
  ['Geschaeftsfuehrer', 'executive', 'c-level', 'decision-maker'],
  ['Teamleiter IT-Support', 'it', 'manager', 'influencer'],
  ['Leiterin Unternehmenskommunikation', 'marketing', 'head', 'decision-maker'],
  ['Kaufmännischer Leiter', 'finance', 'head', 'decision-maker'], // head of finance and administration in DACH companies
  ['Geschäftsführender Gesellschafter', 'executive', 'c-level', 'decision-maker'],
];

const FRENCH: readonly Row[] = [
  ['Président-directeur général', 'executive', 'c-level', 'decision-maker'],
  ['Directeur Général', 'executive', 'c-level', 'decision-maker'],
  ['PDG', 'executive', 'c-level', 'decision-maker'],
  ['Directeur Commercial', 'sales', 'director', 'decision-maker'],
  ['Directrice Marketing', 'marketing', 'director', 'decision-maker'],
  ['Directrice Financière', 'finance', 'director', 'decision-maker'],
  ['DAF', 'finance', 'director', 'decision-maker'],
  ['Responsable Achats chez Renault', 'procurement', 'manager', 'influencer'],
  ['Acheteur', 'procurement', 'individual', 'user'],
  ['Acheteuse', 'procurement', 'individual', 'user'],
  ['Directrice des Ressources Humaines', 'hr', 'director', 'decision-maker'],
  ['DRH', 'hr', 'director', 'decision-maker'],
  ['Chargée de recrutement', 'hr', 'individual', 'user'],
  ['Chargé(e) de communication', 'marketing', 'individual', 'user'],
  ['Ingénieur commercial', 'sales', 'individual', 'user'],
  ['Directeur des Systèmes d\'Information', 'it', 'director', 'decision-maker'],
  ['DSI', 'it', 'director', 'decision-maker'],
  ['Chef de projet informatique', 'it', 'manager', 'influencer'],
  ['Comptable', 'finance', 'individual', 'user'],
  ['Juriste', 'legal', 'individual', 'user'],
  ['Directeur juridique', 'legal', 'director', 'decision-maker'],
  ['Développeur Full Stack', 'engineering', 'individual', 'user'],
  ['Directeur technique', 'engineering', 'director', 'decision-maker'],
  ['Responsable logistique', 'operations', 'manager', 'influencer'],
  ['Directeur d\'usine', 'operations', 'director', 'decision-maker'],
  ['Chef de produit', 'product', 'manager', 'influencer'],
  ['Responsable du service client', 'customer-success', 'manager', 'influencer'],
  ['Gérante', 'executive', 'c-level', 'decision-maker'],
  ['Fondatrice', 'executive', 'c-level', 'decision-maker'],
  ['Directeur·rice Marketing', 'marketing', 'director', 'decision-maker'],
  ['Responsable RH', 'hr', 'manager', 'influencer'],
  ['Chef de projet SI', 'it', 'manager', 'influencer'],
  ['Directrice de la communication', 'marketing', 'director', 'decision-maker'],
];

const SPANISH: readonly Row[] = [
  ['Director General', 'executive', 'c-level', 'decision-maker'],
  ['Consejero Delegado', 'executive', 'c-level', 'decision-maker'],
  ['Fundadora y CEO', 'executive', 'c-level', 'decision-maker'],
  ['Director Comercial', 'sales', 'director', 'decision-maker'],
  ['Directora de Marketing en Telefónica', 'marketing', 'director', 'decision-maker'],
  ['Gerente de Ventas', 'sales', 'manager', 'influencer'],
  ['Vicepresidente de Ventas', 'sales', 'vp', 'decision-maker'],
  ['Ejecutiva de Cuentas', 'sales', 'individual', 'user'],
  ['Directora Financiera', 'finance', 'director', 'decision-maker'],
  ['Contadora', 'finance', 'individual', 'user'],
  ['Jefa de Compras', 'procurement', 'manager', 'influencer'],
  ['Comprador', 'procurement', 'individual', 'user'],
  ['Directora de Recursos Humanos', 'hr', 'director', 'decision-maker'],
  ['Responsable de RRHH', 'hr', 'manager', 'influencer'],
  ['Reclutadora', 'hr', 'individual', 'user'],
  ['Gerente de TI', 'it', 'manager', 'influencer'],
  ['Jefe de Sistemas', 'it', 'manager', 'influencer'],
  ['Director de Tecnología', 'engineering', 'director', 'decision-maker'],
  ['Ingeniero de Software', 'engineering', 'individual', 'user'],
  ['Analista de Datos', 'data', 'individual', 'user'],
  ['Científica de Datos', 'data', 'individual', 'user'],
  ['Abogada', 'legal', 'individual', 'user'],
  ['Director Jurídico', 'legal', 'director', 'decision-maker'],
  ['Directora de Operaciones', 'operations', 'director', 'decision-maker'],
  ['Jefe de Logística', 'operations', 'manager', 'influencer'],
  ['Especialista en Marketing Digital', 'marketing', 'individual', 'user'],
  ['Responsable de Atención al Cliente', 'customer-success', 'manager', 'influencer'],
  ['Director de Producto', 'product', 'director', 'decision-maker'],
  ['Gerente General', 'executive', 'c-level', 'decision-maker'],
  ['Socio Director', 'executive', 'c-level', 'decision-maker'],
  ['Coordinadora de Recursos Humanos', 'hr', 'individual', 'user'],
  ['Director/a de Ventas', 'sales', 'director', 'decision-maker'],
  ['Directora de Comunicación', 'marketing', 'director', 'decision-maker'],
  ['Jefe de Mantenimiento', 'operations', 'manager', 'influencer'],
  ['Gerente de Planta', 'operations', 'manager', 'influencer'],
];

const ALL_ROWS: readonly Row[] = [...ENGLISH, ...GERMAN, ...FRENCH, ...SPANISH];
/** Rows whose department does not hang on a later headline segment. */
const NAMED_ROWS = ALL_ROWS.filter(([, dept]) => dept !== 'other');

const COMPANY_SUFFIXES = ['', ' Inc.', ' GmbH', ' S.A.', ' SAS', ' Ltd', ' AG', ' & Co.', ' LLC', ' S.L.', ' B.V.'];
/** Company names, some of them full of department and seniority words. */
const company = fc.oneof(
  fc.constantFrom(
    'Data Robotics',
    'Marketing Partners',
    'Salesforce',
    'IT Solutions GmbH',
    'Finance Corp',
    'CEO Club',
    'Legal & General',
    'Product Hunt',
    'HR Tech AG',
    'Customer Success Inc.',
    'Ex Machina',
    'Head Office Ltd',
    'Operations Hub',
    'Procurement Leaders',
    'Chief Brands S.A.',
    'Vertrieb24 GmbH',
    'Achats Plus SAS',
    'Ventas Globales S.L.',
    'Northwind Analytics',
    'Founders Fund',
  ),
  fc
    .tuple(fc.array(fc.stringMatching(/^[A-Z][a-z]{1,9}$/), { minLength: 1, maxLength: 3 }), fc.constantFrom(...COMPANY_SUFFIXES))
    .map(([words, suffix]) => words.join(' ') + suffix),
);

/** Words and separators from real headlines, to build title-like noise. */
const HEADLINE_PARTS = [
  ...new Set(ALL_ROWS.flatMap(([title]) => title.split(/\s+/))),
  '|', '•', '·', '-', '–', '@', 'at', 'bei', 'chez', 'en', '(', ')', '/', '&', ',', 'ex-', 'Former', 'it', 'IT', '🚀', '👩‍💻', '🇩🇪',
];

function flipCase(text: string, flips: readonly boolean[]): string {
  return [...text].map((ch, i) => (flips[i % flips.length] ? ch.toUpperCase() : ch.toLowerCase())).join('');
}

describe('job title table', () => {
  it('covers the four languages', () => {
    expect(ALL_ROWS.length).toBeGreaterThanOrEqual(150);
    expect(ENGLISH.length).toBeGreaterThanOrEqual(100);
    expect(GERMAN.length).toBeGreaterThanOrEqual(20);
    expect(FRENCH.length).toBeGreaterThanOrEqual(15);
    expect(SPANISH.length).toBeGreaterThanOrEqual(15);
    expect(new Set(ALL_ROWS.map(([title]) => title)).size).toBe(ALL_ROWS.length);
    expect(new Set(ALL_ROWS.map(([, dept]) => dept))).toEqual(new Set(DEPARTMENTS));
  });

  it.each(ALL_ROWS)('%s → %s, %s, %s', (title, department, seniority, role) => {
    expect({
      department: departmentFromTitle(title),
      seniority: seniorityFromTitle(title),
      role: suggestBuyingRole(title),
    }).toEqual({ department, seniority, role });
  });
});

describe('departmentFromTitle', () => {
  it.each([
    'Commit',
    'Committed to excellence',
    'Making it happen',
    'Just do it',
    'Love what you do and do it well',
    'Own it | Ship it',
    'Edit',
    'Digital nomad',
  ])('does not read the word "it" in %s as IT', (title) => {
    expect(departmentFromTitle(title)).not.toBe('it');
  });

  it.each([
    ['Head of IT', 'it'],
    ['IT Manager', 'it'],
    ['IT', 'it'],
    ['Director | IT', 'it'],
    ['Finance & IT Director', 'finance'],
    ['IT & Security Lead', 'it'],
    ['Leiterin der IT', 'it'],
    ['Making it happen | Head of IT', 'it'],
    ["It's all about people | Recruiter", 'hr'],
  ] as const)('reads %s as %s', (title, dept) => {
    expect(departmentFromTitle(title)).toBe(dept);
  });

  it.each([
    // The department word beats the seniority word.
    ['VP Marketing', 'marketing'],
    ['Chief Marketing Officer', 'marketing'],
    ['Managing Director, Finance', 'finance'],
    ['Geschäftsführer Vertrieb', 'sales'],
    ['President, Operations', 'operations'],
    // The company after " at ", "@", " bei ", " chez ", " en " or "CEO of" is not the job.
    ['Account Executive at Data Robotics', 'sales'],
    ['Analyst at Marketing Partners', 'other'],
    ['Founder @ Legal Eagles', 'executive'],
    ['CEO of Acme Marketing', 'executive'],
    ['Fundadora de Datos y Más', 'executive'],
    ['Ingeniero de Software en Banco de Datos', 'engineering'],
    ['Consultor en Recursos Humanos en Accenture', 'hr'],
    ['Responsable Achats chez Data SAS', 'procurement'],
    // Past jobs are not the job.
    ['Advisor | Ex-CFO', 'other'],
    ['Sales Director (ex-CMO @ HubSpot)', 'sales'],
    ['Former Head of Data', 'other'],
  ] as const)('reads %s as %s', (title, dept) => {
    expect(departmentFromTitle(title)).toBe(dept);
  });

  it('is the same with and without accents', () => {
    for (const [title, dept] of ALL_ROWS) {
      const bare = title.normalize('NFD').replace(/\p{M}/gu, '');
      expect(departmentFromTitle(bare), bare).toBe(dept);
    }
  });

  it('returns a valid department and seniority for any string, never throwing', () => {
    const anyText = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 400 }),
      fc.string({ unit: 'grapheme', maxLength: 200 }),
      fc.array(fc.constantFrom(...HEADLINE_PARTS), { maxLength: 40 }).map((parts) => parts.join(' ')),
      fc.array(fc.constantFrom(...HEADLINE_PARTS), { maxLength: 40 }).map((parts) => parts.join('')),
    );
    fc.assert(
      fc.property(anyText, (text) => {
        expect(DEPARTMENTS).toContain(departmentFromTitle(text));
        expect(SENIORITIES).toContain(seniorityFromTitle(text));
        expect(BUYING_ROLES).toContain(suggestBuyingRole(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('ignores the company after " at " or "@"', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ALL_ROWS), company, fc.constantFrom(' at ', ' @ ', ' @'), ([title, dept, seniority], co, sep) => {
        const headline = title + sep + co;
        expect(departmentFromTitle(headline), headline).toBe(dept);
        expect(seniorityFromTitle(headline), headline).toBe(seniority);
      }),
      { numRuns: 1500 },
    );
  });

  it('ignores the company after the German, French and Spanish prepositions', () => {
    const cases = [
      ...GERMAN.map((row) => [row, ' bei '] as const),
      ...FRENCH.map((row) => [row, ' chez '] as const),
      ...SPANISH.filter(([, dept]) => dept !== 'other').map((row) => [row, ' en '] as const),
    ];
    fc.assert(
      fc.property(fc.constantFrom(...cases), company, ([[title, dept, seniority], sep], co) => {
        const headline = title + sep + co;
        expect(departmentFromTitle(headline), headline).toBe(dept);
        expect(seniorityFromTitle(headline), headline).toBe(seniority);
      }),
      { numRuns: 800 },
    );
  });

  // Rows that carry a seniority word: a headline's title is its first segment with one, so a
  // seniority-free row ("Sales | Marketing | Growth") followed by "CEO Club" rightly reads as the CEO.
  it('keeps the department when a company-looking headline segment follows a named one', () => {
    fc.assert(
      fc.property(fc.constantFrom(...NAMED_ROWS.filter((r) => r[2] !== 'unknown')), company, ([title, dept], co) => {
        expect(departmentFromTitle(`${title} | ${co}`)).toBe(dept);
      }),
      { numRuns: 500 },
    );
  });

  it('does not depend on letter case', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ALL_ROWS), fc.array(fc.boolean(), { minLength: 1, maxLength: 40 }), ([title, dept, seniority], flips) => {
        for (const variant of [title.toUpperCase(), title.toLowerCase(), flipCase(title, flips)]) {
          expect(departmentFromTitle(variant), variant).toBe(dept);
          expect(seniorityFromTitle(variant), variant).toBe(seniority);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('stays fast on long and hostile input', () => {
    const hostile = [
      'a'.repeat(100_000),
      'chief '.repeat(20_000) + 'x',
      'leiter'.repeat(10_000),
      'head of '.repeat(10_000) + 'it',
      '| '.repeat(50_000),
      ' en '.repeat(20_000),
      'Chief Marketing & Communications & Brand & Digital & Growth Officer at '.repeat(2_000),
      '🚀'.repeat(30_000),
      'é'.normalize('NFD').repeat(50_000),
    ];
    const started = performance.now();
    for (let i = 0; i < 20; i++) {
      for (const text of hostile) {
        departmentFromTitle(text + i);
        seniorityFromTitle(text + i);
      }
    }
    for (const [title] of ALL_ROWS) departmentFromTitle(`${title} · ${ALL_ROWS.length}`);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});

describe('seniorityFromTitle and suggestBuyingRole', () => {
  it.each([
    ['', 'unknown', 'unknown'],
    ['   ', 'unknown', 'unknown'],
    ['Sales', 'unknown', 'unknown'],
    ['Vice President, Sales', 'vp', 'decision-maker'],
    ['SVP Marketing', 'vp', 'decision-maker'],
    ['EVP & General Counsel', 'vp', 'decision-maker'],
    ['Assistant Vice President', 'manager', 'influencer'],
    ['Product Owner', 'individual', 'user'],
    ['Business Owner', 'c-level', 'decision-maker'],
    ['HR Business Partner', 'manager', 'influencer'],
    ['Partner Manager', 'manager', 'influencer'],
    ['Managing Partner', 'c-level', 'decision-maker'],
    ['Teamleiterin Vertrieb', 'manager', 'influencer'],
    ['Leiterin Vertrieb', 'head', 'decision-maker'],
    ['Vorstandsassistentin', 'individual', 'user'],
    ['Directeur Général Adjoint', 'c-level', 'decision-maker'],
    ['Responsable Marketing (H/F)', 'manager', 'influencer'],
    ['Jefe/a de Ventas', 'manager', 'influencer'],
    ['Vicepresidenta de Marketing', 'vp', 'decision-maker'],
    ['Lead Generation Specialist', 'individual', 'user'],
    ['Head Hunter', 'individual', 'user'],
    ['Helping founders raise | Advisor', 'individual', 'user'],
  ] as const)('%j is %s, suggested %s', (title, seniority, role) => {
    expect(seniorityFromTitle(title)).toBe(seniority);
    expect(suggestBuyingRole(title)).toBe(role);
  });
});

describe('DEPARTMENT_LABELS', () => {
  it('labels every department', () => {
    expect(Object.keys(DEPARTMENT_LABELS).sort()).toEqual([...DEPARTMENTS].sort());
    for (const dept of DEPARTMENTS) expect(DEPARTMENT_LABELS[dept]).toMatch(/^[A-Z]/);
    expect(DEPARTMENT_LABELS['customer-success']).toBe('Customer Success');
    expect(DEPARTMENT_LABELS.hr).toBe('HR');
    expect(DEPARTMENT_LABELS.it).toBe('IT');
    expect(DEPARTMENT_LABELS.finance).toBe('Finance');
  });
});
