import { t } from '@/lib/i18n';
import { useSignal } from '@preact/signals';
import { DEFAULT_EVERY_DAYS, TOUCHPOINT_LABELS, todayIso, touchpointStatus } from '@/lib/domain/governance';
import { TOUCHPOINT_KINDS } from '@/lib/domain/constants';
import type { Touchpoint, TouchpointKind } from '@/lib/domain/schema';
import type { ContactView } from '@/lib/messaging/protocol';
import { SavedInput } from '../../SavedInput';

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
      {touchpoints.length === 0 && <p class="muted">{t('strategic.governance.empty')}</p>}
      {touchpoints.map((tp) => {
        const st = touchpointStatus(tp, today);
        const set = (p: Partial<Touchpoint>) => onSave({ ...tp, ...p });
        const people = contacts.filter((c) => c.status !== 'left');
        return (
          <fieldset key={tp.id} class="form node-editor" data-testid="touchpoint" data-kind={tp.kind}>
            <legend>{TOUCHPOINT_LABELS[tp.kind]}</legend>
            <p class={st.state === 'overdue' || st.state === 'never' ? 'error' : 'muted'} data-testid="touchpoint-status">{st.sentence}</p>
            <label>
              {t('strategic.governance.every')}
              <SavedInput type="number" min={7} max={366} stored={String(tp.everyDays)} data-testid="touchpoint-every" onSave={(v) => {
                const n = Number(v);
                if (Number.isInteger(n) && n >= 7 && n <= 366) void set({ everyDays: n });
              }} />
            </label>
            <label>
              {t('strategic.governance.last')}
              <SavedInput type="date" stored={tp.last ?? ''} max={today} data-testid="touchpoint-last" onSave={(v) => void set({ last: v || undefined })} />
            </label>
            <label>
              {t('strategic.governance.next')}
              <SavedInput type="date" stored={tp.next ?? ''} data-testid="touchpoint-next" onSave={(v) => void set({ next: v || undefined })} />
            </label>
            <label>
              {t('strategic.governance.ours')}
              <SavedInput type="text" list="gov-names" stored={tp.ours.join(', ')} data-testid="touchpoint-ours" onSave={(v) => void set({ ours: v.split(',').map((s) => s.trim()).filter(Boolean).slice(0, 20) })} />
            </label>
            <div role="group" aria-label={t('strategic.governance.theirs')}>
              <span>{t('strategic.governance.theirs')}</span>
              {people.length === 0 && <span class="muted"> {t('strategic.governance.noContacts')}</span>}
              {people.map((c) => (
                <label key={c.id} class="chip">
                  <input type="checkbox" checked={tp.theirs.includes(c.id)} onChange={() => void set({ theirs: tp.theirs.includes(c.id) ? tp.theirs.filter((x) => x !== c.id) : [...tp.theirs, c.id] })} /> {c.name}
                </label>
              ))}
            </div>
            <div class="actions">
              <button type="button" class="btn" onClick={() => void onRemove(tp.id)}>{t('strategic.governance.remove')}</button>
            </div>
          </fieldset>
        );
      })}
      <datalist id="gov-names">{names.map((n) => <option key={n} value={n} />)}</datalist>
      <form class="row" onSubmit={(e) => {
        e.preventDefault();
        void onSave({ id: crypto.randomUUID(), kind: kind.value, everyDays: DEFAULT_EVERY_DAYS[kind.value], ours: [], theirs: [] });
      }}>
        <select aria-label={t('strategic.governance.kind')} data-testid="touchpoint-kind" value={kind.value} onChange={(e) => (kind.value = (e.target as HTMLSelectElement).value as TouchpointKind)}>
          {TOUCHPOINT_KINDS.map((k) => <option key={k} value={k}>{t('strategic.governance.kindEvery', { kind: TOUCHPOINT_LABELS[k], days: String(DEFAULT_EVERY_DAYS[k]) })}</option>)}
        </select>
        <button class="btn" type="submit" data-testid="touchpoint-add">{t('strategic.governance.add')}</button>
      </form>
    </div>
  );
}
