import { z } from 'zod';
import { safeRecord } from './safe-record';

/**
 * What "Run container" (and "Edit and recreate") sends: a validated, engine-neutral description of
 * a container. The renderer's form checks every field with these same rules before sending; main
 * parses it again, so a hand-made message cannot get past them.
 */

/** Docker's own rule for container names (daemon/names: `^/?[a-zA-Z0-9][a-zA-Z0-9_.-]+$`). */
export const CONTAINER_NAME_PATTERN = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;
export const CONTAINER_NAME_RULE =
  'a name has at least 2 characters: letters, digits, _ . - and starts with a letter or digit';

export const containerNameSchema = z.string().max(128).regex(CONTAINER_NAME_PATTERN, CONTAINER_NAME_RULE);

/** An image reference or id as typed by a user: `busybox`, `reg:5000/a/b:tag`, `x@sha256:…`. */
export const RUN_IMAGE_PATTERN = /^[a-zA-Z0-9][a-zA-Z0-9._/:@-]{0,254}$/;
export const runImageSchema = z
  .string()
  .regex(RUN_IMAGE_PATTERN, 'an image is a name like "busybox" or "registry:5000/team/app:1.2"');

/** Environment variable names: portable shell names, plus the dots some runtimes use. */
export const ENV_KEY_PATTERN = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
export const ENV_KEY_RULE = 'a variable name starts with a letter or _ and has only letters, digits, _ . -';
export const envEntrySchema = z
  .string()
  .max(65_536)
  .refine((e) => !e.includes('\0'), 'a value cannot contain a NUL character')
  .refine((e) => {
    const i = e.indexOf('=');
    return i > 0 && ENV_KEY_PATTERN.test(e.slice(0, i));
  }, `an environment entry is KEY=value, and ${ENV_KEY_RULE}`);

export const LABEL_KEY_PATTERN = /^[^\s=]{1,255}$/;
export const labelKeySchema = z.string().regex(LABEL_KEY_PATTERN, 'a label key has no spaces and no "="');

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const IPV6 = /^[0-9a-fA-F:]*:[0-9a-fA-F:.]*$/;
export function isIpAddress(s: string): boolean {
  return IPV4.test(s) || (IPV6.test(s) && s.length <= 45 && (s.match(/::/g) ?? []).length <= 1);
}

/** An absolute path without NUL (inside the container, or on the engine's host for binds). */
export const absolutePathSchema = z
  .string()
  .max(4096)
  .regex(/^\/[^\0]*$/, 'a path must be absolute (start with "/")');

export const VOLUME_NAME_PATTERN = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;
export const NETWORK_NAME_PATTERN = /^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,254}$/;
export const USER_PATTERN = /^[a-zA-Z0-9_][a-zA-Z0-9_.-]{0,63}(:[a-zA-Z0-9_][a-zA-Z0-9_.-]{0,63})?$/;

export const PORT_PROTOCOLS = ['tcp', 'udp'] as const;
export type PortProtocol = (typeof PORT_PROTOCOLS)[number];

export const portMappingSchema = z.strictObject({
  /** Empty: every address of the engine's host. */
  hostIp: z.string().refine((s) => s === '' || isIpAddress(s), 'not an IP address'),
  /** Absent: the engine picks a free port. */
  hostPort: z.number().int().min(1, 'a port is 1-65535').max(65535, 'a port is 1-65535').optional(),
  containerPort: z.number().int().min(1, 'a port is 1-65535').max(65535, 'a port is 1-65535'),
  protocol: z.enum(PORT_PROTOCOLS),
});
export type PortMapping = z.infer<typeof portMappingSchema>;

export const mountSpecSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('volume'),
    /** Empty: an anonymous volume. */
    source: z
      .string()
      .refine((s) => s === '' || (s.length <= 255 && VOLUME_NAME_PATTERN.test(s)), 'not a valid volume name'),
    target: absolutePathSchema,
    readOnly: z.boolean(),
  }),
  z.strictObject({
    type: z.literal('bind'),
    source: absolutePathSchema,
    target: absolutePathSchema,
    readOnly: z.boolean(),
  }),
]);
export type MountSpec = z.infer<typeof mountSpecSchema>;

export const RESTART_POLICIES = ['no', 'always', 'unless-stopped', 'on-failure'] as const;
export type RestartPolicyName = (typeof RESTART_POLICIES)[number];

/** The engine refuses memory limits below 6 MiB. */
export const MIN_MEMORY_BYTES = 6 * 1024 * 1024;

const argvSchema = z.array(z.string().max(65_536)).max(512);

export const runSpecSchema = z
  .strictObject({
    image: runImageSchema,
    /** Absent: the engine makes up a name. */
    name: containerNameSchema.optional(),
    /** Absent: the image's CMD / ENTRYPOINT. */
    cmd: argvSchema.optional(),
    entrypoint: argvSchema.optional(),
    env: z.array(envEntrySchema).max(1000),
    ports: z.array(portMappingSchema).max(500),
    mounts: z.array(mountSpecSchema).max(200),
    /** Absent: the default bridge network. */
    network: z.string().regex(NETWORK_NAME_PATTERN, 'not a valid network name').optional(),
    restartPolicy: z.strictObject({
      name: z.enum(RESTART_POLICIES),
      maxRetries: z.number().int().min(0).max(10_000).optional(),
    }),
    labels: safeRecord(labelKeySchema, z.string().max(65_536)),
    memoryBytes: z
      .number()
      .int()
      .min(MIN_MEMORY_BYTES, 'the engine needs at least 6 MiB of memory')
      .max(2 ** 50)
      .optional(),
    cpus: z.number().min(0.01, 'at least 0.01 CPU').max(1024).optional(),
    workingDir: absolutePathSchema.optional(),
    user: z.string().regex(USER_PATTERN, 'a user is "name", "uid" or "uid:gid"').optional(),
    tty: z.boolean(),
    interactive: z.boolean(),
    autoRemove: z.boolean(),
  })
  .superRefine((spec, ctx) => {
    if (spec.autoRemove && spec.restartPolicy.name !== 'no') {
      ctx.addIssue({
        code: 'custom',
        path: ['autoRemove'],
        message: 'auto-remove cannot be combined with a restart policy',
      });
    }
    if (spec.restartPolicy.maxRetries !== undefined && spec.restartPolicy.name !== 'on-failure') {
      ctx.addIssue({
        code: 'custom',
        path: ['restartPolicy', 'maxRetries'],
        message: 'a retry count only applies to "on-failure"',
      });
    }
    const published = new Set<string>();
    spec.ports.forEach((p, i) => {
      if (p.hostPort === undefined) return;
      const key = `${p.hostIp}|${p.hostPort}|${p.protocol}`;
      if (published.has(key)) {
        ctx.addIssue({
          code: 'custom',
          path: ['ports', i, 'hostPort'],
          message: `host port ${p.hostPort}/${p.protocol} is published twice`,
        });
      }
      published.add(key);
    });
    const targets = new Set<string>();
    spec.mounts.forEach((m, i) => {
      const t = m.target.replace(/\/+$/, '') || '/';
      if (targets.has(t)) {
        ctx.addIssue({ code: 'custom', path: ['mounts', i, 'target'], message: `${t} is mounted twice` });
      }
      targets.add(t);
    });
  });
export type RunSpec = z.infer<typeof runSpecSchema>;
