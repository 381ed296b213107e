import { defineContentScript } from '#imports';
import { startCard } from '@/components/card/mount';
import { siteReader } from '@/lib/sites/reader';
import { linkedin } from '@/lib/sites/linkedin';
import { salesnav } from '@/lib/sites/salesnav';

// LinkedIn and Sales Navigator on every country host. Reads the page; never changes its content.
export default defineContentScript({
  matches: ['https://*.linkedin.com/*'],
  // Start before the page is parsed: the question to the background overlaps the page load.
  runAt: 'document_start',
  cssInjectionMode: 'manual',
  main(ctx) {
    void startCard(ctx, 'linkedin', siteReader([salesnav, linkedin]));
  },
});
