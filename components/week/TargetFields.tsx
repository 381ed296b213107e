import type { TargetRow } from '@/lib/db/week';
import { ownerChoices } from '@/lib/domain/roster';
import type { RosterMember, Team } from '@/lib/domain/schema';
import { send } from '@/lib/messaging/client';
import { useAutosave } from './useAutosave';
import { t } from '@/lib/i18n';

/**
 * Owners and notes of a target. Owners are picked from the team roster (Options → Team), so
 * "Mine" matches; notes are saved as they are typed. Each field is saved alone, so two people
 * editing different fields of one target both land.
 */
export function TargetFields({ row, roster, act }: { row: TargetRow; roster: RosterMember[]; act: (fn: () => Promise<unknown>) => Promise<void> }) {
  const tg = row.target;
  const notes = useAutosave(tg.notes ?? '', (v) => send('updateTarget', { targetId: tg.id, changes: { notes: v } }));
  return (
    <div class="form">
      <OwnerSelect label={t('week.fields.salesOwner')} team="sales" value={tg.salesOwner} roster={roster} onPick={(v) => act(() => send('updateTarget', { targetId: tg.id, changes: { salesOwner: v } }))} />
      <OwnerSelect label={t('week.accounts.marketingOwner')} team="marketing" value={tg.marketingOwner} roster={roster} onPick={(v) => act(() => send('updateTarget', { targetId: tg.id, changes: { marketingOwner: v } }))} />
      {roster.length === 0 && <p class="muted">{t('week.fields.rosterHint')}</p>}
      <label>
        {t('week.fields.notes')} <span class="muted">{t('week.fields.autosave')}</span>
        <textarea ref={notes.ref} data-testid="target-notes" value={notes.value.value} onInput={(e) => notes.onInput((e.target as HTMLTextAreaElement).value)} onBlur={notes.flush} />
      </label>
      {notes.error.value && <p class="error" role="alert">{notes.error.value}</p>}
    </div>
  );
}

function OwnerSelect(props: { label: string; team: Team; value?: string; roster: RosterMember[]; onPick: (name: string) => Promise<unknown> }) {
  const choices = ownerChoices(props.roster, props.team, props.value);
  return (
    <label>
      {props.label}
      <select class="field" data-testid={`owner-${props.team}`} value={props.value ?? ''} onChange={(e) => void props.onPick((e.target as HTMLSelectElement).value)}>
        <option value="">{t('week.fields.noOne')}</option>
        {choices.map((c) => (
          <option key={c.name} value={c.name}>
            {c.name}
            {c.onRoster ? (c.team !== props.team ? ` ${c.team === 'sales' ? t('week.fields.teamSales') : t('week.fields.teamMarketing')}` : '') : ` ${t('week.fields.notOnRoster')}`}
          </option>
        ))}
      </select>
    </label>
  );
}
