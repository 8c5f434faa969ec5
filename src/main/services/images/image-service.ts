import type Docker from 'dockerode';
import {
  AppError,
  parseImageReference,
  type ImageDetails,
  type ImageHistoryEntry,
  type ImageSummary,
  type JsonValue,
  type PruneImagesResult,
  type RemoveImageResult,
} from '@shared/contract';
import { engineJson } from '../../engine/request';

type Signal = { signal: AbortSignal };

const NONE = new Set(['<none>:<none>', '<none>@<none>']);

function usage(containers: Docker.ContainerInfo[]): Map<string, number> {
  const byImage = new Map<string, number>();
  for (const c of containers) byImage.set(c.ImageID, (byImage.get(c.ImageID) ?? 0) + 1);
  return byImage;
}

function toSummary(i: Docker.ImageInfo, used: Map<string, number>): ImageSummary {
  // The engine's order is arbitrary; sorted, a row keeps its name between refreshes.
  const repoTags = (i.RepoTags ?? []).filter((t) => !NONE.has(t)).sort();
  return {
    id: i.Id,
    repoTags,
    repoDigests: (i.RepoDigests ?? []).filter((d) => !NONE.has(d)),
    size: i.Size,
    created: i.Created,
    containers: used.get(i.Id) ?? 0,
    dangling: repoTags.length === 0,
    labels: i.Labels ?? {},
  };
}

interface HistoryRow {
  Id: string;
  Created: number;
  CreatedBy: string;
  Tags: string[] | null;
  Size: number;
  Comment: string;
}

/** "/bin/sh -c #(nop)  CMD [\"sh\"]" → "CMD [\"sh\"]"; "/bin/sh -c make" → "RUN make". */
export function historyCommand(createdBy: string): string {
  const nop = /^\/bin\/sh -c #\(nop\)\s+(.*)$/s.exec(createdBy);
  if (nop) return (nop[1] ?? '').trim();
  const run = /^\/bin\/sh -c (.*)$/s.exec(createdBy);
  if (run) return `RUN ${(run[1] ?? '').trim()}`;
  return createdBy.trim();
}

/** Image operations on one engine that answer at once (the long ones are tasks). */
export function imageService(docker: Docker) {
  return {
    async list({ signal }: Signal): Promise<ImageSummary[]> {
      const [images, containers] = await Promise.all([
        docker.listImages({ all: false, abortSignal: signal } as Docker.ListImagesOptions),
        docker.listContainers({ all: true, abortSignal: signal } as Docker.ContainerListOptions),
      ]);
      const used = usage(containers);
      return images.map((i) => toSummary(i, used));
    },

    async inspect(id: string, { signal }: Signal): Promise<ImageDetails> {
      const image = docker.getImage(id);
      const [inspect, history, containers] = await Promise.all([
        image.inspect({ abortSignal: signal } as object) as Promise<Docker.ImageInspectInfo>,
        engineJson<HistoryRow[]>(docker, { path: `/images/${id}/history`, method: 'GET', signal }),
        docker.listContainers({ all: true, abortSignal: signal } as Docker.ContainerListOptions),
      ]);
      const rows: ImageHistoryEntry[] = (history ?? []).map((h) => ({
        id: h.Id,
        created: h.Created,
        createdBy: historyCommand(h.CreatedBy ?? ''),
        size: h.Size,
        tags: h.Tags ?? [],
        comment: h.Comment ?? '',
      }));
      return {
        id: inspect.Id,
        repoTags: (inspect.RepoTags ?? []).filter((t) => !NONE.has(t)),
        inspect: inspect as unknown as JsonValue,
        history: rows,
        containers: containers
          .filter((c) => c.ImageID === inspect.Id)
          .map((c) => ({
            id: c.Id,
            name: (c.Names[0] ?? c.Id.slice(0, 12)).replace(/^\//, ''),
            state: c.State,
          })),
      };
    },

    async tag(id: string, target: string, { signal }: Signal): Promise<void> {
      const parsed = parseImageReference(target);
      if (!parsed.ok) throw new AppError({ code: 'INVALID_INPUT', message: parsed.reason });
      await engineJson(docker, {
        path: `/images/${id}/tag`,
        method: 'POST',
        query: { repo: parsed.ref.name, tag: parsed.ref.tag ?? 'latest' },
        ok: [201],
        signal,
      });
    },

    async remove(id: string, force: boolean, { signal }: Signal): Promise<RemoveImageResult> {
      const rows = await engineJson<Array<{ Untagged?: string; Deleted?: string }>>(docker, {
        path: `/images/${id}`,
        method: 'DELETE',
        query: { force },
        signal,
      });
      return {
        untagged: (rows ?? []).flatMap((r) => (r.Untagged ? [r.Untagged] : [])),
        deleted: (rows ?? []).flatMap((r) => (r.Deleted ? [r.Deleted] : [])),
      };
    },

    async prune(
      scope: 'dangling' | 'unused',
      labels: string[],
      { signal }: Signal,
    ): Promise<PruneImagesResult> {
      const filters: Record<string, string[]> = { dangling: [scope === 'dangling' ? 'true' : 'false'] };
      if (labels.length) filters.label = labels;
      const res = await engineJson<{
        ImagesDeleted: Array<{ Untagged?: string; Deleted?: string }> | null;
        SpaceReclaimed: number;
      }>(docker, {
        path: '/images/prune',
        method: 'POST',
        query: { filters: JSON.stringify(filters) },
        signal,
      });
      const rows = res?.ImagesDeleted ?? [];
      return {
        deleted: rows.filter((r) => r.Deleted).length,
        untagged: rows.filter((r) => r.Untagged).length,
        spaceReclaimed: res?.SpaceReclaimed ?? 0,
      };
    },
  };
}
