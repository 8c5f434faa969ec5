import { act } from 'react';
import { create } from 'zustand';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { usePick } from '../../src/renderer/src/hooks/usePick';
import { button, cleanup, render } from './render';

interface Counter {
  count: number;
  tags: string[];
  /** A field the probe does not pick. */
  other: number;
  increment(): void;
}

const useCounter = create<Counter>()((set) => ({
  count: 0,
  tags: ['a'],
  other: 0,
  increment: () => set((s) => ({ count: s.count + 1 })),
}));

let renders = 0;

function Probe() {
  renders += 1;
  const { count, tags, increment } = usePick(useCounter, 'count', 'tags', 'increment');
  return (
    <button type="button" onClick={increment}>
      {count} · {tags.join(',')}
    </button>
  );
}

beforeEach(() => {
  useCounter.setState({ count: 0, tags: ['a'], other: 0 });
  renders = 0;
});
afterEach(cleanup);

describe('usePick', () => {
  it('reads the picked fields as they are now, and their picked actions work', () => {
    const el = render(<Probe />);
    expect(el.textContent).toBe('0 · a');
    act(() => button(el, '0 · a').click());
    expect(el.textContent).toBe('1 · a');
    act(() => useCounter.setState({ tags: ['a', 'b'] }));
    expect(el.textContent).toBe('1 · a,b');
    expect(useCounter.getState().count).toBe(1);
  });

  it('re-renders once per change to a picked field, never for the others', () => {
    const el = render(<Probe />);
    const afterMount = renders;
    act(() => useCounter.setState({ other: 1 }));
    act(() => useCounter.setState({ other: 2 }));
    expect(renders).toBe(afterMount);
    // The same values again (a store update that replaced nothing the probe reads).
    act(() => useCounter.setState({ count: 0, tags: useCounter.getState().tags }));
    expect(renders).toBe(afterMount);
    act(() => useCounter.setState({ count: 5 }));
    expect(renders).toBe(afterMount + 1);
    expect(el.textContent).toBe('5 · a');
    // Fields compare by identity: a new array with the same content is a change.
    act(() => useCounter.setState({ tags: ['a'] }));
    expect(renders).toBe(afterMount + 2);
  });
});
