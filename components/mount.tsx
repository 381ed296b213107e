/**
 * Every extension page starts here: its words first (`ensureMessages`: Chromium sometimes gives a
 * page an empty message catalog, docs/I18N.md), then its first render into `#app`.
 */
import { render, type ComponentChild } from 'preact';
import { ensureMessages } from '@/lib/i18n/ensure-messages';

export function mountPage(page: ComponentChild): void {
  void ensureMessages().then(() => render(page, document.getElementById('app')!));
}
