/**
 * Every extension page starts here: its words first (`ensureMessages`: Chromium sometimes gives a
 * page an empty message catalog, docs/I18N.md), then its first render into `#app`.
 */
import { render, type ComponentChild } from 'preact';
import { ensureMessages } from '@/lib/i18n/ensure-messages';

/** Resolves once the page is in the DOM (the render is synchronous, the words may not be). */
export function mountPage(page: ComponentChild): Promise<void> {
  return ensureMessages().then(() => render(page, document.getElementById('app')!));
}
