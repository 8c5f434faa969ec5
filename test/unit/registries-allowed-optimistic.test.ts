import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { RegistryView } from '@shared/contract';

// The store's RPC client is replaced: what is tested is when the checkbox's state changes.
const calls = vi.hoisted(() => ({
  allowHost: vi.fn<(input: { id: string; hostId: string; allowed: boolean }) => Promise<unknown>>(),
  list: vi.fn<() => Promise<unknown>>(),
}));
vi.mock('../../src/renderer/src/rpc/api', () => ({
  api: { registries: { allowHost: calls.allowHost, list: calls.list } },
}));

const { useRegistriesStore } = await import('../../src/renderer/src/stores/registries');
const { withHostAllowed } = await import('../../src/renderer/src/lib/allowed-hosts');

const registry = (allowedHosts: string[]): RegistryView =>
  ({ id: 'r1', address: '127.0.0.1:5000', allowedHosts }) as unknown as RegistryView;
const allowed = () => useRegistriesStore.getState().items[0]?.allowedHosts;

describe('the registry "Allowed" checkbox', () => {
  beforeEach(() => {
    useRegistriesStore.setState({ items: [registry(['other'])], loaded: true });
    calls.allowHost.mockReset();
    calls.list.mockReset();
  });

  it('follows the click before the server answers', async () => {
    let answer: (v: unknown) => void = () => undefined;
    calls.allowHost.mockReturnValue(new Promise((resolve) => (answer = resolve)));
    calls.list.mockResolvedValue([registry(['other', 'h1'])]);
    const done = useRegistriesStore.getState().allowHost('r1', 'h1', true);
    expect(allowed()).toEqual(['other', 'h1']);
    answer(registry(['other', 'h1']));
    await done;
    expect(allowed()).toEqual(['other', 'h1']);
  });

  it('goes back when the server refuses', async () => {
    calls.allowHost.mockRejectedValue(new Error('refused'));
    const done = useRegistriesStore.getState().allowHost('r1', 'other', false);
    expect(allowed()).toEqual([]);
    await expect(done).rejects.toThrow('refused');
    expect(allowed()).toEqual(['other']);
  });

  it('changes one host of one login only', () => {
    const items = [registry(['a', 'b']), { ...registry([]), id: 'r2' }];
    expect(withHostAllowed(items, 'r1', 'a', false).map((r) => r.allowedHosts)).toEqual([['b'], []]);
    expect(withHostAllowed(items, 'r1', 'c', true)[0]?.allowedHosts).toEqual(['a', 'b', 'c']);
  });
});
