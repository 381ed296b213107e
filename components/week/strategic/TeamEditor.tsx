import { t } from '@/lib/i18n';
import { useSignal } from '@preact/signals';
import { stageGaps, teamLine } from '@/lib/domain/account-team';
import { AIR_COVER_GROUPS } from '@/lib/domain/constants';
import type { AccountTeam, AirCoverGroup, TeamMember } from '@/lib/domain/schema';
import { GROUP_LABELS } from '@/lib/domain/aircover';

/**
 * The account team's members beyond the four standing seats: a role (Options → Team roles), the
 * steps of the client's journey each owns and the air-cover groups each runs (seed 003). Saved
 * as a whole list on every change; the seats stay in the fields above.
 */
export function TeamEditor({ team, roles, stages, names, onSave }: { team: AccountTeam; roles: string[]; stages: string[]; names: string[]; onSave: (members: TeamMember[]) => Promise<void> }) {
  const members = team.members ?? [];
  const name = useSignal('');
  const role = useSignal(roles[0] ?? '');
  const gaps = stageGaps(team, stages);
  const update = (i: number, m: TeamMember) => onSave(members.map((x, j) => (j === i ? m : x)));
  const toggle = <T,>(list: T[], v: T) => (list.includes(v) ? list.filter((x) => x !== v) : [...list, v]);
  return (
    <div class="list" data-testid="team-editor">
      <p class="muted" data-testid="team-line">{teamLine(team) || t('strategic.team.empty')}</p>
      {members.length > 0 && (
        <table class="accounts">
          <thead><tr><th>{t('strategic.team.member')}</th><th>{t('strategic.team.role')}</th><th>{t('strategic.team.stages')}</th><th>{t('strategic.team.airCover')}</th><th /></tr></thead>
          <tbody>
            {members.map((m, i) => (
              <tr key={`${m.name}-${i}`} data-testid="team-member">
                <td>{m.name}</td>
                <td>
                  <select aria-label={t('strategic.team.roleOf', { name: m.name })} value={m.role} onChange={(e) => void update(i, { ...m, role: (e.target as HTMLSelectElement).value })}>
                    {[...new Set([...roles, m.role])].map((r) => <option key={r} value={r}>{r}</option>)}
                  </select>
                </td>
                <td>
                  {stages.map((s) => (
                    <label key={s} class="chip">
                      <input type="checkbox" checked={m.stages.includes(s)} onChange={() => void update(i, { ...m, stages: toggle(m.stages, s) })} /> {s}
                    </label>
                  ))}
                </td>
                <td>
                  {(Object.keys(AIR_COVER_GROUPS) as AirCoverGroup[]).map((g) => (
                    <label key={g} class="chip">
                      <input type="checkbox" checked={m.airCover.includes(g)} onChange={() => void update(i, { ...m, airCover: toggle(m.airCover, g) })} /> {GROUP_LABELS[g]}
                    </label>
                  ))}
                </td>
                <td><button class="btn" aria-label={t('strategic.team.removeLabel', { name: m.name })} onClick={() => void onSave(members.filter((_, j) => j !== i))}>{t('strategic.team.remove')}</button></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {gaps.length > 0 && <p class="muted" data-testid="team-stage-gaps">{t('strategic.team.journey', { gaps: gaps.join('; ') })}</p>}
      <form
        class="row"
        onSubmit={(e) => {
          e.preventDefault();
          if (!name.value.trim()) return;
          void onSave([...members, { name: name.value.trim(), role: role.value, stages: [], airCover: [] }]).then(() => (name.value = ''));
        }}
      >
        <input type="text" list="team-names" aria-label={t('strategic.team.nameLabel')} placeholder={t('strategic.team.namePlaceholder')} data-testid="team-add-name" value={name.value} onInput={(e) => (name.value = (e.target as HTMLInputElement).value)} />
        <datalist id="team-names">{names.map((n) => <option key={n} value={n} />)}</datalist>
        <select aria-label={t('strategic.team.roleLabel')} data-testid="team-add-role" value={role.value} onChange={(e) => (role.value = (e.target as HTMLSelectElement).value)}>
          {roles.map((r) => <option key={r} value={r}>{r}</option>)}
        </select>
        <button class="btn" type="submit" data-testid="team-add">{t('strategic.team.add')}</button>
      </form>
    </div>
  );
}
