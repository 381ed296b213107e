/**
 * The card's place in the page: a plain `div` host (not a custom element, so a page that
 * defines one cannot upgrade it and reach its shadow root through attachInternals) with a closed
 * shadow root holding one iframe of our card page. What the card shows and every control on it
 * live in that extension document, which the page's scripts cannot read, search, script or send
 * key or clipboard events to. The frame tells us its size and place (cardLayout); we only move
 * and size the iframe.
 */
import { browser } from 'wxt/browser';
import type { CardSite } from '@/lib/domain/schema';
import type { PushMessage } from '@/lib/messaging/protocol';

type Layout = Extract<PushMessage, { type: 'cardLayout' }>;

export interface CardFrame {
  layout(l: Layout): void;
  remove(): void;
}

const px = (n: number) => `${Math.round(n)}px`;

export function mountCardFrame(opts: { site: CardSite; dark: boolean; toggle: boolean; since: number; body: HTMLElement }): CardFrame {
  const host = document.createElement('div');
  // Inline and !important: page CSS such as `body > div { display: none }` should not hide it.
  host.style.cssText = 'all: initial !important; display: block !important;';
  const root = host.attachShadow({ mode: 'closed' });
  const frame = document.createElement('iframe');
  const query = new URLSearchParams({
    site: opts.site,
    dark: opts.dark ? '1' : '0',
    vw: String(window.innerWidth),
    vh: String(window.innerHeight),
    since: String(opts.since),
    ...(opts.toggle ? { toggle: '1' } : {}),
  });
  frame.src = `${(browser.runtime.getURL as (p: string) => string)('/card.html')}?${query}`;
  frame.title = 'Tiercover';
  // "Copy page report" writes to the clipboard from inside the frame (a cross-origin frame needs leave).
  frame.allow = 'clipboard-write';
  // Hidden and unsized until the card reports its layout; transparent outside the card's box
  // (the frame document's background is transparent and its color-scheme matches ours).
  frame.style.cssText = [
    'position: fixed',
    'top: 72px',
    'right: 16px',
    'width: 340px',
    'height: 0',
    'border: 0',
    'margin: 0',
    'padding: 0',
    'background: transparent',
    'color-scheme: light',
    'border-radius: 12px',
    'box-shadow: 0 8px 28px rgba(0,0,0,.22)',
    'z-index: 2147483000',
    'visibility: hidden',
    'display: block',
  ].join(';');
  root.append(frame);
  opts.body.append(host);

  return {
    layout(l) {
      if (!l.visible || l.width <= 0 || l.height <= 0) {
        frame.style.visibility = 'hidden';
        frame.style.height = '0';
        return;
      }
      // Keep the card on screen whatever the frame asks for.
      const top = Math.max(0, Math.min(window.innerHeight - 40, l.top));
      const right = Math.max(0, Math.min(window.innerWidth - 80, l.right));
      frame.style.top = px(top);
      frame.style.right = px(right);
      frame.style.width = px(Math.min(l.width, 2000));
      frame.style.height = px(Math.min(l.height, 4000));
      frame.style.visibility = 'visible';
    },
    remove: () => host.remove(),
  };
}
