import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { onChange, send } from '@/lib/messaging/client';
import type { CardContext } from '@/lib/messaging/protocol';
import { CardBody } from '../card/CardBody';
import { TierBadge } from '../card/TierBadge';
import '../card/card.css';
import { WeekView } from '../week/WeekView';
import { AccountList } from '../week/AccountList';
import { t } from '@/lib/i18n';
import { StrategyView } from '../week/strategic/StrategyView';

type Tab = 'page' | 'week' | 'accounts' | 'strategy';

/**
 * The side panel (Chrome) / sidebar (Firefox), and the same views in a full tab (`app.html`):
 * this page's card, this week's list, the accounts.
 */
export function SidePanelApp({ full = false }: { full?: boolean }) {
  const tab = useSignal<Tab>(full ? 'week' : 'page');
  const you = useSignal('');
  useEffect(() => {
    void send('getSettings', {}).then((s) => (you.value = s.yourName), () => undefined);
  }, []);
  const dark = window.matchMedia('(prefers-color-scheme: dark)').matches;
  const tabs: [Tab, string][] = full
    ? [['week', t('sidepanel.thisWeek')], ['accounts', t('sidepanel.accounts')], ['strategy', t('strategic.tab')]]
    : [['page', t('sidepanel.thisPage')], ['week', t('sidepanel.thisWeek')], ['accounts', t('sidepanel.accounts')], ['strategy', t('strategic.tab')]];
  return (
    <div class={`tc${dark ? ' dark' : ''}`} data-testid={full ? 'fullview' : 'sidepanel'} style={{ minHeight: '100vh' }}>
      <div class="tabs" role="tablist">
        {tabs.map(([k, label]) => (
          <button key={k} role="tab" aria-selected={tab.value === k} data-testid={`tab-${k}`} onClick={() => (tab.value = k)}>
            {label}
          </button>
        ))}
        {!full && (
          <a class="muted" style={{ marginLeft: 'auto', alignSelf: 'center', fontSize: '12px' }} href={browser.runtime.getURL('/app.html')} target="_blank" rel="noopener">
            {t('sidepanel.openTab')}
          </a>
        )}
      </div>
      <div class={full ? 'wide' : ''}>
        {tab.value === 'page' && <PagePanel />}
        {tab.value === 'week' && <div class="tc-body"><WeekView you={you.value} /></div>}
        {tab.value === 'accounts' && <div class="tc-body"><AccountList /></div>}
        {tab.value === 'strategy' && <div class="tc-body"><StrategyView /></div>}
      </div>
    </div>
  );
}

/** The active tab's card, adding nothing to the page. */
function PagePanel() {
  const ctx = useSignal<CardContext | null | undefined>(undefined);
  const error = useSignal<string | null>(null);

  const loader = useSignal<() => void>(() => undefined);

  useEffect(() => {
    const ac = new AbortController();
    let seq = 0;
    const load = async () => {
      const mine = ++seq;
      try {
        // `?tab=<id>` pins the panel to one tab (the full-tab view, and tests); otherwise the active tab.
        const pinned = Number(new URLSearchParams(location.search).get('tab')) || undefined;
        const tabId = pinned ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
        const res = tabId !== undefined ? await send('getTabContext', { tabId }) : null;
        if (mine === seq) {
          ctx.value = res;
          error.value = null;
        }
      } catch (e) {
        if (mine === seq) error.value = (e as Error).message;
      }
    };
    loader.value = () => void load();
    void load();
    onChange(() => void load(), ac.signal, { coalesceMs: 150 });
    // A tab reported a new page (navigation inside LinkedIn or a CRM): reload if it is ours.
    const onTabPage = (m: unknown, sender: { id?: string }) => {
      if (sender.id === browser.runtime.id && (m as { type?: string })?.type === 'tabPageChanged') void load();
    };
    browser.runtime.onMessage.addListener(onTabPage);
    const onActivated = () => void load();
    const onUpdated = (_id: number, info: { status?: string }) => {
      if (info.status === 'complete') void load();
    };
    browser.tabs.onActivated.addListener(onActivated);
    browser.tabs.onUpdated.addListener(onUpdated);
    ac.signal.addEventListener('abort', () => {
      browser.runtime.onMessage.removeListener(onTabPage);
      browser.tabs.onActivated.removeListener(onActivated);
      browser.tabs.onUpdated.removeListener(onUpdated);
    });
    return () => ac.abort();
  }, []);

  const c = ctx.value;
  return (
    <div>
      <div class="tc-head" style={{ cursor: 'default' }}>
        <TierBadge tier={c?.account?.tier} />
        <span class="name" data-testid="panel-title">
          {c?.account?.name ?? (c === undefined ? t('common.loading') : c ? t('card.noMatchTitle') : t('manifest.name'))}
        </span>
      </div>
      <div class="tc-body">
        {error.value && <p class="error" role="alert">{error.value}</p>}
        {c === null && (
          <p class="muted" data-testid="panel-empty">
            {t('sidepanel.empty')}
          </p>
        )}
        {c && <CardBody ctx={c} refresh={() => loader.value()} />}
      </div>
    </div>
  );
}
