import type Docker from 'dockerode';
import type { DiskUsage, DiskUsageEntry } from '@shared/contract';

/** The parts of GET /system/df that we read (API 1.41). */
export interface EngineDf {
  LayersSize?: number;
  Images?: Array<{
    Id: string;
    RepoTags?: string[] | null;
    Size: number;
    SharedSize: number;
    Containers: number;
    Created?: number;
    Labels?: Record<string, string> | null;
  }> | null;
  Containers?: Array<{
    Id: string;
    Names?: string[];
    Image?: string;
    State?: string;
    Status?: string;
    SizeRw?: number;
    Labels?: Record<string, string> | null;
  }> | null;
  Volumes?: Array<{
    Name: string;
    Driver?: string;
    Labels?: Record<string, string> | null;
    UsageData?: { Size: number; RefCount: number } | null;
  }> | null;
  BuildCache?: Array<{
    ID: string;
    Type?: string;
    Description?: string;
    InUse?: boolean;
    Shared?: boolean;
    Size: number;
    LastUsedAt?: string | null;
  }> | null;
  BuilderSize?: number;
}

/** Running, paused and restarting containers count as active (they cannot be pruned). */
export function isActiveContainer(state: string | undefined): boolean {
  return /running|paused|restarting/.test(state ?? '');
}

const known = (n: number | undefined) => (typeof n === 'number' && n >= 0 ? n : 0);

/**
 * The four lines of `docker system df`, computed the way the docker CLI computes them from the same
 * endpoint, so the numbers agree with what users see in a terminal.
 */
export function summarizeDiskUsage(df: EngineDf): DiskUsage {
  const images = df.Images ?? [];
  const containers = df.Containers ?? [];
  const volumes = df.Volumes ?? [];
  const cache = df.BuildCache ?? [];

  // Images: the size is all layers once; what is used by containers cannot be reclaimed.
  const imageSize = known(df.LayersSize);
  let imageUsed = 0;
  for (const i of images) {
    if (i.Containers > 0 && i.Size !== -1 && i.SharedSize !== -1) imageUsed += i.Size - i.SharedSize;
  }

  let containerSize = 0;
  let containerReclaimable = 0;
  for (const c of containers) {
    containerSize += known(c.SizeRw);
    if (!isActiveContainer(c.State)) containerReclaimable += known(c.SizeRw);
  }

  let volumeSize = 0;
  let volumeReclaimable = 0;
  for (const v of volumes) {
    const size = v.UsageData?.Size ?? -1;
    if (size === -1) continue;
    volumeSize += size;
    if ((v.UsageData?.RefCount ?? 0) === 0) volumeReclaimable += size;
  }

  const cacheSize = df.BuilderSize ?? cache.filter((b) => !b.Shared).reduce((s, b) => s + known(b.Size), 0);
  const cacheInUse = cache.filter((b) => b.InUse && !b.Shared).reduce((s, b) => s + known(b.Size), 0);

  const entries: DiskUsageEntry[] = [
    {
      kind: 'images',
      count: images.length,
      active: images.filter((i) => i.Containers > 0).length,
      size: imageSize,
      reclaimable: Math.max(0, imageSize - imageUsed),
    },
    {
      kind: 'containers',
      count: containers.length,
      active: containers.filter((c) => isActiveContainer(c.State)).length,
      size: containerSize,
      reclaimable: containerReclaimable,
    },
    {
      kind: 'volumes',
      count: volumes.length,
      active: volumes.filter((v) => (v.UsageData?.RefCount ?? 0) > 0).length,
      size: volumeSize,
      reclaimable: volumeReclaimable,
    },
    {
      kind: 'buildCache',
      count: cache.length,
      active: cache.filter((b) => b.InUse).length,
      size: cacheSize,
      reclaimable: Math.max(0, cacheSize - cacheInUse),
    },
  ];
  return { entries };
}

/** Engine label-filter semantics: "key" means present, "key=value" means equal; all must hold. */
export function matchesLabels(
  labels: Record<string, string> | null | undefined,
  filters: string[] | undefined,
): boolean {
  if (!filters?.length) return true;
  const l = labels ?? {};
  return filters.every((f) => {
    const eq = f.indexOf('=');
    if (eq < 0) return Object.hasOwn(l, f);
    return l[f.slice(0, eq)] === f.slice(eq + 1);
  });
}

/** GET /system/df. @types/dockerode declares df() without options; dockerode accepts { abortSignal }. */
export function readDf(docker: Docker, signal: AbortSignal): Promise<EngineDf> {
  const df = docker.df as unknown as (this: Docker, opts: { abortSignal: AbortSignal }) => Promise<EngineDf>;
  return df.call(docker, { abortSignal: signal });
}
