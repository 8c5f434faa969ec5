import { act, useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { ActionIcon, type IconName } from '../../src/renderer/src/components/ui/ActionIcon';
import { RefreshButton } from '../../src/renderer/src/components/ui/RefreshButton';
import { MonoInput } from '../../src/renderer/src/components/ui/MonoInput';
import { Segmented } from '../../src/renderer/src/components/ui/Segmented';
import { button, cleanup, render } from './render';

afterEach(cleanup);

describe('kit controls', () => {
  it('RefreshButton: the word button and the compact icon one are both named Refresh and wait while loading', () => {
    let calls = 0;
    const word = render(<RefreshButton loading={false} onRefresh={() => calls++} />);
    act(() => button(word, 'Refresh').click());
    expect(calls).toBe(1);
    const compact = render(<RefreshButton loading compact onRefresh={() => calls++} />);
    const b = button(compact, 'Refresh');
    expect(b.disabled).toBe(true);
    expect(b.getAttribute('aria-busy')).toBe('true');
    expect(b.querySelector('.spinner')).not.toBeNull();
    expect(b.textContent).toBe('');
  });

  it('Segmented (RadioInput): one radio checked, the one of the value; picking another changes it', () => {
    function Show() {
      const [value, setValue] = useState<'all' | 'running'>('all');
      const options = [
        { value: 'all', label: 'All' },
        { value: 'running', label: 'Running' },
      ] as const;
      return (
        <Segmented<'all' | 'running'> label="Show" options={options} value={value} onChange={setValue} />
      );
    }
    const view = render(<Show />);
    const radios = [...view.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
    expect(radios.map((r) => r.checked)).toEqual([true, false]);
    expect(new Set(radios.map((r) => r.name)).size).toBe(1);
    act(() => radios[1]!.click());
    expect(radios.map((r) => r.checked)).toEqual([false, true]);
  });

  it('MonoInput points at its message only when it has one', () => {
    const quiet = render(<MonoInput id="r1" label="Port 1 host port" value="" onValue={() => {}} />);
    const input = quiet.querySelector('input')!;
    expect(input.getAttribute('aria-label')).toBe('Port 1 host port');
    expect(input.hasAttribute('aria-describedby')).toBe(false);
    const wrong = render(<MonoInput id="r1" label="x" value="" error="bad" onValue={() => {}} />);
    expect(wrong.querySelector('input')!.getAttribute('aria-describedby')).toBe('r1-error');
    expect(wrong.querySelector('input')!.getAttribute('aria-invalid')).toBe('true');
  });

  it('ActionIcon draws every name as a hidden 16×16 line icon', () => {
    const names: IconName[] = ['start', 'unpause', 'stop', 'pause', 'kill', 'restart', 'remove', 'prune'];
    names.push('rename', 'more', 'run', 'chevron', 'tag', 'push', 'copy', 'save', 'trash', 'browse');
    for (const name of names) {
      const svg = render(<ActionIcon action={name} />).querySelector('svg');
      expect(svg?.getAttribute('aria-hidden'), name).toBe('true');
      expect(svg?.getAttribute('viewBox'), name).toBe('0 0 16 16');
      expect(svg?.children.length, name).toBeGreaterThan(0);
    }
  });
});
