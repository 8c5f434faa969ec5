import type Docker from 'dockerode';
import type { ContainerPrunePreview, ContainerPruneResult } from '@shared/contract';
import type { Signal } from './container-service';
import { toState } from './summary';

/** The engine's prune removes every container that is not running: created, exited and dead. */
const PRUNABLE = ['created', 'exited', 'dead'];

/** What `prune` with these label filters would remove, with the size of each writable layer. */
export async function prunePreview(
  docker: Docker,
  labels: string[],
  { signal }: Signal,
): Promise<ContainerPrunePreview> {
  const filters: Record<string, string[]> = { status: PRUNABLE };
  if (labels.length) filters.label = labels;
  const list = await docker.listContainers({
    all: true,
    size: true,
    filters,
    abortSignal: signal,
  } as Docker.ContainerListOptions);
  const candidates = (list as Array<Docker.ContainerInfo & { SizeRw?: number }>).map((c) => {
    const out: ContainerPrunePreview['candidates'][number] = {
      id: c.Id,
      name: (c.Names[0] ?? c.Id.slice(0, 12)).replace(/^\//, ''),
      image: c.Image,
      state: toState(c.State),
      status: c.Status,
    };
    // The engine leaves SizeRw out when it is 0 (omitempty).
    out.sizeRw = typeof c.SizeRw === 'number' ? c.SizeRw : 0;
    return out;
  });
  return { candidates, estimatedBytes: candidates.reduce((n, c) => n + (c.sizeRw ?? 0), 0) };
}

export async function pruneContainers(
  docker: Docker,
  labels: string[],
  { signal }: Signal,
): Promise<ContainerPruneResult> {
  const opts: { filters?: Record<string, string[]>; abortSignal: AbortSignal } = { abortSignal: signal };
  if (labels.length) opts.filters = { label: labels };
  const r = (await docker.pruneContainers(opts)) as {
    ContainersDeleted?: string[] | null;
    SpaceReclaimed?: number;
  };
  return { deleted: r.ContainersDeleted ?? [], spaceReclaimed: r.SpaceReclaimed ?? 0 };
}
