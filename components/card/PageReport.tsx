import { useSignal } from '@preact/signals';
import { browser } from 'wxt/browser';
import type { CardContext } from '@/lib/messaging/protocol';
import { pageReport } from '@/lib/sites/report';
import { t } from '@/lib/i18n';

function browserName(): string {
  const brands = (navigator as Navigator & { userAgentData?: { brands?: { brand: string; version: string }[] } }).userAgentData?.brands;
  const named = brands?.find((b) => !/not.?a.?brand/i.test(b.brand) && b.brand !== 'Chromium') ?? brands?.find((b) => b.brand === 'Chromium');
  if (named) return `${named.brand} ${named.version}`;
  const ff = /Firefox\/([\d.]+)/.exec(navigator.userAgent);
  return ff ? `Firefox ${ff[1]}` : t('card.report.unknownBrowser');
}

/**
 * "Copy page report" on a page Tiercover could not read: the structure of the page (URL shape,
 * signals, landmark counts), never its names or text, shown before it is copied so the user sees
 * exactly what they would paste into a bug report.
 */
export function PageReport({ ctx }: { ctx: CardContext }) {
  const status = useSignal('');
  const text = pageReport(ctx.page, ctx.structure, { version: browser.runtime.getManifest().version, browser: browserName() });
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      status.value = t('card.report.copied');
    } catch {
      status.value = t('card.report.copyFailed');
    }
  };
  return (
    <details class="page-report" data-testid="page-report">
      <summary>{t('card.report.summary')}</summary>
      <pre data-testid="page-report-text">{text}</pre>
      <div class="actions">
        <button type="button" class="btn" data-testid="page-report-copy" onClick={() => void copy()}>
          {t('card.report.copy')}
        </button>
        <span role="status" class="muted">{status.value}</span>
      </div>
    </details>
  );
}
