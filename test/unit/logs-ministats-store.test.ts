import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StatsSummary } from '@shared/contract';

interface FakeSub {
  params: { hostId: string; ids: string[] };
  onEvent(s: StatsSummary): void;
  closed: boolean;
}
const subs: FakeSub[] = [];

// The store's only dependency is the RPC client; a fake one records the subscriptions it opens.
vi.mock('../../src/renderer/src/rpc/api', () => ({
  api: {
    stats: {
      summary(params: FakeSub['params'], handlers: { onEvent(s: StatsSummary): void }) {
        const sub: FakeSub = { params, onEvent: handlers.onEvent, closed: false };
        subs.push(sub);
        return { close: () => (sub.closed = true) };
      },
    },
  },
}));

const { useMiniStatsStore, watchMiniStats, RESUBSCRIBE_DELAY_MS } =
  await import('../../src/renderer/src/stores/stats');

beforeEach(() => {
  vi.useFakeTimers();
  subs.length = 0;
});
afterEach(() => vi.useRealTimers());

const open = () => subs.filter((s) => !s.closed);

describe('mini stats store', () => {
  it('serves every row of a host from ONE subscription, re-opened when the rows change', () => {
    const releases = ['c1', 'c2', 'c3'].map((id) => watchMiniStats('h1', id));
    // Rows mount in a burst: nothing is opened until they settle.
    expect(subs).toHaveLength(0);
    vi.advanceTimersByTime(RESUBSCRIBE_DELAY_MS);
    expect(open()).toHaveLength(1);
    expect(open()[0]?.params).toEqual({ hostId: 'h1', ids: ['c1', 'c2', 'c3'] });

    // Two rows of the same container (or a re-render) do not change the subscription.
    const again = watchMiniStats('h1', 'c2');
    vi.advanceTimersByTime(RESUBSCRIBE_DELAY_MS);
    expect(subs).toHaveLength(1);
    again();

    releases[0]?.();
    vi.advanceTimersByTime(RESUBSCRIBE_DELAY_MS);
    expect(open()).toHaveLength(1);
    expect(open()[0]?.params.ids).toEqual(['c2', 'c3']);

    releases[1]?.();
    releases[2]?.();
    vi.advanceTimersByTime(RESUBSCRIBE_DELAY_MS);
    expect(open()).toHaveLength(0);
  });

  it('keeps hosts apart and stores the figures by host and container', () => {
    const a = watchMiniStats('ha', 'x');
    const b = watchMiniStats('hb', 'y');
    vi.advanceTimersByTime(RESUBSCRIBE_DELAY_MS);
    expect(
      open()
        .map((s) => s.params.hostId)
        .sort(),
    ).toEqual(['ha', 'hb']);
    const entry = { id: 'x', cpuPercent: 12.5, memUsage: 1024, memLimit: 4096, memPercent: 25 };
    open()
      .find((s) => s.params.hostId === 'ha')
      ?.onEvent({ at: 1, items: [entry] });
    expect(useMiniStatsStore.getState().byHost.ha?.x).toEqual(entry);
    expect(useMiniStatsStore.getState().byHost.hb).toBeUndefined();
    a();
    b();
    vi.advanceTimersByTime(RESUBSCRIBE_DELAY_MS);
    expect(open()).toHaveLength(0);
  });
});
