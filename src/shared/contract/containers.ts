import type { FileEntryType } from './volumes';
import { z } from 'zod';
import { call, stream } from './define';
import type { AppErrorShape } from './errors';
import { containerRefSchema, hostIdSchema } from './ids';
import { containerNameSchema, runSpecSchema, type RunSpec } from './container-run-spec';

export * from './container-run-spec';

export interface PortBinding {
  ip?: string;
  privatePort: number;
  publicPort?: number;
  type: string;
}

export type ContainerState = 'created' | 'running' | 'paused' | 'restarting' | 'removing' | 'exited' | 'dead';
export type ContainerHealth = 'healthy' | 'unhealthy' | 'starting';

/** The label docker compose puts on every container of a project. */
export const COMPOSE_PROJECT_LABEL = 'com.docker.compose.project';
export const COMPOSE_SERVICE_LABEL = 'com.docker.compose.service';

export interface ContainerSummary {
  id: string;
  name: string;
  image: string;
  state: ContainerState;
  status: string;
  /** From the health check, when the container has one. */
  health?: ContainerHealth;
  ports: PortBinding[];
  created: number;
  labels: Record<string, string>;
}

/** Signals the kill picker offers; anything else is refused before it reaches the engine. */
export const CONTAINER_SIGNALS = [
  'SIGKILL',
  'SIGTERM',
  'SIGINT',
  'SIGQUIT',
  'SIGHUP',
  'SIGUSR1',
  'SIGUSR2',
  'SIGSTOP',
  'SIGCONT',
  'SIGWINCH',
  'SIGALRM',
  'SIGPWR',
] as const;
export type ContainerSignal = (typeof CONTAINER_SIGNALS)[number];
export const containerSignalSchema = z.enum(CONTAINER_SIGNALS);

export const CONTAINER_BULK_ACTIONS = [
  'start',
  'stop',
  'restart',
  'pause',
  'unpause',
  'kill',
  'remove',
] as const;
export type ContainerBulkAction = (typeof CONTAINER_BULK_ACTIONS)[number];

/** One container's outcome in a bulk action: one failure never hides the others. */
export interface ContainerBulkItem {
  id: string;
  ok: boolean;
  error?: AppErrorShape;
}

/** `key` or `key=value`, the engine's label filter syntax. */
export const containerLabelFilterSchema = z
  .string()
  .max(1024)
  .regex(/^[^\s=]+(=[^\n\r\0]*)?$/, 'a label filter is "key" or "key=value"');

/** A path inside a container's filesystem. The engine resolves it inside the container's root. */
export const containerPathSchema = z
  .string()
  .max(4096)
  .regex(/^\/[^\0]*$/, 'a path in the container starts with "/"')
  .refine((p) => !p.split('/').includes('..'), 'a path cannot contain ".."');

/** A file name (or relative path, for folder uploads) to create under an upload's folder. */
export const uploadNameSchema = z
  .string()
  .min(1)
  .max(1024)
  .regex(/^[^/\0][^\0]*$/, 'an upload name is relative')
  .refine(
    (p) => p.split('/').every((s) => s !== '' && s !== '.' && s !== '..'),
    'an upload name has no empty, "." or ".." parts',
  );

export const uploadIdSchema = z.string().regex(/^[a-f0-9]{32}$/, 'not an upload id');

/** Bytes per upload chunk: fits one WebSocket message with base64 overhead. */
export const UPLOAD_CHUNK_BYTES = 1024 * 1024;

const uploadChunkSchema = z.custom<Uint8Array>(
  (v) => v instanceof Uint8Array && v.byteLength > 0 && v.byteLength <= UPLOAD_CHUNK_BYTES,
  `a chunk is 1 byte to ${UPLOAD_CHUNK_BYTES} bytes`,
);

export interface ContainerHealthCheck {
  start: string;
  end: string;
  exitCode: number;
  output: string;
}

export interface ContainerPortView {
  containerPort: number;
  protocol: string;
  bindings: Array<{ hostIp: string; hostPort: string }>;
}

export interface ContainerMountView {
  type: string;
  name?: string;
  source: string;
  destination: string;
  readOnly: boolean;
  driver?: string;
}

export interface ContainerNetworkView {
  name: string;
  ipAddress: string;
  ipPrefixLen: number;
  ipv6Address: string;
  gateway: string;
  macAddress: string;
  aliases: string[];
}

/** The engine's inspect, reduced to what the Overview shows, plus the raw document for Inspect. */
export interface ContainerInspectView {
  id: string;
  name: string;
  image: string;
  imageId: string;
  created: string;
  state: {
    status: ContainerState;
    running: boolean;
    paused: boolean;
    restarting: boolean;
    oomKilled: boolean;
    pid: number;
    exitCode: number;
    error: string;
    startedAt: string;
    finishedAt: string;
  };
  health?: { status: string; failingStreak: number; log: ContainerHealthCheck[] };
  restartCount: number;
  path: string;
  args: string[];
  entrypoint: string[] | null;
  cmd: string[] | null;
  workingDir: string;
  user: string;
  hostname: string;
  tty: boolean;
  openStdin: boolean;
  autoRemove: boolean;
  restartPolicy: { name: string; maximumRetryCount: number };
  networkMode: string;
  ports: ContainerPortView[];
  mounts: ContainerMountView[];
  networks: ContainerNetworkView[];
  env: Array<{ key: string; value: string }>;
  labels: Record<string, string>;
  limits: {
    memory: number;
    memorySwap: number;
    memoryReservation: number;
    nanoCpus: number;
    cpuShares: number;
    cpuQuota: number;
    cpuPeriod: number;
    cpusetCpus: string;
    pidsLimit: number;
  };
  raw: Record<string, unknown>;
}

export interface ContainerTop {
  titles: string[];
  processes: string[][];
}

/** Same kinds as a volume's files: both come from the engine's tar archives. */
export type ContainerFileType = FileEntryType;

export interface ContainerFileEntry {
  name: string;
  type: ContainerFileType;
  size: number;
  /** Permission bits, e.g. 0o755. */
  mode: number;
  /** Epoch milliseconds. */
  mtime: number;
  linkTarget?: string;
}

export interface ContainerFileListing {
  /** The directory listed, normalised ("/etc"). */
  path: string;
  entries: ContainerFileEntry[];
  /** The scan stopped early (huge tree): some entries may be missing. */
  truncated: boolean;
  /** Bytes of archive read to build the listing. */
  scannedBytes: number;
}

export interface ContainerPathStat {
  name: string;
  size: number;
  mode: number;
  mtime: string;
  linkTarget: string;
  isDirectory: boolean;
}

export interface ContainerFileChunk {
  bytes: Uint8Array;
}

export interface ContainerPruneCandidate {
  id: string;
  name: string;
  image: string;
  state: ContainerState;
  status: string;
  /** Size of the writable layer, when the engine reported it. */
  sizeRw?: number;
}

export interface ContainerPrunePreview {
  candidates: ContainerPruneCandidate[];
  /** Sum of the candidates' writable layers: what the engine should reclaim. */
  estimatedBytes: number;
}

export interface ContainerPruneResult {
  deleted: string[];
  /** The engine's SpaceReclaimed. */
  spaceReclaimed: number;
}

export interface ContainerFormOptions {
  /** Local image tags, for the image field's suggestions. */
  images: string[];
  networks: string[];
  volumes: string[];
}

export interface ContainerCreateResult {
  id: string;
  name: string;
  started: boolean;
  warnings: string[];
}

const target = { hostId: hostIdSchema, id: containerRefSchema };
const labelFilters = z.array(containerLabelFilterSchema).max(20).default([]);
/** The full ids engine events carry: a list refreshed after events asks for those containers only. */
export const LIST_IDS_MAX = 100;
const listIds = z
  .array(z.string().regex(/^[a-f0-9]{64}$/, 'not a full container id'))
  .min(1)
  .max(LIST_IDS_MAX);
/** The engine's stop timeout (seconds) before SIGKILL; absent: the container's own (10 s by default). */
const stopTimeout = z.number().int().min(0).max(600).optional();
// A stop can take its whole timeout; leave headroom on top of the longest one allowed.
const STOP_CALL_MS = 660_000;

export const containersContract = {
  /** Every container, or (`ids`) just those of the given full ids that still exist. */
  list: call<ContainerSummary[]>()(
    z.strictObject({ hostId: hostIdSchema, all: z.boolean().default(true), ids: listIds.optional() }),
  ),
  start: call<void>()(z.strictObject(target)),
  stop: call<void>()(z.strictObject({ ...target, timeoutSec: stopTimeout }), { timeoutMs: STOP_CALL_MS }),
  restart: call<void>()(z.strictObject({ ...target, timeoutSec: stopTimeout }), { timeoutMs: STOP_CALL_MS }),
  pause: call<void>()(z.strictObject(target)),
  unpause: call<void>()(z.strictObject(target)),
  kill: call<void>()(z.strictObject({ ...target, signal: containerSignalSchema.default('SIGKILL') })),
  rename: call<void>()(z.strictObject({ ...target, name: containerNameSchema })),
  remove: call<void>()(
    z.strictObject({ ...target, force: z.boolean().default(false), volumes: z.boolean().default(false) }),
    { timeoutMs: 60_000 },
  ),
  /** The same action on many containers, a result for each. */
  bulk: call<ContainerBulkItem[]>()(
    z.strictObject({
      hostId: hostIdSchema,
      action: z.enum(CONTAINER_BULK_ACTIONS),
      ids: z.array(containerRefSchema).min(1).max(5000),
      force: z.boolean().default(false),
      volumes: z.boolean().default(false),
      signal: containerSignalSchema.default('SIGKILL'),
      timeoutSec: stopTimeout,
    }),
    { timeoutMs: 900_000 },
  ),
  inspect: call<ContainerInspectView>()(z.strictObject(target)),
  top: call<ContainerTop>()(z.strictObject(target)),
  /** Stopped containers a prune would remove, with the label filters applied. */
  prunePreview: call<ContainerPrunePreview>()(
    z.strictObject({ hostId: hostIdSchema, labels: labelFilters }),
    {
      timeoutMs: 120_000,
    },
  ),
  prune: call<ContainerPruneResult>()(z.strictObject({ hostId: hostIdSchema, labels: labelFilters }), {
    timeoutMs: 300_000,
  }),
  /** Local images, networks and volumes for the run form's pickers. */
  formOptions: call<ContainerFormOptions>()(z.strictObject({ hostId: hostIdSchema })),
  /** Creates (and optionally starts) a container; a failed start removes what was created. */
  create: call<ContainerCreateResult>()(
    z.strictObject({ hostId: hostIdSchema, spec: runSpecSchema, start: z.boolean() }),
    { timeoutMs: 120_000 },
  ),
  /** The run form's values for an existing container, for "Edit and recreate". */
  runSpec: call<RunSpec>()(z.strictObject(target)),
  /**
   * Replaces a container by one made from `spec`, keeping the old one (renamed, stopped) until the
   * new one runs; on failure the old one is put back as it was.
   */
  recreate: call<ContainerCreateResult>()(
    z.strictObject({ ...target, spec: runSpecSchema, start: z.boolean(), timeoutSec: stopTimeout }),
    { timeoutMs: STOP_CALL_MS + 120_000 },
  ),
  filesStat: call<ContainerPathStat>()(z.strictObject({ ...target, path: containerPathSchema })),
  filesList: call<ContainerFileListing>()(z.strictObject({ ...target, path: containerPathSchema }), {
    timeoutMs: 120_000,
  }),
  /** A path as a tar archive (`tar`), or one regular file's bytes (`file`). */
  filesDownload: stream<ContainerFileChunk>()(
    z.strictObject({ ...target, path: containerPathSchema, format: z.enum(['tar', 'file']) }),
  ),
  /** Starts writing files into a folder; send their bytes in order with filesUploadChunk. */
  filesUploadStart: call<{ uploadId: string }>()(
    z.strictObject({
      ...target,
      path: containerPathSchema,
      files: z
        .array(
          z.strictObject({
            name: uploadNameSchema,
            size: z
              .number()
              .int()
              .min(0)
              .max(2 ** 40),
          }),
        )
        .min(1)
        .max(10_000),
    }),
  ),
  filesUploadChunk: call<void>()(z.strictObject({ uploadId: uploadIdSchema, bytes: uploadChunkSchema }), {
    timeoutMs: 120_000,
    hostFields: { uploadId: 'browse' },
  }),
  /** Waits until the engine has unpacked everything. */
  filesUploadFinish: call<void>()(z.strictObject({ uploadId: uploadIdSchema }), {
    timeoutMs: 300_000,
    hostFields: { uploadId: 'browse' },
  }),
  filesUploadAbort: call<void>()(z.strictObject({ uploadId: uploadIdSchema })),
};
