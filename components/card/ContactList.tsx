import { useSignal } from '@preact/signals';
import { BUYING_ROLES } from '@/lib/domain/constants';
import { formatNumber, t } from '@/lib/i18n';
import { departmentLabel, roleLabel } from '@/lib/i18n/labels';
import { send } from '@/lib/messaging/client';
import type { AccountView, ContactView } from '@/lib/messaging/protocol';
import { LazyDetails } from '../LazyDetails';

type Act = (fn: () => Promise<unknown>) => Promise<void>;

/**
 * Who the account's named contacts are, and the rep's fixes where the gaps are seen: connected,
 * followed, buying role, left or verified, remove (with an undo). Each fix goes to the background
 * and the card re-reads, so the gap text above changes with it.
 */
export function ContactList({ account, act }: { account: AccountView; act: Act }) {
  const removed = useSignal<{ name: string; token: string }[]>([]);
  const contacts = [...account.contacts].sort((a, b) => Number(a.status === 'left') - Number(b.status === 'left') || a.name.localeCompare(b.name));
  const remove = (c: ContactView) =>
    act(async () => {
      const r = await send('removeContact', { contactId: c.id });
      removed.value = [...removed.value, { name: r.name, token: r.undoToken }];
    });
  const undo = (token: string) =>
    act(async () => {
      await send('restoreContact', { undoToken: token });
      removed.value = removed.value.filter((r) => r.token !== token);
    });
  return (
    <LazyDetails class="contacts" data-testid="contact-list" summary={summary(contacts)}>
      {removed.value.map((r) => (
        <p key={r.token} class="muted" role="status" data-testid="contact-removed">
          {t('card.contacts.removed', { name: r.name })}{' '}
          <button type="button" class="link" data-testid="contact-undo" onClick={() => void undo(r.token)}>
            {t('common.undo')}
          </button>
        </p>
      ))}
      <ul class="plain">
        {contacts.map((c) => (
          <ContactRow key={c.id} c={c} act={act} onRemove={() => void remove(c)} />
        ))}
      </ul>
    </LazyDetails>
  );
}

/** "Who the 10 names are, and 1 who left": the same count as the coverage line above. */
function summary(contacts: ContactView[]): string {
  if (!contacts.length) return t('card.contacts.none');
  const left = contacts.filter((c) => c.status === 'left').length;
  const current = contacts.length - left;
  const who = current ? t('card.contacts.who', current, { count: formatNumber(current) }) : t('card.contacts.noCurrent');
  return left ? t('card.contacts.andLeft', { who, count: formatNumber(left) }) : who;
}

function ContactRow({ c, act, onRemove }: { c: ContactView; act: Act; onRemove: () => void }) {
  const fix = (f: Parameters<typeof send<'fixContact'>>[1]['fix']) => void act(() => send('fixContact', { contactId: c.id, fix: f }));
  const left = c.status === 'left';
  return (
    <li class={`contact${left ? ' left' : ''}`} data-testid="contact-row" data-contact={c.name}>
      <div>
        <b>{c.name}</b>
        <span class="muted">
          {' '}
          {[c.title, departmentLabel(c.department)].filter(Boolean).join(' · ')}
          {left ? ` · ${t('label.contactStatus.left')}` : c.status === 'unverified' ? ` · ${t('label.contactStatus.unverified')}` : ''}
        </span>
      </div>
      <div class="contact-actions">
        <button type="button" class="chip" aria-pressed={c.connected} data-testid="contact-connected" onClick={() => fix({ connected: !c.connected })}>
          {c.connected ? t('card.contacts.connected') : t('card.contacts.connectedAsk')}
        </button>
        <button type="button" class="chip" aria-pressed={c.followed} data-testid="contact-followed" onClick={() => fix({ followed: !c.followed })}>
          {c.followed ? t('card.contacts.followed') : t('card.contacts.followedAsk')}
        </button>
        <select aria-label={t('card.contacts.roleOf', { name: c.name })} data-testid="contact-role" value={c.buyingRole} onChange={(e) => fix({ buyingRole: (e.target as HTMLSelectElement).value as ContactView['buyingRole'] })}>
          {BUYING_ROLES.map((r) => (
            <option key={r} value={r}>
              {roleLabel(r)}
            </option>
          ))}
        </select>
        {left ? (
          <button type="button" class="chip" data-testid="contact-still-there" onClick={() => fix({ verified: true })}>
            {t('card.contacts.stillThere')}
          </button>
        ) : (
          <>
            <button type="button" class="chip" data-testid="contact-verified" onClick={() => fix({ verified: true })}>
              {t('card.contacts.verified')}
            </button>
            <button type="button" class="chip" data-testid="contact-left" onClick={() => fix({ status: 'left' })}>
              {t('card.contacts.left')}
            </button>
          </>
        )}
        <button type="button" class="chip danger" aria-label={t('card.contacts.removeName', { name: c.name })} data-testid="contact-remove" onClick={onRemove}>
          {t('common.remove')}
        </button>
      </div>
    </li>
  );
}
