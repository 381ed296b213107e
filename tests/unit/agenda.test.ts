// @vitest-environment happy-dom
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { focusReport, workThisWeek } from '@/lib/domain/focus';
import { defaultSettings, type Target, type WeekId } from '@/lib/domain/schema';
import { computeTier } from '@/lib/domain/tier';
import { previousWeek } from '@/lib/domain/week';
import { buildAgenda, RUNNING_ORDER, type AgendaList, type AgendaTable } from '@/lib/io/agenda';
import { agendaDom } from '@/lib/io/agenda-dom';
import { agendaMarkdown, mdText } from '@/lib/io/agenda-markdown';
import type { WeekData } from '@/lib/io/csv-export';
import { makeSampleData } from '@/lib/sample';
import { must } from './helpers/must';

const NOW = new Date('2026-11-25T12:00:00Z');
const WEEK: WeekId = '2026-W48';
const sample = makeSampleData({ now: NOW, yourName: 'Sam Rep' });
const settings = { ...defaultSettings(NOW.getTime()), yourName: 'Sam Rep' };

function weekData(targets = sample.targets.filter((t) => t.weekId === WEEK)): WeekData {
  return {
    weekId: WEEK,
    accounts: sample.accounts,
    contacts: sample.contacts,
    targets,
    ticks: sample.ticks.filter((t) => t.weekId === WEEK),
    previousTargets: sample.targets.filter((t) => t.weekId === previousWeek(WEEK)),
    settings,
    now: NOW.getTime(),
  };
}
const accountName = (t: Target) => sample.accounts.find((a) => a.id === t.accountId)!.name;
const tierOf = (t: Target) => computeTier(sample.accounts.find((a) => a.id === t.accountId)!, settings, NOW).tier;
const section = (a: ReturnType<typeof buildAgenda>, id: string) => a.sections.find((s) => s.id === id)!;

describe('the agenda', () => {
  const data = weekData();

  it('runs 30 minutes in five time boxes, in order', () => {
    const a = buildAgenda(data);
    expect(a.minutes).toBe(30);
    expect(a.sections.map((s) => [s.id, s.start, s.minutes])).toEqual([
      ['focus', 0, 5],
      ['strategic', 5, 10],
      ['changes', 15, 5],
      ['asks', 20, 5],
      ['decisions', 25, 5],
    ]);
    expect(RUNNING_ORDER.reduce((n, s) => n + s.minutes, 0)).toBe(30);
    expect(a.title).toBe('Weekly alignment: 2026-W48 (23 Nov – 29 Nov 2026)');
  });

  it('judges focus on the share of targets and the share of this week\'s air-cover work', () => {
    const a = buildAgenda(data);
    const [table, drift] = section(a, 'focus').blocks as [AgendaTable, AgendaList];
    expect(table.head).toContain('Share of work');
    expect(table.rows).toHaveLength(5);
    const tiers = new Map(data.targets.map((t) => [t.id, tierOf(t)]));
    const report = focusReport(
      data.targets.filter((t) => t.status !== 'dropped').map(tierOf),
      workThisWeek(data.ticks, WEEK).map((t) => tiers.get(t.targetId)!),
      settings,
    );
    expect(drift.items.map((i) => i.text)).toEqual(report.drift);
    const global = report.rows.find((r) => r.tier === 'global')!;
    expect(table.rows.find((r) => r[0] === 'Global')).toEqual([
      'Global', String(global.targets), `${global.targetShare} %`, String(global.work), `${global.workShare} %`, '20–25 %',
      global.drift === 'ok' ? 'on plan' : global.drift, global.workDrift === 'ok' ? 'on plan' : global.workDrift,
    ]);
    expect(table.lines[0]).toMatch(/^Tier 1: \d+ targets?, \d+ % of targets \((on plan|under|over)\); \d+ % of air-cover work \((on plan|under|over)\); plan 60–70 %$/);
  });

  it('details Tier 1 and Global targets; the others are a reference table', () => {
    const a = buildAgenda(data);
    const [list, others] = section(a, 'strategic').blocks as [AgendaList, AgendaTable];
    const strategic = data.targets.filter((t) => ['tier1', 'global'].includes(tierOf(t)));
    expect(list.items).toHaveLength(strategic.length);
    expect(others.rows).toHaveLength(data.targets.length - strategic.length);
    for (const t of strategic) {
      const item = list.items.find((i) => i.text.startsWith(`${accountName(t)} (`))!;
      expect(item.details).toEqual(expect.arrayContaining([expect.stringMatching(/^Owners: sales /), 'Next step: not set', 'Ask of the other team: none', 'Decision: none yet']));
    }
  });

  it('lists what is new, carried over, dropped and done', () => {
    const blocks = section(buildAgenda(data), 'changes').blocks;
    const titles = blocks.filter((b): b is AgendaList => b.kind === 'list').map((b) => b.title);
    // Last week: 8 targets, 4 carried over, one dropped and one done with reasons, two not carried.
    expect(titles).toEqual(['New (8)', 'Carried over (4)', 'Dropped (3)', 'Done (1)']);
    const dropped = blocks[2] as AgendaList;
    expect(dropped.items.map((i) => i.text).join('\n')).toContain('Too small: handed to nurture');
    expect(blocks.at(-1)).toEqual({ kind: 'text', text: `Air cover added this week: ${workThisWeek(data.ticks, WEEK).length} items ticked.` });
  });

  it('carries each target\'s next step, owner, ask and decision into the asks and decisions', () => {
    const [head, ...rest] = data.targets;
    const first = must(head, 'a target in the sample week');
    const decided: Target = { ...first, nextStep: 'Send the ROI deck', nextStepOwner: 'Sam Rep', ask: 'Marketing: a case study for retail', decision: 'Joint webinar in January' };
    const a = buildAgenda(weekData([decided, ...rest]));
    const name = accountName(first);
    const [asks] = section(a, 'asks').blocks as [AgendaTable];
    expect(asks.rows).toEqual([[name, 'Marketing: a case study for retail', decided.salesOwner, decided.marketingOwner]]);
    const [decisions, open] = section(a, 'decisions').blocks as [AgendaTable, AgendaList];
    expect(decisions.rows).toEqual([[name, 'Joint webinar in January', 'Send the ROI deck', 'Sam Rep']]);
    expect(open.items.map((i) => i.text)).not.toContain(name);
    expect(open.items).toHaveLength(rest.filter((t) => t.status !== 'dropped').length);
    const md = agendaMarkdown(a);
    expect(md).toContain(`- ${name}: decision: Joint webinar in January; next step: Send the ROI deck (owner: Sam Rep)`);
    expect(md).toContain('Next step: Send the ROI deck (owner: Sam Rep)');
  });

  it('says so when there is nothing to discuss', () => {
    const a = buildAgenda({ ...weekData([]), previousTargets: [], ticks: [] });
    expect(agendaMarkdown(a)).toContain('- No Tier 1 or Global targets this week.');
    expect(agendaMarkdown(a)).toContain('- No asks recorded yet');
    expect(agendaMarkdown(a)).toContain('- No targets yet this week.');
  });
});

describe('the agenda as Markdown', () => {
  const evil = '=cmd|\' /C calc\'!A0 *bold* [x](javascript:alert(1)) <img src=x onerror=alert(1)> | # _u_ `c` \\(esc\\) &amp;';
  const t = must(weekData().targets[0], 'a target in the sample week');
  const hacked: WeekData = {
    ...weekData(),
    accounts: sample.accounts.map((a) => (a.id === t.accountId ? { ...a, name: evil } : a)),
    targets: [{ ...t, notes: 'line 1\n# not a heading\n- not a list', decision: '1. Go\n> quoted' }],
  };

  it('has headings and lists only: no tables, no escapes', () => {
    const md = agendaMarkdown(buildAgenda(weekData()));
    expect(md).toMatch(/^# Weekly alignment: 2026-W48 \(23 Nov – 29 Nov 2026\)\n/);
    expect(md).toContain('## Running order (30 minutes)\n\n- 0:00–0:05 Focus against plan (5 min)\n- 0:05–0:15 Tier 1 and Global targets (10 min)');
    expect(md).toContain('## 5. Decisions and next steps, 0:25–0:30 (5 min)');
    expect(md).not.toContain('\\');
    expect(md).not.toContain('|');
    for (const line of md.split('\n')) expect(line).toMatch(/^(|#{1,3} \S.*|- .*| {2}- .*|[^\s#>|*+-].*)$/);
  });

  it('sanitises hostile text instead of escaping it', () => {
    const md = agendaMarkdown(buildAgenda(hacked));
    expect(md).not.toContain('\\');
    expect(md).not.toMatch(/<img|\[x\]\(|\*bold\*|`c`|&amp;/);
    expect(md).toContain("=cmd/' /C calc'!A0 ∗bold∗ (x)(javascript:alert(1)) ‹img src=x onerror=alert(1)› / # -u- 'c' /(esc/) & amp;");
    expect(md).toContain('Notes: line 1 # not a heading - not a list');
    expect(md).toContain('Decision: 1. Go › quoted'); // mid-line, a number opens nothing
    expect(md.split('\n').some((l) => /^\s*(#|>)\s*not/.test(l))).toBe(false);
  });

  it('mdText: keeps plain text and web addresses as they are', () => {
    expect(mdText('Northwind Analytics (UK), 5–10 names: 40 % done!')).toBe('Northwind Analytics (UK), 5–10 names: 40 % done!');
    expect(mdText('see https://example.com/deck_v2*final.pdf now')).toBe('see https://example.com/deck_v2*final.pdf now');
    expect(mdText('# Plan')).toBe('Plan');
    expect(mdText('- - + item')).toBe('item');
    expect(mdText('2026. A year')).toBe('2026 A year');
    expect(mdText('3M')).toBe('3M');
    expect(mdText(undefined)).toBe('');
  });

  it('mdText: output never holds a backslash, markup characters or a block opener (property)', () => {
    const nasty = fc.constantFrom('\\', '`', '*', '_', '~', '[', ']', '(', ')', '<', '>', '|', '#', '-', '+', '=', '!', '&', ';', '1', '.', ' ', '\n', '\r', '\t', 'a', 'é', '😀', '\u2028', 'http://x.y/', 'amp');
    const text = fc.oneof(fc.string(), fc.string({ unit: nasty }), fc.string({ unit: 'binary' }));
    fc.assert(
      fc.property(text, (s) => {
        const out = mdText(s);
        expect(out).not.toMatch(/\\/);
        expect(out).not.toMatch(/\\[!-/:-@[-`{-~]/); // the brief's wording: no backslash before punctuation
        expect(out).not.toMatch(/[\r\n\u2028\u2029`<>|[\]]/);
        // Emphasis characters only inside a web address, where they are part of it.
        expect(out.replace(/https?:\/\/\S+/gi, '')).not.toMatch(/[*_~]/);
        expect(out).not.toMatch(/^(?:[#>+=*-]+|\d+[.)])(\s|$)/);
        expect(out).not.toMatch(/&#?[a-z0-9]+;/i);
        expect(out).toBe(out.trim());
        expect(mdText(out)).toBe(out); // idempotent: sanitising twice changes nothing
      }),
      { numRuns: 500 },
    );
  });
});

describe('the agenda as DOM (print view, rich-text copy)', () => {
  it('has real tables and lists, text only', () => {
    const t = must(weekData().targets[0], 'a target in the sample week');
    const data: WeekData = { ...weekData(), accounts: sample.accounts.map((a) => (a.id === t.accountId ? { ...a, name: '<img src=x onerror=alert(1)>' } : a)) };
    const root = agendaDom(document, buildAgenda(data));
    document.body.replaceChildren(root);
    const tables = [...root.querySelectorAll('table')];
    expect(tables.length).toBeGreaterThanOrEqual(3); // running order, focus, other targets
    expect(must(tables[0]).querySelector('caption')!.textContent).toBe('Running order (30 minutes)');
    expect([...must(tables[0]).querySelectorAll('tbody tr')].map((r) => r.textContent)).toEqual([
      '0:00–0:05Focus against plan5',
      '0:05–0:15Tier 1 and Global targets10',
      '0:15–0:20New, carried over and dropped5',
      '0:20–0:25Asks between the teams5',
      '0:25–0:30Decisions and next steps5',
    ]);
    expect(must(tables[1]).querySelectorAll('thead th[scope=col]')).toHaveLength(8);
    expect(root.querySelectorAll('section h2')).toHaveLength(5);
    expect(root.querySelectorAll('ul li ul li').length).toBeGreaterThan(0);
    expect(root.querySelector('img')).toBeNull();
    expect(root.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(root.textContent).not.toContain('|');
  });
});
