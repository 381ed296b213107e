import { useSignal } from '@preact/signals';
import { browser } from 'wxt/browser';
import type { Settings } from '@/lib/domain/schema';
import { send } from '@/lib/messaging/client';
import { normalizeDomain } from '@/lib/domain/normalize';
import { Status } from '../Status';
import { useAction } from '../useAsync';
import { t } from '@/lib/i18n';
import { rich } from '../rich';

const sites = (): { key: 'linkedin' | 'salesforce' | 'hubspot' | 'custom'; label: string }[] => [
  { key: 'linkedin', label: t('options.sites.linkedin') },
  { key: 'salesforce', label: 'Salesforce' },
  { key: 'hubspot', label: 'HubSpot' },
  { key: 'custom', label: t('options.sites.custom') },
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
      <h2 id="sites-h">{t('options.sites.heading')}</h2>
      <p class="muted">
        {t('options.sites.intro')}
      </p>
      <table>
        <tbody>
          {sites().map((s) => (
            <tr key={s.key}>
              <td>{s.label}</td>
              <td>
                <select
                  aria-label={t('options.sites.where', { site: s.label })}
                  data-testid={`card-mode-${s.key}`}
                  value={settings.cardMode[s.key] ?? 'card'}
                  onChange={(e) =>
                    void save(
                      { cardMode: { ...settings.cardMode, [s.key]: (e.target as HTMLSelectElement).value as 'card' | 'sidepanel' } },
                      t('options.sites.saved', { site: s.label }),
                    )
                  }
                >
                  <option value="card">{t('options.sites.card')}</option>
                  <option value="sidepanel">{t('options.sites.panel')}</option>
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <h3>{t('options.sites.custom')}</h3>
      <p class="muted">
        {rich(t('options.sites.customIntro', { sf1: '{sf1}', sf2: '{sf2}' }), { sf1: <code>*.my.salesforce.com</code>, sf2: <code>*.lightning.force.com</code> })}
      </p>
      <form
        class="row"
        onSubmit={(e) => {
          e.preventDefault();
          const h = normalizeDomain(host.value);
          void run(async () => {
            if (!h) throw new Error(t('options.sites.enterHost'));
            const granted = await browser.permissions.request({ origins: [`https://${h}/*`], permissions: ['scripting'] });
            if (!granted) throw new Error(t('options.sites.denied', { host: h }));
            const hosts = [...settings.customCrmHosts.filter((x) => x.host !== h), { host: h, system: system.value }];
            await send('saveSettings', { settings: { customCrmHosts: hosts } });
            host.value = '';
            return t('options.sites.hostAdded', { host: h });
          });
        }}
      >
        <input aria-label={t('options.sites.host')} placeholder="crm.example.com" value={host.value} onInput={(e) => (host.value = (e.target as HTMLInputElement).value)} />
        <select aria-label={t('options.sites.which')} value={system.value} onChange={(e) => (system.value = (e.target as HTMLSelectElement).value as 'salesforce' | 'hubspot')}>
          <option value="salesforce">Salesforce</option>
          <option value="hubspot">HubSpot</option>
        </select>
        <button type="submit" disabled={busy.value}>{t('options.sites.addHost')}</button>
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
                    return t('options.sites.hostRemoved', { host: h.host });
                  })
                }
              >
                {t('common.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <Status message={message} testId="sites-status" />
    </section>
  );
}
