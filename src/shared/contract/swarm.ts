import { z } from 'zod';
import { call, stream } from './define';
import { hostIdSchema } from './ids';
import { logTimeSchema, MAX_LOG_TAIL, type LogEvent } from './logs';
import { keyValuesSchema } from './networks';
import { createServiceInputSchema, serviceEnvSchema, secretNameSchema, swarmRefSchema } from './swarm-spec';

export * from './swarm-spec';

/** The label `docker stack deploy` puts on every object of a stack. */
export const STACK_NAMESPACE_LABEL = 'com.docker.stack.namespace';

/** What a host is in swarm terms. Only a manager answers the other swarm calls. */
export type SwarmRole = 'manager' | 'worker' | 'none';

export interface SwarmInfo {
  role: SwarmRole;
  /** The engine's LocalNodeState: inactive, pending, active, error or locked. */
  localState: string;
  nodeId?: string;
  /** The address this node advertises to the swarm. */
  nodeAddr?: string;
  clusterId?: string;
  /** Addresses of managers this node knows (a worker reaches the cluster through these). */
  managerAddresses: string[];
  /** Managers only: the whole cluster at a glance. */
  managers?: number;
  nodes?: number;
  leader?: { id: string; hostname: string; addr: string };
  createdAt?: string;
  /** One sentence: what this host is and, unless it is a manager, how to reach one. */
  summary: string;
  /** The engine's own swarm error, if it reports one. */
  error?: string;
}

export type NodeRole = 'manager' | 'worker';
export type NodeAvailability = 'active' | 'pause' | 'drain';

export interface SwarmNode {
  id: string;
  hostname: string;
  role: NodeRole;
  availability: NodeAvailability;
  /** ready, down, unknown or disconnected. */
  state: string;
  /** The engine's message for the state, e.g. why it is down. */
  message?: string;
  addr: string;
  leader: boolean;
  /** Managers: reachable, unreachable or unknown. */
  reachability?: string;
  managerAddr?: string;
  engineVersion: string;
  os: string;
  arch: string;
  cpus: number;
  memoryBytes: number;
  /** The node's labels (set in the swarm). */
  labels: Record<string, string>;
  /** Labels of the node's engine (daemon config). */
  engineLabels: Record<string, string>;
  /** The host answering is this node. */
  self: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface ServicePort {
  target: number;
  published?: number;
  protocol: string;
  mode: string;
}

export interface ServiceUpdateStatus {
  /** updating, paused, completed, rollback_started, rollback_paused, rollback_completed. */
  state: string;
  message?: string;
  startedAt?: string;
  completedAt?: string;
}

export type ServiceMode = 'replicated' | 'global' | 'replicated-job' | 'global-job';

export interface SwarmService {
  id: string;
  name: string;
  mode: ServiceMode;
  /** Tasks running now / tasks that should run (replicas, or one per eligible node). */
  running: number;
  desired: number;
  /** Without the digest the engine pins it to. */
  image: string;
  ports: ServicePort[];
  updateStatus?: ServiceUpdateStatus;
  /** The stack it belongs to (com.docker.stack.namespace). */
  stack?: string;
  labels: Record<string, string>;
  /** There is a previous spec to roll back to. */
  canRollback: boolean;
  /** The version index an update must quote (optimistic concurrency). */
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface ServiceDetails {
  service: SwarmService;
  env: string[];
  command: string[];
  replicas?: number;
  secrets: string[];
  configs: string[];
  networks: string[];
  /** The engine's inspect document, as is (it never holds secret values). */
  inspect: Record<string, unknown>;
}

export interface SwarmTask {
  id: string;
  serviceId: string;
  serviceName: string;
  /** Replicated services: the replica number. */
  slot?: number;
  nodeId?: string;
  nodeHostname?: string;
  /** new, pending, assigned, accepted, preparing, starting, running, complete, shutdown, failed, rejected, orphaned, remove. */
  state: string;
  desiredState: string;
  message: string;
  error?: string;
  exitCode?: number;
  containerId?: string;
  image: string;
  createdAt: string;
  updatedAt: string;
  /** When the task reached its current state. */
  stateSince: string;
}

export interface TaskChange {
  taskId: string;
  slot?: number;
  nodeId?: string;
  /** Undefined for a task that just appeared. */
  from?: string;
  to: string;
  image: string;
}

/** One poll of a service while it changes: every task, and which tasks changed state since the last event. */
export interface ServiceWatchEvent {
  type: 'progress';
  service: SwarmService;
  tasks: SwarmTask[];
  changes: TaskChange[];
  /** No update is running and every task that should run does. */
  settled: boolean;
}

export interface StackSummary {
  name: string;
  services: string[];
  networks: string[];
  secrets: string[];
  configs: string[];
}

export interface StackRemoval {
  removed: string[];
  failed: Array<{ name: string; error: string }>;
}

/** A secret or config as listed. A secret's value never leaves the engine through Berthmaster. */
export interface SwarmFile {
  id: string;
  name: string;
  labels: Record<string, string>;
  createdAt: string;
  updatedAt: string;
  /** Names of the services that use it. */
  usedBy: string[];
  stack?: string;
}

/** Secrets are at most 500 KB in the engine; configs too. */
export const MAX_SWARM_FILE_BYTES = 500 * 1024;

const target = { hostId: hostIdSchema, id: swarmRefSchema };
const hostOnly = z.strictObject({ hostId: hostIdSchema });

const fileCreateSchema = z
  .strictObject({
    hostId: hostIdSchema,
    name: secretNameSchema,
    /** Text as typed, or base64 of a file's bytes. */
    data: z.string().max(Math.ceil((MAX_SWARM_FILE_BYTES * 4) / 3) + 4),
    encoding: z.enum(['text', 'base64']).default('text'),
    labels: keyValuesSchema.default({}),
  })
  .refine((f) => f.encoding === 'text' || /^[A-Za-z0-9+/]*={0,2}$/.test(f.data), {
    message: 'not valid base64',
    path: ['data'],
  });

export type SwarmFileCreate = z.input<typeof fileCreateSchema>;

export const serviceLogsParamsSchema = z.strictObject({
  hostId: hostIdSchema,
  id: swarmRefSchema,
  follow: z.boolean().default(true),
  /** Lines from the end of each task's log. */
  tail: z.union([z.number().int().min(0).max(MAX_LOG_TAIL), z.literal('all')]).default(200),
  since: logTimeSchema.optional(),
  /** Each line starts with its RFC 3339 timestamp, as in logs.follow. */
  timestamps: z.boolean().default(true),
});

/** Swarm calls take longer than container calls: a manager answers through the raft store. */
const SWARM_TIMEOUT_MS = 30_000;

export const swarmContract = {
  /** Any host: what it is in a swarm (the only swarm call a non-manager answers). */
  info: call<SwarmInfo>()(hostOnly),
  nodes: call<SwarmNode[]>()(hostOnly),
  nodeInspect: call<{ node: SwarmNode; inspect: Record<string, unknown> }>()(z.strictObject(target)),
  nodeUpdate: call<SwarmNode>()(
    z.strictObject({
      ...target,
      /** The version the user saw; a node changed meanwhile is refused instead of overwritten. */
      version: z.number().int().min(0).optional(),
      availability: z.enum(['active', 'pause', 'drain']).optional(),
      role: z.enum(['manager', 'worker']).optional(),
      /** Replaces all of the node's labels. */
      labels: keyValuesSchema.optional(),
    }),
  ),
  nodeRemove: call<void>()(
    z.strictObject({
      ...target,
      /** Remove a node that is not down. Needs `confirm` set to the node's id. */
      force: z.boolean().default(false),
      confirm: z.string().max(64).optional(),
    }),
  ),
  services: call<SwarmService[]>()(hostOnly),
  serviceInspect: call<ServiceDetails>()(z.strictObject(target)),
  serviceCreate: call<{ id: string; warnings: string[] }>()(createServiceInputSchema, {
    timeoutMs: SWARM_TIMEOUT_MS,
  }),
  serviceScale: call<SwarmService>()(
    z.strictObject({ ...target, replicas: z.number().int().min(0).max(1000) }),
  ),
  /** Starts a rolling update; watch it with watchService. */
  serviceUpdate: call<{ warnings: string[] }>()(
    z.strictObject({
      ...target,
      /** The version the user saw (SwarmService.version). */
      version: z.number().int().min(0),
      image: z
        .string()
        .min(1)
        .max(512)
        .regex(/^[^\s]+$/, 'an image reference has no spaces')
        .optional(),
      /** Replaces the whole environment. */
      env: z.array(serviceEnvSchema).max(512).optional(),
      replicas: z.number().int().min(0).max(1000).optional(),
      /** Replace every task even if nothing changed. */
      force: z.boolean().default(false),
    }),
    { timeoutMs: SWARM_TIMEOUT_MS },
  ),
  serviceRollback: call<{ warnings: string[] }>()(z.strictObject(target), { timeoutMs: SWARM_TIMEOUT_MS }),
  serviceRemove: call<void>()(z.strictObject(target)),
  tasks: call<SwarmTask[]>()(
    z.strictObject({
      hostId: hostIdSchema,
      serviceId: swarmRefSchema.optional(),
      nodeId: swarmRefSchema.optional(),
      /** Only tasks that should be running (the CLI's default view). */
      current: z.boolean().default(false),
    }),
  ),
  /** All tasks' logs interleaved, each line labelled "[service.slot@node]" after its timestamp. */
  serviceLogs: stream<LogEvent>()(serviceLogsParamsSchema),
  /** Polls the service's tasks every second (bounded) and reports every task state change. */
  watchService: stream<ServiceWatchEvent>()(z.strictObject(target)),
  stacks: call<StackSummary[]>()(hostOnly),
  stackRemove: call<StackRemoval>()(z.strictObject({ hostId: hostIdSchema, name: swarmRefSchema }), {
    timeoutMs: 120_000,
  }),
  secrets: call<SwarmFile[]>()(hostOnly),
  secretCreate: call<{ id: string }>()(fileCreateSchema),
  secretRemove: call<void>()(z.strictObject(target)),
  configs: call<SwarmFile[]>()(hostOnly),
  configCreate: call<{ id: string }>()(fileCreateSchema),
  configRemove: call<void>()(z.strictObject(target)),
};
