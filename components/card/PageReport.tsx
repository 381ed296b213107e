import { useSignal } from '@preact/signals';
import { browser } from 'wxt/browser';
import type { CardContext } from '@/lib/messaging/protocol';
import { pageReport } from '@/lib/sites/report';

function browserName(): string {
  const brands = (navigator as Navigator & { userAgentData?: { brands?: { brand: string; version: string }[] } }).userAgentData?.brands;
  const named = brands?.find((b) => !/not.?a.?brand/i.test(b.brand) && b.brand !== 'Chromium') ?? brands?.find((b) => b.brand === 'Chromium');
  if (named) return `${named.brand} ${named.version}`;
  const ff = /Firefox\/([\d.]+)/.exec(navigator.userAgent);
  return ff ? `Firefox ${ff[1]}` : 'unknown browser';
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
      status.value = 'Copied: paste it into your bug report.';
    } catch {
      status.value = 'The browser did not allow copying: select the text above and copy it.';
    }
  };
  return (
    <details class="page-report" data-testid="page-report">
      <summary>Page report for a bug report</summary>
      <pre data-testid="page-report-text">{text}</pre>
      <div class="actions">
        <button type="button" class="btn" data-testid="page-report-copy" onClick={() => void copy()}>
          Copy page report
        </button>
        <span role="status" class="muted">{status.value}</span>
      </div>
    </details>
  );
}
