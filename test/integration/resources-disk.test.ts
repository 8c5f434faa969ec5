import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DiskKind, DiskUsage } from '@shared/contract';
import { docker, loadLab, uniqueName, type Lab } from './support/lab';
import { rejection, startResourcesRig, type ResourcesRig } from './support/resources-backend';

const ENGINES = [
  { index: 0, name: 'A (socket)' },
  { index: 1, name: 'B (TLS)' },
];

let lab: Lab;
let rig: ResourcesRig;
const made: Array<[string, 'container' | 'volume' | 'image', string]> = [];

beforeAll(async () => {
  lab = loadLab();
  rig = await startResourcesRig(lab);
});

afterAll(async () => {
  for (const [sock, kind, name] of made.reverse()) {
    if (kind === 'container') await docker(sock, 'rm', '-f', name).catch(() => undefined);
    else if (kind === 'volume') await docker(sock, 'volume', 'rm', '-f', name).catch(() => undefined);
    else await docker(sock, 'rmi', name).catch(() => undefined);
  }
  await rig?.close();
});

const engine = (i: number) => rig.engines[i] as ResourcesRig['engines'][number];

interface CliLine {
  Type: string;
  TotalCount: string;
  Active: string;
  Size: string;
  Reclaimable: string;
}

const CLI_TYPES: Record<DiskKind, string> = {
  images: 'Images',
  containers: 'Containers',
  volumes: 'Local Volumes',
  buildCache: 'Build Cache',
};

/** docker's units.HumanSize: decimal units, 4 significant digits ("1.983MB", "0B"). */
function parseHuman(text: string): number {
  const m = /^([\d.]+)\s*(B|kB|MB|GB|TB|PB)/.exec(text.trim());
  if (!m) throw new Error(`not a size: ${text}`);
  const pow = ['B', 'kB', 'MB', 'GB', 'TB', 'PB'].indexOf(m[2] as string);
  return Number(m[1]) * 1000 ** pow;
}

async function cliDf(socketPath: string): Promise<CliLine[]> {
  const out = await docker(socketPath, 'system', 'df', '--format', '{{json .}}');
  return out.split('\n').map((l) => JSON.parse(l) as CliLine);
}

/**
 * Our numbers against the CLI's, read just before and just after ours: counts must be exact; a
 * size must lie between the two readings, give or take the CLI's rounding to 4 significant digits.
 */
function compare(ours: DiskUsage, before: CliLine[], after: CliLine[]) {
  const line = (cli: CliLine[], kind: DiskKind) => cli.find((l) => l.Type === CLI_TYPES[kind]) as CliLine;
  for (const entry of ours.entries) {
    const [b, a] = [line(before, entry.kind), line(after, entry.kind)];
    expect(a, entry.kind).toBeDefined();
    expect(String(entry.count), `${entry.kind} count`).toBe(a.TotalCount);
    expect(String(entry.active), `${entry.kind} active`).toBe(a.Active);
    for (const field of ['Size', 'Reclaimable'] as const) {
      const ourValue = field === 'Size' ? entry.size : entry.reclaimable;
      const [x, y] = [parseHuman(b[field]), parseHuman(a[field])];
      const lo = Math.min(x, y) * (1 - 0.0006) - 1;
      const hi = Math.max(x, y) * (1 + 0.0006) + 1;
      expect(
        ourValue,
        `${entry.kind} ${field}: ${ourValue} vs ${b[field]}..${a[field]}`,
      ).toBeGreaterThanOrEqual(lo);
      expect(ourValue, `${entry.kind} ${field}: ${ourValue} vs ${b[field]}..${a[field]}`).toBeLessThanOrEqual(
        hi,
      );
    }
  }
}

const counts = (cli: CliLine[]) => JSON.stringify(cli.map((l) => [l.Type, l.TotalCount, l.Active]));

describe.each(ENGINES)('disk usage on engine $name', ({ index }) => {
  it('matches `docker system df`', async () => {
    const { hostId, socketPath } = engine(index);
    // Make sure every kind has something (with a real size) to count.
    const vol = uniqueName('it-df-vol');
    await docker(socketPath, 'volume', 'create', '--label', 'berthmaster.test=1', vol);
    made.push([socketPath, 'volume', vol]);
    const stopped = uniqueName('it-df-c');
    await docker(
      socketPath,
      'run',
      '--label',
      'berthmaster.test=1',
      '--name',
      stopped,
      '-v',
      `${vol}:/data`,
      lab.image,
      'sh',
      '-c',
      'echo x > /data/x; echo y > /y',
    );
    made.push([socketPath, 'container', stopped]);

    // Other suites share the engines: compare only when no object came or went around our reading.
    let lastError: unknown;
    for (let attempt = 0; attempt < 15; attempt++) {
      const before = await cliDf(socketPath);
      const ours = await rig.api.system.diskUsage({ hostId });
      const after = await cliDf(socketPath);
      if (counts(before) !== counts(after)) continue;
      try {
        expect(ours.entries.map((e) => e.kind)).toEqual(['images', 'containers', 'volumes', 'buildCache']);
        compare(ours, before, after);
        return;
      } catch (e) {
        lastError = e;
      }
    }
    throw lastError ?? new Error('the engine never held still long enough to compare');
  });
});

describe('pruning per kind, scoped to a label', () => {
  it('previews and prunes stopped containers', async () => {
    const { hostId, socketPath } = engine(0);
    const scope = `berthmaster.test.prune=${uniqueName('p')}`;
    const names = [uniqueName('it-prune-a'), uniqueName('it-prune-b')];
    for (const n of names) {
      await docker(
        socketPath,
        'create',
        '--label',
        'berthmaster.test=1',
        '--label',
        scope,
        '--name',
        n,
        lab.image,
        'true',
      );
      made.push([socketPath, 'container', n]);
    }
    const running = uniqueName('it-prune-running');
    await docker(
      socketPath,
      'run',
      '-d',
      '--label',
      'berthmaster.test=1',
      '--label',
      scope,
      '--name',
      running,
      lab.image,
      'sleep',
      '600',
    );
    made.push([socketPath, 'container', running]);

    const preview = await rig.api.system.prunePreview({ hostId, kind: 'containers', labels: [scope] });
    expect(preview.candidates.map((c) => c.name).sort()).toEqual([...names].sort());
    const result = await rig.api.system.prune({ hostId, kind: 'containers', labels: [scope] });
    expect(result.removed).toHaveLength(2);
    expect(await docker(socketPath, 'ps', '-a', '--format', '{{.Names}}', '--filter', `label=${scope}`)).toBe(
      running,
    );
  });

  it('previews and prunes dangling images and unused volumes', async () => {
    const { hostId, socketPath } = engine(1);
    const scope = `berthmaster.test.prune=${uniqueName('p')}`;
    // An untagged image carrying the label: commit a container without a repository name.
    const base = uniqueName('it-prune-base');
    await docker(socketPath, 'create', '--label', 'berthmaster.test=1', '--name', base, lab.image, 'true');
    made.push([socketPath, 'container', base]);
    const imageId = await docker(socketPath, 'commit', '-c', `LABEL ${scope}`, base);
    made.push([socketPath, 'image', imageId]);
    await docker(socketPath, 'rm', base);
    const vol = uniqueName('it-prune-vol');
    await docker(socketPath, 'volume', 'create', '--label', 'berthmaster.test=1', '--label', scope, vol);
    made.push([socketPath, 'volume', vol]);

    const images = await rig.api.system.prunePreview({ hostId, kind: 'images', labels: [scope] });
    expect(images.candidates.map((c) => c.id)).toEqual([imageId]);
    const volumes = await rig.api.system.prunePreview({ hostId, kind: 'volumes', labels: [scope] });
    expect(volumes.candidates.map((c) => c.name)).toEqual([vol]);

    const prunedImages = await rig.api.system.prune({ hostId, kind: 'images', labels: [scope] });
    expect(prunedImages.removed).toContain(imageId);
    await expect(docker(socketPath, 'image', 'inspect', imageId)).rejects.toThrow();
    const prunedVolumes = await rig.api.system.prune({ hostId, kind: 'volumes', labels: [scope] });
    expect(prunedVolumes.removed).toEqual([vol]);
    // The test image is untouched.
    expect(await docker(socketPath, 'image', 'inspect', '-f', '{{.Id}}', lab.image)).toMatch(/^sha256:/);
  });

  it('refuses a label filter for the build cache, which the engine cannot scope', async () => {
    const { hostId } = engine(0);
    const err = await rejection(
      rig.api.system.prune({ hostId, kind: 'buildCache', labels: ['berthmaster.test=1'] }),
    );
    expect(err.code).toBe('INVALID_INPUT');
    expect(err.message).toMatch(/build cache cannot be filtered by label/);
  });
});
