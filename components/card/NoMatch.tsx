import { useSignal } from '@preact/signals';
import type { AccountHit, CardContext } from '@/lib/messaging/protocol';
import { send } from '@/lib/messaging/client';
import { TIER_SHORT } from '@/lib/domain/tier';
import { cleanCompanyName } from '@/lib/domain/identity';
import { PageReport } from './PageReport';
import { t } from '@/lib/i18n';

/** Nothing matched (or the page could not be read): link the page to an account, or create one. */
export function NoMatch({ ctx, onDone }: { ctx: CardContext; onDone: () => void }) {
  const page = ctx.page.kind === 'unsupported' ? undefined : ctx.page;
  const query = useSignal('');
  const hits = useSignal<AccountHit[] | null>(null);
  const error = useSignal<string | null>(null);
  const creating = useSignal(false);
  const companyName = page?.company?.name ?? page?.person?.companyName ?? page?.crm?.accountName ?? (page?.crm?.objectType === 'account' || page?.crm?.objectType === 'company' ? page.crm.name : undefined);
  const domain = page?.company?.domain ?? page?.crm?.domain;
  // Prefilled without LinkedIn's extras: "Acme (YC S25) - We're hiring" creates "Acme".
  const name = useSignal(companyName ? cleanCompanyName(companyName) : '');
  const dom = useSignal(domain ?? '');
  if (!page) return null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const search = (q: string) => {
    query.value = q;
    clearTimeout(timer);
    timer = setTimeout(async () => {
      try {
        hits.value = q.trim() ? await send('searchAccounts', { query: q, limit: 8 }) : null;
        error.value = null;
      } catch (e) {
        error.value = (e as Error).message;
      }
    }, 120);
  };
  const link = async (id: string) => {
    try {
      await send('linkPage', { pageKey: page.pageKey, kind: 'account', targetId: id });
      onDone();
    } catch (e) {
      error.value = (e as Error).message;
    }
  };

  return (
    <div data-testid="no-match">
      {page.readable ? (
        <p>
          {ctx.ambiguous
            ? t('card.noMatch.ambiguous', { name: companyName ?? '' })
            : companyName
              ? t('card.noMatch.none', { name: companyName })
              : t('card.noMatch.noCompany')}
        </p>
      ) : (
        <p data-testid="unreadable">{t('card.noMatch.unreadable')}</p>
      )}
      {ctx.candidates && ctx.candidates.length > 0 && (
        <AccountHits hits={ctx.candidates} onPick={link} testId="candidates" label={t('card.noMatch.candidates')} />
      )}
      <div class="form">
        <label>
          {t('card.noMatch.linkLabel')}
          <input
            type="search"
            data-testid="link-search"
            placeholder={t('card.noMatch.searchPlaceholder')}
            value={query.value}
            onInput={(e) => search((e.target as HTMLInputElement).value)}
          />
        </label>
        {hits.value && <AccountHits hits={hits.value} onPick={link} testId="link-hits" empty={t('card.noMatch.noHits')} />}
      </div>
      {!creating.value ? (
        <div class="actions" style={{ marginTop: '8px' }}>
          <button class="btn" data-testid="create-open" type="button" onClick={() => (creating.value = true)}>
            {t('card.noMatch.createOpen')}
          </button>
        </div>
      ) : (
        <form
          class="form"
          data-testid="create-form"
          onSubmit={async (e) => {
            e.preventDefault();
            try {
              await send('createAccount', {
                account: {
                  name: name.value.trim(),
                  domains: dom.value.trim() ? [dom.value.trim()] : [],
                  linkedinSlug: page.company?.linkedinSlug ?? page.person?.companyLinkedinSlug,
                  linkedinId: page.company?.linkedinId ?? page.person?.companyLinkedinId,
                  employees: page.company?.employees,
                  crmIds: page.crm && ['account', 'company'].includes(page.crm.objectType) ? { [page.crm.system]: page.crm.id } : undefined,
                },
                pageKey: page.pageKey,
              });
              creating.value = false;
              onDone();
            } catch (err) {
              error.value = (err as Error).message;
            }
          }}
        >
          <label>
            {t('card.noMatch.accountName')}
            <input type="text" data-testid="create-name" required value={name.value} onInput={(e) => (name.value = (e.target as HTMLInputElement).value)} />
          </label>
          <label>
            {t('card.noMatch.domain')}
            <input type="text" data-testid="create-domain" value={dom.value} onInput={(e) => (dom.value = (e.target as HTMLInputElement).value)} />
          </label>
          <div class="actions">
            <button class="btn primary" type="submit" data-testid="create-submit">{t('card.noMatch.create')}</button>
            <button class="btn" type="button" onClick={() => (creating.value = false)}>{t('common.cancel')}</button>
          </div>
        </form>
      )}
      {(!page.readable || !companyName) && <PageReport ctx={ctx} />}
      {error.value && <p class="error" role="alert">{error.value}</p>}
    </div>
  );
}

/** Accounts to link the page to, one button each: tier, name, first domain. */
function AccountHits(props: { hits: AccountHit[]; onPick: (id: string) => Promise<void>; testId: string; label?: string; empty?: string }) {
  return (
    <ul class="plain hits" data-testid={props.testId} aria-label={props.label}>
      {props.hits.length === 0 && props.empty && <li class="muted">{props.empty}</li>}
      {props.hits.map((h) => (
        <li key={h.id}>
          <button type="button" onClick={() => void props.onPick(h.id)}>
            <span class={`tier ${h.tier}`}>{TIER_SHORT[h.tier]}</span> {h.name}
            <span class="muted">{h.domains[0] ?? ''}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
