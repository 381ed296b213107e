import type { Signal } from '@preact/signals';
import { useLayoutEffect, useRef } from 'preact/hooks';
import { t } from '@/lib/i18n';
import type { CardContext } from '@/lib/messaging/protocol';
import { CardBody } from './CardBody';
import { TierBadge } from './TierBadge';

export interface CardPrefs {
  collapsed: boolean;
  hidden: boolean;
  /** Distance from the viewport's top-right corner, in px. */
  top: number;
  right: number;
}

export type CardState =
  | { status: 'reading' }
  | { status: 'ready'; ctx: CardContext }
  | { status: 'error'; message: string };

/**
 * The floating card: a header with the tier and the account (drag it by the header), collapse,
 * hide; the body is the same as the side panel's. Keyboard: Escape collapses, the toolbar
 * shortcut (Alt+Shift+T) shows or hides it.
 */
export function Card(props: {
  state: Signal<CardState>;
  prefs: Signal<CardPrefs>;
  dark: Signal<boolean>;
  /** The page's viewport (the card lives in a frame of its own size), to keep it on screen. */
  viewport: Signal<{ width: number; height: number }>;
  savePrefs: (p: CardPrefs) => void;
  refresh: () => void;
  openPanel: () => void;
}) {
  const { state, prefs } = props;
  const drag = useRef<{ x: number; y: number; top: number; right: number } | null>(null);
  const p = prefs.value;
  const s = state.value;
  // For the benchmarks: the moment the card's DOM shows an answer (a timing, nothing about the account).
  useLayoutEffect(() => {
    if (s.status === 'ready') performance.mark('tiercover:card');
  }, [s]);
  if (p.hidden) return null;
  const ctx = s.status === 'ready' ? s.ctx : undefined;
  const title = ctx?.account?.name ?? (s.status === 'reading' ? t('card.readingTitle') : ctx ? t('card.noMatchTitle') : t('manifest.name'));
  const update = (patch: Partial<CardPrefs>) => {
    prefs.value = { ...prefs.value, ...patch };
    props.savePrefs(prefs.value);
  };

  return (
    <div
      class={`tc floating${p.collapsed ? ' collapsed' : ''}${props.dark.value ? ' dark' : ''}`}
      style={{ top: `${p.top}px`, right: `${p.right}px` }}
      data-testid="card"
      data-state={s.status}
      role="complementary"
      aria-label={t('card.label')}
      onKeyDown={(e) => {
        if (e.key === 'Escape') update({ collapsed: true });
      }}
    >
      <div
        class="tc-head"
        onPointerDown={(e) => {
          if ((e.target as HTMLElement).closest('button')) return;
          // Screen coordinates: the frame moves with the card, so client coordinates would too.
          drag.current = { x: e.screenX, y: e.screenY, top: p.top, right: p.right };
          (e.currentTarget as HTMLElement).setPointerCapture(e.pointerId);
        }}
        onPointerMove={(e) => {
          const d = drag.current;
          if (!d) return;
          const vp = props.viewport.value;
          const top = Math.max(0, Math.min(vp.height - 40, d.top + e.screenY - d.y));
          const right = Math.max(0, Math.min(vp.width - 80, d.right - (e.screenX - d.x)));
          prefs.value = { ...prefs.value, top, right };
        }}
        onPointerUp={() => {
          if (drag.current) props.savePrefs(prefs.value);
          drag.current = null;
        }}
      >
        <TierBadge tier={ctx?.account?.tier} />
        <span class="name" data-testid="card-title" title={title}>
          {title}
        </span>
        <button
          type="button"
          data-testid="card-collapse"
          aria-expanded={!p.collapsed}
          aria-label={p.collapsed ? t('card.expand') : t('card.collapse')}
          onClick={() => update({ collapsed: !p.collapsed })}
        >
          {p.collapsed ? '▾' : '▴'}
        </button>
        <button type="button" data-testid="card-hide" aria-label={t('card.hide')} onClick={() => update({ hidden: true })}>
          ×
        </button>
      </div>
      {!p.collapsed && (
        <div class="tc-body">
          {s.status === 'reading' && <p class="muted">{t('card.readingBody')}</p>}
          {s.status === 'error' && (
            <p class="error" role="alert" data-testid="card-error">
              {s.message}
            </p>
          )}
          {ctx && <CardBody ctx={ctx} refresh={props.refresh} onOpenPanel={props.openPanel} />}
        </div>
      )}
    </div>
  );
}
