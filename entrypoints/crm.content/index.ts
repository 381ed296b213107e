import { defineContentScript } from '#imports';
import { startCard } from '@/lib/card-host/host';
import { siteReader } from '@/lib/sites/reader';
import { salesforce } from '@/lib/sites/salesforce';
import { hubspot } from '@/lib/sites/hubspot';

// Salesforce (Lightning and Classic, sandboxes) and HubSpot (all regions). Other hosts are
// registered at run time once the user adds them in the options (optional host permission).
export default defineContentScript({
  matches: ['https://*.lightning.force.com/*', 'https://*.salesforce.com/*', 'https://*.hubspot.com/*'],
  // Start before the page is parsed: the question to the background overlaps the page load.
  runAt: 'document_start',
  cssInjectionMode: 'manual',
  // No `…:wxt:content-script-started` postMessage to the page: it would announce the extension.
  noScriptStartedPostMessage: true,
  main() {
    void startCard(/hubspot\.com$/.test(location.hostname) ? 'hubspot' : /(force|salesforce)\.com$/.test(location.hostname) ? 'salesforce' : 'custom', siteReader([salesforce, hubspot]));
  },
});
