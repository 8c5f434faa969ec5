import type Docker from 'dockerode';
import type { DiskKind, PruneCandidate, PrunePreview, PruneResult } from '@shared/contract';
import { isActiveContainer, matchesLabels, readDf, type EngineDf } from './disk-usage';
import { labelFilters } from '../../engine/filters';

const short = (id: string) => id.replace(/^sha256:/, '').slice(0, 12);

function isDangling(tags: string[] | null | undefined): boolean {
  return !tags || tags.length === 0 || tags.every((t) => t === '<none>:<none>');
}

const sizeOrNull = (n: number | undefined | null) => (typeof n === 'number' && n >= 0 ? n : null);

/**
 * What a prune of `kind` would remove, read from one GET /system/df and filtered the way the
 * engine's prune filters: dangling images no container uses, containers that are not running,
 * local volumes no container references, build cache not in use.
 */
export function pruneCandidates(
  df: EngineDf,
  kind: DiskKind,
  labels: string[] | undefined,
): PruneCandidate[] {
  switch (kind) {
    case 'images':
      return (df.Images ?? [])
        .filter((i) => isDangling(i.RepoTags) && i.Containers <= 0 && matchesLabels(i.Labels, labels))
        .map((i) => ({
          id: i.Id,
          name: short(i.Id),
          size: sizeOrNull(i.Size),
          detail: i.Created
            ? `untagged, created ${new Date(i.Created * 1000).toISOString().slice(0, 10)}`
            : 'untagged',
        }));
    case 'containers':
      return (df.Containers ?? [])
        .filter((c) => !isActiveContainer(c.State) && matchesLabels(c.Labels, labels))
        .map((c) => ({
          id: c.Id,
          name: (c.Names?.[0] ?? short(c.Id)).replace(/^\//, ''),
          size: sizeOrNull(c.SizeRw ?? 0),
          detail: [c.Image, c.Status].filter(Boolean).join(' · '),
        }));
    case 'volumes':
      return (df.Volumes ?? [])
        .filter((v) => (v.UsageData?.RefCount ?? 0) === 0 && matchesLabels(v.Labels, labels))
        .map((v) => ({ id: v.Name, name: v.Name, size: sizeOrNull(v.UsageData?.Size) }));
    case 'buildCache':
      return (df.BuildCache ?? [])
        .filter((b) => !b.InUse)
        .map((b) => ({
          id: b.ID,
          name: short(b.ID),
          size: sizeOrNull(b.Size),
          detail: [b.Type, b.Description].filter(Boolean).join(' · '),
        }));
  }
}

export async function previewPrune(
  docker: Docker,
  kind: DiskKind,
  labels: string[] | undefined,
  signal: AbortSignal,
): Promise<PrunePreview> {
  const df = await readDf(docker, signal);
  return { kind, candidates: pruneCandidates(df, kind, labels) };
}

interface EnginePruneReply {
  ImagesDeleted?: Array<{ Deleted?: string; Untagged?: string }> | null;
  ContainersDeleted?: string[] | null;
  VolumesDeleted?: string[] | null;
  CachesDeleted?: string[] | null;
  SpaceReclaimed?: number;
}

/** Runs the engine's prune for one kind, scoped by label filters when given. */
export async function prune(
  docker: Docker,
  kind: DiskKind,
  labels: string[] | undefined,
  signal: AbortSignal,
): Promise<PruneResult> {
  const scope = { ...labelFilters(labels), abortSignal: signal };
  let reply: EnginePruneReply;
  let removed: string[];
  switch (kind) {
    case 'images': {
      // Only dangling images, whatever the engine's default: "unused" tagged images stay.
      const filters = { dangling: ['true'], ...(labels?.length ? { label: labels } : {}) };
      reply = (await docker.pruneImages({ filters, abortSignal: signal })) as EnginePruneReply;
      removed = (reply.ImagesDeleted ?? []).flatMap((d) => (d.Deleted ? [d.Deleted] : []));
      break;
    }
    case 'containers':
      reply = (await docker.pruneContainers(scope)) as EnginePruneReply;
      removed = reply.ContainersDeleted ?? [];
      break;
    case 'volumes':
      reply = (await docker.pruneVolumes(scope)) as EnginePruneReply;
      removed = reply.VolumesDeleted ?? [];
      break;
    case 'buildCache':
      // The engine's build-cache prune has no label filter (the contract refuses one).
      reply = (await docker.pruneBuilder({
        abortSignal: signal,
      } as Docker.PruneBuilderOptions)) as EnginePruneReply;
      removed = reply.CachesDeleted ?? [];
      break;
  }
  return { removed, spaceReclaimed: reply.SpaceReclaimed ?? 0 };
}
