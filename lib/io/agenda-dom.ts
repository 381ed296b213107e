/**
 * The agenda as DOM: real tables (caption, thead, th scope), lists and headings, every string set
 * with textContent. The print view shows this tree; "Copy as rich text" serialises the same tree
 * for the clipboard. Markup is never built from strings, so no account name or note can become
 * HTML. Inline styles on tables, because a pasted email or Teams message keeps no stylesheet.
 */
import { timeBox, type Agenda, type AgendaBlock, type AgendaList, type AgendaTable } from './agenda';

type Doc = Pick<Document, 'createElement'>;

const CELL_STYLE = 'border:1px solid #999;padding:4px 6px;text-align:left;vertical-align:top';

function el<K extends keyof HTMLElementTagNameMap>(doc: Doc, tag: K, text?: string, attrs: Record<string, string> = {}): HTMLElementTagNameMap[K] {
  const e = doc.createElement(tag);
  if (text !== undefined) e.textContent = text;
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  return e;
}

function listEl(doc: Doc, b: Pick<AgendaList, 'items' | 'empty'>): HTMLElement {
  if (!b.items.length) return el(doc, 'p', b.empty, { class: 'empty' });
  const ul = el(doc, 'ul');
  for (const item of b.items) {
    const li = el(doc, 'li', item.text);
    if (item.details?.length) {
      const sub = el(doc, 'ul');
      for (const d of item.details) sub.append(el(doc, 'li', d));
      li.append(sub);
    }
    ul.append(li);
  }
  return ul;
}

function tableEl(doc: Doc, t: AgendaTable): HTMLElement {
  if (!t.rows.length) {
    const wrap = el(doc, 'div');
    wrap.append(el(doc, 'p', t.caption, { class: 'caption' }), el(doc, 'p', t.empty, { class: 'empty' }));
    return wrap;
  }
  const table = el(doc, 'table', undefined, { style: 'border-collapse:collapse;margin:6px 0' });
  table.append(el(doc, 'caption', t.caption, { style: 'text-align:left;font-weight:600;padding:4px 0' }));
  const head = el(doc, 'thead');
  const hr = el(doc, 'tr');
  t.head.forEach((h) => hr.append(el(doc, 'th', h, { scope: 'col', style: CELL_STYLE })));
  head.append(hr);
  const body = el(doc, 'tbody');
  for (const row of t.rows) {
    const tr = el(doc, 'tr');
    row.forEach((cell, i) => {
      const numeric = t.numeric?.includes(i);
      tr.append(i === 0 ? el(doc, 'th', cell, { scope: 'row', style: CELL_STYLE }) : el(doc, 'td', cell, { style: numeric ? `${CELL_STYLE};text-align:right` : CELL_STYLE, ...(numeric ? { class: 'num' } : {}) }));
    });
    body.append(tr);
  }
  table.append(head, body);
  return table;
}

function blockEl(doc: Doc, b: AgendaBlock): HTMLElement[] {
  if (b.kind === 'text') return [el(doc, 'p', b.text)];
  if (b.kind === 'table') return [tableEl(doc, b)];
  return [...(b.title ? [el(doc, 'h3', b.title)] : []), listEl(doc, b)];
}

/** The whole agenda as one element, ready to show or to copy. */
export function agendaDom(doc: Doc, a: Agenda): HTMLElement {
  const root = el(doc, 'article', undefined, { class: 'agenda-doc' });
  root.append(el(doc, 'h1', a.title), el(doc, 'p', a.summary, { class: 'summary' }));

  const order: AgendaTable = {
    kind: 'table',
    caption: `Running order (${a.minutes} minutes)`,
    head: ['Time', 'Item', 'Minutes'],
    numeric: [2],
    rows: a.sections.map((s) => [timeBox(s), s.title, String(s.minutes)]),
    lines: [],
    empty: '',
  };
  root.append(tableEl(doc, order));

  a.sections.forEach((s, i) => {
    const section = el(doc, 'section', undefined, { 'data-section': s.id });
    section.append(el(doc, 'h2', `${i + 1}. ${s.title}, ${timeBox(s)} (${s.minutes} min)`));
    for (const b of s.blocks) section.append(...blockEl(doc, b));
    root.append(section);
  });
  return root;
}
