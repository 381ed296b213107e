import { defineContentScript } from '#imports';
import { startCard } from '@/lib/card-host/host';
import { siteReader } from '@/lib/sites/reader';
import { linkedin } from '@/lib/sites/linkedin';
import { salesnav } from '@/lib/sites/salesnav';

// LinkedIn and Sales Navigator on every country host. Reads the page; never changes its content.
export default defineContentScript({
  matches: ['https://*.linkedin.com/*'],
  // Start before the page is parsed: the question to the background overlaps the page load.
  runAt: 'document_start',
  cssInjectionMode: 'manual',
  // Also in frames: LinkedIn renders some company pages inside an iframe from /preload/…; the
  // script in that frame reads it and the top frame shows the card. Every other frame exits at once.
  allFrames: true,
  // No `…:wxt:content-script-started` postMessage to the page: it would announce the extension.
  noScriptStartedPostMessage: true,
  main() {
    void startCard('linkedin', siteReader([salesnav, linkedin]));
  },
});
