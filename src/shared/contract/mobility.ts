import { z } from 'zod';
import { containerNameSchema, runImageSchema } from './container-run-spec';
import { call, stream } from './define';
import { hostIdSchema } from './ids';
import { stackNameSchema } from './stacks';
import type { TaskStarted } from './tasks';
import { volumeNameSchema } from './volumes';

/** A container by id or name, as the engine accepts it in a URL path. */
const containerRef = z.string().regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,127}$/, 'not a container id or name');
/** A file on the backend's machine (absolute). */
const localFile = z
  .string()
  .max(4096)
  .regex(/^(\/|[A-Za-z]:[\\/])[^\0]*$/, 'give an absolute path on the machine running Berthmaster');
/** busybox has both sh and nc, and is on most hosts already. */
export const DEFAULT_RELAY_IMAGE = 'busybox:latest';
const port = z.number().int().min(1, 'a port is 1-65535').max(65535, 'a port is 1-65535');

export interface VolumeCopyPreflight {
  /** Bytes, from the engine's disk usage; null when the driver does not say. */
  size: number | null;
  /** Running containers using the volume: copying under them may be inconsistent. */
  runningUsers: Array<{ id: string; name: string }>;
  targetNameTaken: boolean;
}

/** Something Move / Clone found on the target: blocking ones stop it before anything happens. */
export interface TransferProblem {
  /** "name", "network", "ports.8080/tcp", "mounts./data". */
  field: string;
  blocking: boolean;
  message: string;
}

export interface ContainerTransferPreflight {
  /** The container's name on the target. */
  name: string;
  running: boolean;
  image: { reference: string; presentOnTarget: boolean; size: number };
  volumes: Array<{ name: string; size: number | null; onTarget: boolean }>;
  problems: TransferProblem[];
}

export interface StackTransferPreflight {
  project: string;
  /** The file the app keeps for it (deployed or adopted here), or one rebuilt from its containers. */
  file: 'stored' | 'reconstructed';
  /** The compose file that will be deployed on the target. */
  composeYaml: string;
  running: boolean;
  /** One row per image the services run; missing ones are copied from the source. */
  images: Array<{ reference: string; services: string[]; presentOnTarget: boolean; size: number | null }>;
  /** Named volumes with data on the source: copied. */
  volumes: Array<{ name: string; size: number | null; onTarget: boolean }>;
  problems: TransferProblem[];
}

export interface ForwardView {
  id: string;
  hostId: string;
  containerId: string;
  containerName: string;
  /** The container's port. */
  port: number;
  /** The port on 127.0.0.1 of the machine running Berthmaster. */
  localPort: number;
  /** Over the host's SSH connection, or through a relay helper's exec streams. */
  via: 'ssh' | 'exec';
  /** Connections accepted so far, and those open now. */
  connections: number;
  open: number;
  /** From the container / to the container. */
  bytesIn: number;
  bytesOut: number;
  createdAt: number;
  /** Why the last connection could not reach the container. */
  lastError?: string;
}

const volumeCopyTarget = {
  hostId: hostIdSchema,
  name: volumeNameSchema,
  targetHostId: hostIdSchema,
  targetName: volumeNameSchema,
};
const containerTransfer = {
  hostId: hostIdSchema,
  container: containerRef,
  targetHostId: hostIdSchema,
  name: containerNameSchema.optional(),
};

const stackTransfer = {
  hostId: hostIdSchema,
  project: stackNameSchema,
  targetHostId: hostIdSchema,
};

/** Moving work between hosts: volumes, containers, and reaching any container's port. */
export const mobilityContract = {
  volumeCopyPreflight: call<VolumeCopyPreflight>()(z.strictObject(volumeCopyTarget), {
    timeoutMs: 120_000,
    hostFields: { hostId: 'read', targetHostId: 'read' },
  }),
  /** Starts a task; its progress is in the tasks namespace. */
  volumeCopy: call<TaskStarted>()(
    z.strictObject({
      ...volumeCopyTarget,
      stopUsers: z.boolean().default(false),
      keepPartial: z.boolean().default(false),
    }),
    // Reads every file of the volume on one host, writes a new volume on the other.
    { hostFields: { hostId: 'browse', targetHostId: 'write' } },
  ),
  volumeBackup: call<TaskStarted>()(
    z.strictObject({
      hostId: hostIdSchema,
      name: volumeNameSchema,
      file: localFile,
      overwrite: z.boolean().default(false),
    }),
  ),
  volumeRestore: call<TaskStarted>()(
    z.strictObject({
      hostId: hostIdSchema,
      name: volumeNameSchema,
      file: localFile,
      create: z.boolean().default(true),
    }),
  ),
  containerPreflight: call<ContainerTransferPreflight>()(z.strictObject(containerTransfer), {
    timeoutMs: 120_000,
    hostFields: { hostId: 'read', targetHostId: 'read' },
  }),
  containerTransfer: call<TaskStarted>()(
    z.strictObject({
      ...containerTransfer,
      mode: z.enum(['move', 'clone']),
      removeSource: z.boolean().default(false),
    }),
    // Copies the container's volumes off one host (and may remove it there); creates it on the
    // other, where a restricted policy also inspects the create body (the service does).
    { hostFields: { hostId: 'browse', targetHostId: 'write' } },
  ),
  stackPreflight: call<StackTransferPreflight>()(z.strictObject(stackTransfer), {
    timeoutMs: 120_000,
    hostFields: { hostId: 'read', targetHostId: 'read' },
  }),
  /** A compose project, service by service: files, images, volumes, then deploy on the target. */
  stackTransfer: call<TaskStarted>()(
    z.strictObject({
      ...stackTransfer,
      mode: z.enum(['move', 'clone']),
      /** Move only: take the project down on the source once the target runs (volumes stay). */
      removeSource: z.boolean().default(false),
    }),
    // As a container move: volumes are read off one host, the project is deployed on the other.
    { hostFields: { hostId: 'browse', targetHostId: 'write' } },
  ),
  forwardOpen: call<ForwardView>()(
    z.strictObject({
      hostId: hostIdSchema,
      container: containerRef,
      port,
      /** 0: any free port. */
      localPort: z.number().int().min(0).max(65535).default(0),
      /** Socket and TLS hosts: the image of the relay helper (it needs sh and nc). */
      relayImage: runImageSchema.default(DEFAULT_RELAY_IMAGE),
    }),
    { timeoutMs: 60_000 },
  ),
  forwardClose: call<void>()(
    z.strictObject({ id: z.string().regex(/^f-[a-f0-9]{12}$/, 'not a forward id') }),
  ),
  /** Every forward, now and on each change. */
  forwards: stream<ForwardView[]>()(z.strictObject({})),
};
