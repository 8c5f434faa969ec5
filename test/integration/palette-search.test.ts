import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEARCH_HOST_TIMEOUT_MS } from '@shared/contract';
import { docker, loadLab, uniqueName, type Lab } from './support/lab';
import { startResourcesRig, type ResourcesRig } from './support/resources-backend';

let lab: Lab;
let rig: ResourcesRig;
let onlyOnB: string;
let volumeOnA: string;
let deadHostId: string;

beforeAll(async () => {
  lab = loadLab();
  rig = await startResourcesRig(lab);
  // The backend adds the local socket by itself at first start: keep only A and B, so every
  // expectation below can name the hosts it expects.
  const keep = new Set(rig.engines.map((e) => e.hostId));
  for (const h of await rig.api.hosts.list({})) if (!keep.has(h.id)) await rig.api.hosts.remove({ id: h.id });
  onlyOnB = uniqueName('it-palette-bonly');
  volumeOnA = uniqueName('it-palette-vol');
  await docker(
    lab.engineB.socketPath,
    'create',
    '--label',
    'berthmaster.test=1',
    '--name',
    onlyOnB,
    lab.image,
    'true',
  );
  await docker(lab.engineA.socketPath, 'volume', 'create', '--label', 'berthmaster.test=1', volumeOnA);
}, 60_000);

afterAll(async () => {
  if (onlyOnB) await docker(lab.engineB.socketPath, 'rm', '-f', onlyOnB).catch(() => undefined);
  if (volumeOnA) await docker(lab.engineA.socketPath, 'volume', 'rm', volumeOnA).catch(() => undefined);
  await rig?.close();
});

describe('search.objects across the lab engines', () => {
  it('finds a container that exists only on engine B, by part of its name and by id prefix', async () => {
    const [a, b] = rig.engines.map((e) => e.hostId) as [string, string];
    const id = await docker(lab.engineB.socketPath, 'inspect', '-f', '{{.Id}}', onlyOnB);
    const part = onlyOnB.slice('it-palette-'.length);

    const res = await rig.api.search.objects({ query: part, kinds: ['container'] });
    expect(res.hits).toEqual([
      expect.objectContaining({
        hostId: b,
        kind: 'container',
        id,
        name: onlyOnB,
        detail: `${lab.image} · created`,
      }),
    ]);
    expect(res.hosts.map((h) => [h.hostId, h.ok])).toEqual([
      [a, true],
      [b, true],
    ]);

    const byId = await rig.api.search.objects({ query: id.slice(0, 12), kinds: ['container'] });
    expect(byId.hits.map((h) => [h.hostId, h.id])).toEqual([[b, id]]);
  });

  it('searches every kind by default: the test image on both engines, a volume on A, builtin networks', async () => {
    const [a, b] = rig.engines.map((e) => e.hostId) as [string, string];
    const images = await rig.api.search.objects({ query: lab.image });
    const exact = images.hits.filter((h) => h.kind === 'image' && h.name === lab.image);
    expect(exact.map((h) => h.hostId).sort()).toEqual([a, b].sort());
    expect(exact.every((h) => h.rank === 0)).toBe(true);

    const vol = await rig.api.search.objects({ query: volumeOnA });
    expect(vol.hits).toEqual([
      expect.objectContaining({ hostId: a, kind: 'volume', id: volumeOnA, name: volumeOnA, rank: 0 }),
    ]);

    const nets = await rig.api.search.objects({ query: 'bridge', kinds: ['network'] });
    expect(
      nets.hits
        .filter((h) => h.name === 'bridge')
        .map((h) => h.hostId)
        .sort(),
    ).toEqual([a, b].sort());
  });

  it('a dead host yields an error entry within the per-host deadline while A and B still answer', async () => {
    const host = await rig.api.hosts.add({
      name: 'palette-blackhole',
      color: '#dc2626',
      endpoint: { kind: 'tcp', host: lab.blackhole.host, port: lab.blackhole.port },
    });
    deadHostId = host.id;
    const started = Date.now();
    const res = await rig.api.search.objects({ query: onlyOnB });
    const elapsed = Date.now() - started;

    expect(res.hits.map((h) => [h.hostId, h.name])).toEqual([[rig.engines[1]?.hostId, onlyOnB]]);
    const dead = res.hosts.find((h) => h.hostId === deadHostId);
    expect(dead).toMatchObject({ ok: false });
    expect(dead && !dead.ok && ['TIMEOUT', 'ENGINE_UNREACHABLE'].includes(dead.error.code)).toBe(true);
    expect(res.hosts.filter((h) => h.ok).length).toBe(2);
    // Bounded by the per-host deadline (plus slack for a busy CI box), not by the dead host's TCP timeout.
    expect(elapsed).toBeLessThan(SEARCH_HOST_TIMEOUT_MS + 4_000);
    await rig.api.hosts.remove({ id: deadHostId });
  }, 20_000);

  it('refuses empty or oversized queries as invalid input', async () => {
    await expect(rig.api.search.objects({ query: '   ' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(rig.api.search.objects({ query: 'x'.repeat(201) })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
  });
});
