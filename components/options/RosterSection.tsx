import { useSignal } from '@preact/signals';
import { sameName } from '@/lib/domain/roster';
import type { RosterMember, Settings, Team } from '@/lib/domain/schema';
import { send } from '@/lib/messaging/client';
import { Status } from '../Status';
import { useAction } from '../useAsync';

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
      message.value = { kind: 'error', text: `${n} is already on the roster.` };
      return;
    }
    void save([...roster.value, { name: n, team: m.team }], `${n} added.`).then(() => (name.value = ''));
  };
  const you = settings.yourName.trim();
  const youMissing = !!you && !roster.value.some((m) => sameName(m.name, you));
  return (
    <section class="card" aria-labelledby="roster-h">
      <h2 id="roster-h">Team</h2>
      <p class="muted">The people who own targets. Owners are picked from this list; "Mine" and "my open tasks" use your name above.</p>
      {roster.value.length === 0 && <p data-testid="roster-empty">No one on the roster yet: add the reps and marketers who own targets.</p>}
      {youMissing && (
        <p>
          You ({you}) are not on the roster.{' '}
          <button type="button" data-testid="roster-add-you" onClick={() => add({ name: you, team: settings.team })}>Add me as {settings.team}</button>
        </p>
      )}
      {roster.value.length > 0 && (
        <table data-testid="roster">
          <thead><tr><th>Name</th><th>Team</th><th><span class="muted">Remove</span></th></tr></thead>
          <tbody>
            {roster.value.map((m) => (
              <tr key={m.name}>
                <td>{m.name}{sameName(m.name, you) ? ' (you)' : ''}</td>
                <td>
                  <select
                    aria-label={`${m.name}'s team`}
                    value={m.team}
                    onChange={(e) => void save(roster.value.map((x) => (x === m ? { ...x, team: (e.target as HTMLSelectElement).value as Team } : x)), 'Saved.')}
                  >
                    <option value="sales">Sales</option>
                    <option value="marketing">Marketing</option>
                  </select>
                </td>
                <td>
                  <button type="button" aria-label={`Remove ${m.name}`} onClick={() => void save(roster.value.filter((x) => x !== m), `${m.name} removed. Targets they own keep the name.`)}>✕</button>
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
          <label for="roster-name">Name</label>
          <input id="roster-name" data-testid="roster-name" maxLength={200} value={name.value} onInput={(e) => (name.value = (e.target as HTMLInputElement).value)} />
        </div>
        <div>
          <label for="roster-team">Team</label>
          <select id="roster-team" data-testid="roster-team" value={team.value} onChange={(e) => (team.value = (e.target as HTMLSelectElement).value as Team)}>
            <option value="sales">Sales</option>
            <option value="marketing">Marketing</option>
          </select>
        </div>
        <button class="primary" type="submit" data-testid="roster-add" disabled={busy.value} style={{ alignSelf: 'flex-end' }}>Add</button>
      </form>
      <Status message={message} testId="roster-status" />
    </section>
  );
}
