import { useSignal } from '@preact/signals';
import type { Settings } from '@/lib/domain/schema';
import { t } from '@/lib/i18n';
import { send } from '@/lib/messaging/client';
import { Status } from '../Status';
import { useAction } from '../useAsync';

type Draft = { roles: string; stages: string; weights: Settings['investWeights'] };

/** One entry per line, blank lines and repeats dropped (case aside). */
export function linesToList(text: string): string[] {
  const seen = new Set<string>();
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !seen.has(l.toLowerCase()) && seen.add(l.toLowerCase()));
}

/**
 * Strategic accounts: the roles an account team is made of, the steps of the client's journey
 * they own (seed 003), and the weights of where the costly air cover goes (seed 000).
 */
export function StrategicSettingsSection({ settings }: { settings: Settings }) {
  const draft = useSignal<Draft>({ roles: settings.teamRoles.join('\n'), stages: settings.journeyStages.join('\n'), weights: settings.investWeights });
  const { busy, message, run } = useAction();
  const d = draft.value;
  const weight = (k: keyof Draft['weights'], label: string) => (
    <div>
      <label for={`weight-${k}`}>{label}</label>
      <input
        id={`weight-${k}`}
        data-testid={`weight-${k}`}
        type="number"
        min={0}
        max={100}
        value={d.weights[k]}
        onInput={(e) => (draft.value = { ...d, weights: { ...d.weights, [k]: Number((e.target as HTMLInputElement).value) } })}
      />
    </div>
  );
  return (
    <section class="card" aria-labelledby="strategic-h">
      <h2 id="strategic-h">{t('options.strategic.title')}</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void run(async () => {
            const teamRoles = linesToList(d.roles);
            const journeyStages = linesToList(d.stages);
            if (!teamRoles.length || !journeyStages.length) throw new Error(t('options.strategic.emptyList'));
            await send('saveSettings', { settings: { teamRoles, journeyStages, investWeights: d.weights } });
            return t('options.strategic.saved');
          });
        }}
      >
        <div class="row">
          <div>
            <label for="team-roles">{t('options.strategic.roles')}</label>
            <textarea id="team-roles" data-testid="team-roles" rows={6} value={d.roles} onInput={(e) => (draft.value = { ...d, roles: (e.target as HTMLTextAreaElement).value })} />
          </div>
          <div>
            <label for="journey-stages">{t('options.strategic.stages')}</label>
            <textarea id="journey-stages" data-testid="journey-stages" rows={6} value={d.stages} onInput={(e) => (draft.value = { ...d, stages: (e.target as HTMLTextAreaElement).value })} />
          </div>
        </div>
        <h3>{t('options.strategic.weights')}</h3>
        <div class="row">
          {weight('tier', t('options.strategic.weightTier'))}
          {weight('potential', t('options.strategic.weightPotential'))}
          {weight('rating', t('options.strategic.weightRating'))}
        </div>
        <div class="row" style={{ marginTop: '12px' }}>
          <button class="primary" type="submit" data-testid="save-strategic" disabled={busy.value}>{t('options.strategic.save')}</button>
        </div>
      </form>
      <Status message={message} testId="strategic-status" />
    </section>
  );
}
