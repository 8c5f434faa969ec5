import { describe, expect, it } from 'vitest';
import type Docker from 'dockerode';
import { AppError, type AppErrorShape } from '@shared/contract';
import { RANK, bestRank, rankId, rankText } from '../../src/main/services/search/match';
import { searchObjects, type SearchHosts } from '../../src/main/services/search/search-service';
import type { EngineClient } from '../../src/main/services/hosts/engine-client';
import { buildRows, groupRows } from '../../src/renderer/src/views/palette/rows';
import type { Command } from '../../src/renderer/src/lib/commands';

describe('search ranking (main)', () => {
  it('ranks exact, prefix, word start, anywhere', () => {
    expect(rankText('web', 'WEB')).toBe(RANK.exact);
    expect(rankText('web-1', 'web')).toBe(RANK.prefix);
    expect(rankText('shop_web_1', 'web')).toBe(RANK.wordStart);
    expect(rankText('registry/app:web', 'web')).toBe(RANK.wordStart);
    expect(rankText('cobweb', 'web')).toBe(RANK.anywhere);
    expect(rankText('cobweb', 'xyz')).toBeUndefined();
  });

  it('matches ids by hex prefix of 3+ digits, with or without sha256:', () => {
    expect(rankId('sha256:abcdef0123', 'abc')).toBe(RANK.idPrefix);
    expect(rankId('sha256:abcdef0123', 'sha256:abcd')).toBe(RANK.idPrefix);
    expect(rankId('abcdef', 'ab')).toBeUndefined();
    expect(rankId('abcdef', 'bcd')).toBeUndefined();
    expect(rankId('abcdef', 'xyz')).toBeUndefined();
  });

  it('ranks secondary texts (a container image) after any name match', () => {
    expect(bestRank('nginx', 'web', ['nginx:1.27'], 'aaaa')).toBe(RANK.secondary + RANK.prefix);
    expect(bestRank('web', 'web', ['web:1'], 'aaaa')).toBe(RANK.exact);
    expect(bestRank('zzz', 'web', ['nginx'], 'aaaa')).toBeUndefined();
  });
});

/** A dockerode stand-in for the fan-out logic only: the listing itself is covered against real engines. */
function fakeEngine(
  containers: Array<{ Id: string; Names: string[]; Image: string; State: string }>,
): EngineClient {
  const docker = {
    listContainers: async () => containers,
    listImages: async () => [],
    listNetworks: async () => [],
    listVolumes: async () => ({ Volumes: [] }),
  } as unknown as Docker;
  return { docker } as unknown as EngineClient;
}

const mapError = (e: unknown): AppErrorShape =>
  e instanceof AppError ? { code: e.code, message: e.message } : { code: 'INTERNAL', message: String(e) };

describe('searchObjects fan-out', () => {
  it('merges hosts by rank, reports a failing and a hanging host without waiting past the deadline', async () => {
    const engines: Record<string, () => Promise<EngineClient>> = {
      a: async () => fakeEngine([{ Id: '1'.repeat(64), Names: ['/api-web'], Image: 'x', State: 'running' }]),
      b: async () => fakeEngine([{ Id: '2'.repeat(64), Names: ['/web'], Image: 'x', State: 'exited' }]),
      down: async () => {
        throw new AppError({ code: 'ENGINE_UNREACHABLE', message: 'down is not connected.' });
      },
      hangs: () => new Promise<EngineClient>(() => undefined),
      hidden: async () => fakeEngine([{ Id: '3'.repeat(64), Names: ['/web'], Image: 'x', State: 'running' }]),
    };
    const hosts: SearchHosts = {
      hosts: () => [
        { id: 'a', readable: true },
        { id: 'b', readable: true },
        { id: 'down', readable: true },
        { id: 'hangs', readable: true },
        { id: 'hidden', readable: false },
      ],
      client: (id) => (engines[id] as () => Promise<EngineClient>)(),
    };
    const res = await searchObjects(
      hosts,
      { query: 'web', kinds: ['container'], limit: 10 },
      { signal: new AbortController().signal, mapError, hostTimeoutMs: 50 },
    );
    expect(res.hits.map((h) => [h.hostId, h.name, h.rank])).toEqual([
      ['b', 'web', RANK.exact],
      ['a', 'api-web', RANK.wordStart],
    ]);
    expect(res.hosts.map((h) => [h.hostId, h.ok ? 'ok' : h.error.code])).toEqual([
      ['a', 'ok'],
      ['b', 'ok'],
      ['down', 'ENGINE_UNREACHABLE'],
      ['hangs', 'TIMEOUT'],
    ]);
  });
});

describe('palette rows', () => {
  const cmd = (id: string, title: string, section: string): Command => ({
    id,
    title,
    section,
    run: () => {},
  });
  const commands = [
    cmd('page.overview', 'Go to Overview', 'Navigation'),
    cmd('host.a', 'Go to host alpha', 'Hosts'),
    cmd('x.nav', 'Go to Extra', 'Navigation'),
  ];

  it('groups commands by section (first appearance) when the query is empty', () => {
    const rows = buildRows({ query: '', commands, hits: [], hosts: [], mac: false });
    expect(groupRows(rows).map((g) => [g.section, g.rows.map((r) => r.row.title)])).toEqual([
      ['Navigation', ['Go to Overview', 'Go to Extra']],
      ['Hosts', ['Go to host alpha']],
    ]);
  });

  it('puts matching actions first, then the objects the hosts found, named with their host', () => {
    const rows = buildRows({
      query: 'alpha',
      commands,
      hits: [
        {
          hostId: 'h1',
          kind: 'container',
          id: 'c1',
          name: 'alpha-db',
          detail: 'postgres · running',
          rank: 1,
        },
      ],
      hosts: [
        {
          id: 'h1',
          name: 'Engine B',
          color: '#123456',
          endpoint: { kind: 'socket', socketPath: '/s' },
          policy: 'full',
          production: false,
          labels: [],
        },
      ],
      mac: false,
    });
    expect(rows.map((r) => [r.section, r.title, r.detail ?? ''])).toEqual([
      ['Actions', 'Go to host alpha', ''],
      ['Objects', 'alpha-db', 'Container on Engine B · postgres · running'],
    ]);
    expect(rows[1]?.positions).toEqual([0, 1, 2, 3, 4]);
    expect(rows[1]?.hostColor).toBe('#123456');
  });
});
