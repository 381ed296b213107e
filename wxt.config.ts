import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { zodNoEvalProbe } from './build/zod-no-eval-probe';
import { polyfillAsModule } from './build/polyfill-as-module';

// Tiercover reads LinkedIn, Salesforce and HubSpot pages and keeps everything in the
// extension's own IndexedDB. No host is contacted unless team sync is on, and then only the
// team's server; see README "Permissions" and docs/ARCHITECTURE.md "Team sync".

/**
 * Team sync's server: any wss:// host (the team runs its own, chosen at run time), or a server on
 * this machine over plain ws://. Optional: the Team section asks for the exact origin on connect.
 */
const TEAM_SERVER_ORIGINS = ['wss://*/*', 'ws://localhost/*', 'ws://127.0.0.1/*'];
/**
 * The extension pages' connect-src (the background included): a CSP is fixed at build time and
 * the server is not, so any wss: host, and ws: to this machine only (its ports are not known
 * either). Nothing else: no fetch to any web host. Only the sync engine, loaded only while sync
 * is on, opens a connection, and only to the configured server.
 */
const CONNECT_SRC = "connect-src 'self' wss: ws://localhost:* ws://127.0.0.1:*";

export default defineConfig({
  // The benchmark builds its own copy (with a look-up hook) without touching .output/.
  outDir: process.env.TIERCOVER_OUT_DIR ?? '.output',
  // @wxt-dev/i18n: locales/<lang>.yml become _locales/<lang>/messages.json (docs/I18N.md).
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/i18n/module'],
  imports: false,
  // The Firefox Add-ons sources zip: exactly what a reviewer needs to rebuild the Firefox zip
  // (`npm ci && npx wxt build -b firefox`), and no tests, fixtures, screenshots or outputs.
  // An allow-list, so local folders (test-results/, bench-out/, demo-screenshots/) never ship;
  // `npm run zip:check` rebuilds from it offline and fails if a needed file is missing.
  zip: {
    includeSources: [
      'assets/**', 'build/**', 'components/**', 'entrypoints/**', 'lib/**', 'public/**',
      'locales/**', 'package.json', 'package-lock.json', 'tsconfig.json', 'wxt.config.ts',
      'README.md', 'CHANGELOG.md', 'docs/store-listing.md',
    ],
  },
  vite: () => ({ plugins: [preact(), zodNoEvalProbe(), polyfillAsModule()] }),
  manifest: ({ browser }) => ({
    // Localised from locales/*.yml (manifest.*); the browser picks the language, English by default.
    name: '__MSG_manifest_name__',
    description: '__MSG_manifest_description__',
    default_locale: 'en',
    permissions: [
      'storage',
      'unlimitedStorage',
      // Team sync only: while it is on, wakes the MV3 worker every 30 s so the connection to the
      // team's server is re-opened after Chrome stops an idle worker (nothing runs while it is off).
      'alarms',
      ...(browser === 'firefox' ? [] : ['sidePanel']),
    ],
    // Custom CRM hosts (Salesforce My Domain, other CRMs) are asked for at the moment a user adds them.
    ...(browser === 'firefox'
      ? { optional_permissions: ['https://*/*', ...TEAM_SERVER_ORIGINS, 'scripting'] }
      : { optional_host_permissions: ['https://*/*', ...TEAM_SERVER_ORIGINS], optional_permissions: ['scripting'] }),
    content_security_policy:
      browser === 'firefox'
        ? `script-src 'self'; object-src 'none'; ${CONNECT_SRC}`
        : { extension_pages: `script-src 'self'; object-src 'none'; ${CONNECT_SRC}` },
    // `icons` comes from public/icon/<size>.png (WXT finds them); the toolbar button names its own.
    action: { default_title: '__MSG_manifest_name__', default_icon: { 16: 'icon/16.png', 32: 'icon/32.png' } },
    // The card page is framed into the sites' pages by the content script, so those pages must be
    // allowed to load it: the built-in sites and the CRM hosts a user adds at run time (a manifest
    // cannot list those), hence every https page. Chrome serves it only through a per-session
    // dynamic URL, so no page can probe for it by a fixed chrome-extension:// address (and the
    // isolation test checks the page's resource timings never show that URL). Firefox MV2 has no
    // use_dynamic_url (nor matches); its moz-extension:// host is a random per-install UUID.
    web_accessible_resources:
      browser === 'firefox'
        ? ['card.html']
        : [{ resources: ['card.html'], matches: ['https://*/*'], use_dynamic_url: true }],
    commands: {
      'toggle-card': {
        suggested_key: { default: 'Alt+Shift+T' },
        description: '__MSG_manifest_toggleCard__',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'tiercover@tiercover.local',
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
