import { useSignal } from '@preact/signals';
import { browser } from 'wxt/browser';
import type { Settings } from '@/lib/domain/schema';
import { send } from '@/lib/messaging/client';
import { normalizeDomain } from '@/lib/domain/normalize';
import { Status } from '../Status';
import { useAction } from '../useAsync';

const SITES: { key: 'linkedin' | 'salesforce' | 'hubspot' | 'custom'; label: string }[] = [
  { key: 'linkedin', label: 'LinkedIn and Sales Navigator' },
  { key: 'salesforce', label: 'Salesforce' },
  { key: 'hubspot', label: 'HubSpot' },
  { key: 'custom', label: 'Your own CRM hosts' },
];

/** Per site: the card on the page, or the side panel only. And the CRM hosts a user adds. */
export function SitesSection({ settings }: { settings: Settings }) {
  const { busy, message, run } = useAction();
  const host = useSignal('');
  const system = useSignal<'salesforce' | 'hubspot'>('salesforce');

  const save = (patch: Partial<Settings>, text: string) =>
    run(async () => {
      await send('saveSettings', { settings: patch });
      return text;
    });

  return (
    <section class="card" aria-labelledby="sites-h">
      <h2 id="sites-h">Sites</h2>
      <p class="muted">
        LinkedIn's terms forbid changing its pages: Tiercover only reads them and floats its card above. Prefer nothing on the
        page at all? Switch a site to the side panel (toolbar icon → side panel).
      </p>
      <table>
        <tbody>
          {SITES.map((s) => (
            <tr key={s.key}>
              <td>{s.label}</td>
              <td>
                <select
                  aria-label={`${s.label}: where Tiercover shows`}
                  data-testid={`card-mode-${s.key}`}
                  value={settings.cardMode[s.key] ?? 'card'}
                  onChange={(e) =>
                    void save(
                      { cardMode: { ...settings.cardMode, [s.key]: (e.target as HTMLSelectElement).value as 'card' | 'sidepanel' } },
                      `${s.label}: saved.`,
                    )
                  }
                >
                  <option value="card">Card on the page</option>
                  <option value="sidepanel">Side panel only</option>
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <h3>Your own CRM hosts</h3>
      <p class="muted">
        Salesforce My Domain (<code>*.my.salesforce.com</code>, <code>*.lightning.force.com</code>) and every HubSpot region work
        already. Add any other host your CRM runs on; the browser asks you to allow that one host.
      </p>
      <form
        class="row"
        onSubmit={(e) => {
          e.preventDefault();
          const h = normalizeDomain(host.value);
          void run(async () => {
            if (!h) throw new Error('Enter a host name such as crm.example.com');
            const granted = await browser.permissions.request({ origins: [`https://${h}/*`], permissions: ['scripting'] });
            if (!granted) throw new Error(`Not added: the browser did not allow access to ${h}.`);
            const hosts = [...settings.customCrmHosts.filter((x) => x.host !== h), { host: h, system: system.value }];
            await send('saveSettings', { settings: { customCrmHosts: hosts } });
            host.value = '';
            return `${h} added: reload its tabs to see the card.`;
          });
        }}
      >
        <input aria-label="CRM host" placeholder="crm.example.com" value={host.value} onInput={(e) => (host.value = (e.target as HTMLInputElement).value)} />
        <select aria-label="Which CRM" value={system.value} onChange={(e) => (system.value = (e.target as HTMLSelectElement).value as 'salesforce' | 'hubspot')}>
          <option value="salesforce">Salesforce</option>
          <option value="hubspot">HubSpot</option>
        </select>
        <button type="submit" disabled={busy.value}>Add host</button>
      </form>
      {settings.customCrmHosts.length > 0 && (
        <ul>
          {settings.customCrmHosts.map((h) => (
            <li key={h.host}>
              {h.host} ({h.system}){' '}
              <button
                type="button"
                onClick={() =>
                  void run(async () => {
                    await send('saveSettings', { settings: { customCrmHosts: settings.customCrmHosts.filter((x) => x.host !== h.host) } });
                    await browser.permissions.remove({ origins: [`https://${h.host}/*`] }).catch(() => false);
                    return `${h.host} removed.`;
                  })
                }
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <Status message={message} testId="sites-status" />
    </section>
  );
}
