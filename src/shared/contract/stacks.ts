import { z } from 'zod';
import { call, stream } from './define';
import { hostIdSchema } from './ids';
import type { StackLoadResult, StackPosition } from './stacks-model';

/** A compose project name as docker compose accepts it. */
export const stackNameSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{0,62}$/, 'a project name is lower-case letters, digits, "-" and "_"');

const serviceNameSchema = z.string().regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,127}$/, 'not a valid service name');

/** A compose file and its .env, as the editor holds them. */
const filesSchema = {
  composeYaml: z.string().max(1_000_000),
  envText: z.string().max(200_000).default(''),
  /** Folder on the user's machine that relative paths (binds, build contexts, env files) resolve against; default: the stack's folder in the app's config. */
  workingDir: z.string().max(4096).optional(),
  profiles: z.array(z.string().max(128)).max(50).default([]),
};

export type StackOrigin = 'berthmaster' | 'compose-v2' | 'compose-v1' | 'swarm';
export type StackState = 'running' | 'partial' | 'stopped' | 'empty';

export interface StackContainerView {
  id: string;
  name: string;
  service: string;
  number: number;
  state: string;
  status: string;
  health?: string;
  image: string;
  ports: string[];
  oneoff: boolean;
}

export interface StackServiceSummary {
  name: string;
  image: string;
  running: number;
  /** Replicas the file asks for; null for projects not deployed by the app (unknown). */
  desired: number | null;
  containers: StackContainerView[];
}

export interface ComposeStackSummary {
  name: string;
  /** Who made it, from the containers' labels. */
  origin: StackOrigin;
  state: StackState;
  /** The app keeps its compose file (deployed or adopted here). */
  stored: boolean;
  services: StackServiceSummary[];
  networks: string[];
  volumes: string[];
  /** "0.0.0.0:8080->80/tcp" and the like, across services. */
  ports: string[];
  workingDir?: string;
  configFiles?: string[];
}

export interface StackStoredFiles {
  composeYaml: string;
  envText: string;
  workingDir?: string;
  profiles: string[];
  /** ISO date of the last save. */
  savedAt: string;
}

export interface StackDetails {
  summary: ComposeStackSummary;
  files: StackStoredFiles | null;
}

export type StackServiceAction = 'create' | 'recreate' | 'unchanged' | 'scale' | 'start' | 'remove';

export interface StackChangeReason {
  /** What changed: "image", "environment", "ports", "mounts", "command", "config"... */
  field: string;
  /** In words, with before and after when short: "image digest sha256:ab… → sha256:cd…". */
  detail: string;
}

export interface StackServicePlan {
  service: string;
  action: StackServiceAction;
  reasons: StackChangeReason[];
  /** Replicas now → wanted. */
  current: number;
  desired: number;
  /** Container names that will be created/replaced/removed. */
  containers: string[];
  /** Image to pull first, when the pull policy asks for it. */
  pull?: string;
  build?: boolean;
}

export interface StackResourcePlan {
  kind: 'network' | 'volume' | 'secret' | 'config';
  name: string;
  action: 'create' | 'exists' | 'external' | 'missing-external' | 'remove';
}

export interface StackPlan {
  project: string;
  target: 'compose' | 'swarm';
  services: StackServicePlan[];
  /** Containers of services no longer in the file. */
  orphans: Array<{ service: string; containers: string[] }>;
  resources: StackResourcePlan[];
  /** Problems that stop an apply (missing external network, port already taken...). */
  blockers: Array<{ service?: string; field: string; message: string; at?: StackPosition }>;
  /** True when applying would change nothing. */
  noop: boolean;
}

export interface StackPlanResult {
  load: StackLoadResult;
  /** Null when the file has errors. */
  plan: StackPlan | null;
}

export interface StackLogLine {
  service: string;
  container: string;
  stream: 'stdout' | 'stderr';
  /** RFC3339 from the engine. */
  time: string;
  text: string;
}

export type StackLogEvent =
  | { type: 'lines'; lines: StackLogLine[] }
  | { type: 'source'; container: string; service: string; state: 'following' | 'ended' };

export type StackPullPolicy = 'missing' | 'always' | 'never';

const target = { hostId: hostIdSchema, project: stackNameSchema };
const servicesFilter = z.array(serviceNameSchema).max(200).optional();

export const stacksContract = {
  /** Every compose project on the host (labels), with the app's stored ones. */
  list: call<ComposeStackSummary[]>()(z.strictObject({ hostId: hostIdSchema })),
  get: call<StackDetails>()(z.strictObject(target)),
  /** Parses, interpolates and validates a file (no engine touched): diagnostics at lines, variables, unsupported keys. */
  validate: call<StackLoadResult>()(z.strictObject({ project: stackNameSchema, ...filesSchema })),
  /** Stores the file and .env for the host (no deploy). */
  save: call<void>()(z.strictObject({ ...target, ...filesSchema })),
  /** Forgets the stored file; the containers stay. */
  forget: call<void>()(z.strictObject(target)),
  /** What `up` would do, service by service. Files default to the stored ones. */
  plan: call<StackPlanResult>()(
    z.strictObject({
      ...target,
      composeYaml: filesSchema.composeYaml.optional(),
      envText: z.string().max(200_000).optional(),
      workingDir: filesSchema.workingDir,
      profiles: z.array(z.string().max(128)).max(50).optional(),
      pull: z.enum(['missing', 'always', 'never']).default('missing'),
      removeOrphans: z.boolean().default(false),
      target: z.enum(['compose', 'swarm']).default('compose'),
    }),
    { timeoutMs: 120_000 },
  ),
  /** Saves the files (when given) and converges the host to them, as a task. */
  up: call<{ taskId: string }>()(
    z.strictObject({
      ...target,
      composeYaml: filesSchema.composeYaml.optional(),
      envText: z.string().max(200_000).optional(),
      workingDir: filesSchema.workingDir,
      profiles: z.array(z.string().max(128)).max(50).optional(),
      pull: z.enum(['missing', 'always', 'never']).default('missing'),
      removeOrphans: z.boolean().default(false),
      /** Only these services (and what they depend on). */
      services: servicesFilter,
      target: z.enum(['compose', 'swarm']).default('compose'),
    }),
  ),
  down: call<{ taskId: string }>()(
    z.strictObject({
      ...target,
      volumes: z.boolean().default(false),
      removeOrphans: z.boolean().default(true),
    }),
  ),
  start: call<void>()(z.strictObject({ ...target, services: servicesFilter }), { timeoutMs: 120_000 }),
  stop: call<void>()(z.strictObject({ ...target, services: servicesFilter }), { timeoutMs: 180_000 }),
  restart: call<void>()(z.strictObject({ ...target, services: servicesFilter }), { timeoutMs: 180_000 }),
  pull: call<{ taskId: string }>()(z.strictObject({ ...target, services: servicesFilter })),
  scale: call<{ taskId: string }>()(
    z.strictObject({ ...target, service: serviceNameSchema, replicas: z.number().int().min(0).max(100) }),
  ),
  /** A compose file rebuilt from a found project's containers, for review; nothing stored. */
  adoptPreview: call<{ composeYaml: string; envText: string; notes: string[] }>()(z.strictObject(target)),
  /** Stores a (reviewed) file for a found project. */
  adopt: call<void>()(z.strictObject({ ...target, ...filesSchema })),
  /** All services' logs of a project, each line tagged with service and container. */
  logs: stream<StackLogEvent>()(
    z.strictObject({
      ...target,
      services: servicesFilter,
      follow: z.boolean().default(true),
      tail: z.number().int().min(0).max(100_000).default(200),
    }),
  ),
};
