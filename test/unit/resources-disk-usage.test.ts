import { describe, expect, it } from 'vitest';
import { matchesLabels, summarizeDiskUsage, type EngineDf } from '../../src/main/services/system/disk-usage';
import { pruneCandidates } from '../../src/main/services/system/prune';

/** A /system/df reply shaped like API 1.41's, with one of everything that matters. */
const df: EngineDf = {
  LayersSize: 10_000,
  Images: [
    { Id: 'sha256:aaa', RepoTags: ['app:1'], Size: 6_000, SharedSize: 1_000, Containers: 2 },
    {
      Id: 'sha256:bbb',
      RepoTags: ['<none>:<none>'],
      Size: 3_000,
      SharedSize: 0,
      Containers: 0,
      Labels: { t: '1' },
    },
    { Id: 'sha256:ccc', RepoTags: null, Size: 1_000, SharedSize: 0, Containers: 1 },
  ],
  Containers: [
    { Id: 'c1', Names: ['/web'], State: 'running', SizeRw: 100 },
    {
      Id: 'c2',
      Names: ['/old'],
      State: 'exited',
      SizeRw: 40,
      Image: 'app:1',
      Status: 'Exited (0)',
      Labels: { t: '1' },
    },
    { Id: 'c3', Names: ['/nap'], State: 'paused', SizeRw: 7 },
    { Id: 'c4', Names: ['/new'], State: 'created' },
  ],
  Volumes: [
    { Name: 'used', UsageData: { Size: 500, RefCount: 1 } },
    { Name: 'spare', UsageData: { Size: 300, RefCount: 0 }, Labels: { t: '1' } },
    { Name: 'unknown', UsageData: { Size: -1, RefCount: -1 } },
  ],
  BuildCache: [
    { ID: 'b1', Size: 50, InUse: true, Shared: false, Type: 'regular' },
    { ID: 'b2', Size: 70, InUse: false, Shared: false, Type: 'source.local', Description: 'local source' },
    { ID: 'b3', Size: 20, InUse: false, Shared: true },
  ],
  BuilderSize: 120,
};

describe('disk usage as `docker system df` computes it', () => {
  it('counts, sizes and reclaimable bytes per kind', () => {
    const byKind = Object.fromEntries(summarizeDiskUsage(df).entries.map((e) => [e.kind, e]));
    // Images: all layers once; the unique part of images used by containers stays.
    expect(byKind.images).toEqual({ kind: 'images', count: 3, active: 2, size: 10_000, reclaimable: 4_000 });
    // Containers: running, paused and restarting ones are active and not reclaimable.
    expect(byKind.containers).toEqual({
      kind: 'containers',
      count: 4,
      active: 2,
      size: 147,
      reclaimable: 40,
    });
    // Volumes: unknown sizes (-1) count as volumes but add no bytes.
    expect(byKind.volumes).toEqual({ kind: 'volumes', count: 3, active: 1, size: 800, reclaimable: 300 });
    expect(byKind.buildCache).toEqual({
      kind: 'buildCache',
      count: 3,
      active: 1,
      size: 120,
      reclaimable: 70,
    });
  });

  it('treats an empty engine as zeros', () => {
    expect(summarizeDiskUsage({}).entries.map((e) => [e.kind, e.count, e.size, e.reclaimable])).toEqual([
      ['images', 0, 0, 0],
      ['containers', 0, 0, 0],
      ['volumes', 0, 0, 0],
      ['buildCache', 0, 0, 0],
    ]);
  });
});

describe('prune candidates', () => {
  it('lists what each prune would remove', () => {
    expect(pruneCandidates(df, 'images', undefined).map((c) => c.name)).toEqual(['bbb']);
    expect(pruneCandidates(df, 'containers', undefined).map((c) => c.name)).toEqual(['old', 'new']);
    // A volume whose reference count the engine could not tell (-1) is not offered.
    expect(pruneCandidates(df, 'volumes', undefined).map((c) => [c.name, c.size])).toEqual([['spare', 300]]);
    expect(pruneCandidates(df, 'buildCache', undefined).map((c) => c.id)).toEqual(['b2', 'b3']);
  });

  it('narrows by label filters the way the engine does', () => {
    expect(pruneCandidates(df, 'containers', ['t=1']).map((c) => c.name)).toEqual(['old']);
    expect(pruneCandidates(df, 'volumes', ['t']).map((c) => c.name)).toEqual(['spare']);
    expect(pruneCandidates(df, 'images', ['t=2'])).toEqual([]);
    expect(matchesLabels({ a: '1', b: '' }, ['a=1', 'b'])).toBe(true);
    expect(matchesLabels({ a: '1' }, ['a=1', 'b'])).toBe(false);
    expect(matchesLabels(null, undefined)).toBe(true);
  });
});
