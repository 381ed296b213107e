/** The toolbar badge shows the tier of the account on the tab's page. */
import { browser } from 'wxt/browser';
import { TIER_SHORT } from '../domain/tier';
import { t } from '../i18n';
import type { Tier } from '../domain/schema';
import type { CardContext } from '../messaging/protocol';

// Keyed by Tier, so every tier has a colour (the compiler checks it).
const COLORS: Record<Tier, string> = { global: '#6d28d9', tier1: '#047857', tier2: '#1d4ed8', tier3: '#b45309', tier4: '#6b7280' };

export async function setBadge(tabId: number, ctx: CardContext) {
  const action = browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;
  const tier = ctx.account?.tier.tier;
  try {
    await action.setBadgeText({ tabId, text: tier ? TIER_SHORT[tier] : ctx.page.kind === 'unsupported' ? '' : '?' });
    await action.setBadgeBackgroundColor({ tabId, color: tier ? COLORS[tier] : '#9ca3af' });
    await action.setTitle({
      tabId,
      title: ctx.account ? t('badge.account', { name: ctx.account.name, sentence: ctx.account.tier.sentence }) : t('badge.noMatch'),
    });
  } catch {
    /* the tab closed meanwhile */
  }
}
