import { describe, expect, it } from 'vitest';
import type { ContainerSummary, HostStatus, HostView } from '@shared/contract';
import type { HostContainers } from '../../../src/renderer/src/stores/containers';
import {
  hostNotice,
  mergeContainers,
  type HostSlice,
} from '../../../src/renderer/src/views/containers/all/merge';

let n = 0;
function c(name: string, patch: Partial<ContainerSummary> = {}): ContainerSummary {
  n++;
  return {
    id: `${n.toString(16).padStart(2, '0')}${'cd'.repeat(31)}`,
    name,
    image: 'busybox',
    state: 'running',
    status: 'Up 1 minute',
    ports: [],
    created: 1_700_000_000 + n,
    labels: {},
    ...patch,
  };
}

function host(id: string, name: string): HostView {
  return {
    id,
    name,
    color: '#3b82f6',
    endpoint: { kind: 'socket', socketPath: `/run/${id}.sock` },
    policy: 'full',
    production: false,
    labels: [],
  };
}

const connected: HostStatus = { state: 'connected', since: 1 };
const loaded = (items: ContainerSummary[]): HostContainers => ({
  items,
  loading: false,
  error: undefined,
  fetchedAt: 2,
});

describe('all containers: merging per-host lists', () => {
  const a = host('hosta', 'alpha');
  const b = host('hostb', 'bravo');
  const onA = [c('web'), c('db', { state: 'exited' })];
  const onB = [c('api'), c('web')];
  const slices: HostSlice[] = [
    { host: a, status: connected, data: loaded(onA) },
    { host: b, status: connected, data: loaded(onB) },
  ];

  it('keeps every container with its host, even when names repeat across hosts', () => {
    const m = mergeContainers(slices, 'all', '', { key: 'name', dir: 'asc' });
    const rows = m.items.flatMap((it) => (it.kind === 'row' ? [[it.hostId, it.container.name]] : []));
    expect(rows).toEqual([
      ['hostb', 'api'],
      ['hosta', 'db'],
      ['hosta', 'web'],
      ['hostb', 'web'],
    ]);
    expect(m.total).toBe(4);
    expect(m.running).toBe(3);
    for (const x of onA) expect(m.hostOf.get(x)).toBe('hosta');
    for (const x of onB) expect(m.hostOf.get(x)).toBe('hostb');
  });

  it('sorts by host in the sidebar order, then by name; descending reverses the hosts', () => {
    const asc = mergeContainers(slices, 'all', '', { key: 'host', dir: 'asc' });
    expect(asc.items.map((it) => (it.kind === 'row' ? it.container.name : '!'))).toEqual([
      'db',
      'web',
      'api',
      'web',
    ]);
    const desc = mergeContainers(slices, 'all', '', { key: 'host', dir: 'desc' });
    expect(desc.items.map((it) => (it.kind === 'row' ? it.hostId : '!'))).toEqual([
      'hostb',
      'hostb',
      'hosta',
      'hosta',
    ]);
  });

  it('applies the same filter and search as the per-host list', () => {
    const running = mergeContainers(slices, 'running', '', { key: 'name', dir: 'asc' });
    expect(running.items.map((it) => (it.kind === 'row' ? it.container.name : '!'))).toEqual([
      'api',
      'web',
      'web',
    ]);
    const searched = mergeContainers(slices, 'all', 'WE', { key: 'name', dir: 'asc' });
    expect(searched.items).toHaveLength(2);
    // Totals count what the hosts have, not what the filter shows.
    expect(searched.total).toBe(4);
  });

  it('an unreachable host becomes one notice with its reason, first, and the others still list', () => {
    const down: HostStatus = {
      state: 'error',
      since: 3,
      error: { code: 'ENGINE_UNREACHABLE', message: 'connect ENOENT /run/b.sock' },
    };
    const m = mergeContainers(
      [slices[0] as HostSlice, { host: b, status: down, data: loaded(onB) }],
      'all',
      '',
      { key: 'name', dir: 'asc' },
    );
    expect(m.items[0]).toMatchObject({
      kind: 'notice',
      hostId: 'hostb',
      tone: 'error',
      text: 'bravo unreachable: connect ENOENT /run/b.sock',
    });
    // Its stale list is not shown as if it were live.
    expect(m.items.slice(1).every((it) => it.kind === 'row' && it.hostId === 'hosta')).toBe(true);
    expect(m.total).toBe(2);
  });

  it('says when a host is still connecting, loading, or its list failed', () => {
    expect(hostNotice({ host: a, status: undefined, data: undefined })).toEqual({
      tone: 'pending',
      text: 'Connecting to alpha…',
    });
    expect(hostNotice({ host: a, status: connected, data: undefined })?.text).toBe(
      'Loading containers of alpha…',
    );
    expect(
      hostNotice({
        host: a,
        status: connected,
        data: { ...loaded([]), error: { code: 'TIMEOUT', message: 'no answer in 10 s' } },
      }),
    ).toEqual({ tone: 'error', text: "Couldn't list containers on alpha: no answer in 10 s" });
    expect(hostNotice({ host: a, status: connected, data: loaded([]) })).toBeUndefined();
  });

  it('re-filters only the host whose list changed (the filtered list is reused)', () => {
    const first = mergeContainers(slices, 'running', 'w', { key: 'name', dir: 'asc' });
    const changedB = [...onB, c('web-2')];
    const second = mergeContainers(
      [slices[0] as HostSlice, { host: b, status: connected, data: loaded(changedB) }],
      'running',
      'w',
      { key: 'name', dir: 'asc' },
    );
    const webA = (m: typeof first) =>
      m.items.find((it) => it.kind === 'row' && it.hostId === 'hosta' && it.container.name === 'web');
    expect(webA(second)).toBeDefined();
    expect(second.items).toHaveLength(first.items.length + 1);
  });

  it('merges 20 hosts x 100 containers', () => {
    const many: HostSlice[] = Array.from({ length: 20 }, (_, h) => ({
      host: host(`host${h}`, `host-${h}`),
      status: connected,
      data: loaded(Array.from({ length: 100 }, (_, i) => c(`svc-${i}`))),
    }));
    const m = mergeContainers(many, 'all', '', { key: 'name', dir: 'asc' });
    expect(m.items).toHaveLength(2000);
    expect(new Set(m.items.map((it) => (it.kind === 'row' ? it.hostId : ''))).size).toBe(20);
  });
});
