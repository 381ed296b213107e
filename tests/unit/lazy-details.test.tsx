// @vitest-environment happy-dom
/**
 * LazyDetails (components/LazyDetails.tsx): a closed section's content is not built until it is
 * first opened, and is kept once built (a closed-again section keeps its state).
 */
import { render } from 'preact';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { LazyDetails } from '@/components/LazyDetails';

let root: HTMLElement;
const settle = () => new Promise((r) => setTimeout(r, 20));
const details = () => root.querySelector('details')!;
const toggle = async (open: boolean) => {
  details().open = open;
  details().dispatchEvent(new Event('toggle'));
  await settle();
};

beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

it('builds its content on the first opening and keeps it after closing', async () => {
  render(
    <LazyDetails data-testid="section" class="contacts" summary="Who the 8 names are">
      <ul data-testid="inside"><li>Jane Doe</li></ul>
    </LazyDetails>,
    root,
  );
  await settle();
  expect(details().getAttribute('data-testid')).toBe('section');
  expect(details().className).toBe('contacts');
  expect(root.querySelector('summary')!.textContent).toBe('Who the 8 names are');
  expect(root.querySelector('[data-testid=inside]')).toBeNull();
  await toggle(true);
  expect(root.querySelector('[data-testid=inside]')!.textContent).toBe('Jane Doe');
  await toggle(false);
  expect(root.querySelector('[data-testid=inside]')).not.toBeNull();
});
