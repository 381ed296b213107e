import { useSignal } from '@preact/signals';
import { sameName } from '@/lib/domain/roster';
import type { RosterMember, Settings, Team } from '@/lib/domain/schema';
import { send } from '@/lib/messaging/client';
import { Status } from '../Status';
import { useAction } from '../useAsync';
import { t } from '@/lib/i18n';

/**
 * The team roster: owners of targets are picked from it, so "Mine" matches your name exactly
 * instead of whatever was typed.
 */
export function RosterSection({ settings }: { settings: Settings }) {
  const roster = useSignal<RosterMember[]>(settings.roster);
  const name = useSignal('');
  const team = useSignal<Team>('sales');
  const { busy, message, run } = useAction();
  const save = (next: RosterMember[], text: string) =>
    run(async () => {
      await send('saveSettings', { settings: { roster: next } });
      roster.value = next;
      return text;
    });
  const add = (m: RosterMember) => {
    const n = m.name.trim();
    if (!n) return;
    if (roster.value.some((x) => sameName(x.name, n))) {
      message.value = { kind: 'error', text: t('options.roster.exists', { name: n }) };
      return;
    }
    void save([...roster.value, { name: n, team: m.team }], t('options.roster.added', { name: n })).then(() => (name.value = ''));
  };
  const you = settings.yourName.trim();
  const youMissing = !!you && !roster.value.some((m) => sameName(m.name, you));
  return (
    <section class="card" aria-labelledby="roster-h">
      <h2 id="roster-h">{t('common.team')}</h2>
      <p class="muted">{t('options.roster.intro')}</p>
      {roster.value.length === 0 && <p data-testid="roster-empty">{t('options.roster.empty')}</p>}
      {youMissing && (
        <p>
          {t('options.roster.youMissing', { name: you })}{' '}
          <button type="button" data-testid="roster-add-you" onClick={() => add({ name: you, team: settings.team })}>{settings.team === 'sales' ? t('options.roster.addMeSales') : t('options.roster.addMeMarketing')}</button>
        </p>
      )}
      {roster.value.length > 0 && (
        <table data-testid="roster">
          <thead><tr><th>{t('common.name')}</th><th>{t('common.team')}</th><th><span class="muted">{t('common.remove')}</span></th></tr></thead>
          <tbody>
            {roster.value.map((m) => (
              <tr key={m.name}>
                <td>{sameName(m.name, you) ? t('options.roster.you', { name: m.name }) : m.name}</td>
                <td>
                  <select
                    aria-label={t('options.roster.teamOf', { name: m.name })}
                    value={m.team}
                    onChange={(e) => void save(roster.value.map((x) => (x === m ? { ...x, team: (e.target as HTMLSelectElement).value as Team } : x)), t('common.saved'))}
                  >
                    <option value="sales">{t('common.sales')}</option>
                    <option value="marketing">{t('common.marketing')}</option>
                  </select>
                </td>
                <td>
                  <button type="button" aria-label={t('card.contacts.removeName', { name: m.name })} onClick={() => void save(roster.value.filter((x) => x !== m), t('options.roster.removed', { name: m.name }))}>✕</button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form
        class="row"
        onSubmit={(e) => {
          e.preventDefault();
          add({ name: name.value, team: team.value });
        }}
      >
        <div>
          <label for="roster-name">{t('common.name')}</label>
          <input id="roster-name" data-testid="roster-name" maxLength={200} value={name.value} onInput={(e) => (name.value = (e.target as HTMLInputElement).value)} />
        </div>
        <div>
          <label for="roster-team">{t('common.team')}</label>
          <select id="roster-team" data-testid="roster-team" value={team.value} onChange={(e) => (team.value = (e.target as HTMLSelectElement).value as Team)}>
            <option value="sales">{t('common.sales')}</option>
            <option value="marketing">{t('common.marketing')}</option>
          </select>
        </div>
        <button class="primary" type="submit" data-testid="roster-add" disabled={busy.value} style={{ alignSelf: 'flex-end' }}>{t('common.add')}</button>
      </form>
      <Status message={message} testId="roster-status" />
    </section>
  );
}
