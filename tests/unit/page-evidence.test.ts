// @vitest-environment happy-dom
/**
 * Evidence read from the page (lib/sites/evidence.ts): degree badges, follow controls and Sales
 * Navigator's save button, in the languages LinkedIn serves. The fixture pages' readings are in
 * manifest.json (tests/unit/sites.test.ts runs them); these pin the rules themselves.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { degreeFrom, followIn, followState, savedLeadFrom } from '../../lib/sites/evidence';
import { readPage } from '../../lib/sites/index';

const el = (html: string) => new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html').body.firstElementChild!;

describe('connection degree', () => {
  it.each([
    [['· 1st'], 1], [['2nd'], 2], [['3rd+'], 3], [['· 1er'], 1], [['· 2e'], 2], [['2.'], 2], [['1°'], 1], [['3º'], 3], [['2.º'], 2],
  ] as const)('%j reads as %i', (badges, d) => expect(degreeFrom(badges)).toBe(d));

  it('a pre-rendered "1st" beside the real badge (2026 captures) reads as the other degree', () => {
    expect(degreeFrom(['· 1st', '· 2nd'])).toBe(2);
    expect(degreeFrom(['· 2nd', '· 1st'])).toBe(2);
  });

  it('never guesses: no badge, or two badges other than 1st, is no reading', () => {
    expect(degreeFrom([])).toBeUndefined();
    expect(degreeFrom(['· 2nd', '· 3rd'])).toBeUndefined();
    expect(degreeFrom(['He/Him', '500+ connections', '1st Street'])).toBeUndefined();
  });
});

describe('follow controls', () => {
  it.each([
    ['<button aria-pressed="true" aria-label="Follow Ann Lee">Follow</button>', true],
    ['<button aria-pressed="false" aria-label="Following Ann Lee">Following</button>', false],
    ['<button aria-label="Unfollow Ann Lee"><span>Following</span></button>', true],
    ['<button aria-label="Folgen: Ann Lee"><span>Folgen</span></button>', false],
    ['<button><span>✓ Gefolgt</span></button>', true],
    ['<button aria-label="Ne plus suivre Ann Lee"><span>Abonné</span></button>', true],
    ['<button><span>Suivre</span></button>', false],
    ['<button><span>Siguiendo</span></button>', true],
    ['<button><span>Segui già</span></button>', true],
    ['<button><span>Segui</span></button>', false],
    ['<button aria-label="Message Ann Lee">Message</button>', undefined],
    ['<button>Followers</button>', undefined],
  ] as const)('%s', (html, state) => expect(followState(el(html))).toBe(state));

  it("skips a control that names someone else (a similar-profiles strip)", () => {
    const root = el('<div><button aria-label="Follow Ines Novak">Follow</button><button aria-label="Following Ann Lee">Following</button></div>');
    expect(followIn(root, 'Ann Lee')).toBe(true);
    expect(followIn(el('<div><button aria-label="Follow Ines Novak">Follow</button></div>'), 'Ann Lee')).toBeUndefined();
  });
});

describe('Sales Navigator saved lead', () => {
  it.each([
    ['<button data-x--lead-save-cta aria-label="Save Ann Lee as a lead. Save to list."><span>Save</span></button>', false],
    ['<button data-x--lead-save-cta><span>Saved</span></button>', true],
    ['<button data-x--lead-save-cta><span>Speichern</span></button>', false],
    ['<button data-x--lead-save-cta><span>Gespeichert</span></button>', true],
    ['<button data-x--lead-save-cta><span>Enregistré</span></button>', true],
    ['<button data-x--lead-save-cta><span>Guardado</span></button>', true],
    ['<button data-x--lead-save-cta><span>Message</span></button>', undefined],
  ] as const)('%s', (html, state) => expect(savedLeadFrom(el(html))).toBe(state));
});

describe('evidence stays with the subject', () => {
  const DIR = join(__dirname, '../fixtures/pages');
  const load = (f: string) => new DOMParser().parseFromString(readFileSync(join(DIR, f), 'utf8'), 'text/html');
  const manifest = JSON.parse(readFileSync(join(DIR, 'manifest.json'), 'utf8')) as { fixtures: { file: string; url: string; expected: { evidence?: unknown } }[] };

  it.each(manifest.fixtures.filter((f) => !f.expected.evidence).map((f) => [f.file, f.url]))(
    '%s: no evidence where the manifest expects none (logged out, sub-pages, CRM pages)',
    (file, url) => {
      const ctx = readPage(load(file), new URL(url));
      expect(ctx.kind === 'unsupported' ? undefined : ctx.evidence).toBeUndefined();
    },
  );
});
