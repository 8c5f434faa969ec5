import { resetBridge } from './fake-bridge';
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { RefreshButton } from '../../src/renderer/src/components/ui/RefreshButton';
import { useTerminalsStore } from '../../src/renderer/src/stores/terminals';
import { DockActions } from '../../src/renderer/src/views/terminal/DockActions';
import { HostMenu } from '../../src/renderer/src/views/sidebar/HostMenu';
import { hostView } from './fixtures';
import { button, cleanup, render } from './render';

afterEach(() => {
  cleanup();
  resetBridge();
});

function key(target: Element, k: string) {
  act(() => {
    target.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true }));
  });
}

describe('kit pieces adopted by views', () => {
  it('DockActions: Maximize is a pressed toggle, Hide/Show tells whether the dock is open', () => {
    act(() => useTerminalsStore.setState({ open: true, maximized: false }));
    const view = render(<DockActions />);
    expect(button(view, 'Maximize terminals').getAttribute('aria-pressed')).toBe('false');
    expect(button(view, 'Hide terminals').getAttribute('aria-expanded')).toBe('true');

    act(() => button(view, 'Maximize terminals').click());
    expect(button(view, 'Restore terminal size').getAttribute('aria-pressed')).toBe('true');

    act(() => button(view, 'Hide terminals').click());
    expect(button(view, 'Show terminals').getAttribute('aria-expanded')).toBe('false');
    expect(useTerminalsStore.getState().open).toBe(false);
  });

  it('RefreshButton: a compact one can carry a more specific name', () => {
    const view = render(
      <RefreshButton loading={false} compact label="Refresh images" onRefresh={() => {}} />,
    );
    const b = button(view, 'Refresh images');
    expect(b.title).toBe('Refresh');
  });

  it('HostMenu: opens on Edit; arrows go round the enabled items, Home/End reach the ends, Escape refocuses', () => {
    const view = render(<HostMenu host={hostView('h1')} isFirst isLast={false} />);
    const trigger = button(view, 'Actions for host h1');
    act(() => trigger.click());
    const menu = document.querySelector<HTMLElement>('[role="menu"]')!;
    const focused = () => document.activeElement?.textContent;
    expect(focused()).toBe('Edit');

    // Each key, then the item it leaves focused; "Move up" is disabled for the first host: skipped.
    const steps: Array<[string, string]> = [
      ['ArrowUp', 'Remove'],
      ['ArrowDown', 'Edit'],
      ['End', 'Remove'],
      ['ArrowUp', 'Move down'],
      ['ArrowUp', 'Export as Docker context…'],
      ['Home', 'Edit'],
    ];
    for (const [k, item] of steps) {
      key(menu, k);
      expect(focused(), k).toBe(item);
    }

    key(menu, 'Escape');
    expect(document.querySelector('[role="menu"]')).toBeNull();
    expect(document.activeElement).toBe(trigger);
  });
});
