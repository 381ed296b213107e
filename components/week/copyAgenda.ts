import type { Agenda } from '@/lib/io/agenda';
import { agendaDom } from '@/lib/io/agenda-dom';
import { agendaMarkdown } from '@/lib/io/agenda-markdown';
import { t } from '@/lib/i18n';

/**
 * "Copy as rich text": the agenda's DOM tree (built with textContent) serialised as text/html,
 * with the clean Markdown as text/plain for places that take no formatting. Where the browser
 * has no ClipboardItem (older Firefox), the Markdown alone. Says what it copied.
 */
export async function copyAgendaRich(agenda: Agenda): Promise<string> {
  const text = agendaMarkdown(agenda);
  if (typeof ClipboardItem === 'undefined') {
    await navigator.clipboard.writeText(text);
    return t('week.copy.textOnly');
  }
  const html = agendaDom(document, agenda).outerHTML;
  // Clipboard.write, not document.write: the rule's name match. Nothing here parses a string.
  // eslint-disable-next-line no-restricted-syntax
  await navigator.clipboard.write([
    new ClipboardItem({
      'text/html': new Blob([html], { type: 'text/html' }),
      'text/plain': new Blob([text], { type: 'text/plain' }),
    }),
  ]);
  return t('week.copy.rich');
}

export async function copyAgendaMarkdown(agenda: Agenda): Promise<string> {
  await navigator.clipboard.writeText(agendaMarkdown(agenda));
  return t('week.copy.markdown');
}
