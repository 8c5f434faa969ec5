import { answer, CallError, callsOf, resetBridge } from './fake-bridge';
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useSwarm } from '../../src/renderer/src/hooks/useSwarm';
import { invalidate } from '../../src/renderer/src/lib/invalidation';
import { useHostsStore } from '../../src/renderer/src/stores/hosts';
import { useSwarmStore } from '../../src/renderer/src/stores/swarm';
import { hostView, managerInfo, service, settle, workerInfo } from './fixtures';
import { cleanup, render } from './render';

function Probe({ hostId }: { hostId: string }) {
  const s = useSwarm(hostId);
  return (
    <p>
      {s.loading ? 'loading' : 'loaded'} · {s.info?.role ?? 'none'} ·{' '}
      {s.services.map((x) => x.name).join(',')}
    </p>
  );
}

beforeEach(() => {
  resetBridge();
  useSwarmStore.setState({ byHost: {} });
  useHostsStore.setState({ hosts: [hostView('m'), hostView('w')] });
  answer('swarm.info', ({ hostId }) => (hostId === 'm' ? managerInfo : workerInfo));
  answer('swarm.nodes', () => []);
  answer('swarm.services', () => [service('web')]);
  answer('swarm.tasks', () => []);
});
afterEach(cleanup);

describe('the swarm store (a resource-store configuration) and useSwarm', () => {
  it('reads a manager whole, and of a worker only what it is', async () => {
    await act(() => useSwarmStore.getState().fetch('m'));
    await act(() => useSwarmStore.getState().fetch('w'));
    const { byHost } = useSwarmStore.getState();
    expect(byHost.m?.services.map((s) => s.name)).toEqual(['web']);
    expect(byHost.w?.info?.role).toBe('worker');
    expect(byHost.w?.services).toEqual([]);
    // A worker is never asked for the lists only a manager answers.
    expect(callsOf('swarm.services').map((i) => i.hostId)).toEqual(['m']);
  });

  it('useSwarm fetches when the view opens and refetches on the engine swarm events', async () => {
    const el = render(<Probe hostId="m" />);
    expect(el.textContent).toContain('loading');
    await act(settle);
    expect(el.textContent).toBe('loaded · manager · web');
    answer('swarm.services', () => [service('web'), service('api')]);
    act(() => invalidate('swarm', 'm'));
    // Invalidations are coalesced for a moment; then the loaded host refetches.
    await vi.waitFor(async () => {
      await act(settle);
      expect(el.textContent).toBe('loaded · manager · web,api');
    });
  });

  it('keeps what it had and says why when a refresh fails', async () => {
    await act(() => useSwarmStore.getState().fetch('m'));
    answer('swarm.info', () => {
      throw new CallError({ code: 'ENGINE_UNREACHABLE', message: 'connect ECONNREFUSED' });
    });
    await act(() => useSwarmStore.getState().fetch('m'));
    const m = useSwarmStore.getState().byHost.m;
    expect(m?.services.map((s) => s.name)).toEqual(['web']);
    expect(m?.error).toMatchObject({ code: 'ENGINE_UNREACHABLE', message: 'connect ECONNREFUSED' });
  });

  it('forgets a host that leaves the host list', async () => {
    await act(() => useSwarmStore.getState().fetch('m'));
    await act(() => useSwarmStore.getState().fetch('w'));
    act(() => useHostsStore.setState({ hosts: [hostView('m')] }));
    expect(Object.keys(useSwarmStore.getState().byHost)).toEqual(['m']);
  });
});
