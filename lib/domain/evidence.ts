/**
 * What a page's evidence (lib/sites/evidence.ts) suggests, and what accepting it writes. One place
 * for both, so the card offers exactly what the background will record. Nothing here ticks on its
 * own: the card shows each suggestion with one button, and the background writes only what the
 * tab's page still shows (lib/background/handlers/evidence.ts).
 */
import type { AirCoverItem } from './constants';
import { tickId } from './aircover';
import type { AirCoverTick } from './schema';
import type { PageContext, PageEvidence } from '../sites/types';

/** A fact the page shows about the viewer and its subject. */
export type EvidenceFact = 'connected' | 'followed' | 'savedLead' | 'companyFollowed';
export const EVIDENCE_FACTS: readonly EvidenceFact[] = ['connected', 'followed', 'savedLead', 'companyFollowed'];

/** The facts a page shows: a person's 1st degree, a Following button, a saved lead; a company's Following. */
export function factsShown(page: PageContext): EvidenceFact[] {
  if (page.kind === 'unsupported' || !page.evidence) return [];
  const e: PageEvidence = page.evidence;
  if (page.kind === 'company') return e.following ? ['companyFollowed'] : [];
  if (page.kind !== 'person') return [];
  return [
    ...(e.degree === 1 ? (['connected'] as const) : []),
    ...(e.following ? (['followed'] as const) : []),
    ...(e.savedLead ? (['savedLead'] as const) : []),
  ];
}

/** What accepting a fact writes: contact fields and at most one air-cover tick. */
export interface EvidenceWrite {
  contact?: { connected?: true; followed?: true };
  tick?: { contactId?: string; item: AirCoverItem };
}

export interface EvidenceSubject {
  contact?: { id: string; connected: boolean; followed: boolean };
  /** This week's target of the page's account, with its ticks. */
  target?: { id: string; keyContactIds: string[] };
  ticks?: readonly AirCoverTick[];
}

const done = (ticks: readonly AirCoverTick[] | undefined, id: string) => ticks?.some((t) => t.id === id && t.done) ?? false;

/**
 * What is still missing for a fact, given what Tiercover already holds. Empty when the records
 * already say it (nothing to suggest).
 * - connected: the contact's "connected on LinkedIn".
 * - followed: the contact's "followed", and for a key contact of this week's target the
 *   "Followed on their personal profiles" tick.
 * - savedLead: a saved Sales Navigator lead sends the viewer its updates: the contact's "followed"
 *   field only (no air-cover tick: the lead does not see it, unlike a follow).
 * - companyFollowed: the target's "company page follows" tick.
 */
export function writeFor(fact: EvidenceFact, s: EvidenceSubject): EvidenceWrite {
  const w: EvidenceWrite = {};
  const c = s.contact;
  if (fact === 'connected' && c && !c.connected) w.contact = { connected: true };
  if ((fact === 'followed' || fact === 'savedLead') && c && !c.followed) w.contact = { followed: true };
  if (fact === 'followed' && c && s.target?.keyContactIds.includes(c.id) && !done(s.ticks, tickId(s.target.id, c.id, 'followedPersonal'))) {
    w.tick = { contactId: c.id, item: 'followedPersonal' };
  }
  if (fact === 'companyFollowed' && s.target && !done(s.ticks, tickId(s.target.id, undefined, 'companyPageFollow'))) {
    w.tick = { item: 'companyPageFollow' };
  }
  return w;
}

export const isEmptyWrite = (w: EvidenceWrite) => !w.contact && !w.tick;

export interface Suggestion {
  fact: EvidenceFact;
  write: EvidenceWrite;
}

/** The suggestions for a page: each fact it shows that the records do not say yet. */
export function suggestionsFor(page: PageContext, s: EvidenceSubject): Suggestion[] {
  return factsShown(page)
    .map((fact) => ({ fact, write: writeFor(fact, s) }))
    .filter((x) => !isEmptyWrite(x.write));
}
