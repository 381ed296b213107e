import { useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import type { MeetingField, Target } from '@/lib/domain/schema';
import { send } from '@/lib/messaging/client';
import { t } from '@/lib/i18n';

/** How long typing may pause before the text is saved: short, so a closed tab loses little. */
const SAVE_AFTER_MS = 400;

const label = (field: MeetingField) =>
  field === 'nextStep' ? t('week.meeting.nextStep') : field === 'nextStepOwner' ? t('week.meeting.nextStepOwner') : field === 'ask' ? t('week.meeting.ask') : t('week.meeting.decision');

/**
 * What the meeting records on a target: next step, its owner, the ask of the other team and the
 * decision. Each saved as it is typed (not when the field loses focus), alone, so two people
 * filling different fields of one target both land.
 */
export function MeetingFields({ target }: { target: Target }) {
  const owners = [...new Set([target.salesOwner, target.marketingOwner].filter((x): x is string => !!x?.trim()))];
  const listId = `owners-${target.id}`;
  return (
    <fieldset class="form meeting" data-testid="meeting-fields">
      <legend>{t('week.meeting.legend')}</legend>
      <SavedField target={target} field="nextStep" placeholder={t('week.meeting.nextStepPlaceholder')} />
      <SavedField target={target} field="nextStepOwner" list={listId} placeholder={owners[0] ?? t('week.meeting.ownerPlaceholder')} />
      <datalist id={listId}>{owners.map((o) => <option key={o} value={o} />)}</datalist>
      <SavedField target={target} field="ask" multiline placeholder={t('week.meeting.askPlaceholder')} />
      <SavedField target={target} field="decision" multiline placeholder={t('week.meeting.decisionPlaceholder')} />
    </fieldset>
  );
}

function SavedField({ target, field, multiline, list, placeholder }: { target: Target; field: MeetingField; multiline?: boolean; list?: string; placeholder?: string }) {
  const stored = target[field] ?? '';
  const draft = useSignal(stored);
  const state = useSignal<'idle' | 'pending' | 'saved' | 'error'>('idle');
  const error = useSignal<string | null>(null);
  const editing = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const saved = useRef(stored);

  // Follow the record (another tab, a bundle) unless the user is typing in this very field.
  useEffect(() => {
    saved.current = stored;
    if (!editing.current && state.value !== 'pending') draft.value = stored;
  }, [stored]);

  const flush = () => {
    clearTimeout(timer.current);
    const value = draft.value.trim();
    if (value === saved.current.trim()) {
      if (state.value === 'pending') state.value = 'idle';
      return;
    }
    saved.current = value;
    send('updateTarget', { targetId: target.id, changes: { [field]: value } })
      .then(() => {
        if (draft.value.trim() === value) state.value = 'saved';
        error.value = null;
      })
      .catch((e: Error) => {
        saved.current = '';
        state.value = 'error';
        error.value = e.message;
      });
  };

  // A tab closed or hidden mid-sentence still saves what was typed.
  useEffect(() => {
    const onHide = () => state.value === 'pending' && flush();
    window.addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onHide);
    return () => {
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onHide);
      if (state.value === 'pending') flush();
    };
  }, []);

  const props = {
    value: draft.value,
    placeholder,
    'data-testid': `meeting-${field}`,
    maxLength: field === 'nextStepOwner' ? 300 : 2000,
    onFocus: () => (editing.current = true),
    onBlur: () => {
      editing.current = false;
      flush();
    },
    onInput: (e: Event) => {
      draft.value = (e.target as HTMLInputElement).value;
      state.value = 'pending';
      clearTimeout(timer.current);
      timer.current = setTimeout(flush, SAVE_AFTER_MS);
    },
  };
  return (
    <label>
      <span>
        {label(field)}{' '}
        <span class="muted" aria-live="polite" data-testid={`meeting-${field}-state`}>
          {state.value === 'pending' ? t('week.meeting.saving') : state.value === 'saved' ? t('week.meeting.saved') : ''}
        </span>
      </span>
      {multiline ? <textarea rows={2} {...props} /> : <input type="text" list={list} {...props} />}
      {error.value && <span class="error" role="alert">{error.value}</span>}
    </label>
  );
}
