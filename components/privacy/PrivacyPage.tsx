/**
 * What Tiercover stores, reads and sends (nothing unless team sync is on), in the extension itself, so a user can check
 * it offline and a store reviewer finds it at a stable URL. Keep it true: when a store, a storage
 * key, a permission or a page read changes, this page changes in the same commit (the facts come
 * from lib/db/schema.ts, lib/background/{custom-hosts,tab-cards}.ts, components/card/CardFrameApp.tsx,
 * lib/card-host/ and wxt.config.ts).
 */
import type { ComponentChildren } from 'preact';
import { t } from '@/lib/i18n';
import { rich } from '../rich';

function Section({ id, title, children }: { id: string; title: string; children: ComponentChildren }) {
  return (
    <section class="card" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

export function PrivacyPage() {
  return (
    <main class="privacy">
      <h1>{t('privacy.title')}</h1>
      <p class="lead">
        {t('privacy.lead')}
      </p>
      <nav aria-label={t('privacy.nav')}>
        <ul>
          <li><a href="#sent-h">{t('privacy.navSent')}</a></li>
          <li><a href="#stored-h">{t('privacy.navStored')}</a></li>
          <li><a href="#read-h">{t('privacy.navRead')}</a></li>
          <li><a href="#perm-h">{t('privacy.navPerm')}</a></li>
          <li><a href="#export-h">{t('privacy.navExport')}</a></li>
        </ul>
      </nav>

      <Section id="sent-h" title={t('privacy.sent.title')}>
        <ul>
          <li>{rich(t('privacy.sent.requests', { csp: '{csp}' }), { csp: <code>connect-src 'self' wss: ws://localhost:* ws://127.0.0.1:*</code> })}</li>
          <li>{t('privacy.sent.analytics')}</li>
          <li>{rich(t('privacy.sent.code', { csp: '{csp}' }), { csp: <code>script-src 'self'</code> })}</li>
          <li>{t('privacy.sent.sync')}</li>
        </ul>
      </Section>

      <Section id="stored-h" title={t('privacy.stored.title')}>
        <table>
          <tbody>
            <tr>
              <th scope="row">{rich(t('privacy.stored.idb', { db: '{db}' }), { db: <code>tiercover</code> })}</th>
              <td>
                {t('privacy.stored.idbWhat')}
              </td>
            </tr>
            <tr>
              <th scope="row"><code>storage.local</code></th>
              <td>{t('privacy.stored.local')}</td>
            </tr>
            <tr>
              <th scope="row">{rich(t('privacy.stored.teamDoc', { name: '{name}' }), { name: <code>tiercover-team:…</code> })}</th>
              <td>{t('privacy.stored.teamDocWhat')}</td>
            </tr>
            <tr>
              <th scope="row">{rich(t('privacy.stored.session', { name: '{name}' }), { name: <code>storage.session</code> })}</th>
              <td>
                {rich(t('privacy.stored.sessionWhat', { key: '{key}' }), { key: <code>linkedin:in:jane-doe</code> })}
              </td>
            </tr>
            <tr>
              <th scope="row">{t('privacy.stored.downloads')}</th>
              <td>{t('privacy.stored.downloadsWhat')}</td>
            </tr>
          </tbody>
        </table>
      </Section>

      <Section id="read-h" title={t('privacy.read.title')}>
        <p>
          {t('privacy.read.where')}
        </p>
        <ul>
          <li>{t('privacy.read.not')}</li>
          <li>{t('privacy.read.flow')}</li>
          <li>{t('privacy.read.text')}</li>
          <li>{t('privacy.read.frame')}</li>
        </ul>
      </Section>

      <Section id="perm-h" title={t('privacy.perm.title')}>
        <table>
          <tbody>
            <tr><th scope="row">{t('privacy.perm.sites')}</th><td>{t('privacy.perm.sitesWhy')}</td></tr>
            <tr><th scope="row"><code>storage</code></th><td>{t('privacy.perm.storage')}</td></tr>
            <tr><th scope="row"><code>unlimitedStorage</code></th><td>{t('privacy.perm.unlimited')}</td></tr>
            <tr><th scope="row">{rich(t('privacy.perm.sidePanel', { name: '{name}' }), { name: <code>sidePanel</code> })}</th><td>{t('privacy.perm.sidePanelWhy')}</td></tr>
            <tr><th scope="row">{rich(t('privacy.perm.optional', { name: '{name}' }), { name: <code>scripting</code> })}</th><td>{t('privacy.perm.optionalWhy')}</td></tr>
            <tr><th scope="row"><code>alarms</code></th><td>{t('privacy.perm.alarmsWhy')}</td></tr>
            <tr><th scope="row">{rich(t('privacy.perm.teamServer', { name: '{name}' }), { name: <code>wss://*/*, ws://localhost/*, ws://127.0.0.1/*</code> })}</th><td>{t('privacy.perm.teamServerWhy')}</td></tr>
          </tbody>
        </table>
        <p class="muted">{t('privacy.perm.none')}</p>
      </Section>

      <Section id="export-h" title={t('privacy.export.title')}>
        <ul>
          <li>
            {rich(t('privacy.export.export', { label: '{label}', options: '{options}', share: '{share}', backup: '{backup}' }), {
              label: <b>{t('privacy.export.exportLabel')}</b>,
              options: <a href="/options.html">{t('privacy.export.options')}</a>,
              share: <i>{t('options.bundle.heading')}</i>,
              backup: <i>{t('options.bundle.export')}</i>,
            })}
          </li>
          <li>
            {rich(t('privacy.export.delete', { label: '{label}', options: '{options}', data: '{data}', deleteAll: '{deleteAll}', sites: '{sites}' }), {
              label: <b>{t('privacy.export.deleteLabel')}</b>,
              options: <a href="/options.html">{t('privacy.export.options')}</a>,
              data: <i>{t('options.data.heading')}</i>,
              deleteAll: <i>{t('options.data.deleteOpen')}</i>,
              sites: <i>{t('options.sites.heading')}</i>,
            })}
          </li>
          <li>
            {rich(t('privacy.export.remove', { label: '{label}', local: '{local}', session: '{session}' }), {
              label: <b>{t('privacy.export.removeLabel')}</b>,
              local: <code>storage.local</code>,
              session: <code>storage.session</code>,
            })}
          </li>
        </ul>
      </Section>
    </main>
  );
}
