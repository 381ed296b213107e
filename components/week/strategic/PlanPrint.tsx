import { t } from '@/lib/i18n';
import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { accountPlan, type AccountPlan } from '@/lib/io/account-plan';
import { send } from '@/lib/messaging/client';
import type { AccountView } from '@/lib/messaging/protocol';
import { RelationshipMap } from './RelationshipMap';
import '../agenda-print.css';

/** The strategic account plan as a printable page: the plan's sections and the drawn map. */
export function PlanPrint({ accountId }: { accountId: string }) {
  const data = useSignal<{ a: AccountView; plan: AccountPlan } | null>(null);
  const error = useSignal<string | null>(null);
  useEffect(() => {
    Promise.all([send('getAccount', { accountId }), send('getSettings', {})])
      .then(([a, s]) => {
        data.value = { a, plan: accountPlan(a, s.journeyStages) };
        document.title = data.value.plan.title;
      })
      .catch((e: Error) => (error.value = e.message));
  }, [accountId]);
  useEffect(() => {
    if (!data.value) return;
    const t = setTimeout(() => window.print(), 100);
    return () => clearTimeout(t);
  }, [data.value]);
  if (error.value) return <p class="status error" role="alert">{error.value}</p>;
  const d = data.value;
  if (!d) return <main class="agenda"><p>{t('strategic.plan.preparing')}</p></main>;
  // The plan's first two sections are the team and the map: the map is drawn between them.
  const [team, map, ...rest] = d.plan.sections;
  const section = (s: AccountPlan['sections'][number]) => (
    <section key={s.title}>
      <h2>{s.title}</h2>
      <ul>{s.lines.map((l, i) => <li key={i}>{l}</li>)}</ul>
    </section>
  );
  return (
    <main class="agenda" data-testid="plan-print">
      <div class="row no-print" role="toolbar" aria-label={t('strategic.plan.toolbar')}><button class="primary" onClick={() => window.print()}>{t('strategic.plan.printButton')}</button></div>
      <h1>{d.plan.title}</h1>
      <p>{d.plan.summary}</p>
      {team && section(team)}
      <section>
        <h2>{map?.title}</h2>
        <RelationshipMap contacts={d.a.contacts} owners={[]} onSet={async () => undefined} />
        <ul>{map?.lines.map((l, i) => <li key={i}>{l}</li>)}</ul>
      </section>
      {rest.map(section)}
    </main>
  );
}
