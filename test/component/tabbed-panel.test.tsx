import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { TabbedPanel } from '../../src/renderer/src/components/ui/TabbedPanel';
import { useTabState } from '../../src/renderer/src/hooks/useTabState';
import { button, cleanup, render } from './render';

afterEach(cleanup);

const TABS = [
  { id: 'files', label: 'Files' },
  { id: 'inspect', label: 'Inspect' },
] as const;

function Details({ tabs = TABS }: { tabs?: ReadonlyArray<{ id: 'files' | 'inspect'; label: string }> }) {
  const state = useTabState(tabs, 'files');
  return (
    <TabbedPanel label="Volume details" prefix="volume" state={state} className="details-panel">
      <p>showing {state.current}</p>
    </TabbedPanel>
  );
}

describe('TabbedPanel', () => {
  it('wires the tabs to the one panel and switches on click and arrow keys', () => {
    const el = render(<Details />);
    const panel = () => el.querySelector('[role="tabpanel"]');
    expect(el.querySelector('[role="tablist"]')?.getAttribute('aria-label')).toBe('Volume details');
    expect(panel()?.id).toBe('volume-panel-files');
    expect(panel()?.getAttribute('aria-labelledby')).toBe('volume-tab-files');
    expect(button(el, 'Files').getAttribute('aria-selected')).toBe('true');

    act(() => button(el, 'Inspect').click());
    expect(panel()?.textContent).toBe('showing inspect');
    expect(button(el, 'Inspect').getAttribute('aria-controls')).toBe('volume-panel-inspect');

    act(() => {
      button(el, 'Inspect').dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    });
    expect(panel()?.textContent).toBe('showing files');
    expect(document.activeElement).toBe(button(el, 'Files'));
  });

  it('has no tab list for a single tab, and the panel is a plain region', () => {
    const el = render(<Details tabs={[TABS[0]]} />);
    expect(el.querySelector('[role="tablist"]')).toBeNull();
    expect(el.querySelector('[role="tabpanel"]')).toBeNull();
    expect(el.querySelector('.details-panel')?.textContent).toBe('showing files');
  });
});
