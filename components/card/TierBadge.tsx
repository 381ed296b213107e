import type { TierResult } from '@/lib/domain/tier';
import { TIER_LABELS, TIER_SHORT } from '@/lib/domain/tier';

/** The tier at a glance: short label, full name for screen readers, hatched when provisional. */
export function TierBadge({ tier }: { tier?: TierResult }) {
  if (!tier) return <span class="tier none" data-testid="tier-badge" aria-label="No account">–</span>;
  const label = `${TIER_LABELS[tier.tier]}${tier.provisional ? ', provisional' : ''}${tier.override ? ', override' : ''}`;
  return (
    <span class={`tier ${tier.tier}${tier.provisional ? ' provisional' : ''}`} data-testid="tier-badge" data-tier={tier.tier} title={label} aria-label={label}>
      {TIER_SHORT[tier.tier]}
    </span>
  );
}
