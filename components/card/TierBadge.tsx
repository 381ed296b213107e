import type { TierResult } from '@/lib/domain/tier';
import { TIER_SHORT } from '@/lib/domain/tier';
import { t } from '@/lib/i18n';
import { tierLabel } from '@/lib/i18n/labels';

/** The tier at a glance: short label, full name for screen readers, hatched when provisional. */
export function TierBadge({ tier }: { tier?: TierResult }) {
  if (!tier) return <span class="tier none" data-testid="tier-badge" aria-label={t('card.tier.none')}>–</span>;
  let label = tierLabel(tier.tier);
  if (tier.provisional) label = t('card.tier.provisional', { tier: label });
  if (tier.override) label = t('card.tier.override', { tier: label });
  return (
    <span class={`tier ${tier.tier}${tier.provisional ? ' provisional' : ''}`} data-testid="tier-badge" data-tier={tier.tier} title={label} aria-label={label}>
      {TIER_SHORT[tier.tier]}
    </span>
  );
}
