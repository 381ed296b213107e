import type { TargetRow } from '@/lib/db/week';
import { ownerChoices } from '@/lib/domain/roster';
import type { RosterMember, Team } from '@/lib/domain/schema';
import { send } from '@/lib/messaging/client';
import { useAutosave } from './useAutosave';

/**
 * Owners and notes of a target. Owners are picked from the team roster (Options → Team), so
 * "Mine" matches; notes are saved as they are typed. Each field is saved alone, so two people
 * editing different fields of one target both land.
 */
export function TargetFields({ row, roster, act }: { row: TargetRow; roster: RosterMember[]; act: (fn: () => Promise<unknown>) => Promise<void> }) {
  const t = row.target;
  const notes = useAutosave(t.notes ?? '', (v) => send('updateTarget', { targetId: t.id, changes: { notes: v } }));
  return (
    <div class="form">
      <OwnerSelect label="Sales owner" team="sales" value={t.salesOwner} roster={roster} onPick={(v) => act(() => send('updateTarget', { targetId: t.id, changes: { salesOwner: v } }))} />
      <OwnerSelect label="Marketing owner" team="marketing" value={t.marketingOwner} roster={roster} onPick={(v) => act(() => send('updateTarget', { targetId: t.id, changes: { marketingOwner: v } }))} />
      {roster.length === 0 && <p class="muted">Add your team in Options → Team to pick owners from a list.</p>}
      <label>
        Notes <span class="muted">(saved as you type)</span>
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
        <option value="">No one yet</option>
        {choices.map((c) => (
          <option key={c.name} value={c.name}>
            {c.name}
            {c.onRoster ? (c.team !== props.team ? ` (${c.team})` : '') : ' (not on the team roster)'}
          </option>
        ))}
      </select>
    </label>
  );
}
