import { describe, expect, it } from 'vitest';
import type { HostStatus, HostView } from '@shared/contract';
import { displayOrder, groupHosts, groupState, nextSince } from '../../../src/renderer/src/lib/host-groups';
import { sinceSpan, sinceText } from '../../../src/renderer/src/lib/since-text';

function host(name: string, labels: string[] = []): HostView {
  return {
    id: `id${name}`,
    name,
    color: '#10b981',
    endpoint: { kind: 'socket', socketPath: '/var/run/docker.sock' },
    policy: 'full',
    production: false,
    labels,
  };
}

describe('sidebar host groups', () => {
  it('is one flat, unnamed group when no host has a label', () => {
    const hosts = [host('a'), host('b')];
    expect(groupHosts(hosts)).toEqual([{ label: undefined, hosts }]);
    expect(groupHosts([])).toEqual([]);
  });

  it('groups by first label in order of appearance, unlabelled hosts last', () => {
    const hosts = [
      host('laptop'),
      host('stage-1', ['staging']),
      host('prod-1', ['production', 'eu']),
      host('stage-2', ['staging', 'production']),
      host('dev-1', ['dev']),
    ];
    const groups = groupHosts(hosts);
    expect(groups.map((g) => [g.label, g.hosts.map((h) => h.name)])).toEqual([
      ['staging', ['stage-1', 'stage-2']],
      ['production', ['prod-1']],
      ['dev', ['dev-1']],
      [undefined, ['laptop']],
    ]);
    // Ctrl+1..9 follow what the sidebar shows.
    expect(displayOrder(hosts).map((h) => h.name)).toEqual([
      'stage-1',
      'stage-2',
      'prod-1',
      'dev-1',
      'laptop',
    ]);
  });

  it("summarises a collapsed group's health by its worst host", () => {
    const up: HostStatus = { state: 'connected', since: 1 };
    const trying: HostStatus = { state: 'connecting', since: 1 };
    const down: HostStatus = { state: 'error', since: 1 };
    expect(groupState([up, up])).toBe('connected');
    expect(groupState([up, trying])).toBe('connecting');
    expect(groupState([up, undefined])).toBe('connecting');
    expect(groupState([trying, down, up])).toBe('error');
  });
});

describe('since when a host is up or down', () => {
  it('keeps the first failure while retries restamp the status, and resets on reconnect', () => {
    let s = nextSince({}, { h: { state: 'connected', since: 100 } });
    expect(s.h).toEqual({ up: true, at: 100 });
    s = nextSince(s, { h: { state: 'error', since: 200 } });
    expect(s.h).toEqual({ up: false, at: 200 });
    s = nextSince(s, { h: { state: 'connecting', since: 1200 } });
    s = nextSince(s, { h: { state: 'error', since: 1300 } });
    expect(s.h).toEqual({ up: false, at: 200 });
    s = nextSince(s, { h: { state: 'connected', since: 5000 } });
    expect(s.h).toEqual({ up: true, at: 5000 });
    // Removed hosts are forgotten.
    expect(nextSince(s, {})).toEqual({});
  });

  it('reads as a short span and a sentence', () => {
    expect(sinceSpan(12_000)).toBe('12 s');
    expect(sinceSpan(3 * 60_000 + 5_000)).toBe('3 min');
    expect(sinceSpan(125 * 60_000)).toBe('2 h 5 min');
    expect(sinceSpan(3 * 86_400_000)).toBe('3 days');
    const at = Date.UTC(2026, 0, 1, 10, 0);
    expect(sinceText({ up: false, at }, true, at + 90_000)).toMatch(/^down since .+ \(1 min\)$/);
    expect(sinceText({ up: false, at }, false, at + 5_000)).toMatch(/^connecting since .+ \(5 s\)$/);
    expect(sinceText({ up: true, at }, false, at + 5_000)).toMatch(/^connected since/);
  });
});
