import { defineContentScript } from '#imports';
import { startCard } from '@/components/card/mount';

// LinkedIn and Sales Navigator on every country host. Reads the page; never changes its content.
export default defineContentScript({
  matches: ['https://*.linkedin.com/*'],
  runAt: 'document_end',
  cssInjectionMode: 'manual',
  main(ctx) {
    void startCard(ctx, 'linkedin');
  },
});
