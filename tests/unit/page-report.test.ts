// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPage } from '../../lib/sites/index';
import { pageReport, pageStructure, urlShape } from '../../lib/sites/report';

const DIR = join(__dirname, '../fixtures/pages');
const manifest = JSON.parse(readFileSync(join(DIR, 'manifest.json'), 'utf8')) as { fixtures: { file: string; url: string }[] };

/** Every word of visible text and every attribute value a page holds. */
function pageWords(doc: Document): Set<string> {
  const words = new Set<string>();
  const add = (s: string | null | undefined) => (s ?? '').split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 4).forEach((w) => words.add(w.toLowerCase()));
  add(doc.body?.textContent);
  add(doc.title);
  for (const el of doc.querySelectorAll('*')) for (const a of el.getAttributeNames()) if (!/^(class|style)$/.test(a)) add(el.getAttribute(a));
  return words;
}

const REPORT_WORDS = new Set(
  'tiercover page report structure only names text from the type read could not signals found fields name company domain landmarks shape custom host person linkedin salesnav salesforce hubspot unsupported reads chrome test https http www com lightning force hubspot app-eu1 org'.split(' '),
);

describe('page report', () => {
  it('keeps the URL shape, never its names or ids', () => {
    expect(urlShape('https://www.linkedin.com/in/jane-doe-4b1a2/recent-activity/all/?trk=abc')).toBe('https://www.linkedin.com/in/<id>/recent-activity/all/?trk=…');
    expect(urlShape('https://de.linkedin.com/company/brauhaus-systems/about/')).toBe('https://de.linkedin.com/company/<name>/about/');
    expect(urlShape('https://acme.lightning.force.com/lightning/r/Account/001000000000001AAA/view')).toBe('https://<org>.lightning.force.com/lightning/r/Account/<id>/view');
    expect(urlShape('https://crm.acme.example/x/1')).toBe('https://<custom host>/<name>/<id>');
  });

  it.each(manifest.fixtures)('$file: no word of the page is in the report', ({ file, url }) => {
    const doc = new DOMParser().parseFromString(readFileSync(join(DIR, file), 'utf8'), 'text/html');
    const report = pageReport(readPage(doc, new URL(url)), pageStructure(doc), { version: '0.2.0', browser: 'Chrome 156' });
    const leaked = [...pageWords(doc)].filter((w) => !REPORT_WORDS.has(w) && !/^\d+$/.test(w) && report.toLowerCase().split(/[^\p{L}\p{N}]+/u).includes(w));
    // Landmark and signal names are ours; page words that happen to equal one are allowed.
    const ours = /^(json|code|main|iframe|interop|componentkey|topcard|testid|anonymize|view|aria|label|href|about|experience|title|headline|semaphore|highlights|records|selenium|data|sdui|screen|chicklet|field|property|email|jobtitle|website|account|contact|lead|opportunity|classic|active|panel|search|link|header|industry|headcount|current|role|urn|sales|employees|error|public|self|structure|frame|details|recent|activity|overlay|info|test|people|about|company|title|highlighttitle|top|card|line|hiring|accountid|contacts|record|evidence|follow|button|save|cta|degree|badge|dist|value|name|sublabel)$/;
    expect(leaked.filter((w) => !ours.test(w))).toEqual([]);
  });
});
