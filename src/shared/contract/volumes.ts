import { z } from 'zod';
import { call, stream } from './define';
import { hostIdSchema } from './ids';
import { keyValuesSchema, labelFilterSchema } from './networks';

/** A volume name as the engine allows it (anonymous volumes are 64 hex digits, which fit). */
export const volumeNameSchema = z
  .string()
  .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,254}$/, 'not a valid volume name');

/**
 * A path inside a volume, absolute from its root ("/" is the root). No ".." segments, no NUL: it
 * must not be able to leave the volume's mount point in the helper container.
 */
export const volumePathSchema = z
  .string()
  .max(4096)
  .regex(/^\/[^\0]*$/, 'a path inside the volume starts with "/"')
  .refine((p) => !p.split('/').includes('..'), 'a path inside the volume cannot contain ".."');

export interface VolumeUser {
  id: string;
  name: string;
  state: string;
}

export interface VolumeSummary {
  name: string;
  driver: string;
  mountpoint: string;
  scope: string;
  /** ISO date, when the driver reports one. */
  created?: string;
  labels: Record<string, string>;
  options: Record<string, string>;
  /** Bytes on disk from the engine's disk-usage endpoint; null when unknown (the engine says -1). */
  size: number | null;
  /** How many containers reference it, per the disk-usage endpoint; null when unknown. */
  refCount: number | null;
  /** Containers (any state) that mount it. */
  usedBy: VolumeUser[];
}

export type FileEntryType = 'file' | 'directory' | 'symlink' | 'link' | 'other';

export interface FileEntry {
  name: string;
  type: FileEntryType;
  size: number;
  /** Epoch milliseconds. */
  mtime: number;
  /** For symlinks and hard links. */
  target?: string;
}

export interface DirectoryListing {
  path: string;
  entries: FileEntry[];
  /** The directory had more entries than are listed. */
  truncated: boolean;
}

export interface PruneResult {
  removed: string[];
  /** Bytes the engine says it freed. */
  spaceReclaimed: number;
}

/** One batch of a tar archive being downloaded. */
export interface DownloadChunk {
  bytes: Uint8Array;
}

const volumeTarget = { hostId: hostIdSchema, name: volumeNameSchema };

export const volumesContract = {
  // The disk-usage endpoint computes every volume's size, which can take a while on big hosts.
  list: call<VolumeSummary[]>()(z.strictObject({ hostId: hostIdSchema }), { timeoutMs: 120_000 }),
  inspect: call<Record<string, unknown>>()(z.strictObject(volumeTarget)),
  create: call<{ name: string }>()(
    z.strictObject({
      hostId: hostIdSchema,
      /** Empty: the engine picks a random name. */
      name: volumeNameSchema.optional(),
      driver: z
        .string()
        .regex(/^[a-zA-Z0-9][a-zA-Z0-9_./:-]{0,127}$/, 'not a valid driver name')
        .default('local'),
      options: keyValuesSchema.default({}),
      labels: keyValuesSchema.default({}),
    }),
  ),
  remove: call<void>()(z.strictObject({ ...volumeTarget, force: z.boolean().default(false) })),
  prune: call<PruneResult>()(z.strictObject({ hostId: hostIdSchema, labels: labelFilterSchema.optional() }), {
    timeoutMs: 300_000,
  }),
  /** Lists one directory of a volume through a short-lived helper container (always removed). */
  browse: call<DirectoryListing>()(z.strictObject({ ...volumeTarget, path: volumePathSchema }), {
    timeoutMs: 120_000,
  }),
  /** A file or folder of a volume as a tar archive, in batches. */
  download: stream<DownloadChunk>()(z.strictObject({ ...volumeTarget, path: volumePathSchema })),
};
