import type { ComponentChildren, DetailsHTMLAttributes } from 'preact';
import { useState } from 'preact/hooks';

/**
 * A `<details>` whose content is built the first time it is opened, and kept after that.
 * Why: the card's two closed sections (the tier's boxes; the contact list, a role select per
 * contact) were two thirds of its first render, about 230 of 330 elements, on the path of every
 * page the card shows on (BENCHMARKS.md "The card frame").
 */
export function LazyDetails({ summary, children, ...rest }: { summary: ComponentChildren; children: ComponentChildren } & Omit<DetailsHTMLAttributes<HTMLDetailsElement>, 'summary' | 'children' | 'onToggle'>) {
  const [opened, setOpened] = useState(false);
  return (
    <details {...rest} onToggle={(e) => (e.currentTarget as HTMLDetailsElement).open && setOpened(true)}>
      <summary>{summary}</summary>
      {opened && children}
    </details>
  );
}
