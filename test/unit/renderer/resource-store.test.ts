import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AppErrorShape, HostView } from '@shared/contract';

// The factory's own logic (sharing, invalidation, forgetting) over a fake loader; the hosts store
// it watches is real, only its transport is absent.
vi.mock('../../../src/renderer/src/rpc/api', () => ({ api: {} }));

const { createHostResourceStore } = await import('../../../src/renderer/src/stores/resource-store');
const { useHostsStore } = await import('../../../src/renderer/src/stores/hosts');
const { invalidate } = await import('../../../src/renderer/src/lib/invalidation');
type HostLoad = import('../../../src/renderer/src/stores/resource-store').HostLoad;

interface HostThings {
  items: string[];
  loading: boolean;
  error: AppErrorShape | undefined;
  fetchedAt: number | undefined;
}
const EMPTY: HostThings = { items: [], loading: false, error: undefined, fetchedAt: undefined };

function makeStore(load: (hostId: string) => Promise<string[]>) {
  return createHostResourceStore<HostThings>({
    empty: EMPTY,
    invalidatedBy: ['volume'],
    load: async (hostId) => ({ items: await load(hostId) }),
  });
}

const host = (id: string) => ({ id, name: id }) as HostView;

/**
 * A host loaded once, then a second fetch held in flight while the host is invalidated (`id`: an
 * object named by an event; none: the whole list), past any debounce of the invalidation.
 */
async function invalidatedInFlight(hostId: string, id?: string) {
  let calls = 0;
  let release: (() => void) | undefined;
  const store = makeStore(async () => {
    calls += 1;
    if (calls === 2) await new Promise<void>((r) => (release = r));
    return [`v${calls}`];
  });
  await store.getState().fetch(hostId);
  const inFlight = store.getState().fetch(hostId);
  invalidate('volume', hostId, id);
  await new Promise((r) => setTimeout(r, 120));
  return { store, inFlight, calls: () => calls, release: () => release?.() };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('createHostResourceStore', () => {
  it('shares one request between callers and records fetchedAt', async () => {
    let calls = 0;
    const store = makeStore(async () => {
      calls += 1;
      return ['a'];
    });
    await Promise.all([store.getState().fetch('h1'), store.getState().fetch('h1')]);
    expect(calls).toBe(1);
    expect(store.getState().byHost.h1?.items).toEqual(['a']);
    expect(store.getState().byHost.h1?.fetchedAt).toBeTypeOf('number');
    expect(store.getState().byHost.h1?.loading).toBe(false);
  });

  it('keeps the error of a failed fetch and the items of the last good one', async () => {
    let fail = false;
    const store = makeStore(async () => {
      if (fail) throw new Error('engine went away');
      return ['a'];
    });
    await store.getState().fetch('h1');
    fail = true;
    await store.getState().fetch('h1');
    const slice = store.getState().byHost.h1;
    expect(slice?.items).toEqual(['a']);
    expect(slice?.error?.message).toContain('engine went away');
  });

  it('refetches a loaded host on its invalidating event, and leaves unloaded hosts alone', async () => {
    vi.useFakeTimers();
    const asked: string[] = [];
    const store = makeStore(async (hostId) => {
      asked.push(hostId);
      return [];
    });
    await store.getState().fetch('h1');
    invalidate('volume', 'h1');
    invalidate('volume', 'h2');
    invalidate('image', 'h1');
    await vi.runAllTimersAsync();
    expect(asked).toEqual(['h1', 'h1']);
  });

  it('fetches again when an object changed while a fetch was in flight (that answer may predate it)', async () => {
    const g = await invalidatedInFlight('h1', 'vol-1');
    expect(g.calls()).toBe(2);
    g.release();
    await g.inFlight;
    await vi.waitFor(() => expect(g.store.getState().byHost.h1?.items).toEqual(['v3']));
    expect(g.calls()).toBe(3);
  });

  it('after events naming ids, asks for those rows only and merges them; an unnamed change refetches all', async () => {
    interface Row {
      id: string;
      v: number;
    }
    let server: Row[] = [
      { id: 'a', v: 1 },
      { id: 'b', v: 1 },
    ];
    const asked: Array<string[] | 'all'> = [];
    const store = createHostResourceStore<HostLoad & { items: Row[] }>({
      empty: { items: [], loading: false, error: undefined, fetchedAt: undefined },
      invalidatedBy: ['container'],
      load: async () => {
        asked.push('all');
        return { items: structuredClone(server) };
      },
      refresh: async (_hostId, ids, prev) => {
        asked.push(ids);
        const fresh = structuredClone(server.filter((r) => ids.includes(r.id)));
        const gone = new Set(ids);
        return {
          items: [
            ...fresh.filter((r) => !prev.items.some((p) => p.id === r.id)),
            ...prev.items.flatMap((p) => (gone.has(p.id) ? fresh.filter((r) => r.id === p.id) : [p])),
          ],
        };
      },
    });
    await store.getState().fetch('h9');
    const a = store.getState().byHost.h9!.items[0];
    server = [
      { id: 'c', v: 1 },
      { id: 'a', v: 1 },
    ];
    invalidate('container', 'h9', 'b');
    invalidate('container', 'h9', 'c');
    await vi.waitFor(() => expect(store.getState().byHost.h9?.items.map((r) => r.id)).toEqual(['c', 'a']));
    expect(asked).toEqual(['all', ['b', 'c']]);
    expect(store.getState().byHost.h9!.items[1]).toBe(a);
    // Past the window, an event without an id: the whole list.
    await new Promise((r) => setTimeout(r, 60));
    invalidate('container', 'h9');
    await vi.waitFor(() => expect(asked).toHaveLength(3));
    expect(asked[2]).toBe('all');
  });

  it("lets the whole-list fetch in flight answer a whole-list invalidation (a new page's resync)", async () => {
    const g = await invalidatedInFlight('h2');
    g.release();
    await g.inFlight;
    await new Promise((r) => setTimeout(r, 20));
    expect(g.calls()).toBe(2);
    expect(g.store.getState().byHost.h2?.items).toEqual(['v2']);
  });

  it('forgets a host once it leaves the host list', async () => {
    const store = makeStore(async () => ['x']);
    useHostsStore.setState({ hosts: [host('h1'), host('h2')] });
    await store.getState().fetch('h1');
    await store.getState().fetch('h2');
    useHostsStore.setState({ hosts: [host('h2')] });
    expect(Object.keys(store.getState().byHost)).toEqual(['h2']);
  });

  it('keeps the identity of rows whose content did not change on a refetch', async () => {
    interface Row {
      id: string;
      state: string;
      ports: number[];
    }
    let rows: Row[] = [
      { id: 'a', state: 'running', ports: [80] },
      { id: 'b', state: 'exited', ports: [] },
    ];
    const store = createHostResourceStore<HostLoad & { items: Row[] }>({
      empty: { items: [], loading: false, error: undefined, fetchedAt: undefined },
      invalidatedBy: ['container'],
      load: async () => ({ items: structuredClone(rows) }),
    });
    await store.getState().fetch('h1');
    const first = store.getState().byHost.h1!.items;

    // Same content in fresh objects: the list itself keeps its identity.
    await store.getState().fetch('h1');
    expect(store.getState().byHost.h1!.items).toBe(first);

    // A row inserted on top and another changed: the unchanged row is still the same object.
    rows = [
      { id: 'c', state: 'created', ports: [] },
      { id: 'a', state: 'running', ports: [80] },
      { ...rows[1]!, state: 'running' },
    ];
    await store.getState().fetch('h1');
    const third = store.getState().byHost.h1!.items;
    expect(third).not.toBe(first);
    expect(third[1]).toBe(first[0]);
    expect(third[2]).not.toBe(first[1]);
    expect(third[2]!.ports).toBe(first[1]!.ports);
    expect(third.map((r) => r.state)).toEqual(['created', 'running', 'running']);
  });
});
