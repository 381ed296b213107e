import { useSignal } from '@preact/signals';
import type { Tier } from '@/lib/domain/schema';
import { clearedSentence, TIER_ORDER } from '@/lib/domain/tier';
import { t } from '@/lib/i18n';
import { tierLabel } from '@/lib/i18n/labels';
import type { AccountView } from '@/lib/messaging/protocol';

/**
 * Set or clear an account's tier override, each with a reason. The override itself is shown by
 * the tier sentence above (once); this shows only the control, and why the last one was cleared.
 */
export function TierOverride({ account, onSave }: { account: AccountView; onSave: (tier: Tier | null, reason: string) => Promise<unknown> }) {
  const open = useSignal(false);
  const current = account.tier.override?.tier;
  const tier = useSignal<Tier>(current ?? TIER_ORDER.find((x) => x !== account.tier.computed)!);
  const reason = useSignal('');
  const error = useSignal<string | null>(null);
  const close = () => {
    open.value = false;
    reason.value = '';
  };
  if (!open.value) {
    return (
      <div class="row">
        <button class="btn" data-testid="override-open" onClick={() => (open.value = true)}>
          {current ? t('week.override.clearOpen') : t('week.override.open')}
        </button>
        {!current && account.overrideCleared && (
          <span class="muted" data-testid="override-cleared">{clearedSentence(account.overrideCleared)}</span>
        )}
      </div>
    );
  }
  return (
    <form
      class="row"
      data-testid="override-form"
      aria-label={current ? t('week.override.clearForm') : t('week.override.form')}
      onKeyDown={(e) => e.key === 'Escape' && close()}
      onSubmit={(e) => {
        e.preventDefault();
        error.value = null;
        void onSave(current ? null : tier.value, reason.value.trim()).then(close, (err: Error) => (error.value = err.message));
      }}
    >
      {!current && (
        <select aria-label={t('week.accounts.tier')} data-testid="override-tier" value={tier.value} onChange={(e) => (tier.value = (e.target as HTMLSelectElement).value as Tier)}>
          {TIER_ORDER.map((x) => (
            <option key={x} value={x}>{tierLabel(x)}</option>
          ))}
        </select>
      )}
      <input
        type="text"
        required
        maxLength={2000}
        autoFocus
        data-testid="override-reason"
        aria-label={current ? t('week.override.clearWhy') : t('week.override.why')}
        placeholder={current ? t('week.override.clearPlaceholder') : t('week.override.placeholder')}
        value={reason.value}
        onInput={(e) => (reason.value = (e.target as HTMLInputElement).value)}
      />
      <button class="btn primary" type="submit" data-testid="override-submit" disabled={!reason.value.trim()}>
        {current ? t('week.override.clear') : t('week.override.set')}
      </button>
      <button class="btn" type="button" onClick={close}>{t('common.cancel')}</button>
      {error.value && <p class="error" role="alert">{error.value}</p>}
    </form>
  );
}
