import { useSignal } from '@preact/signals';
import { BUYING_ROLE_LABELS, DEPARTMENT_LABELS } from '@/lib/domain/constants';
import type { FactorKey, FactorState } from '@/lib/domain/schema';
import { BUYING_ROLES, DEPARTMENTS } from '@/lib/domain/constants';
import { send } from '@/lib/messaging/client';
import type { CardContext } from '@/lib/messaging/protocol';
import { AirCoverList, type TickRequest } from './AirCoverList';
import { ContactList } from './ContactList';
import { EvidenceSuggestions } from './EvidenceSuggestions';
import { formatDayMonth, t } from '@/lib/i18n';

const seen = (at: number | undefined) => (at ? ` (${t('card.evidence.seen', { date: formatDayMonth(at) })})` : '');
import { CoverageMeter } from './CoverageMeter';
import { NoMatch } from './NoMatch';
import { TierExplain } from './TierExplain';
import { TierOverride } from '@/components/week/TierOverride';
import { meetingSummary } from '@/lib/domain/meeting';


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
  if (!page) return <p class="muted">Open a LinkedIn profile or company page, or a Salesforce or HubSpot record.</p>;
  // Only the URL is read so far: no verdict yet (never "no account matches" for 4 s first).
  if (!a && ctx.reading) return <p class="muted" data-testid="card-reading">Reading the page…</p>;
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
      <CoverageMeter coverage={a.coverage} />
      <EvidenceSuggestions ctx={ctx} act={act} />
      <ContactList account={a} act={act} />

      {isPerson && (
        <div data-testid="person">
          <h3>This person</h3>
          {ctx.contact ? (
            <p data-testid="person-known">
              <b>{ctx.contact.name}</b> is a contact: {ctx.contact.title ? `${ctx.contact.title} · ` : ''}
              {DEPARTMENT_LABELS[ctx.contact.department]} · {BUYING_ROLE_LABELS[ctx.contact.buyingRole]}
              {ctx.contact.status !== 'active' && <span class="error"> · {ctx.contact.status === 'left' ? 'left the company' : 'unverified'}</span>}
              {ctx.contact.connected && <span data-testid="person-connected"> · {t('card.evidence.isConnected')}{seen(ctx.contact.seenOnLinkedin?.connected)}</span>}
              {ctx.contact.followed && <span data-testid="person-followed"> · {t('card.evidence.isFollowed')}{seen(ctx.contact.seenOnLinkedin?.followed)}</span>}
            </p>
          ) : (
            <p data-testid="person-unknown">
              {personName ? <b>{personName}</b> : 'This person'} is not one of {a.name}'s contacts yet.
            </p>
          )}
          {!ctx.contact && !adding.value && (
            <div class="actions">
              <button class="btn" data-testid="add-person" onClick={() => (adding.value = true)}>
                Add to {a.name}
              </button>
            </div>
          )}
          {!ctx.contact && adding.value && <AddPerson ctx={ctx} accountId={a.id} onDone={() => ((adding.value = false), refresh())} />}
        </div>
      )}

      <div data-testid="week">
        <h3>This week ({ctx.weekId})</h3>
        {target ? (
          <>
            <p>
              On the list{target.salesOwner ? ` · sales: ${target.salesOwner}` : ''}
              {target.marketingOwner ? ` · marketing: ${target.marketingOwner}` : ''}
              {target.status !== 'active' && ` · ${target.status}`}
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
                      Make {ctx.contact.name} a key contact this week
                    </button>
                  </div>
                )}
                <AirCoverList targetId={target.id} ticks={ctx.target!.ticks} onTick={onTick} testId="aircover-account" />
              </>
            )}
          </>
        ) : (
          <div class="actions">
            <span class="muted">Not on this week's list.</span>
            <button class="btn primary" data-testid="add-target" onClick={() => void act(() => send('addTarget', { accountId: a.id, weekId: ctx.weekId }))}>
              Add to this week
            </button>
          </div>
        )}
      </div>

      <div class="actions">
        {onOpenPanel && (
          <button class="btn" data-testid="open-panel" onClick={onOpenPanel}>
            Open side panel
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
        Name
        <input type="text" required value={name.value} onInput={(e) => (name.value = (e.target as HTMLInputElement).value)} />
      </label>
      <label>
        Title
        <input type="text" value={title.value} onInput={(e) => (title.value = (e.target as HTMLInputElement).value)} />
      </label>
      <label>
        Department (guessed from the title)
        <select class="field" data-testid="add-person-dept" value={dept.value} onChange={(e) => (dept.value = (e.target as HTMLSelectElement).value as typeof dept.value)}>
          {DEPARTMENTS.map((d) => (
            <option key={d} value={d}>{DEPARTMENT_LABELS[d]}</option>
          ))}
        </select>
      </label>
      <label>
        Buying role
        <select class="field" value={role.value} onChange={(e) => (role.value = (e.target as HTMLSelectElement).value as typeof role.value)}>
          {BUYING_ROLES.map((r) => (
            <option key={r} value={r}>{BUYING_ROLE_LABELS[r]}</option>
          ))}
        </select>
      </label>
      <div class="actions">
        <button class="btn primary" type="submit" data-testid="add-person-submit">Add contact</button>
        <button class="btn" type="button" onClick={onDone}>Cancel</button>
      </div>
      {error.value && <p class="error" role="alert">{error.value}</p>}
    </form>
  );
}
