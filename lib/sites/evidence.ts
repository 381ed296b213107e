/**
 * What a LinkedIn or Sales Navigator page shows about the viewer's relation to its subject: the
 * connection degree, whether the viewer follows the person or the company, whether a Sales
 * Navigator lead is saved. Read as evidence for the card to *suggest* ticks and contact fields,
 * never to set them: a wrong reading costs a suggestion, not a record. Pure DOM reading, no text
 * from the page leaves this file except as a number or a yes/no.
 *
 * Signals, most stable first: `aria-pressed` (language-free), then aria-labels and button text in
 * the languages LinkedIn serves. Every reader is scoped to the subject's own top card, because the
 * sidebars ("People also viewed", "Pages people also viewed") carry Follow buttons and degree
 * badges of other people.
 */
import { textIn } from './dom';
import type { PageEvidence } from './types';

/**
 * Degree badge: "· 1st", "2nd", "3rd+", "· 2e" (fr/nl), "1er", "2.", "1.º", "2°", "3º".
 * LinkedIn localises the ordinal; the digit is the degree.
 */
const DEGREE = /^(?:·\s*)?([123])\s*(?:st|nd|rd|th|er|re|ème|e|\.º|\.ª|º|ª|°|\.)\+?$/iu;

/** "Following", "Unfollow", and their translations: the viewer follows the subject. */
const FOLLOWING =
  /^(?:following|unfollow|abonné|abonnée|se désabonner|ne plus suivre|gefolgt|folge ich|nicht mehr folgen|entfolgen|siguiendo|dejar de seguir|segui già|stai seguendo|non seguire più|seguindo|deixar de seguir|volgend|ontvolgen)(?!\p{L})/iu;
/** "Follow" and its translations ("Folgen: Lena Vogt" in German): the viewer does not follow yet. */
const FOLLOW = /^(?:follow|suivre|folgen|seguir|segui|volgen)(?!\p{L})/iu;

// `(?!\p{L})` rather than `\b`: `\b` is ASCII-only, so "Abonné" or "Enregistré" would never end a word.

/** Sales Navigator's save button: "Saved" (a saved lead) or "Save" (not saved), localised. */
const SAVED = /^(?:saved|gespeichert|enregistré|enregistrée|guardado|guardada|salvato|salvata|salvo|salva|opgeslagen)(?!\p{L})/iu;
const SAVE = /^(?:save|speichern|enregistrer|guardar|salva|salvar|opslaan)(?!\p{L})/iu;

/** Degree from the badges of a top card. */
export function degreeFrom(badges: readonly string[]): PageEvidence['degree'] {
  const seen = new Set<number>();
  for (const b of badges) {
    const m = DEGREE.exec(b.trim());
    if (m) seen.add(Number(m[1]));
  }
  if (seen.size === 1) return [...seen][0] as 1 | 2 | 3;
  // The 2026 top card pre-renders a hidden "· 1st" next to the real badge (all three 2026
  // captures, each of a person who is NOT a connection: a pending invitation, a Follow-first and a
  // Message-first profile). With one other degree beside it, that other one is the reading.
  // Never read "connected" from a mixed card: a missed suggestion costs nothing, a false one does.
  const others = [...seen].filter((d) => d !== 1);
  return others.length === 1 ? (others[0] as 2 | 3) : undefined;
}

/** Followed or not, from a control's pressed state, else its label; undefined when it is no follow control. */
export function followState(el: Element): boolean | undefined {
  // The visible text ("✓ Gefolgt": leading marks dropped) and the aria-label ("Unfollow Acme").
  const labels = [textIn(el)?.replace(/^[^\p{L}]+/u, ''), el.getAttribute('aria-label')?.trim()].filter((l): l is string => !!l);
  if (!labels.some((l) => FOLLOWING.test(l) || FOLLOW.test(l))) return undefined;
  const pressed = el.getAttribute('aria-pressed');
  if (pressed === 'true') return true;
  if (pressed === 'false') return false;
  return labels.some((l) => FOLLOWING.test(l));
}

/**
 * The first follow control in `root`. When a name is given, a control whose aria-label names
 * someone else ("Follow Ines Novak" in a similar-profiles strip inside the card) is skipped.
 */
export function followIn(root: Element | undefined, name?: string): boolean | undefined {
  if (!root) return undefined;
  for (const el of root.querySelectorAll('button, a[role="button"], a[aria-label], [role="button"]')) {
    const state = followState(el);
    if (state === undefined) continue;
    const aria = el.getAttribute('aria-label');
    if (name && aria && aria.split(/\s+/).length > 1 && !aria.toLowerCase().includes(name.toLowerCase())) continue;
    return state;
  }
  return undefined;
}

/** Saved-lead state from Sales Navigator's save call-to-action (`data-x--lead-save-cta`). */
export function savedLeadFrom(cta: Element | null | undefined): boolean | undefined {
  if (!cta) return undefined;
  // The visible text first: the aria-label reads "Save <name> as a lead. Save to list." in
  // captures where the text says "Save"; the saved state changes the text for sure.
  for (const label of [textIn(cta), cta.getAttribute('aria-label')?.trim()]) {
    if (!label) continue;
    if (SAVED.test(label)) return true;
    if (SAVE.test(label)) return false;
  }
  return undefined;
}

/** Drops empty fields; undefined when nothing was read. */
export function evidenceOf(e: PageEvidence): PageEvidence | undefined {
  const out: PageEvidence = {};
  if (e.degree !== undefined) out.degree = e.degree;
  if (e.following !== undefined) out.following = e.following;
  if (e.savedLead !== undefined) out.savedLead = e.savedLead;
  return Object.keys(out).length ? out : undefined;
}
