import { z } from 'zod';
import { call } from './define';
import { safeRecord } from './safe-record';
import { hostIdSchema } from './ids';
import { imageRefSchema, imageReferenceSchema, taggableReferenceSchema } from './image-reference';
import type { TaskStarted } from './tasks';

export interface ImageSummary {
  /** "sha256:..." */
  id: string;
  repoTags: string[];
  repoDigests: string[];
  size: number;
  /** Seconds since the epoch. */
  created: number;
  /** Containers (any state) created from this image. */
  containers: number;
  /** No tag: left behind by a rebuild or a pull that moved the tag. */
  dangling: boolean;
  labels: Record<string, string>;
}

export interface ImageHistoryEntry {
  /** The layer's image id, or "<missing>" for layers built elsewhere. */
  id: string;
  created: number;
  createdBy: string;
  size: number;
  tags: string[];
  comment: string;
}

export interface ImageContainerRef {
  id: string;
  name: string;
  state: string;
}

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export interface ImageDetails {
  id: string;
  repoTags: string[];
  inspect: JsonValue;
  history: ImageHistoryEntry[];
  containers: ImageContainerRef[];
}

export interface RemoveImageResult {
  untagged: string[];
  deleted: string[];
}

export interface PruneImagesResult {
  deleted: number;
  untagged: number;
  spaceReclaimed: number;
}

/** A path on the machine running Berthmaster's backend (absolute, no NUL). */
export const backendPathSchema = z
  .string()
  .min(1, 'enter a path')
  .max(4096)
  .refine((p) => !p.includes('\0'), 'not a valid path')
  .refine((p) => p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p), 'the path must be absolute');

/** "key=value" label filters, as the engine's prune filter takes them. */
const labelFilterSchema = z
  .string()
  .min(1)
  .max(512)
  .regex(/^[^=\s]+(=[^\s]*)?$/, 'a label filter is key or key=value');

const buildArgName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'not a valid build argument name');

export const buildInputSchema = z.strictObject({
  hostId: hostIdSchema,
  /** The context folder on the machine running the backend. */
  contextPath: backendPathSchema,
  /** Relative to the context; "Dockerfile" by default. */
  dockerfile: z
    .string()
    .min(1)
    .max(1024)
    .refine(
      (p) => !p.startsWith('/') && !p.split(/[\\/]/).includes('..'),
      'the Dockerfile must be inside the context',
    )
    .default('Dockerfile'),
  tags: z.array(taggableReferenceSchema).max(20).default([]),
  buildArgs: safeRecord(buildArgName, z.string().max(8192)).default({}),
  target: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$/, 'not a valid stage name')
    .optional(),
  noCache: z.boolean().default(false),
  pull: z.boolean().default(false),
  labels: safeRecord(z.string().min(1).max(512), z.string().max(4096)).default({}),
});
export type BuildInput = z.input<typeof buildInputSchema>;

export const imagesContract = {
  list: call<ImageSummary[]>()(z.strictObject({ hostId: hostIdSchema })),
  inspect: call<ImageDetails>()(z.strictObject({ hostId: hostIdSchema, id: imageRefSchema })),
  /** Adds `target` ("name[:tag]") to an image. */
  tag: call<void>()(
    z.strictObject({ hostId: hostIdSchema, id: imageRefSchema, target: taggableReferenceSchema }),
  ),
  /** Removes one tag; the image goes too when it was its last tag and nothing uses it. */
  untag: call<RemoveImageResult>()(
    z.strictObject({ hostId: hostIdSchema, reference: imageReferenceSchema }),
    {
      timeoutMs: 120_000,
    },
  ),
  remove: call<RemoveImageResult>()(
    z.strictObject({ hostId: hostIdSchema, id: imageRefSchema, force: z.boolean().default(false) }),
    { timeoutMs: 120_000 },
  ),
  /** Dangling: untagged images; unused: every image no container uses. Labels narrow it further. */
  prune: call<PruneImagesResult>()(
    z.strictObject({
      hostId: hostIdSchema,
      scope: z.enum(['dangling', 'unused']),
      labels: z.array(labelFilterSchema).max(10).default([]),
    }),
    { timeoutMs: 600_000 },
  ),
  /** The long ones start a task and return its id at once; the Tasks panel follows them. */
  pull: call<TaskStarted>()(z.strictObject({ hostId: hostIdSchema, reference: imageReferenceSchema })),
  push: call<TaskStarted>()(z.strictObject({ hostId: hostIdSchema, reference: taggableReferenceSchema })),
  build: call<TaskStarted>()(buildInputSchema),
  save: call<TaskStarted>()(
    z.strictObject({
      hostId: hostIdSchema,
      references: z.array(imageRefSchema).min(1).max(100),
      path: backendPathSchema,
      overwrite: z.boolean().default(false),
    }),
  ),
  load: call<TaskStarted>()(z.strictObject({ hostId: hostIdSchema, path: backendPathSchema })),
  /** Streams `docker save` from one engine straight into `docker load` on another. */
  copy: call<TaskStarted>()(
    z.strictObject({
      hostId: hostIdSchema,
      targetHostId: hostIdSchema,
      references: z.array(imageRefSchema).min(1).max(100),
    }),
    // Reads the images from one host and loads them into the other: each host is judged.
    { hostFields: { hostId: 'read', targetHostId: 'write' } },
  ),
};
