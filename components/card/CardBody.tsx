import { useSignal } from '@preact/signals';
import type { FactorKey, FactorState } from '@/lib/domain/schema';
import { BUYING_ROLES, DEPARTMENTS } from '@/lib/domain/constants';
import { send } from '@/lib/messaging/client';
import type { CardContext } from '@/lib/messaging/protocol';
import { AirCoverList, type TickRequest } from './AirCoverList';
import { ContactList } from './ContactList';
import { EvidenceSuggestions } from './EvidenceSuggestions';
import { formatDayMonth, t } from '@/lib/i18n';
import { departmentLabel, roleLabel } from '@/lib/i18n/labels';
import { rich } from '../rich';
import { StrategicLines } from './StrategicLines';
import { CoverageMeter } from './CoverageMeter';
import { NoMatch } from './NoMatch';
import { TierExplain } from './TierExplain';
import { TierOverride } from '@/components/week/TierOverride';
import { meetingSummary } from '@/lib/domain/meeting';

const seen = (at: number | undefined) => (at ? ` (${t('card.evidence.seen', { date: formatDayMonth(at) })})` : '');


/**
 * What the card and the side panel show for a page: the account's tier and why, coverage, the
 * person, this week's air cover, and the quick actions. `refresh` re-asks the background.
 */
export function CardBody({ ctx, refresh, onOpenPanel }: { ctx: CardContext; refresh: () => void; onOpenPanel?: () => void }) {
  const error = useSignal<string | null>(null);
  const adding = useSignal(false);
  const act = async (fn: () => Promise<unknown>) => {
    try {
      error.value = null;
      await fn();
      refresh();
    } catch (e) {
      error.value = (e as Error).message;
    }
  };
  const page = ctx.page.kind === 'unsupported' ? undefined : ctx.page;
  const a = ctx.account;
  if (!page) return <p class="muted">{t('card.unsupported')}</p>;
  // Only the URL is read so far: no verdict yet (never "no account matches" for 4 s first).
  if (!a && ctx.reading) return <p class="muted" data-testid="card-reading">{t('card.readingBody')}</p>;
  if (!a) return <NoMatch ctx={ctx} onDone={refresh} />;

  const isPerson = page.kind === 'person' || ['contact', 'lead'].includes(page.crm?.objectType ?? '');
  const personName = page.person?.name ?? page.crm?.name;
  const target = ctx.target?.target;
  const onTick = (r: TickRequest) => act(() => send('tickAirCover', { weekId: ctx.weekId, targetId: target!.id, ...r }));
  const setFactor = (key: FactorKey, state: FactorState) => void act(() => send('setFactor', { accountId: a.id, key, state }));
  const isKey = !!(ctx.contact && target?.keyContactIds.includes(ctx.contact.id));

  return (
    <>
      <TierExplain tier={a.tier} onSetFactor={setFactor}>
        <TierOverride account={a} onSave={(tier, reason) => act(() => send('setTierOverride', { accountId: a.id, tier, reason }))} />
      </TierExplain>
      <StrategicLines s={a.strategicSummary} />
      <CoverageMeter coverage={a.coverage} />
      <EvidenceSuggestions ctx={ctx} act={act} />
      <ContactList account={a} act={act} />

      {isPerson && (
        <div data-testid="person">
          <h3>{t('card.person.heading')}</h3>
          {ctx.contact ? (
            <p data-testid="person-known">
              {rich(t('card.person.known', { name: '{name}', details: '{details}' }), {
                name: <b>{ctx.contact.name}</b>,
                details: `${ctx.contact.title ? `${ctx.contact.title} · ` : ''}${departmentLabel(ctx.contact.department)} · ${roleLabel(ctx.contact.buyingRole)}`,
              })}
              {ctx.contact.status !== 'active' && <span class="error"> · {ctx.contact.status === 'left' ? t('label.contactStatus.left') : t('label.contactStatus.unverified')}</span>}
              {ctx.contact.connected && <span data-testid="person-connected"> · {t('card.evidence.isConnected')}{seen(ctx.contact.seenOnLinkedin?.connected)}</span>}
              {ctx.contact.followed && <span data-testid="person-followed"> · {t('card.evidence.isFollowed')}{seen(ctx.contact.seenOnLinkedin?.followed)}</span>}
            </p>
          ) : (
            <p data-testid="person-unknown">
              {rich(t('card.person.unknown', { name: '{name}', account: a.name }), { name: personName ? <b>{personName}</b> : t('card.person.heading') })}
            </p>
          )}
          {!ctx.contact && !adding.value && (
            <div class="actions">
              <button class="btn" data-testid="add-person" onClick={() => (adding.value = true)}>
                {t('card.person.addTo', { account: a.name })}
              </button>
            </div>
          )}
          {!ctx.contact && adding.value && <AddPerson ctx={ctx} accountId={a.id} onDone={() => ((adding.value = false), refresh())} />}
        </div>
      )}

      <div data-testid="week">
        <h3>{t('card.week.heading', { week: ctx.weekId })}</h3>
        {target ? (
          <>
            <p>
              {t('card.week.onList')}
              {target.salesOwner ? ` · ${t('card.week.sales', { name: target.salesOwner })}` : ''}
              {target.marketingOwner ? ` · ${t('card.week.marketing', { name: target.marketingOwner })}` : ''}
              {target.status !== 'active' && ` · ${target.status === 'done' ? t('label.targetStatus.done') : t('label.targetStatus.dropped')}`}
            </p>
            {meetingSummary(target) && <p class="muted" data-testid="card-meeting">{meetingSummary(target)}</p>}
            {ctx.contact && isKey ? (
              <AirCoverList targetId={target.id} contactId={ctx.contact.id} ticks={ctx.target!.ticks} onTick={onTick} testId="aircover-person" />
            ) : (
              <>
                {isPerson && ctx.contact && !isKey && (
                  <div class="actions">
                    <button
                      class="btn"
                      data-testid="make-key"
                      onClick={() => void act(() => send('setKeyContact', { targetId: target.id, contactId: ctx.contact!.id, key: true }))}
                    >
                      {t('card.week.makeKey', { name: ctx.contact.name })}
                    </button>
                  </div>
                )}
                <AirCoverList targetId={target.id} ticks={ctx.target!.ticks} onTick={onTick} testId="aircover-account" />
              </>
            )}
          </>
        ) : (
          <div class="actions">
            <span class="muted">{t('card.week.notOnList')}</span>
            <button class="btn primary" data-testid="add-target" onClick={() => void act(() => send('addTarget', { accountId: a.id, weekId: ctx.weekId }))}>
              {t('card.week.add')}
            </button>
          </div>
        )}
      </div>

      <div class="actions">
        {onOpenPanel && (
          <button class="btn" data-testid="open-panel" onClick={onOpenPanel}>
            {t('card.openPanel')}
          </button>
        )}
      </div>
      {error.value && <p class="error" role="alert">{error.value}</p>}
    </>
  );
}

function AddPerson({ ctx, accountId, onDone }: { ctx: CardContext; accountId: string; onDone: () => void }) {
  const page = ctx.page.kind === 'unsupported' ? undefined : ctx.page;
  const name = useSignal(page?.person?.name ?? page?.crm?.name ?? '');
  const title = useSignal(page?.person?.title ?? page?.crm?.title ?? '');
  const dept = useSignal(ctx.suggestion?.department ?? 'other');
  const role = useSignal(ctx.suggestion?.buyingRole ?? 'unknown');
  const error = useSignal<string | null>(null);
  return (
    <form
      class="form"
      data-testid="add-person-form"
      onSubmit={async (e) => {
        e.preventDefault();
        try {
          await send('addContact', {
            accountId,
            contact: {
              name: name.value,
              title: title.value || undefined,
              department: dept.value,
              buyingRole: role.value,
              linkedinSlug: page?.person?.linkedinSlug,
              email: page?.person?.email ?? page?.crm?.email,
            },
            pageKey: page?.pageKey,
          });
          onDone();
        } catch (err) {
          error.value = (err as Error).message;
        }
      }}
    >
      <label>
        {t('common.name')}
        <input type="text" required value={name.value} onInput={(e) => (name.value = (e.target as HTMLInputElement).value)} />
      </label>
      <label>
        {t('common.title')}
        <input type="text" value={title.value} onInput={(e) => (title.value = (e.target as HTMLInputElement).value)} />
      </label>
      <label>
        {t('card.addPerson.department')}
        <select class="field" data-testid="add-person-dept" value={dept.value} onChange={(e) => (dept.value = (e.target as HTMLSelectElement).value as typeof dept.value)}>
          {DEPARTMENTS.map((d) => (
            <option key={d} value={d}>{departmentLabel(d)}</option>
          ))}
        </select>
      </label>
      <label>
        {t('card.addPerson.role')}
        <select class="field" value={role.value} onChange={(e) => (role.value = (e.target as HTMLSelectElement).value as typeof role.value)}>
          {BUYING_ROLES.map((r) => (
            <option key={r} value={r}>{roleLabel(r)}</option>
          ))}
        </select>
      </label>
      <div class="actions">
        <button class="btn primary" type="submit" data-testid="add-person-submit">{t('card.addPerson.submit')}</button>
        <button class="btn" type="button" onClick={onDone}>{t('common.cancel')}</button>
      </div>
      {error.value && <p class="error" role="alert">{error.value}</p>}
    </form>
  );
}
