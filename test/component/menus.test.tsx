import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { TerminalContextMenu } from '../../src/renderer/src/components/terminal/TerminalContextMenu';
import { button, cleanup, render } from './render';

afterEach(cleanup);

function key(target: Element, k: string) {
  act(() => {
    target.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true }));
  });
}

describe('menus (useDismiss, menu-focus)', () => {
  function open(log: string[]) {
    const items = [
      { label: 'Copy', disabled: true, run: () => log.push('copy') },
      { label: 'Paste', run: () => log.push('paste') },
      { label: 'Clear', run: () => log.push('clear') },
    ];
    return render(<TerminalContextMenu x={10} y={10} items={items} onClose={() => log.push('close')} />);
  }

  it('opens on its first enabled item; the arrow keys go round the enabled ones', () => {
    const view = open([]);
    const doc = view.ownerDocument;
    expect(doc.activeElement).toBe(button(view, 'Paste'));
    key(doc.activeElement!, 'ArrowDown');
    expect(doc.activeElement).toBe(button(view, 'Clear'));
    key(doc.activeElement!, 'ArrowDown');
    expect(doc.activeElement).toBe(button(view, 'Paste'));
    key(doc.activeElement!, 'ArrowUp');
    expect(doc.activeElement).toBe(button(view, 'Clear'));
  });

  it('closes on Escape, on a press outside and when the window loses focus, not on a press inside', () => {
    const log: string[] = [];
    const view = open(log);
    act(() => {
      button(view, 'Paste').dispatchEvent(new MouseEvent('mousedown', { bubbles: true }));
    });
    expect(log).toEqual([]);
    act(() => {
      view.ownerDocument.body.dispatchEvent(new MouseEvent('mousedown', { bubbles: true }));
    });
    act(() => {
      window.dispatchEvent(new Event('blur'));
    });
    key(view.ownerDocument.activeElement!, 'Escape');
    expect(log).toEqual(['close', 'close', 'close']);
    act(() => button(view, 'Clear').click());
    expect(log.slice(3)).toEqual(['close', 'clear']);
  });
});
