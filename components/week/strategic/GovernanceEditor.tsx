import { useSignal } from '@preact/signals';
import { DEFAULT_EVERY_DAYS, TOUCHPOINT_LABELS, todayIso, touchpointStatus } from '@/lib/domain/governance';
import { TOUCHPOINT_KINDS } from '@/lib/domain/constants';
import type { Touchpoint, TouchpointKind } from '@/lib/domain/schema';
import type { ContactView } from '@/lib/messaging/protocol';

/**
 * Governance of a strategic account: a cadence of touchpoints (seed 002: "a cycle rather than an
 * event"), each with its rhythm, last and next dates and who took part on both sides. A field is
 * saved when it changes; the status sentence says what is overdue.
 */
export function GovernanceEditor({ touchpoints, contacts, names, onSave, onRemove }: {
  touchpoints: Touchpoint[];
  contacts: ContactView[];
  names: string[];
  onSave: (t: Touchpoint) => Promise<void>;
  onRemove: (id: string) => Promise<void>;
}) {
  const kind = useSignal<TouchpointKind>('executive-checkin');
  const today = todayIso();
  return (
    <div class="list" data-testid="governance">
      {touchpoints.length === 0 && <p class="muted">No touchpoints yet: add the account meetings, executive check-ins and planning sessions this account runs on.</p>}
      {touchpoints.map((t) => {
        const st = touchpointStatus(t, today);
        const set = (p: Partial<Touchpoint>) => onSave({ ...t, ...p });
        const people = contacts.filter((c) => c.status !== 'left');
        return (
          <fieldset key={t.id} class="form node-editor" data-testid="touchpoint" data-kind={t.kind}>
            <legend>{TOUCHPOINT_LABELS[t.kind]}</legend>
            <p class={st.state === 'overdue' || st.state === 'never' ? 'error' : 'muted'} data-testid="touchpoint-status">{st.sentence}</p>
            <label>
              Every (days)
              <input type="number" min={7} max={366} value={t.everyDays} data-testid="touchpoint-every" onChange={(e) => {
                const n = Number((e.target as HTMLInputElement).value);
                if (Number.isInteger(n) && n >= 7 && n <= 366) void set({ everyDays: n });
              }} />
            </label>
            <label>
              Last held
              <input type="date" value={t.last ?? ''} max={today} data-testid="touchpoint-last" onChange={(e) => void set({ last: (e.target as HTMLInputElement).value || undefined })} />
            </label>
            <label>
              Next planned
              <input type="date" value={t.next ?? ''} data-testid="touchpoint-next" onChange={(e) => void set({ next: (e.target as HTMLInputElement).value || undefined })} />
            </label>
            <label>
              Our side at the last one (names, comma separated)
              <input type="text" list="gov-names" value={t.ours.join(', ')} data-testid="touchpoint-ours" onChange={(e) => void set({ ours: (e.target as HTMLInputElement).value.split(',').map((s) => s.trim()).filter(Boolean).slice(0, 20) })} />
            </label>
            <div role="group" aria-label="Their side at the last one">
              <span>Their side at the last one</span>
              {people.length === 0 && <span class="muted"> (no contacts yet)</span>}
              {people.map((c) => (
                <label key={c.id} class="chip">
                  <input type="checkbox" checked={t.theirs.includes(c.id)} onChange={() => void set({ theirs: t.theirs.includes(c.id) ? t.theirs.filter((x) => x !== c.id) : [...t.theirs, c.id] })} /> {c.name}
                </label>
              ))}
            </div>
            <div class="actions">
              <button type="button" class="btn" onClick={() => void onRemove(t.id)}>Remove this touchpoint</button>
            </div>
          </fieldset>
        );
      })}
      <datalist id="gov-names">{names.map((n) => <option key={n} value={n} />)}</datalist>
      <form class="row" onSubmit={(e) => {
        e.preventDefault();
        void onSave({ id: crypto.randomUUID(), kind: kind.value, everyDays: DEFAULT_EVERY_DAYS[kind.value], ours: [], theirs: [] });
      }}>
        <select aria-label="Kind of touchpoint" data-testid="touchpoint-kind" value={kind.value} onChange={(e) => (kind.value = (e.target as HTMLSelectElement).value as TouchpointKind)}>
          {TOUCHPOINT_KINDS.map((k) => <option key={k} value={k}>{TOUCHPOINT_LABELS[k]} (every {DEFAULT_EVERY_DAYS[k]} days)</option>)}
        </select>
        <button class="btn" type="submit" data-testid="touchpoint-add">Add touchpoint</button>
      </form>
    </div>
  );
}
