import type { ComponentChildren } from 'preact';
import type { FactorKey, FactorState } from '@/lib/domain/schema';
import type { TierResult } from '@/lib/domain/tier';

const STATE_LABEL: Record<FactorState, string> = { checked: '✓ yes', unchecked: '✗ no', unknown: '? unknown' };

/** The tier's one sentence, and on demand every box with a control to set the manual ones. */
export function TierExplain({ tier, onSetFactor, children }: { tier: TierResult; onSetFactor?: (key: FactorKey, state: FactorState) => void; children?: ComponentChildren }) {
  return (
    <div>
      <p data-testid="tier-sentence">{tier.sentence}</p>
      <details data-testid="tier-why">
        <summary>Why?</summary>
        <ul class="plain factors">
          {tier.factors.map((f) => (
            <li key={f.key}>
              <span>
                {f.label}
                {f.detail && <span class="muted"> ({f.detail})</span>}
              </span>
              {f.source === 'data' || !onSetFactor ? (
                <span class={`state-${f.state}`}>{STATE_LABEL[f.state]}</span>
              ) : (
                <select
                  aria-label={`${f.label}: ${f.state}`}
                  data-testid={`factor-${f.key}`}
                  value={f.state}
                  onChange={(e) => onSetFactor(f.key, (e.target as HTMLSelectElement).value as FactorState)}
                >
                  <option value="checked">✓ yes</option>
                  <option value="unchecked">✗ no</option>
                  <option value="unknown">? unknown</option>
                </select>
              )}
            </li>
          ))}
        </ul>
        {children}
      </details>
    </div>
  );
}
