import { useSignal } from '@preact/signals';
import { FACTOR_KEYS, TIERS } from '@/lib/domain/constants';
import type { Settings } from '@/lib/domain/schema';
import { send } from '@/lib/messaging/client';
import { Status } from '../Status';
import { useAction } from '../useAsync';
import { t } from '@/lib/i18n';
import { factorLabel, tierLabel } from '@/lib/i18n/labels';

type Draft = Pick<Settings, 'factorLabels' | 'tierThresholds' | 'employeeBand' | 'focusBands' | 'coverage'>;

function NumberField(props: { id: string; label: string; value: number; min?: number; max?: number; step?: number; onValue: (n: number) => void }) {
  return (
    <div>
      <label for={props.id}>{props.label}</label>
      <input
        id={props.id}
        data-testid={props.id}
        type="number"
        value={props.value}
        min={props.min}
        max={props.max}
        step={props.step ?? 1}
        onInput={(e) => props.onValue(Number((e.target as HTMLInputElement).value))}
      />
    </div>
  );
}

/** Tier rules, bands and coverage minimums. Saving re-tiers every account at once. */
export function TieringSection({ settings }: { settings: Settings }) {
  const draft = useSignal<Draft>({
    factorLabels: settings.factorLabels,
    tierThresholds: settings.tierThresholds,
    employeeBand: settings.employeeBand,
    focusBands: settings.focusBands,
    coverage: settings.coverage,
  });
  const { busy, message, run } = useAction();
  const d = draft.value;
  const set = (patch: Partial<Draft>) => (draft.value = { ...draft.value, ...patch });

  return (
    <section class="card" aria-labelledby="tier-h">
      <h2 id="tier-h">{t('options.tiering.heading')}</h2>
      <p class="muted">
        {t('options.tiering.intro')}
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void run(async () => {
            await send('saveSettings', { settings: draft.value });
            return t('options.tiering.saved');
          });
        }}
      >
        <h3>{t('options.tiering.boxes')}</h3>
        <div class="row">
          {FACTOR_KEYS.map((k) => (
            <div key={k}>
              <label for={`label-${k}`}>{factorLabel(k)}</label>
              <input
                id={`label-${k}`}
                value={d.factorLabels[k] ?? factorLabel(k)}
                maxLength={100}
                onInput={(e) => {
                  const v = (e.target as HTMLInputElement).value.trim();
                  set({ factorLabels: { ...d.factorLabels, [k]: v && v !== factorLabel(k) ? v : undefined } });
                }}
              />
            </div>
          ))}
        </div>
        <h3>{t('options.tiering.rules')}</h3>
        <div class="row">
          <NumberField id="band-min" label={t('options.tiering.bandFrom')} value={d.employeeBand.min} min={0} onValue={(n) => set({ employeeBand: { ...d.employeeBand, min: n } })} />
          <NumberField id="band-max" label={t('options.tiering.bandTo')} value={d.employeeBand.max} min={0} onValue={(n) => set({ employeeBand: { ...d.employeeBand, max: n } })} />
          <NumberField id="tenure-years" label={t('options.tiering.tenure')} value={d.tierThresholds.tenureYears} min={0} max={200} onValue={(n) => set({ tierThresholds: { ...d.tierThresholds, tenureYears: n } })} />
          <NumberField id="global-employees" label={t('options.tiering.globalFrom')} value={d.tierThresholds.globalEmployees} min={1} onValue={(n) => set({ tierThresholds: { ...d.tierThresholds, globalEmployees: n } })} />
          <NumberField id="tier2-share" label={t('options.tiering.tier2From')} value={Math.round(d.tierThresholds.tier2 * 100)} min={0} max={100} onValue={(n) => set({ tierThresholds: { ...d.tierThresholds, tier2: n / 100 } })} />
          <NumberField id="tier3-share" label={t('options.tiering.tier3From')} value={Math.round(d.tierThresholds.tier3 * 100)} min={0} max={100} onValue={(n) => set({ tierThresholds: { ...d.tierThresholds, tier3: n / 100 } })} />
        </div>
        <h3>{t('options.tiering.focusBands')}</h3>
        <table>
          <thead><tr><th>{t('week.accounts.tier')}</th><th>{t('options.tiering.from')}</th><th>{t('options.tiering.to')}</th></tr></thead>
          <tbody>
            {TIERS.map((tier) => (
              <tr key={tier}>
                <td>{tierLabel(tier)}</td>
                {(['min', 'max'] as const).map((k) => (
                  <td key={k}>
                    <input
                      type="number"
                      aria-label={k === 'min' ? t('options.tiering.focusFrom', { tier: tierLabel(tier) }) : t('options.tiering.focusTo', { tier: tierLabel(tier) })}
                      min={0}
                      max={100}
                      value={d.focusBands[tier]?.[k] ?? 0}
                      onInput={(e) => set({ focusBands: { ...d.focusBands, [tier]: { ...d.focusBands[tier], [k]: Number((e.target as HTMLInputElement).value) } } })}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        <h3>{t('card.coverage.heading')}</h3>
        <div class="row">
          <NumberField id="cov-min" label={t('options.tiering.namesMin')} value={d.coverage.minContacts} min={1} max={100} onValue={(n) => set({ coverage: { ...d.coverage, minContacts: n } })} />
          <NumberField id="cov-max" label={t('options.tiering.namesMax')} value={d.coverage.maxContacts} min={1} max={200} onValue={(n) => set({ coverage: { ...d.coverage, maxContacts: n } })} />
          <NumberField id="cov-depts" label={t('options.tiering.deptsMin')} value={d.coverage.minDepartments} min={1} max={14} onValue={(n) => set({ coverage: { ...d.coverage, minDepartments: n } })} />
          <NumberField id="cov-stale" label={t('options.tiering.stale')} value={d.coverage.staleDays} min={1} max={3650} onValue={(n) => set({ coverage: { ...d.coverage, staleDays: n } })} />
        </div>
        <div class="row" style={{ marginTop: '12px' }}>
          <button class="primary" type="submit" data-testid="save-tiering" disabled={busy.value}>
            {t('options.tiering.save')}
          </button>
        </div>
      </form>
      <Status message={message} testId="tiering-status" />
    </section>
  );
}
