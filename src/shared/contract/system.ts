import { z } from 'zod';
import { call } from './define';
import { hostIdSchema } from './ids';
import { labelFilterSchema } from './networks';
import type { PruneResult } from './volumes';

export const DISK_KINDS = ['images', 'containers', 'volumes', 'buildCache'] as const;
export type DiskKind = (typeof DISK_KINDS)[number];

/** One line of `docker system df`, as numbers. */
export interface DiskUsageEntry {
  kind: DiskKind;
  count: number;
  /** Images used by a container, running containers, referenced volumes, build cache in use. */
  active: number;
  /** Bytes. */
  size: number;
  /** Bytes that pruning could free. */
  reclaimable: number;
}

export interface DiskUsage {
  entries: DiskUsageEntry[];
}

/** Something a prune of one kind would remove. */
export interface PruneCandidate {
  id: string;
  name: string;
  /** Bytes; null when the engine does not know. */
  size: number | null;
  /** e.g. the image a stopped container was made from, or "Exited (0) 2 hours ago". */
  detail?: string;
}

export interface PrunePreview {
  kind: DiskKind;
  candidates: PruneCandidate[];
}

const pruneInput = z
  .strictObject({
    hostId: hostIdSchema,
    kind: z.enum(DISK_KINDS),
    labels: labelFilterSchema.optional(),
  })
  // The engine's build-cache prune has no label filter: refuse rather than silently widen the scope.
  .refine((i) => !(i.kind === 'buildCache' && i.labels), {
    message: 'the build cache cannot be filtered by label',
    path: ['labels'],
  });

export const systemContract = {
  // GET /system/df sizes every image layer, container and volume: slow on big hosts.
  diskUsage: call<DiskUsage>()(z.strictObject({ hostId: hostIdSchema }), { timeoutMs: 120_000 }),
  prunePreview: call<PrunePreview>()(pruneInput, { timeoutMs: 120_000 }),
  prune: call<PruneResult>()(pruneInput, { timeoutMs: 300_000 }),
};
