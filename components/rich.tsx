import type { ComponentChild } from 'preact';

/**
 * A translated sentence with elements inside it (a bold name, a link): the message keeps
 * `{name}` where the element goes, so each language puts it where its grammar wants it.
 * Ask for the message with the placeholders left in place, e.g.
 * `rich(t('card.person.known', { name: '{name}' }), { name: <b>{c.name}</b> })`.
 */
export function rich(message: string, parts: Record<string, ComponentChild>): ComponentChild[] {
  return message.split(/(\{[A-Za-z0-9_]+\})/).map((piece) => {
    const name = /^\{([A-Za-z0-9_]+)\}$/.exec(piece)?.[1];
    return name !== undefined && name in parts ? parts[name] : piece;
  });
}
