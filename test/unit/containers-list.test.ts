import { describe, expect, it } from 'vitest';
import type { ContainerSummary, EndpointView } from '@shared/contract';
import { compactAgo, compactStatus } from '../../src/renderer/src/lib/compact-time';
import { isSecretKey } from '../../src/renderer/src/views/containers/details/secrets';
import { modeString, parentOf } from '../../src/renderer/src/views/containers/details/paths';
import {
  buildTableItems,
  filterContainers,
  matchesQuery,
  sortContainers,
} from '../../src/renderer/src/lib/container-filter';
import { portLinks } from '../../src/renderer/src/lib/port-links';

let n = 0;
function c(name: string, patch: Partial<ContainerSummary> = {}): ContainerSummary {
  n++;
  return {
    id: `${n.toString(16).padStart(2, '0')}${'ab'.repeat(31)}`,
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
const project = (p: string) => ({ labels: { 'com.docker.compose.project': p } });

describe('filtering, search and sorting', () => {
  const items = [
    c('web-1', { ...project('shop'), image: 'nginx:1.27' }),
    c('db', { ...project('shop'), state: 'exited', status: 'Exited (1) 2 hours ago' }),
    c('cache', { state: 'paused' }),
    c('job', { state: 'created' }),
    c('worker', { labels: { team: 'payments', 'com.example.tier': 'backend' }, health: 'unhealthy' }),
  ];

  it('Running shows live containers (paused too), Exited the stopped ones (created too)', () => {
    expect(filterContainers(items, 'running', '').map((x) => x.name)).toEqual(['web-1', 'cache', 'worker']);
    expect(filterContainers(items, 'exited', '').map((x) => x.name)).toEqual(['db', 'job']);
    expect(filterContainers(items, 'all', '')).toHaveLength(5);
  });

  it('searches names, images, id prefixes and labels', () => {
    const worker = items[4] as ContainerSummary;
    expect(matchesQuery(worker, 'payments')).toBe(true);
    expect(matchesQuery(worker, 'team=pay')).toBe(true);
    expect(matchesQuery(worker, 'tier=backend')).toBe(true);
    expect(matchesQuery(items[0] as ContainerSummary, 'NGINX')).toBe(true);
    expect(matchesQuery(items[0] as ContainerSummary, items[0]?.id.slice(0, 6) ?? '')).toBe(true);
    // An id matches by prefix only: the middle of a hash is noise.
    expect(matchesQuery(items[0] as ContainerSummary, 'abab')).toBe(false);
    expect(filterContainers(items, 'all', 'shop').map((x) => x.name)).toEqual(['web-1', 'db']);
  });

  it('sorts by any column, names as a tie-break, numbers naturally', () => {
    const list = [c('web-10'), c('web-2'), c('web-1')];
    expect(sortContainers(list, { key: 'name', dir: 'asc' }).map((x) => x.name)).toEqual([
      'web-1',
      'web-2',
      'web-10',
    ]);
    expect(sortContainers(items, { key: 'state', dir: 'asc' }).map((x) => x.state)).toEqual([
      'running',
      'running',
      'paused',
      'created',
      'exited',
    ]);
    expect(sortContainers(items, { key: 'health', dir: 'asc' })[0]?.name).toBe('worker');
    expect(
      sortContainers(items, { key: 'project', dir: 'asc' })
        .map((x) => x.name)
        .slice(0, 2),
    ).toEqual(['db', 'web-1']);
  });

  it('sorts a list once per order: the same list and order give the same array back', () => {
    const list = [c('b'), c('a'), c('c')];
    const asc = sortContainers(list, { key: 'name', dir: 'asc' });
    expect(sortContainers(list, { key: 'name', dir: 'asc' })).toBe(asc);
    const desc = sortContainers(list, { key: 'name', dir: 'desc' });
    expect(desc.map((x) => x.name)).toEqual(['c', 'b', 'a']);
    expect(sortContainers([...list], { key: 'name', dir: 'desc' })).not.toBe(desc);
    expect(list.map((x) => x.name)).toEqual(['b', 'a', 'c']);
  });

  it('groups compose projects under collapsible headers, loose containers after them', () => {
    const sorted = sortContainers(items, { key: 'name', dir: 'asc' });
    const open = buildTableItems(sorted, true, () => false);
    expect(open.map((i) => (i.kind === 'group' ? `[${i.project}]` : i.container.name))).toEqual([
      '[shop]',
      'db',
      'web-1',
      'cache',
      'job',
      'worker',
    ]);
    const header = open[0];
    expect(header).toMatchObject({ kind: 'group', running: 1, collapsed: false });
    const closed = buildTableItems(sorted, true, (p) => p === 'shop');
    expect(closed.map((i) => (i.kind === 'group' ? `[${i.project}]` : i.container.name))).toEqual([
      '[shop]',
      'cache',
      'job',
      'worker',
    ]);
    // A collapsed group still knows its members (for its actions and select-all).
    expect(closed[0]?.kind === 'group' && closed[0].members.map((m) => m.name)).toEqual(['db', 'web-1']);
    expect(buildTableItems(sorted, false, () => false).every((i) => i.kind === 'row')).toBe(true);
  });

  it('handles 10,000 containers: filter, sort and group them all', () => {
    const many = Array.from({ length: 10_000 }, (_, i) =>
      c(`svc-${i}`, i % 3 === 0 ? project(`p${i % 50}`) : {}),
    );
    const items2 = buildTableItems(
      sortContainers(filterContainers(many, 'all', 'svc-1'), { key: 'name', dir: 'asc' }),
      true,
      () => false,
    );
    expect(items2.filter((i) => i.kind === 'row')).toHaveLength(
      many.filter((x) => x.name.includes('svc-1')).length,
    );
  });
});

describe('published ports as links', () => {
  const socket: EndpointView = { kind: 'socket', socketPath: '/var/run/docker.sock' };
  const tls = {
    kind: 'tls',
    host: '10.123.0.2',
    port: 2376,
    ca: '',
    cert: '',
    hasKey: true,
  } as unknown as EndpointView;
  const ports = [
    { ip: '0.0.0.0', privatePort: 80, publicPort: 8080, type: 'tcp' },
    { ip: '::', privatePort: 80, publicPort: 8080, type: 'tcp' },
    { ip: '127.0.0.1', privatePort: 5432, publicPort: 15432, type: 'tcp' },
    { ip: '0.0.0.0', privatePort: 53, publicPort: 1053, type: 'udp' },
    { privatePort: 9000, type: 'tcp' },
  ];

  it('links to localhost for a local engine, once per port', () => {
    expect(portLinks(ports, socket)).toEqual([
      { text: '1053→53/udp', title: '1053→53/udp (not a web port)' },
      { text: '8080→80/tcp', href: 'http://localhost:8080', title: 'Open http://localhost:8080' },
      {
        text: '127.0.0.1:15432→5432/tcp',
        href: 'http://127.0.0.1:15432',
        title: 'Open http://127.0.0.1:15432',
      },
    ]);
  });

  it("links to the remote host's address, but not to its loopback", () => {
    const links = portLinks(ports, tls);
    expect(links.find((l) => l.text === '8080→80/tcp')?.href).toBe('http://10.123.0.2:8080');
    const loop = links.find((l) => l.text.startsWith('127.0.0.1'));
    expect(loop?.href).toBeUndefined();
    expect(loop?.title).toMatch(/not reachable/);
  });
});

describe('small formatters', () => {
  it('shortens status lines and ages for narrow cells', () => {
    expect(compactStatus('Up 3 minutes (healthy)')).toBe('Up 3 min');
    expect(compactStatus('Exited (137) 2 hours ago')).toBe('Exited (137) 2 h ago');
    expect(compactStatus('Up About a minute')).toBe('Up ~1 min');
    expect(compactStatus('Up Less than a second')).toBe('Up <1 s');
    const now = Date.UTC(2026, 0, 10);
    expect(compactAgo(now - 5_000, now)).toBe('just now');
    expect(compactAgo(now - 42_000, now)).toBe('42 s ago');
    expect(compactAgo(now - 3 * 3600_000, now)).toBe('3 h ago');
    expect(compactAgo(now - 3 * 86400_000, now)).toBe('3 d ago');
  });

  it('masks secret-looking variable names only', () => {
    for (const k of [
      'DB_PASSWORD',
      'apiKey',
      'GITHUB_TOKEN',
      'AWS_SECRET_ACCESS_KEY',
      'ssh.private.key',
      'PGPASS',
    ])
      expect(isSecretKey(k), k).toBe(k !== 'PGPASS');
    for (const k of ['PATH', 'HOME', 'KEYBOARD_LAYOUT', 'MONKEY', 'PASSAGE', 'TOKENIZER_THREADS'])
      expect(isSecretKey(k), k).toBe(false);
  });

  it('shows modes like ls', () => {
    expect(modeString('directory', 0o755)).toBe('drwxr-xr-x');
    expect(modeString('file', 0o640)).toBe('-rw-r-----');
    expect(modeString('symlink', 0o777)).toBe('lrwxrwxrwx');
    expect(parentOf('/etc/nginx')).toBe('/etc');
    expect(parentOf('/etc')).toBe('/');
  });
});
