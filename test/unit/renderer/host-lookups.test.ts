import { describe, expect, it } from 'vitest';
import type { ContainerSummary, HostView } from '@shared/contract';
import { hostNameOf } from '../../../src/renderer/src/lib/host-name';
import { selectedOnHosts } from '../../../src/renderer/src/lib/selected-on-hosts';

const host = (id: string, name: string) => ({ id, name }) as HostView;
const container = (id: string) => ({ id, name: id }) as ContainerSummary;

describe('hostNameOf', () => {
  const hosts = [host('a', 'alpha'), host('b', 'beta')];

  it("names a listed host, and a removed one by its id or the caller's words", () => {
    expect(hostNameOf(hosts, 'b')).toBe('beta');
    expect(hostNameOf(hosts, 'gone')).toBe('gone');
    expect(hostNameOf(hosts, 'gone', 'a removed host')).toBe('a removed host');
  });
});

describe('selectedOnHosts', () => {
  it('pairs each selected container with its host and leaves out those whose host is unknown', () => {
    const [web, db, orphan] = ['web', 'db', 'orphan'].map(container);
    const hostOf = (c: ContainerSummary) => ({ web: 'a', db: 'b' })[c.id];
    expect(selectedOnHosts({ selected: [web!, orphan!, db!], hostOf })).toEqual([
      { hostId: 'a', c: web },
      { hostId: 'b', c: db },
    ]);
  });
});
