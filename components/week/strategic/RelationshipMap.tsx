import { t } from '@/lib/i18n';
import { useSignal } from '@preact/signals';
import { useLayoutEffect, useRef } from 'preact/hooks';
import { MAP_GRID, mapLayout, type MapNode } from '@/lib/domain/relationships';
import { BUYING_ROLE_LABELS as ROLE_LABELS, BUYING_ROLES, INFLUENCE_LEVELS, RELATIONSHIP_STRENGTHS } from '@/lib/domain/constants';
import type { Request } from '@/lib/messaging/protocol';
import type { ContactView } from '@/lib/messaging/protocol';
import { INFLUENCE_LABELS, STRENGTH_LABELS } from './labels';
import './strategic.css';

type Changes = Request<'setRelationship'>['changes'];
export type SetRelationship = (contactId: string, changes: Changes) => Promise<void>;

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** What a node says, also its accessible name: the map must read the same without the drawing. */
export function nodeSentence(c: ContactView, byId: Map<string, ContactView>): string {
  const parts = [
    c.title ? `${c.name}, ${c.title}` : c.name,
    ROLE_LABELS[c.buyingRole],
    c.influence ? INFLUENCE_LABELS[c.influence] : 'influence not set',
    c.strength ? STRENGTH_LABELS[c.strength] : 'relationship not rated',
    c.relationshipOwner ? `owned by ${c.relationshipOwner}` : 'no owner on our side',
  ];
  const boss = c.reportsTo ? byId.get(c.reportsTo) : undefined;
  if (boss) parts.push(`reports to ${boss.name}`);
  return parts.join('; ');
}

/**
 * The relationship map: the account's people as an org chart (who reports to whom), each box
 * saying role, influence, our relationship's strength and its owner on our side. Edited in
 * place: click a box or press Enter on it to edit it below the map; arrows move between boxes
 * (up to the manager, down to a report, left and right along the row); drag one box onto another
 * to say who reports to whom. Words and line styles carry the meaning, not colour alone, so the
 * map reads in print and in dark mode.
 */
export function RelationshipMap({ contacts, owners, onSet }: { contacts: ContactView[]; owners: string[]; onSet: SetRelationship }) {
  const selected = useSignal<string | null>(null);
  const dragFrom = useSignal<string | null>(null);
  const svg = useRef<SVGSVGElement>(null);
  const live = contacts.filter((c) => c.status !== 'left');
  if (!live.length) return <p class="muted" data-testid="map-empty">{t('strategic.map.empty')}</p>;
  const layout = mapLayout(live);
  const byId = new Map(live.map((c) => [c.id, c]));
  const nodeOf = new Map(layout.nodes.map((n) => [n.id, n]));
  const focusNode = (id: string) => svg.current?.querySelector<SVGGElement>(`[data-contact="${CSS.escape(id)}"]`)?.focus();

  /** Arrow keys walk the chart: up to the manager, down to the first report, along the row. */
  const neighbour = (n: MapNode, key: string): string | undefined => {
    if (key === 'ArrowUp') return n.parent;
    if (key === 'ArrowDown') return layout.nodes.filter((m) => m.parent === n.id).sort((a, b) => a.x - b.x)[0]?.id;
    const row = layout.nodes.filter((m) => m.depth === n.depth).sort((a, b) => a.x - b.x);
    const i = row.findIndex((m) => m.id === n.id);
    return key === 'ArrowLeft' ? row[i - 1]?.id : key === 'ArrowRight' ? row[i + 1]?.id : undefined;
  };

  const drop = async (onto: string) => {
    const from = dragFrom.value;
    dragFrom.value = null;
    if (from && from !== onto) await onSet(from, { reportsTo: onto });
  };

  const sel = selected.value ? byId.get(selected.value) : undefined;
  return (
    <div class="list">
      <div class="map-scroll">
        <svg
          ref={svg}
          class="relmap"
          role="group"
          aria-label={t('strategic.map.label')}
          width={layout.width}
          height={layout.height}
          viewBox={`0 0 ${layout.width} ${layout.height}`}
          data-testid="relationship-map"
          onPointerUp={() => (dragFrom.value = null)}
        >
          {layout.nodes.map((n) => {
            const p = n.parent ? nodeOf.get(n.parent) : undefined;
            if (!p) return null;
            const x1 = p.x + MAP_GRID.nodeWidth / 2;
            const y1 = p.y + MAP_GRID.nodeHeight;
            const x2 = n.x + MAP_GRID.nodeWidth / 2;
            const y2 = n.y;
            const mid = (y1 + y2) / 2;
            return <path key={`l-${n.id}`} class="relmap-line" d={`M${x1},${y1} V${mid} H${x2} V${y2}`} />;
          })}
          {layout.nodes.map((n) => {
            const c = byId.get(n.id)!;
            const isSel = selected.value === c.id;
            return (
              <g
                key={c.id}
                data-contact={c.id}
                data-testid="map-node"
                class={`relmap-node strength-${c.strength ?? 'unset'} influence-${c.influence ?? 'unset'}${isSel ? ' selected' : ''}${dragFrom.value === c.id ? ' dragging' : ''}`}
                transform={`translate(${n.x},${n.y})`}
                // Lower case: in SVG, Preact sets attributes, and SVG attribute names are case-sensitive.
                tabindex={0}
                role="button"
                aria-pressed={isSel}
                aria-label={nodeSentence(c, byId)}
                onClick={() => (selected.value = isSel ? null : c.id)}
                onPointerDown={(e) => {
                  if (e.button === 0) dragFrom.value = c.id;
                }}
                onPointerUp={(e) => {
                  e.stopPropagation();
                  if (dragFrom.value && dragFrom.value !== c.id) void drop(c.id);
                  else dragFrom.value = null;
                }}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' || e.key === ' ') {
                    e.preventDefault();
                    selected.value = isSel ? null : c.id;
                  } else if (e.key.startsWith('Arrow')) {
                    const next = neighbour(n, e.key);
                    e.preventDefault();
                    if (next) focusNode(next);
                  }
                }}
              >
                <title>{nodeSentence(c, byId)}</title>
                <rect class="relmap-box" width={MAP_GRID.nodeWidth} height={MAP_GRID.nodeHeight} rx="6" />
                {c.influence === 'high' && <rect class="relmap-influence" width="6" height={MAP_GRID.nodeHeight} rx="3" />}
                <text x="12" y="18" class="relmap-name">{clip(c.name, 22)}</text>
                <text x="12" y="34" class="relmap-small">{clip(c.title ?? '', 28)}</text>
                <text x="12" y="50" class="relmap-small">
                  {ROLE_LABELS[c.buyingRole]} · {c.influence ?? '?'} · {c.strength ?? t('strategic.map.unrated')}
                </text>
                <text x="12" y="66" class={`relmap-small${c.relationshipOwner ? '' : ' relmap-missing'}`}>
                  {c.relationshipOwner ? t('strategic.map.ownerIs', { name: clip(c.relationshipOwner, 18) }) : t('strategic.map.noOwner')}
                </text>
              </g>
            );
          })}
        </svg>
      </div>
      <p class="muted">{t('strategic.map.help')}</p>
      {sel && (
        <NodeEditor
          key={sel.id}
          c={sel}
          others={live.filter((x) => x.id !== sel.id)}
          owners={owners}
          onSet={onSet}
          onClose={() => {
            const id = sel.id;
            selected.value = null;
            queueMicrotask(() => focusNode(id));
          }}
        />
      )}
    </div>
  );
}

/** One person's place on the map; every change is saved as it is made. Escape goes back to the map. */
function NodeEditor({ c, others, owners, onSet, onClose }: { c: ContactView; others: ContactView[]; owners: string[]; onSet: SetRelationship; onClose: () => void }) {
  const ownerChoices = [...new Set([...owners, ...(c.relationshipOwner ? [c.relationshipOwner] : [])])];
  // Opened from the map: the keyboard carries on in the first field (autofocus only works on load).
  const first = useRef<HTMLSelectElement>(null);
  useLayoutEffect(() => first.current?.focus(), []);
  const pick = (field: keyof Changes) => (e: Event) => {
    const v = (e.target as HTMLSelectElement).value;
    void onSet(c.id, { [field]: v === '' ? null : v } as Changes);
  };
  return (
    <fieldset
      class="form node-editor"
      data-testid="map-editor"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onClose();
        }
      }}
    >
      <legend>{c.name}{c.title ? `, ${c.title}` : ''}</legend>
      <label>
        {t('strategic.map.buyingRole')}
        <select class="field" data-testid="map-role" value={c.buyingRole} onChange={pick('buyingRole')} ref={first}>
          {BUYING_ROLES.map((r) => <option key={r} value={r}>{ROLE_LABELS[r]}</option>)}
        </select>
      </label>
      <label>
        {t('strategic.map.influence')}
        <select class="field" data-testid="map-influence" value={c.influence ?? ''} onChange={pick('influence')}>
          <option value="">{t('strategic.map.notSet')}</option>
          {INFLUENCE_LEVELS.map((x) => <option key={x} value={x}>{INFLUENCE_LABELS[x]}</option>)}
        </select>
      </label>
      <label>
        {t('strategic.map.strength')}
        <select class="field" data-testid="map-strength" value={c.strength ?? ''} onChange={pick('strength')}>
          <option value="">{t('strategic.map.notRated')}</option>
          {RELATIONSHIP_STRENGTHS.map((x) => <option key={x} value={x}>{STRENGTH_LABELS[x]}</option>)}
        </select>
      </label>
      <label>
        {t('strategic.map.reportsTo')}
        <select class="field" data-testid="map-reports-to" value={c.reportsTo ?? ''} onChange={pick('reportsTo')}>
          <option value="">{t('strategic.map.nobodyOnMap')}</option>
          {others.map((o) => <option key={o.id} value={o.id}>{o.name}{o.title ? `, ${o.title}` : ''}</option>)}
        </select>
      </label>
      <label>
        {t('strategic.map.owner')}
        <select class="field" data-testid="map-owner" value={c.relationshipOwner ?? ''} onChange={pick('relationshipOwner')}>
          <option value="">{t('strategic.map.nobodyYet')}</option>
          {ownerChoices.map((o) => <option key={o} value={o}>{o}</option>)}
        </select>
      </label>
      <div class="actions">
        <button type="button" class="btn" data-testid="map-editor-close" onClick={onClose}>{t('strategic.map.done')}</button>
      </div>
    </fieldset>
  );
}
