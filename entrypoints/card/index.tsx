/**
 * The card page's script, shown in an iframe that the content script puts on LinkedIn and CRM
 * pages. An extension document: the page's scripts cannot read it, search it, click in it or hear
 * its keys.
 *
 * Built as one classic script (an unlisted script: WXT bundles it alone, like a content script),
 * not as an HTML entrypoint: those share chunks with the other pages, and the card then loaded ten
 * module files before its first render. The card is on the path of every page load, so its frame
 * fetches one script and one stylesheet (`public/card.html`; BENCHMARKS.md "The card frame").
 */
import { defineUnlistedScript } from '#imports';
import { mountPage } from '@/components/mount';
import '@/components/card/card.css';
import '@/components/card/frame.css';
import { CardFrameApp, reportLayout, startCardFrame } from '@/components/card/CardFrameApp';

export default defineUnlistedScript(() => {
  startCardFrame();
  // The card's answer can come before the first render (the words may be read from a file first:
  // lib/i18n/ensure-messages.ts). The layout sent then was empty, and the still-hidden frame
  // would never learn its size from its ResizeObserver: send it once the card is in the DOM.
  void mountPage(<CardFrameApp />).then(reportLayout);
});
