// @vitest-environment happy-dom
/**
 * SavedInput (components/SavedInput.tsx): a reload arriving while someone types does not put the
 * old text back; once the field is left, the stored value shows again.
 */
import { render } from 'preact';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { SavedInput } from '@/components/SavedInput';

let root: HTMLElement;
let saved: string[];
const settle = () => new Promise((r) => setTimeout(r, 20));
const draw = (stored: string) => render(<SavedInput type="text" stored={stored} onSave={(v) => saved.push(v)} data-testid="f" />, root);
const field = () => root.querySelector('[data-testid=f]') as HTMLInputElement;

beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
  saved = [];
});
afterEach(() => {
  render(null, root);
  root.remove();
});

it('keeps what is typed through a reload while it has the focus, saves it on change, then follows the stored value', async () => {
  draw('Ana');
  await settle();
  expect(field().value).toBe('Ana');
  field().focus();
  field().value = 'Dana Fox, Sam Rep';
  // A reload answering an earlier save arrives while the field is being typed in.
  draw('Ana Reloaded');
  await settle();
  expect(field().value).toBe('Dana Fox, Sam Rep');
  field().dispatchEvent(new Event('change', { bubbles: true }));
  field().blur();
  expect(saved).toEqual(['Dana Fox, Sam Rep']);
  // The save's own reload, and later someone else's edit, show once the field is left.
  draw('Dana Fox, Sam Rep');
  await settle();
  draw('Someone Else');
  await settle();
  expect(field().value).toBe('Someone Else');
});
