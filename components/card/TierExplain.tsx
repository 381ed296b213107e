import type { ComponentChildren } from 'preact';
import type { FactorKey, FactorState } from '@/lib/domain/schema';
import type { TierResult } from '@/lib/domain/tier';
import { t } from '@/lib/i18n';
import { LazyDetails } from '../LazyDetails';

const stateLabel = (s: FactorState) => (s === 'checked' ? t('card.tier.yes') : s === 'unchecked' ? t('card.tier.no') : t('card.tier.unknown'));

/** The tier's one sentence, and on demand every box with a control to set the manual ones. */
export function TierExplain({ tier, onSetFactor, children }: { tier: TierResult; onSetFactor?: (key: FactorKey, state: FactorState) => void; children?: ComponentChildren }) {
  return (
    <div>
      <p data-testid="tier-sentence">{tier.sentence}</p>
      <LazyDetails data-testid="tier-why" summary={t('card.tier.why')}>
        <ul class="plain factors">
          {tier.factors.map((f) => (
            <li key={f.key}>
              <span>
                {f.label}
                {f.detail && <span class="muted"> ({f.detail})</span>}
              </span>
              {f.source === 'data' || !onSetFactor ? (
                <span class={`state-${f.state}`}>{stateLabel(f.state)}</span>
              ) : (
                <select
                  aria-label={`${f.label}: ${stateLabel(f.state)}`}
                  data-testid={`factor-${f.key}`}
                  value={f.state}
                  onChange={(e) => onSetFactor(f.key, (e.target as HTMLSelectElement).value as FactorState)}
                >
                  <option value="checked">{t('card.tier.yes')}</option>
                  <option value="unchecked">{t('card.tier.no')}</option>
                  <option value="unknown">{t('card.tier.unknown')}</option>
                </select>
              )}
            </li>
          ))}
        </ul>
        {children}
      </LazyDetails>
    </div>
  );
}
