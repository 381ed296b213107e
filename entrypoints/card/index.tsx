/**
 * The card page's script, shown in an iframe that the content script puts on LinkedIn and CRM
 * pages. An extension document: the page's scripts cannot read it, search it, click in it or hear
 * its keys.
 *
 * Built as one classic script (an unlisted script: WXT bundles it alone, like a content script),
 * not as an HTML entrypoint: those share chunks with the other pages, and the card then loaded ten
 * module files before its first render. The card is on the path of every page load, so its frame
 * fetches one script, which brings its styles (`public/card.html`; BENCHMARKS.md "The card frame").
 */
import { defineUnlistedScript } from '#imports';
import { mountPage } from '@/components/mount';
import cardCss from '@/components/card/card.css?inline';
import frameCss from '@/components/card/frame.css?inline';
import { CardFrameApp, reportLayout, startCardFrame } from '@/components/card/CardFrameApp';

export default defineUnlistedScript(() => {
  // The styles come in this script, not as a stylesheet of their own: one file less to fetch
  // before the script may run (a script waits for the stylesheets before it), and the card never
  // renders before its styles are there.
  const style = document.createElement('style');
  style.textContent = cardCss + frameCss;
  document.head.append(style);
  startCardFrame();
  // The card's answer can come before the first render (the words may be read from a file first:
  // lib/i18n/ensure-messages.ts). The layout sent then was empty, and the still-hidden frame
  // would never learn its size from its ResizeObserver: send it once the card is in the DOM.
  void mountPage(<CardFrameApp />).then(reportLayout);
});
