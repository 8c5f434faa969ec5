import { describe, expect, it } from 'vitest';
import type { HostsSnapshot, HostStatus } from '@shared/contract';
import {
  hostLoss,
  onHostLost,
  whenConnected,
  type HostWatch,
} from '../../src/main/services/hosts/host-liveness';

/** A hosts service reduced to its watch: tests set a host's state and every watcher hears it. */
function fakeHosts(initial: HostStatus['state']) {
  const listeners = new Set<(s: HostsSnapshot) => void>();
  let snap = make(initial);
  function make(state: HostStatus['state'] | 'removed'): HostsSnapshot {
    if (state === 'removed') return { hosts: [], statuses: {} };
    const status: HostStatus = { state, since: 0 };
    if (state === 'error') status.error = { code: 'ENGINE_UNREACHABLE', message: 'connection refused' };
    return {
      hosts: [{ id: 'h-1' } as HostsSnapshot['hosts'][number]],
      statuses: { 'h-1': status },
    };
  }
  const hosts: HostWatch = {
    watch(l) {
      listeners.add(l);
      l(snap);
      return () => listeners.delete(l);
    },
    checkNow: () => undefined,
  };
  return {
    hosts,
    listeners,
    set(state: HostStatus['state'] | 'removed') {
      snap = make(state);
      for (const l of [...listeners]) l(snap);
    },
  };
}

describe('host liveness (streams follow their host)', () => {
  it('says why a host is lost, and nothing while it is connected', () => {
    const f = fakeHosts('connected');
    let snap: HostsSnapshot | undefined;
    f.hosts.watch((s) => (snap = s))();
    expect(hostLoss(snap as HostsSnapshot, 'h-1')).toBeUndefined();
    f.set('error');
    f.hosts.watch((s) => (snap = s))();
    expect(hostLoss(snap as HostsSnapshot, 'h-1')?.code).toBe('ENGINE_UNREACHABLE');
    expect(hostLoss({ hosts: [], statuses: {} }, 'h-1')?.code).toBe('NOT_FOUND');
  });

  it('onHostLost fires once, on the first loss, and leaves no watcher behind', () => {
    const f = fakeHosts('connected');
    const seen: string[] = [];
    onHostLost(f.hosts, 'h-1', (e) => seen.push(e.code));
    expect(f.listeners.size).toBe(1);
    f.set('error');
    f.set('connecting');
    expect(seen).toEqual(['ENGINE_UNREACHABLE']);
    expect(f.listeners.size).toBe(0);
    // Already lost when asked: fires at once, and unsubscribing afterwards is harmless.
    const now: string[] = [];
    const stop = onHostLost(f.hosts, 'h-1', (e) => now.push(e.code));
    expect(now).toEqual(['ENGINE_UNREACHABLE']);
    stop();
    expect(f.listeners.size).toBe(0);
  });

  it('whenConnected waits for the host without polling, and gives up on removal or abort', async () => {
    const f = fakeHosts('error');
    const back = whenConnected(f.hosts, 'h-1', new AbortController().signal);
    f.set('connecting');
    f.set('connected');
    await expect(back).resolves.toBeUndefined();
    expect(f.listeners.size).toBe(0);

    f.set('error');
    const removed = whenConnected(f.hosts, 'h-1', new AbortController().signal);
    f.set('removed');
    await expect(removed).rejects.toMatchObject({ code: 'NOT_FOUND' });

    f.set('error');
    const ac = new AbortController();
    const aborted = whenConnected(f.hosts, 'h-1', ac.signal);
    ac.abort(new Error('left'));
    await expect(aborted).rejects.toThrow('left');
    expect(f.listeners.size).toBe(0);
  });
});
