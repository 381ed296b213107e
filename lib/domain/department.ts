/**
 * Department, seniority and a suggested buying role from a job title or a LinkedIn headline
 * (DOMAIN.md section 2, name development). English, German, French and Spanish titles.
 *
 * How a title is read:
 *  1. Folded: lower case, accents removed (NFD), ß → ss, gender markers dropped
 *     ("Leiter(in)", "Leiter*in", "Chargé(e)", "Director/a", "(m/w/d)"), dotted acronyms joined
 *     ("C.E.O." → "ceo").
 *  2. Split into segments at headline separators: "|", "•", "·", " - ", " – ", brackets, ";",
 *     emoji. Per segment the company is cut off after " at ", "@", " bei ", " chez " and, for
 *     "CEO/Founder/Owner … of X", after " of "; the Spanish/French " en " is cut only where the
 *     part before it already names a department ("Especialista en Marketing" keeps its
 *     Marketing, "Directora de Marketing en Telefónica" loses Telefónica). Segments that start
 *     with "ex", "former", "retired" … are ignored.
 *  3. The title segment is the first one with a seniority word; the department comes from it,
 *     else from the first segment that names one. So "Helping B2B teams grow revenue | Fractional
 *     CMO" is Marketing, and "Head of Growth | Ex-Google" is Marketing.
 *  4. Department: every rule in the table is tried on the segment; the strongest tier wins, then
 *     the earliest match, then the longest. Tiers: 0 role nouns that define the function whatever
 *     the modifiers ("Technical Recruiter", "Commercial Counsel", "Growth Product Manager"),
 *     1 functional areas, 2 broad areas that others refine ("Sales Operations", "Product
 *     Marketing", "Data Engineer"), 3 general management (CEO, Founder, Managing Director). So the
 *     department word beats the seniority word: "VP Marketing" and "Chief Marketing Officer" are
 *     Marketing, "Founder & CTO" is Engineering, "CEO" is Executive.
 *  5. Seniority: an ordered list, first match wins (assistants and interns first, so "Executive
 *     Assistant to the CEO" is an individual contributor; then c-level, VP, head, director,
 *     manager, individual contributor).
 *
 * Everything is matched on whole tokens of a string that holds only [a-z0-9&] and single spaces,
 * so no pattern can backtrack badly; input is capped at MAX_TITLE_LENGTH characters. All regexes
 * are compiled once, at module load.
 */
import type { BuyingRole, Department } from './schema';

export const SENIORITIES = ['c-level', 'vp', 'head', 'director', 'manager', 'individual', 'unknown'] as const;
export type Seniority = (typeof SENIORITIES)[number];

/** UI labels live with the other constants (content scripts import them without this module). */
export { DEPARTMENT_LABELS } from './constants';

/** Longer input is cut (LinkedIn headlines stop at 220 characters, CRM titles at 255). */
const MAX_TITLE_LENGTH = 300;

// ---------------------------------------------------------------- pattern helpers

/** Alternatives matched as whole tokens of a normalised segment ("a-z0-9&" words, single spaces). */
function tokens(alternatives: readonly string[]): RegExp {
  return new RegExp(`(?:^| )(?:${alternatives.join('|')})(?= |$)`);
}

/** Words after "partner" that make it a job ("Partner Manager"), not a partnership ("Partner"). */
const PARTNER_JOB = 'manager|marketing|success|sales|account|accounts|development|program|programs|programme|lead|enablement|relations|operations|engineer|ecosystem|alliances|solutions|specialist|network|integrations|channel|director|executive|onboarding|management|experience|strategy|support|technology|recruit[a-z]*|ops';
/** "Partner" as an owner of the firm: at the start, after "&"/"and", or qualified. */
const PARTNER_OWNER = `(?:(?:managing|founding|equity|senior|general|name|salaried) |^|(?:&|and|und|et|y) )partner(?! (?:${PARTNER_JOB}))`;
/** "Owner" of a business, not of a product or a process. */
const OWNER = '(?<!(?:product|process|service|data|system|systems|platform|feature|content|technical|application|risk|control|budget|asset|account|code|project|solution|business process|change) )owner';

// ---------------------------------------------------------------- IT: the acronym, not the pronoun

/** Words that make a neighbouring "it"/"ti" (Spanish) the acronym: "Head of IT", "IT Manager". */
const IT_BEFORE = 'head|vp|svp|evp|cio|chief|director|directora|directeur|directrice|direktor|direktorin|leiter|leiterin|leitung|responsable|jefe|jefa|gerente|manager|of|de|del|du|des|der|fur|global|group|corporate|senior|sr|lead|&';
const IT_AFTER = 'manager[a-z]*|director[a-z]*|directeur|lead[a-z]*|leiter[a-z]*|leitung|head|support|security|sicherheit|seguridad|infrastructure|infrastruktur|infraestructura|operations|ops|betrieb|admin[a-z]*|specialist[a-z]*|spezialist[a-z]*|engineer[a-z]*|analyst[a-z]*|consultant[a-z]*|berater[a-z]*|architect[a-z]*|architekt[a-z]*|services?|service desk|helpdesk|help desk|project[a-z]*|projekt[a-z]*|systems?|team|department|abteilung|technician|techniker[a-z]*|coordinator|auditor|audit|governance|strategy|strategie|transformation|business partner|asset[a-z]*|network[a-z]*|netzwerk[a-z]*|controller|compliance|risk|solutions|administrator|generalist|&';
const IT_CONTEXT = new RegExp(
  `(?:^| )(?:(?:${IT_BEFORE}) (?:it|ti)|(?:it|ti) (?:${IT_AFTER})|(?:and|und|y|et) (?:it|ti)$)(?= |$)|^(?:it|ti)$`,
);
/** French "SI" (systèmes d'information) only next to a role. */
const SI_CONTEXT = tokens(['(?:responsable|directeur|directrice|direction|dsi|chef de projet|chef de projets|projet|projets|architecte|urbaniste|securite|du|des) si']);

// ---------------------------------------------------------------- department rules

type Tier = 0 | 1 | 2 | 3;
type Pattern = readonly string[] | RegExp;

/** [tier, department, token alternatives or a ready regex]; lower tier wins, then earliest match. */
const DEPARTMENT_TABLE: ReadonlyArray<readonly [Tier, Department, Pattern]> = [
  // Tier 0: the job itself names the function.
  [0, 'hr', [
    '[a-z]*recruiter(?:in|s)?', 'recruiting', 'recruitment', 'talent acquisition', 'talent partner', 'head ?hunter[a-z]*',
    'sourcer', 'recruteu(?:r|se)s?', 'recrutement', 'chargee? de recrutement', 'reclutador[a]?', 'reclutamiento', 'hr business partner',
    'hrbp', 'people partner', 'people business partner',
  ]],
  [0, 'legal', [
    'counsel', 'counsels', 'lawyer[s]?', 'attorney[s]?', 'paralegal[s]?', 'solicitor[s]?', 'barrister',
    '[a-z]*jurist(?:in|en)?', 'juriste[s]?', 'justiziar[a-z]*', 'syndikus[a-z]*', '[a-z]*rechtsanw[a-z]*',
    'avocat[e]?[s]?', 'abogad[oa]s?', 'notar[a-z]*', 'notaire',
  ]],
  [0, 'finance', [
    'accountant[s]?', 'bookkeep[a-z]*', '[a-z]*controller(?:in|s)?', '[a-z]*controlling', 'comptroller', '[a-z]*buchhalter(?:in)?',
    'comptable[s]?', 'contador[a]?', 'contable', 'chief accountant', 'revenue accountant', 'expert comptable',
  ]],
  [0, 'data', [
    'data scien[a-z]*', 'data analyst[a-z]*', 'data engineer[a-z]*', 'data architect[a-z]*', 'cientific[oa] de datos',
    'analista de datos', 'ingenier[oa] de datos', 'machine learning engineer', 'ml engineer',
  ]],
  [0, 'engineering', [
    'software engineer[a-z]*', 'software developer[a-z]*', 'software entwickler[a-z]*', 'softwareentwickl[a-z]*',
    'software architect[a-z]*', 'engineering manag[a-z]*', '(?:vp|svp|evp|head|director|directora|directeur) (?:of )?engineering',
  ]],
  [0, 'product', [
    'product manag[a-z]*', 'product owner[s]?', 'product lead', 'product director', 'produktmanag[a-z]*', 'produktowner[a-z]*',
    'chef de produit', 'cheffe de produit', 'gerente de producto', '(?:vp|svp|evp|head|director|directora|chief) (?:of )?product(?! marketing)',
  ]],
  [0, 'sales', ['account executive[s]?', 'account exec', 'sdr[s]?', 'bdr[s]?']],

  // Tier 1: functional areas, and the chief officers of the broad ones ("COO & CFO" is Operations).
  [1, 'engineering', ['cto', 'chief technology officer', 'chief technical officer']],
  [1, 'product', ['cpo', 'chief product officer']],
  [1, 'operations', ['coo', 'chief operating officer', 'chief operations officer']],
  [1, 'it', IT_CONTEXT],
  [1, 'it', SI_CONTEXT],
  [1, 'it', [
    'information technology', 'informationstechnologie', 'informationstechnik', 'technologies? de l information',
    'technologies? de l informatique', 'tecnologias? de (?:la )?informacion', 'information systems?', 'systemes? d information',
    'sistemas de informacion', '[a-z]*informatik[a-z]*', 'informatique', 'informatic[oa]', 'informaticien[a-z]*', 'edv', 'ict', 'tic',
    'tics', 'cio', 'ciso', 'dsi', 'chief information officer', 'information security', 'infosec', 'cyber ?security', 'cyber',
    'cybersecurite', 'ciberseguridad', 'security', 'unified communications', 'securite informatique', 'seguridad (?:informatica|de la informacion)', 'soc',
    'infrastructure[s]?', 'infrastruktur', 'infraestructura', 'network[s]?', 'netzwerk[a-z]*', 'reseaux?', 'redes',
    'sysadmin[a-z]*', 'systems? administrat[a-z]*', 'systemadministrat[a-z]*', 'administrat(?:eur|rice) systemes?',
    'administrador de sistemas', 'sistemas', 'helpdesk', 'help desk', 'service desk', 'desktop support',
    'end user (?:computing|services|support)', 'erp', 'sap basis', 'sap (?:consultant|berater[a-z]*|administrator|developer|analyst|specialist|architect)',
    'database[s]?', 'dba', 'datenbank[a-z]*', 'data cent(?:er|re)', 'datacenter', 'rechenzentrum', 'enterprise architect[a-z]*',
    'itsm', 'itil', 'servicenow', 'iam', 'identity (?:and|&) access', 'noc', 'cloud infrastructure', 'cloud operations',
  ]],
  [1, 'data', [
    'data', 'datos', 'donnees', 'daten', 'big data', 'analytics', 'analytic', 'analytique', 'analitica', 'datenanalyse',
    'business intelligence', 'bi', 'machine learning', 'ml', 'mlops', 'ai', 'ia', 'ki', 'artificial intelligence',
    'kunstliche intelligenz', 'intelligence artificielle', 'inteligencia artificial', 'deep learning', 'nlp',
    'computer vision', 'statistic[a-z]*', 'statistik[a-z]*', 'statisticien[a-z]*', 'estadistic[a-z]*', 'cdo', 'cdao',
    'llm', 'genai', 'quant', 'quantitative',
  ]],
  [1, 'legal', [
    'legal', 'legale', 'law', 'compliance', 'regulatory', 'privacy', 'data protection', 'data privacy', 'dpo', 'gdpr', 'rgpd',
    'dsgvo', 'contracts?', 'contract manag[a-z]*', 'ethics', 'intellectual property', 'patent[a-z]*', 'trademark[a-z]*',
    'company secretar[a-z]*', 'corporate secretar[a-z]*', 'litigation', 'recht', '[a-z]+recht', 'rechtsabteilung',
    'rechtswesen', '[a-z]*datenschutz[a-z]*', 'juridique[s]?', 'juridic[oa]s?', 'conformite', 'cumplimiento', 'normativo',
    'secretari[oa] general', 'secretaire general[a-z]*', 'affaires juridiques', 'asuntos legales', 'asesoria juridica', 'clo',
  ]],
  [1, 'hr', [
    'hr', 'hrm', 'hris', 'hrd', 'human resources?', 'human capital', 'people (?:operations|ops|team|and culture|& culture|experience|development|analytics|function|success)',
    '(?:head|vp|svp|evp|director|chief|of) people', 'talent[s]?', 'talent management', 'staffing', 'payroll', 'paie', 'nomina[s]?',
    'compensation', 'benefits', 'total rewards?', 'rewards', 'learning (?:and|&) development', 'l & d', 'learning', 'training',
    'organi[sz]ational development', 'leadership development', 'employee (?:experience|relations|engagement|success)',
    'workforce', 'culture', 'diversity', 'dei', 'd & i', 'employer brand[a-z]*', 'arbeitgebermarke', 'rh', 'drh', 'rrhh',
    'rr hh', 'ressources humaines', 'recursos humanos', 'capital humano', 'gestion du personnel', 'talento', 'seleccion',
    'formation', 'capacitacion', 'chro', 'chief people officer',
    'personal(?:leiter[a-z]*|leitung|referent[a-z]*|chef[a-z]*|wesen|abteilung|entwickl[a-z]*|management|manager[a-z]*|sachbearbeiter[a-z]*|bereich|berater[a-z]*|planung|marketing|recruiting|betreuer[a-z]*|disponent[a-z]*|gewinnung|beschaffung|verwaltung|business partner)',
    '(?:leiter|leiterin|leitung|head of|bereichsleiter[a-z]*|abteilungsleiter[a-z]*|bereich|abteilung|referent|referentin) personal',
    'personal (?:& |und )?(?:organisation|recht|entwicklung|verwaltung)',
  ]],
  [1, 'customer-success', [
    'customer success', 'client success', 'customer experience', 'client experience', 'cx', 'customer service[s]?',
    'client services?', 'customer support', 'client support', 'customer care', 'customer operations', 'customer happiness',
    'customer enablement', 'customer onboarding', 'onboarding', 'implementation[s]?', 'renewals?', 'support',
    'technical account manag[a-z]*', 'tam', 'chief customer officer', 'customer engagement', 'customer relations', 'customer',
    '[a-z]*kundenservice', 'kundendienst', 'kundenbetreuung', 'kundenerfolg', 'kundensupport', 'kundenzufriedenheit',
    'service clients?', 'relations? clients?', 'experience client', 'succes client', 'support client', 'satisfaction client',
    'atencion al cliente', 'servicio al cliente', 'exito del cliente', 'experiencia del cliente', 'soporte', 'post ?venta',
    'apres vente', 'sav',
  ]],
  [1, 'procurement', [
    'procurement', 'purchasing', 'purchaser', 'purchase', 'buyer[s]?', 'sourcing', 'strategic sourcing', 'vendor manag[a-z]*',
    'supplier manag[a-z]*', 'supplier relationship[a-z]*', 'category manag[a-z]*', 'spend management', '[a-z]*einkauf[a-z]*',
    'beschaffung[a-z]*', 'achats?', 'acheteu(?:r|se)s?', 'approvisionnement[s]?', 'compras', 'comprador[a]?[s]?',
    'adquisiciones', 'abastecimiento', 'aprovisionamiento', 'chief procurement officer', 'cpro',
  ]],
  [1, 'finance', [
    'finance[s]?', 'financial', 'financier[e]?', 'financier[oa]s?', 'financing', '[a-z]*finanz[a-z]*', 'accounting', 'accounts payable',
    'accounts receivable', 'treasury', 'treasurer', 'tax', 'taxes', 'taxation', 'audit', 'auditor[a-z]*', 'auditing',
    'fp & a', 'fpa', 'fp and a', 'investor relations', 'billing', 'invoicing', 'credit', 'collections?', 'risk', 'cfo',
    'commercial finance', 'corporate finance', 'corporate development', 'm & a', 'mergers', 'valuation', 'actuar[a-z]*',
    'rechnungswesen', '[a-z]*buchhaltung', 'kaufmannische[rn]? (?:leiter[a-z]*|leitung|direktor[a-z]*|geschaftsfuhr[a-z]*)', 'bilanz[a-z]*', 'steuer(?:n|recht|abteilung|berater[a-z]*|referent[a-z]*)',
    'comptabilite', 'compta', 'tresorerie', 'tresorier[e]?', 'daf', 'raf', 'controle de gestion', 'controleu(?:r|se) de gestion',
    'fiscalite', 'fiscal', 'fiscalista', 'contabilidad', 'tesoreria', 'tesorer[oa]', 'auditoria', 'impuestos', 'facturacion',
    'cobranzas?', 'credito',
  ]],
  [1, 'marketing', [
    '[a-z]*marketing[a-z]*', 'mktg', 'marcom[s]?', 'martech', 'growth', 'demand gen[a-z]*', 'lead gen[a-z]*', 'brand[s]?',
    'branding', 'communications?', 'comms', 'corporate affairs', 'public relations', 'pr', 'press', 'media relations',
    'content', 'seo', 'sem', 'ppc', 'social media', 'social networks?', 'community', 'events?', 'abm', 'copywrit[a-z]*',
    'creative', 'art director', 'graphic design[a-z]*', 'media buyer', 'media planner', 'market research',
    'market intelligence', 'customer insights?', 'consumer insights?', 'insights', 'advertising', 'influencer', 'campaigns?',
    'webmaster', 'channel marketing', 'partner marketing', 'revenue marketing', 'customer marketing', 'customer acquisition',
    'user acquisition', 'paid (?:media|social|search)', 'lifecycle', 'cmo', 'cgo', 'chief growth officer',
    '[a-z]*kommunikation', 'werbung', 'presse[a-z]*', 'offentlichkeitsarbeit', 'oeffentlichkeitsarbeit', 'marktforschung',
    'communication', 'marque', 'relations presse', 'relations publiques', 'evenementiel', 'dircom', 'mercadotecnia',
    'mercadeo', 'comunicacion', 'comunicaciones', 'marca', 'publicidad', 'relaciones publicas', 'redes sociales',
  ]],
  [1, 'sales', [
    'sales', 'salesperson', 'salespeople', 'saleswoman', 'salesman', 'salesops', 'selling', 'account manag[a-z]*',
    'account director[s]?', 'account lead', 'key accounts?', 'strategic accounts?', 'enterprise accounts?', 'major accounts?',
    'named accounts?', 'global accounts?', 'kam', 'ae', 'bdm', 'business development', 'bizdev', 'biz dev',
    'business developer[s]?', 'new business', 'commercial', 'commerciale?s?', 'commerciaux', 'revenue', 'revops', 'cro',
    'chief revenue officer', 'chief sales officer', 'chief commercial officer', 'channel[s]?', 'partnerships?',
    'partner manag[a-z]*', 'partner sales', 'alliances?', 'pre ?sales', 'presales', 'solutions? engineer[a-z]*',
    'solutions? consultant[s]?', 'sales engineer[a-z]*', 'inside sales', 'territory', 'deal desk', 'enablement',
    '[a-z]*vertrieb[a-z]*', '[a-z]*verkauf[a-z]*', 'aussendienst[a-z]*', 'innendienst[a-z]*', 'geschaftsentwicklung',
    'geschaeftsentwicklung', 'ventes?', 'vendeu(?:r|se)s?', 'ventas?', 'vendedor[a]?[s]?', 'comercial', 'comerciales',
    'ejecutiv[oa]s? de (?:cuentas?|ventas|negocios)', 'cuentas clave', 'desarrollo de negocios?', 'developpement commercial',
    'ingenieur d affaires', 'charge d affaires', 'chargee d affaires',
  ]],

  // Tier 2: broad areas, refined by any tier-1 word ("Sales Operations", "Product Marketing").
  [2, 'engineering', [
    'engineer[a-z]*', 'engineering', 'eng', '[a-z]*ingenieur[a-z]*', 'ingenier[a-z]*', 'developer[s]?', 'development', 'dev',
    'devs', 'software', 'programmer[a-z]*', 'programmier[a-z]*', 'programador[a-z]*', 'coder', 'coding', 'devops', 'devsecops',
    'sre', 'site reliability', 'qa', 'quality assurance', 'test automation', 'tester', 'r & d', 'rd', 'r and d',
    'research (?:and|&) development', 'research', 'forschung[a-z]*', '[a-z]*entwickl[a-z]*', 'konstrukt[a-z]*',
    'developpe(?:ur|use|urs|uses|ment)', 'recherche', 'desarroll[a-z]*', 'technology', 'technologies', 'technologie', 'tecnologia', 'tecnologias', 'tech', 'technical',
    'techniques?', '[a-z]*technik', 'technisch[a-z]*', 'director tecnico', 'directora tecnica', 'direccion tecnica',
    'architect[a-z]*', 'architekt[a-z]*', 'architecte', 'arquitect[a-z]*', 'front ?end', 'back ?end', 'full ?stack',
    'mobile', 'ios', 'android', 'firmware', 'hardware', 'embedded', 'mechanical', 'electrical', 'electronics?',
    'mechatronic[a-z]*', 'cloud', 'platform', 'web', 'technologist', 'scientist[a-z]*', 'tpm', 'scrum master', 'agile coach',
    'design engineer', 'staff engineer', 'member of technical staff', 'mts', 'bureau d etudes',
  ]],
  [2, 'product', [
    'product', 'products', 'produkt(?!ion)[a-z]*', 'produit[s]?', 'producto[s]?', 'pm', 'pms',
    'gpm', 'ux', 'ui', 'user experience', 'user research', 'ux research[a-z]*', 'usability', 'product design[a-z]*',
    'interaction design[a-z]*', 'design', '[a-z]*designer(?:in|s)?',
  ]],
  [2, 'operations', [
    'operations', 'operation', 'operational', 'ops', 'bizops', 'business operations', 'supply chain[a-z]*', 'supply', 'logistics?', 'logistik[a-z]*', 'logistique', 'logistica',
    'manufacturing', 'production', 'produktion[a-z]*', 'produccion', 'fertigung[a-z]*', 'plant[s]?', 'factory', 'warehouse[a-z]*',
    'warehousing', 'lager(?:leiter[a-z]*|logistik|ist[a-z]*|verwalt[a-z]*)?', 'fulfil+ment', 'distribution', 'facilit(?:y|ies)',
    'facility manag[a-z]*', 'quality', 'qualit[a-z]*', 'calidad', 'operaciones', 'operacion', 'operacional',
    'operationnel[a-z]*', 'exploitation', 'usine[s]?', 'werk', 'werks?leit[a-z]*', 'betriebs?(?:leiter[a-z]*|leitung)',
    'betrieb', 'pmo', 'project management office', 'process excellence', 'operational excellence', 'continuous improvement',
    'lean', 'six sigma', 'administration', 'office manag[a-z]*', 'back office', 'cadena de suministro', 'suministros?',
    'almacen[a-z]*', 'planta[s]?', 'mantenimiento', 'maintenance', 'instandhaltung', 'transport[a-z]*', 'fleet', 'flotte',
    'flota', 'field service',
  ]],

  // Tier 3: general management, when no function is named.
  [3, 'executive', [
    'ceo', 'chief executive[a-z]*', 'chief(?: [a-z0-9&]+){1,4} officer', 'founder(?:in)?', 'cofounder(?:in)?', OWNER, PARTNER_OWNER,
    'president[ae]?', 'managing director[s]?', 'general manager', 'gm', 'managing partner', 'chair', 'chairman', 'chairwoman',
    'chairperson', 'board', 'board member', 'executive director', 'executive chairman', 'office of the ceo', 'c suite',
    'c level', 'cxo', 'cso', 'cco', 'cao', 'cbo', 'cno', 'cvo', 'entrepreneur', 'proprietor', 'chief of staff',
    'country manager', 'country director', 'country head', 'country lead', 'landesleiter[a-z]*',
    'geschaftsfuhr[a-z]*', 'geschaeftsfuehr[a-z]*', 'geschaftsleitung', 'geschaeftsleitung', 'unternehmensleitung',
    'vorstand[a-z]*', 'inhaber[a-z]*', '[a-z]*grunder(?:in)?', '[a-z]*gruender(?:in)?', 'gesellschafter[a-z]*',
    'aufsichtsrat[a-z]*', 'unternehmer(?:in)?', 'pdg', 'dg', 'dga', 'directeur general[a-z]*', 'directrice generale[a-z]*',
    'direction generale', 'fondat(?:eur|rice)', 'cofondat(?:eur|rice)', 'gerante?', 'dirigeante?', 'associee?', 'chef d entreprise',
    'director general', 'directora general', 'general director', 'direccion general', 'director ejecutivo',
    'directora ejecutiva', 'consejer[oa] delegad[oa]', 'consejer[oa]', 'gerente general', 'gerencia general', 'fundador[a]?',
    'cofundador[a]?', 'soci[oa]', 'propietari[oa]', 'duen[oa]', 'empresari[oa]',
  ]],
];

const DEPARTMENT_RULES: ReadonlyArray<readonly [Tier, Department, RegExp]> = DEPARTMENT_TABLE.map(
  ([tier, dept, p]) => [tier, dept, p instanceof RegExp ? p : tokens(p)] as const,
);

// ---------------------------------------------------------------- seniority rules

/** Ordered: the first rule that matches decides. */
const SENIORITY_TABLE: ReadonlyArray<readonly [Seniority, Pattern]> = [
  // Assistants of a senior person, interns and students, whatever boss is named.
  [
    'manager',
    ['(?:assistant|asistente|adjoint|adjointe) (?:vp|director|directeur|directrice|general counsel|general manager|controller|treasurer|manager)', 'avp'],
  ],
  [
    'individual',
    [
      '[a-z]*assist(?:ant|ante|ent|entin|enz|ente)[a-z]*', 'asistente', '(?:ea|pa) to', 'intern', 'interns', 'internship',
      'trainee', 'apprentice', 'student', 'werkstudent[a-z]*', 'praktikant[a-z]*', 'auszubildende[rn]?', 'azubi',
      'stagiaire', 'alternant[e]?', 'alternance', 'apprenti[e]?', 'becari[oa]', 'practicante', 'pasante', 'head ?hunter[a-z]*',
    ],
  ],
  ['director', ['chief of staff', 'stabschef[a-z]*', 'jefe de gabinete', 'directeur de cabinet', 'directrice de cabinet', '(?:associate|deputy) general counsel']],
  [
    'c-level',
    [
      'ceo', 'cfo', 'cto', 'coo', 'cmo', 'cro', 'cio', 'ciso', 'chro', 'cpo', 'cdo', 'cco', 'cso', 'cao', 'clo', 'cxo', 'cbo',
      'cgo', 'cno', 'cpro', 'cdao', 'cvo', 'chief(?: [a-z0-9&]+){1,5} officer', 'chief executive', 'founder(?:in)?',
      'cofounder(?:in)?', OWNER, PARTNER_OWNER, 'president[ae]?', 'managing director[s]?', 'general manager', 'managing partner',
      'chair', 'chairman', 'chairwoman', 'chairperson', 'board member', 'member of the board', 'board director',
      'board of directors', 'non executive director', 'executive chairman', 'entrepreneur', 'proprietor', 'c level', 'c suite',
      'geschaftsfuhr[a-z]*', 'geschaeftsfuehr[a-z]*', 'geschaftsleitung', 'geschaeftsleitung', 'vorstand[a-z]*',
      'inhaber[a-z]*', '[a-z]*grunder(?:in)?', '[a-z]*gruender(?:in)?', 'gesellschafter[a-z]*', 'aufsichtsrat[a-z]*',
      'unternehmer(?:in)?', 'pdg', 'dg', 'dga', 'directeur general[a-z]*', 'directrice generale[a-z]*', 'fondat(?:eur|rice)',
      'cofondat(?:eur|rice)', 'gerante?', 'dirigeante?', 'associee?', 'chef d entreprise', 'director general',
      'directora general', 'general director', 'director ejecutivo', 'directora ejecutiva', 'consejer[oa] delegad[oa]',
      'gerente general', 'fundador[a]?', 'cofundador[a]?', 'soci[oa]', 'propietari[oa]', 'duen[oa]',
    ],
  ],
  ['vp', ['vp', 'vps', 'svp', 'evp', 'rvp', 'gvp']],
  // German team-level "Leiter" and "team leader" before the department heads.
  [
    'manager',
    ['(?:team|gruppen|projekt|schicht|filial|abschnitts)leit(?:er|erin|ung)', '(?:team|group|squad|shift|project) leader'],
  ],
  [
    'head',
    [
      'head', 'heads', '[a-z]*leiter(?:in)?', '[a-z]*leitung', 'leader', 'chief [a-z]+', 'general counsel', 'chief counsel',
      'treasurer', 'country manager', 'country lead', 'country head', 'landesleiter[a-z]*', 'secretaire generale?',
      'secretari[oa] general', 'secretary general', 'general secretary',
    ],
  ],
  [
    'director',
    [
      'director[a-z]*', 'directeur[s]?', 'directrice[s]?', 'direktor(?:in)?', '[a-z]+direktor(?:in)?', 'dir', 'prokurist[a-z]*',
      'daf', 'drh', 'dsi', 'dircom', 'direttore', 'direttrice', 'diretor[a]?',
    ],
  ],
  [
    'manager',
    [
      'manager[a-z]*', '[a-z]+manager(?:in)?', 'mgr', 'gerente', 'responsable', 'jef[ea]', 'jefatura', 'chef', 'cheffe',
      'supervis[a-z]*', 'lead(?! gen)', 'leads', 'encargad[oa]', '[a-z]*controller(?:in)?', 'business partner', 'kam', 'bdm',
      'pm', 'gpm', 'tpm', 'superviseur',
    ],
  ],
  [
    'individual',
    [
      '[a-z]*engineer[a-z]*', 'developer[a-z]*', 'programmer[a-z]*', '[a-z]*analyst(?:in|s)?', 'specialist[a-z]*', 'associate[s]?',
      'consultant[a-z]*', 'representative[s]?', 'rep', 'reps', 'executive', 'account exec', 'coordinator[a-z]*', 'administrator[a-z]*',
      'admin', 'architect[a-z]*', '[a-z]*designer(?:in|s)?', 'scientist[a-z]*', 'researcher[a-z]*', 'accountant[a-z]*',
      'bookkeeper', '[a-z]*recruiter(?:in|s)?', 'sourcer', 'counsel', 'lawyer', 'attorney', 'paralegal', 'solicitor', 'agent[s]?',
      'officer', 'technician', 'technologist', 'operator', 'clerk', 'buyer[s]?', 'planner', 'writer', 'copywriter', 'editor',
      'strategist', 'advisor', 'adviser', 'tester', 'scrum master', 'agile coach', 'owner', 'sdr', 'bdr', 'ae', 'business developer', 'member', 'staff',
      'professional', 'expert', 'contributor', 'generalist', 'partner', 'principal', 'fellow', 'trainer', 'auditor',
      'underwriter', 'freelancer', 'freelance', 'contractor', 'self employed', 'professor', 'teacher', 'secretary',
      '[a-z]*mitarbeiter(?:in)?', '[a-z]*referent(?:in)?', '[a-z]*berater(?:in)?', '[a-z]*entwickler(?:in)?',
      '[a-z]*ingenieur(?:in|e)?', '[a-z]*spezialist(?:in)?', '[a-z]*sachbearbeiter(?:in)?', '[a-z]*einkaufer(?:in)?',
      '[a-z]*buchhalter(?:in)?', '[a-z]*techniker(?:in)?', '[a-z]*architekt(?:in)?', '[a-z]*kauf(?:mann|frau|leute)',
      '[a-z]*verkaufer(?:in)?', '[a-z]*vertreter(?:in)?', '[a-z]*planer(?:in)?', '[a-z]*jurist(?:in)?', 'justiziar(?:in)?',
      '[a-z]*rechtsanwalt(?:in)?', '[a-z]*beauftragte[rn]?', 'ingenieure?s?', 'developpeu(?:r|se)s?', 'analyste', 'chargee?',
      'consultante?', 'conseill(?:er|ere)', 'technicien(?:ne)?', 'commerciale?', 'comptable', 'juriste', 'avocate?',
      'acheteu(?:r|se)', 'specialiste', 'experte?', 'gestionnaire', 'deleguee?', 'attachee?', 'redact(?:eur|rice)', 'architecte',
      'chercheu(?:r|se)', 'employee?', 'collaborat(?:eur|rice)', 'analista', 'especialista', 'ingenier[oa]',
      'desarrollador[a]?', 'programador[a]?', 'consultor[a]?', 'asesor[a]?', 'ejecutiv[oa]', 'auxiliar', 'tecnic[oa]',
      'vendedor[a]?', 'representante', 'agente', 'contador[a]?', 'contable', 'abogad[oa]', 'comprador[a]?',
      'administrativ[oa]', 'disenador[a]?', 'cientific[oa]', 'reclutador[a]?', 'coordinador[a]?', 'promotor[a]?',
      'investigador[a]?', 'arquitect[oa]', 'gestor[a]?', 'secretari[oa]',
    ],
  ],
];

const SENIORITY_RULES: ReadonlyArray<readonly [Seniority, RegExp]> = SENIORITY_TABLE.map(
  ([level, p]) => [level, p instanceof RegExp ? p : tokens(p)] as const,
);

// ---------------------------------------------------------------- normalisation

/** Letters NFD does not decompose. */
const LETTER_FOLDS: Readonly<Record<string, string>> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ı: 'i', þ: 'th' };
const LETTER_FOLD_RE = /[ßæœøłđıþ]/g;
const MARKS_RE = /\p{M}/gu;
/** "Leiter(in)", "Chargé(e)", "Director(a)", "Directeur(trice)". */
const GENDER_PAREN_RE = /\((?:in|innen|e|es|a|as|o|os|trice|rice|euse|ne|ere)\)/g;
/** "Leiter*in", "Leiter:in", "Leiter/in", "Jefe/a", "Chargé·e", "Directeur·rice". */
const GENDER_SUFFIX_RE = /[*:/·.](?:in|innen|e|es|a|as|trice|rice|euse|ne|ere)(?=[\s,;|)\]/]|$)/g;
/** "(m/w/d)", "(w/m/d)", "(f/m/x)", "(h/f)", and the same without brackets. */
const GENDER_TAG_RE = /\(?\b(?:[mwdfhx]|div)(?:\s*[/|,]\s*(?:[mwdfhx]|div)){1,2}\b\)?/g;
/** "C.E.O.", "V.P.", "R.R.H.H." */
const DOTTED_ACRONYM_RE = /\b(?:[a-z]\.){2,}/g;
/** Headline separators: pipes, bullets, spaced dashes, brackets, semicolons, emoji. */
const SEGMENT_RE = /\s[-–—~]+\s|[|｜¦•·●▪►▸✦★☆◆◇◼■□→»«‣⁃;()[\]{}\n\r\t]|\/\/|\p{Extended_Pictographic}/u;
/** What follows is the company. */
const COMPANY_RE = /(?:^|\s)(?:at|bei|chez)\s|@/;
/** "Founder of Acme", "CEO de Acme": after these, " of " introduces the company. */
const OWNER_OF_RE = /\b((?:co)?founder|ceo|owner|president|chairman|managing director|gr(?:u|ue)nder(?:in)?|inhaber(?:in)?|gesch(?:a|ae)ftsf(?:u|ue)hrer(?:in)?|(?:co)?fondat(?:eur|rice)|(?:co)?fundador[a]?|propietari[oa]|duen[oa]|pdg) (?:of|von|de|du|del|des) .*/;
const NON_TOKEN_RE = /[^a-z0-9&]+/g;
const AMP_RE = /&/g;
/** A segment about the past, not the job. */
const PAST_RE = /^(?:ex|exs|former|formerly|previously|prev|past|retired|ehemals|ehem|ehemalige[rn]?|ancien|ancienne|antiguo|antigua|anteriormente|jubilad[oa]|retraite)(?: |$)/;
const VP_RE = /\b(?:vice ?president(?:e|a|in)?|vizeprasident(?:in)?|vizepraesident(?:in)?)\b/g;
const CO_FOUND_RE = /\bco (?=found|fond|fund)/g;
const EN_RE = / en /g;

function fold(s: string): string {
  return s
    .toLowerCase()
    .normalize('NFD')
    .replace(MARKS_RE, '')
    .replace(LETTER_FOLD_RE, (c) => LETTER_FOLDS[c] ?? c);
}

/** One segment as space-separated tokens of [a-z0-9&], company and filler removed. */
function cleanSegment(raw: string): string {
  let seg = raw;
  const at = seg.search(COMPANY_RE);
  if (at >= 0) seg = seg.slice(0, at);
  seg = seg.replace(AMP_RE, ' & ').replace(NON_TOKEN_RE, ' ').trim();
  if (!seg || PAST_RE.test(seg)) return '';
  seg = seg.replace(VP_RE, 'vp').replace(CO_FOUND_RE, 'co').replace(OWNER_OF_RE, '$1');
  return cutSpanishFrenchEn(seg);
}

/** " en " introduces the company only where the words before it already name a department. */
function cutSpanishFrenchEn(seg: string): string {
  if (!seg.includes(' en ')) return seg;
  EN_RE.lastIndex = 0;
  for (let m = EN_RE.exec(seg); m; m = EN_RE.exec(seg)) {
    const before = seg.slice(0, m.index);
    if (departmentOfSegment(before)) return before;
    EN_RE.lastIndex = m.index + 1; // " en en " style overlaps
  }
  return seg;
}

function segmentsOf(title: string): string[] {
  let t = title.length > MAX_TITLE_LENGTH ? title.slice(0, MAX_TITLE_LENGTH) : title;
  t = fold(t)
    .replace(GENDER_PAREN_RE, '')
    .replace(GENDER_TAG_RE, ' ')
    .replace(GENDER_SUFFIX_RE, '')
    .replace(DOTTED_ACRONYM_RE, (m) => m.replace(/\./g, ''));
  const out: string[] = [];
  for (const raw of t.split(SEGMENT_RE)) {
    if (!raw) continue;
    const seg = cleanSegment(raw);
    if (seg) out.push(seg);
  }
  return out;
}

// ---------------------------------------------------------------- analysis

function departmentOfSegment(seg: string): Department | null {
  let best: Department | null = null;
  let bestTier = 99;
  let bestIndex = Infinity;
  let bestLength = 0;
  for (const [tier, dept, re] of DEPARTMENT_RULES) {
    if (tier > bestTier) continue;
    const m = re.exec(seg);
    if (!m) continue;
    const better =
      tier < bestTier ||
      m.index < bestIndex ||
      (m.index === bestIndex && m[0].length > bestLength);
    if (better) {
      best = dept;
      bestTier = tier;
      bestIndex = m.index;
      bestLength = m[0].length;
    }
  }
  return best;
}

function seniorityOfSegment(seg: string): Seniority {
  for (const [level, re] of SENIORITY_RULES) if (re.test(seg)) return level;
  return 'unknown';
}

interface TitleAnalysis {
  department: Department;
  seniority: Seniority;
}

const UNKNOWN: TitleAnalysis = Object.freeze({ department: 'other', seniority: 'unknown' });
const CACHE_LIMIT = 500;
const cache = new Map<string, TitleAnalysis>();

function analyse(title: unknown): TitleAnalysis {
  if (typeof title !== 'string' || !title.trim()) return UNKNOWN;
  const hit = cache.get(title);
  if (hit) return hit;

  const segments = segmentsOf(title);
  let titleIndex = -1;
  let seniority: Seniority = 'unknown';
  for (const [i, segment] of segments.entries()) {
    const s = seniorityOfSegment(segment);
    if (s !== 'unknown') {
      titleIndex = i;
      seniority = s;
      break;
    }
  }
  const titleSegment = segments[titleIndex];
  let department: Department | null = titleSegment !== undefined ? departmentOfSegment(titleSegment) : null;
  for (const [i, segment] of segments.entries()) {
    if (department) break;
    if (i !== titleIndex) department = departmentOfSegment(segment);
  }

  const result: TitleAnalysis = { department: department ?? 'other', seniority };
  if (title.length <= MAX_TITLE_LENGTH) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(title, result);
  }
  return result;
}

// ---------------------------------------------------------------- public API

/** The department a job title or LinkedIn headline belongs to; 'other' when it names none. */
export function departmentFromTitle(title: string): Department {
  return analyse(title).department;
}

/** How senior a job title is, across English, German, French and Spanish titles. */
export function seniorityFromTitle(title: string): Seniority {
  return analyse(title).seniority;
}

/** Decision makers from director up, managers influence, individual contributors use. */
export function suggestBuyingRole(title: string): BuyingRole {
  switch (seniorityFromTitle(title)) {
    case 'c-level':
    case 'vp':
    case 'head':
    case 'director':
      return 'decision-maker';
    case 'manager':
      return 'influencer';
    case 'individual':
      return 'user';
    default:
      return 'unknown';
  }
}
