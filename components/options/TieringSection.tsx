import { useSignal } from '@preact/signals';
import { FACTOR_KEYS, TIERS } from '@/lib/domain/constants';
import type { Settings } from '@/lib/domain/schema';
import { DEFAULT_FACTOR_LABELS, TIER_LABELS } from '@/lib/domain/tier';
import { send } from '@/lib/messaging/client';
import { Status } from '../Status';
import { useAction } from '../useAsync';

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
      <h2 id="tier-h">Tiering</h2>
      <p class="muted">
        Global: Fortune-500-class accounts, whatever the boxes. Tier 1: all boxes checked, product fit included. Tier 2: at
        least the Tier 2 share of boxes. Tier 3: at least the Tier 3 share. Tier 4: fewer. Employee size and tenure are
        filled from the data when an account has it.
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void run(async () => {
            await send('saveSettings', { settings: draft.value });
            return 'Saved: every account re-tiered.';
          });
        }}
      >
        <h3>Boxes</h3>
        <div class="row">
          {FACTOR_KEYS.map((k) => (
            <div key={k}>
              <label for={`label-${k}`}>{DEFAULT_FACTOR_LABELS[k]}</label>
              <input
                id={`label-${k}`}
                value={d.factorLabels[k] ?? DEFAULT_FACTOR_LABELS[k]}
                maxLength={100}
                onInput={(e) => {
                  const v = (e.target as HTMLInputElement).value.trim();
                  set({ factorLabels: { ...d.factorLabels, [k]: v && v !== DEFAULT_FACTOR_LABELS[k] ? v : undefined } });
                }}
              />
            </div>
          ))}
        </div>
        <h3>Rules</h3>
        <div class="row">
          <NumberField id="band-min" label="Employee band from" value={d.employeeBand.min} min={0} onValue={(n) => set({ employeeBand: { ...d.employeeBand, min: n } })} />
          <NumberField id="band-max" label="Employee band to" value={d.employeeBand.max} min={0} onValue={(n) => set({ employeeBand: { ...d.employeeBand, max: n } })} />
          <NumberField id="tenure-years" label="Tenure: founded years ago" value={d.tierThresholds.tenureYears} min={0} max={200} onValue={(n) => set({ tierThresholds: { ...d.tierThresholds, tenureYears: n } })} />
          <NumberField id="global-employees" label="Global from employees" value={d.tierThresholds.globalEmployees} min={1} onValue={(n) => set({ tierThresholds: { ...d.tierThresholds, globalEmployees: n } })} />
          <NumberField id="tier2-share" label="Tier 2 from % of boxes" value={Math.round(d.tierThresholds.tier2 * 100)} min={0} max={100} onValue={(n) => set({ tierThresholds: { ...d.tierThresholds, tier2: n / 100 } })} />
          <NumberField id="tier3-share" label="Tier 3 from % of boxes" value={Math.round(d.tierThresholds.tier3 * 100)} min={0} max={100} onValue={(n) => set({ tierThresholds: { ...d.tierThresholds, tier3: n / 100 } })} />
        </div>
        <h3>Focus bands (% of the week)</h3>
        <table>
          <thead><tr><th>Tier</th><th>From %</th><th>To %</th></tr></thead>
          <tbody>
            {TIERS.map((t) => (
              <tr key={t}>
                <td>{TIER_LABELS[t]}</td>
                {(['min', 'max'] as const).map((k) => (
                  <td key={k}>
                    <input
                      type="number"
                      aria-label={`${TIER_LABELS[t]} focus ${k === 'min' ? 'from' : 'to'} %`}
                      min={0}
                      max={100}
                      value={d.focusBands[t]?.[k] ?? 0}
                      onInput={(e) => set({ focusBands: { ...d.focusBands, [t]: { ...d.focusBands[t], [k]: Number((e.target as HTMLInputElement).value) } } })}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        <h3>Coverage</h3>
        <div class="row">
          <NumberField id="cov-min" label="Names at least" value={d.coverage.minContacts} min={1} max={100} onValue={(n) => set({ coverage: { ...d.coverage, minContacts: n } })} />
          <NumberField id="cov-max" label="Names up to" value={d.coverage.maxContacts} min={1} max={200} onValue={(n) => set({ coverage: { ...d.coverage, maxContacts: n } })} />
          <NumberField id="cov-depts" label="Departments at least" value={d.coverage.minDepartments} min={1} max={14} onValue={(n) => set({ coverage: { ...d.coverage, minDepartments: n } })} />
          <NumberField id="cov-stale" label="Unverified is stale after (days)" value={d.coverage.staleDays} min={1} max={3650} onValue={(n) => set({ coverage: { ...d.coverage, staleDays: n } })} />
        </div>
        <div class="row" style={{ marginTop: '12px' }}>
          <button class="primary" type="submit" data-testid="save-tiering" disabled={busy.value}>
            Save and re-tier
          </button>
        </div>
      </form>
      <Status message={message} testId="tiering-status" />
    </section>
  );
}
