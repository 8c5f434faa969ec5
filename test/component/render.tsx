import type { ReactNode } from 'react';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';

// React warns unless it knows updates are wrapped in act().
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let mounted: { root: Root; container: HTMLElement } | undefined;

/** Renders into a fresh container in the document; `cleanup` unmounts it. */
export function render(ui: ReactNode): HTMLElement {
  cleanup();
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  act(() => root.render(ui));
  mounted = { root, container };
  return container;
}

export function cleanup(): void {
  if (!mounted) return;
  const { root, container } = mounted;
  act(() => root.unmount());
  container.remove();
  mounted = undefined;
}

/** The button whose accessible name (aria-label, else its text) is `name`. */
export function button(container: HTMLElement, name: string): HTMLButtonElement {
  const all = [...container.querySelectorAll('button')];
  const found = all.find((b) => (b.getAttribute('aria-label') ?? b.textContent?.trim()) === name);
  if (!found)
    throw new Error(
      `No button named "${name}" among: ${all.map((b) => b.getAttribute('aria-label') ?? b.textContent).join(', ')}`,
    );
  return found;
}

/** Types `value` into a text input as a user would: React sees an input event with the new value. */
export function typeInto(input: HTMLInputElement, value: string): void {
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
  act(() => {
    setter.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}
