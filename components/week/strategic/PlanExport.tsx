import { t } from '@/lib/i18n';
import { useSignal } from '@preact/signals';
import { browser } from 'wxt/browser';
import { download } from '@/components/download';
import { send } from '@/lib/messaging/client';

/** The strategic account plan: as Markdown (a file) or printed (a page of its own). */
export function PlanExport({ accountId }: { accountId: string }) {
  const error = useSignal<string | null>(null);
  const saveMarkdown = async () => {
    try {
      const [a, s, { accountPlan, accountPlanMarkdown }] = await Promise.all([send('getAccount', { accountId }), send('getSettings', {}), import('@/lib/io/account-plan')]);
      const slug = a.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'account';
      download(`tiercover-plan-${slug}.md`, accountPlanMarkdown(accountPlan(a, s.journeyStages)), 'text/markdown;charset=utf-8');
    } catch (e) {
      error.value = (e as Error).message;
    }
  };
  return (
    <div class="actions" data-testid="plan-export">
      <button class="btn" data-testid="plan-markdown" onClick={() => void saveMarkdown()}>{t('strategic.plan.markdown')}</button>
      <a class="btn" data-testid="plan-print-link" href={`${browser.runtime.getURL('/app.html')}?plan=${encodeURIComponent(accountId)}`} target="_blank" rel="noopener">{t('strategic.plan.print')}</a>
      {error.value && <p class="error" role="alert">{error.value}</p>}
    </div>
  );
}
