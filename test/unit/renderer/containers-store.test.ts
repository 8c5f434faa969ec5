import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ContainerSummary, HostView } from '@shared/contract';

// The containers store's own logic over a fake list call: what the engine returns is not in
// question here, only what the store keeps of it.
let lists: Record<string, ContainerSummary[]> = {};
let calls = 0;
vi.mock('../../../src/renderer/src/rpc/api', () => ({
  api: {
    containers: {
      list: async ({ hostId }: { hostId: string }) => {
        calls += 1;
        return structuredClone(lists[hostId] ?? []);
      },
    },
  },
}));

const { useContainersStore } = await import('../../../src/renderer/src/stores/containers');
const { useHostsStore } = await import('../../../src/renderer/src/stores/hosts');
const { invalidate } = await import('../../../src/renderer/src/lib/invalidation');

const c = (id: string, state: ContainerSummary['state'] = 'running') =>
  ({ id, name: id, state, labels: {}, ports: [] }) as unknown as ContainerSummary;
const host = (id: string) => ({ id, name: id }) as HostView;

afterEach(() => {
  vi.useRealTimers();
});

describe('useContainersStore (on the resource store factory)', () => {
  it('shares one list request between callers', async () => {
    lists = { h1: [c('a')] };
    calls = 0;
    const s = useContainersStore.getState();
    await Promise.all([s.fetch('h1'), s.fetch('h1'), s.fetch('h1')]);
    expect(calls).toBe(1);
    expect(useContainersStore.getState().byHost.h1?.items.map((x) => x.id)).toEqual(['a']);
  });

  it('refetches on a container event and keeps unchanged rows as the same objects', async () => {
    lists = { h1: [c('a'), c('b')] };
    await useContainersStore.getState().fetch('h1');
    const before = useContainersStore.getState().byHost.h1!.items;
    lists = { h1: [c('a'), c('b', 'exited')] };
    vi.useFakeTimers();
    invalidate('container', 'h1');
    await vi.runAllTimersAsync();
    const after = useContainersStore.getState().byHost.h1!.items;
    expect(after[0]).toBe(before[0]);
    expect(after[1]?.state).toBe('exited');
  });

  it('drops selected ids of containers that are gone', async () => {
    lists = { h1: [c('a'), c('b')] };
    await useContainersStore.getState().fetch('h1');
    useContainersStore.getState().setSelected('h1', ['a', 'b'], true);
    lists = { h1: [c('a')] };
    await useContainersStore.getState().fetch('h1');
    expect(useContainersStore.getState().selected.h1).toEqual({ a: true });
  });

  it('forgets a removed host: its list, selection and bulk results', async () => {
    useHostsStore.setState({ hosts: [host('h1'), host('h2')] });
    lists = { h1: [c('a')], h2: [c('z')] };
    await useContainersStore.getState().fetch('h1');
    await useContainersStore.getState().fetch('h2');
    useContainersStore.getState().setSelected('h1', ['a'], true);
    useHostsStore.setState({ hosts: [host('h2')] });
    const s = useContainersStore.getState();
    expect(Object.keys(s.byHost)).toEqual(['h2']);
    expect(s.selected.h1).toBeUndefined();
  });
});
