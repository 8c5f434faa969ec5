import { z } from 'zod';
import { hostIdSchema } from './ids';
import { keyValuesSchema } from './networks';

/**
 * Swarm object ids (25 base-36 characters, or a unique prefix) and names. Strict, because dockerode
 * concatenates them into URL paths.
 */
export const swarmRefSchema = z
  .string()
  .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,254}$/, 'not a valid swarm object id or name');

/** Service names become DNS names on the overlay networks: letters, digits, "-", "_", ".". */
export const serviceNameSchema = z
  .string()
  .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,62}$/, 'a service name is up to 63 letters, digits, "-", "_", "."');

/** Secret and config names, as the engine allows them. */
export const secretNameSchema = z
  .string()
  .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,63}$/, 'a name is up to 64 letters, digits, "-", "_", "."');

const imageSchema = z
  .string()
  .min(1, 'enter an image')
  .max(512)
  .regex(/^[^\s]+$/, 'an image reference has no spaces');

const portNumber = z.number().int().min(1).max(65535);

export const servicePortSchema = z.strictObject({
  target: portNumber,
  /** Omitted: the engine picks one (ingress mode only). */
  published: portNumber.optional(),
  protocol: z.enum(['tcp', 'udp', 'sctp']).default('tcp'),
  /** ingress: the routing mesh on every node; host: only on the nodes running a task. */
  mode: z.enum(['ingress', 'host']).default('ingress'),
});

/** "KEY=value" (or "KEY" alone, which the engine passes through empty). */
export const serviceEnvSchema = z
  .string()
  .max(32_768)
  .regex(/^[^=\s\0][^=\0]*(=[^\0]*)?$/, 'an environment entry is KEY=value');

export const serviceMountSchema = z.strictObject({
  type: z.enum(['volume', 'bind', 'tmpfs']),
  /** Volume name or host path; empty for tmpfs (and for an anonymous volume). */
  source: z.string().max(4096).default(''),
  target: z
    .string()
    .max(4096)
    .regex(/^\/[^\0]*$/, 'a mount target is an absolute path'),
  readOnly: z.boolean().default(false),
});

/** A placement constraint as the CLI writes it, e.g. node.role==manager or node.labels.zone!=b. */
export const constraintSchema = z
  .string()
  .max(512)
  .regex(/^[a-zA-Z0-9_.-]+\s*(==|!=)\s*[^\s].*$/, 'a constraint is "attribute==value" or "attribute!=value"');

/** A spread preference's descriptor, e.g. node.labels.zone. */
export const spreadSchema = z
  .string()
  .max(256)
  .regex(/^[a-zA-Z0-9_.-]+$/, 'a preference is a node attribute, e.g. node.labels.zone');

const seconds = z.number().min(0).max(86_400);

export const updatePolicySchema = z.strictObject({
  /** Tasks updated at once; 0 means all at once. */
  parallelism: z.number().int().min(0).max(1000).default(1),
  delaySeconds: seconds.default(0),
  failureAction: z.enum(['pause', 'continue', 'rollback']).default('pause'),
  /** How long each new task is watched for failure before the next batch. */
  monitorSeconds: seconds.default(5),
  order: z.enum(['stop-first', 'start-first']).default('stop-first'),
});

export const restartPolicySchema = z.strictObject({
  condition: z.enum(['none', 'on-failure', 'any']).default('any'),
  delaySeconds: seconds.default(5),
  /** 0 means no limit. */
  maxAttempts: z.number().int().min(0).max(10_000).default(0),
  windowSeconds: seconds.default(0),
});

export const serviceResourcesSchema = z.strictObject({
  /** CPU cores (0.5 = half a core). */
  cpuLimit: z.number().positive().max(1024).optional(),
  memoryLimitBytes: z
    .number()
    .int()
    .min(4 * 1024 * 1024)
    .max(2 ** 50)
    .optional(),
  cpuReservation: z.number().positive().max(1024).optional(),
  memoryReservationBytes: z
    .number()
    .int()
    .min(0)
    .max(2 ** 50)
    .optional(),
});

/** A secret or config handed to the service's tasks, by name. */
export const fileRefSchema = z.strictObject({
  name: secretNameSchema,
  /** Secrets: a file name under /run/secrets (default: the name). Configs: an absolute path (default /name). */
  target: z
    .string()
    .max(1024)
    .regex(/^[^\0]+$/)
    .optional(),
});

/** The create form: everything the Engine's ServiceSpec needs, validated before it leaves the UI. */
export const serviceSpecSchema = z
  .strictObject({
    name: serviceNameSchema,
    image: imageSchema,
    /** Replaces the image's command (args), e.g. ["sh", "-c", "..."]. */
    command: z.array(z.string().max(8192)).max(256).default([]),
    mode: z.enum(['replicated', 'global']).default('replicated'),
    replicas: z.number().int().min(0).max(1000).default(1),
    ports: z.array(servicePortSchema).max(64).default([]),
    env: z.array(serviceEnvSchema).max(512).default([]),
    labels: keyValuesSchema.default({}),
    mounts: z.array(serviceMountSchema).max(32).default([]),
    networks: z.array(swarmRefSchema).max(16).default([]),
    constraints: z.array(constraintSchema).max(32).default([]),
    preferences: z.array(spreadSchema).max(8).default([]),
    resources: serviceResourcesSchema.default({}),
    restart: restartPolicySchema.default({
      condition: 'any',
      delaySeconds: 5,
      maxAttempts: 0,
      windowSeconds: 0,
    }),
    update: updatePolicySchema.default({
      parallelism: 1,
      delaySeconds: 0,
      failureAction: 'pause',
      monitorSeconds: 5,
      order: 'stop-first',
    }),
    rollback: updatePolicySchema.default({
      parallelism: 1,
      delaySeconds: 0,
      failureAction: 'pause',
      monitorSeconds: 5,
      order: 'stop-first',
    }),
    /** Time between SIGTERM and SIGKILL when a task stops. */
    stopGraceSeconds: seconds.optional(),
    secrets: z.array(fileRefSchema).max(64).default([]),
    configs: z.array(fileRefSchema).max(64).default([]),
  })
  .superRefine((spec, ctx) => {
    spec.ports.forEach((p, i) => {
      if (p.mode === 'host' && p.published === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['ports', i, 'published'],
          message: 'a host-mode port needs a published port',
        });
      }
    });
    spec.mounts.forEach((m, i) => {
      if (m.type === 'bind' && !m.source.startsWith('/')) {
        ctx.addIssue({
          code: 'custom',
          path: ['mounts', i, 'source'],
          message: 'a bind mount source is an absolute host path',
        });
      }
      if (m.type === 'tmpfs' && m.source !== '') {
        ctx.addIssue({ code: 'custom', path: ['mounts', i, 'source'], message: 'tmpfs has no source' });
      }
    });
    spec.secrets.forEach((s, i) => {
      if (s.target !== undefined && (s.target.includes('/') || s.target === '..' || s.target === '.')) {
        ctx.addIssue({
          code: 'custom',
          path: ['secrets', i, 'target'],
          message: 'a secret target is a file name under /run/secrets',
        });
      }
    });
    spec.configs.forEach((c, i) => {
      if (c.target !== undefined && !c.target.startsWith('/')) {
        ctx.addIssue({
          code: 'custom',
          path: ['configs', i, 'target'],
          message: 'a config target is an absolute path',
        });
      }
    });
  });

export type ServiceSpecInput = z.input<typeof serviceSpecSchema>;
export type ServiceSpec = z.output<typeof serviceSpecSchema>;

export const createServiceInputSchema = z.strictObject({
  hostId: hostIdSchema,
  spec: serviceSpecSchema,
});
