import { z } from 'zod';
import { call, stream } from './define';
import { hostIdSchema } from './ids';
import type { AppErrorShape } from './errors';
import { normalizeHostPath } from '../policy/restricted-body';

const hostname = z
  .string()
  .trim()
  .min(1, 'enter a host name or address')
  .max(253)
  .regex(/^[a-zA-Z0-9._:-]+$/, 'a host is a name or an IP address, without scheme or path');
const port = z.number().int().min(1, 'port must be 1-65535').max(65535, 'port must be 1-65535');
const pem = (what: string) =>
  z
    .string()
    .max(64 * 1024, `${what} is too large`)
    .refine((s) => /-----BEGIN [A-Z0-9 ]+-----/.test(s), `${what} is not a PEM file`);

export const socketEndpointSchema = z.strictObject({
  kind: z.literal('socket'),
  socketPath: z
    .string()
    .min(1)
    .max(1024)
    .refine((p) => p.startsWith('/') || p.startsWith('\\\\.\\pipe\\') || p.startsWith('//./pipe/'), {
      message: 'socket path must be absolute',
    }),
  /**
   * The user confirmed this socket is the engine of this computer (which could read Berthmaster's
   * secrets anyway), so registry logins may go to it without asking. Any other socket, such as an
   * `ssh -L` forwarder to a remote engine, is treated as remote.
   */
  localEngine: z.boolean().optional(),
});

export const tcpEndpointSchema = z.strictObject({
  kind: z.literal('tcp'),
  host: hostname,
  port,
});

/** A certificate's SHA-256 fingerprint as Node and openssl print it: "AB:CD:…" (32 bytes). */
export const certFingerprintSchema = z
  .string()
  .trim()
  .transform((s) => s.toUpperCase())
  .pipe(
    z
      .string()
      .regex(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/, 'a SHA-256 fingerprint is 32 hex pairs separated by colons'),
  );

/**
 * How a TLS host's server certificate is checked: signed by the given CA (the default); exactly
 * the pinned certificate ("trust this certificate", for a server whose CA you don't have); or
 * not at all, which only an explicit per-host choice turns on and the UI badges in red.
 */
export const tlsTrustSchema = z.enum(['ca', 'pin', 'insecure']);
export type TlsTrust = z.output<typeof tlsTrustSchema>;

export const tlsEndpointSchema = z
  .strictObject({
    kind: z.literal('tls'),
    host: hostname,
    port,
    /** Absent means "ca" (hosts saved before pinning existed, imports from Docker contexts). */
    trust: tlsTrustSchema.optional(),
    /** Required when trust is "ca". */
    ca: pem('CA certificate').optional(),
    /**
     * The pinned server certificate's SHA-256 fingerprint. A connection test without one reports
     * the certificate the server presents; a host is saved only with one.
     */
    pin: certFingerprintSchema.optional(),
    cert: pem('client certificate'),
    /** Omitted on update means "keep the stored key". */
    key: pem('client key').optional(),
  })
  .superRefine((e, ctx) => {
    if ((e.trust ?? 'ca') === 'ca' && !e.ca) {
      ctx.addIssue({
        code: 'custom',
        path: ['ca'],
        message: 'add the CA certificate, or pin the server certificate',
      });
    }
  });

export const sshEndpointSchema = z.strictObject({
  kind: z.literal('ssh'),
  /** A host name, address or an alias from ~/.ssh/config. */
  host: hostname,
  port: port.optional(),
  user: z
    .string()
    .regex(/^[a-z_][a-z0-9_.-]{0,31}$/i, 'not a valid user name')
    .optional(),
  /** Private key as pasted or read from a chosen file. */
  privateKey: pem('private key').optional(),
  /** Path to a key file on the machine running Berthmaster. */
  privateKeyPath: z.string().min(1).max(1024).optional(),
  passphrase: z.string().max(1024).optional(),
  useAgent: z.boolean().default(false),
});

export const endpointSchema = z.discriminatedUnion('kind', [
  socketEndpointSchema,
  tcpEndpointSchema,
  tlsEndpointSchema,
  sshEndpointSchema,
]);

export type SocketEndpoint = z.output<typeof socketEndpointSchema>;
export type TcpEndpoint = z.output<typeof tcpEndpointSchema>;
export type TlsEndpoint = z.output<typeof tlsEndpointSchema>;
export type SshEndpoint = z.output<typeof sshEndpointSchema>;
export type Endpoint = z.output<typeof endpointSchema>;
export type EndpointKind = Endpoint['kind'];

export const hostColorSchema = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'colour must be #rrggbb');
export const hostNameSchema = z.string().trim().min(1, 'enter a name').max(64, 'name is too long');

/**
 * What Berthmaster lets you do on a host: everything; no exec/attach, deletes, prunes, builds, pushes
 * or volume browsing; or only reads. Enforced in main before any engine call.
 */
export const hostPolicySchema = z.enum(['full', 'restricted', 'read-only']);
export type HostPolicy = z.output<typeof hostPolicySchema>;

/** Free-form tags such as dev, staging, production: for grouping and search. */
export const hostLabelsSchema = z
  .array(
    z
      .string()
      .trim()
      .min(1)
      .max(32)
      .regex(/^[\w.-]+$/, 'labels are letters, digits, . _ -'),
  )
  .max(16);

/**
 * Host paths under which "restricted" allows bind mounts (and local volumes bound to a device
 * path). Empty: no bind mounts. "/" is refused: it would allow every path.
 */
export const allowedBindPathsSchema = z
  .array(
    z
      .string()
      .trim()
      .max(4096)
      .regex(/^\/[^\0]*$/, 'an allowed path is absolute, e.g. /srv/data')
      .refine((p) => normalizeHostPath(p) !== '/', '"/" would allow every host path'),
  )
  .max(32);

export const hostInputSchema = z.strictObject({
  name: hostNameSchema,
  color: hostColorSchema,
  endpoint: endpointSchema,
  policy: hostPolicySchema.default('full'),
  /** Frames the host in red and asks for the object's name before anything destructive. */
  production: z.boolean().default(false),
  labels: hostLabelsSchema.default([]),
  allowedBindPaths: allowedBindPathsSchema.optional(),
});
export type HostInput = z.output<typeof hostInputSchema>;

/** Endpoint as the renderer sees it: no private key, no passphrase. */
export type EndpointView =
  | SocketEndpoint
  | TcpEndpoint
  | (Omit<TlsEndpoint, 'key'> & { hasKey: boolean })
  | (Omit<SshEndpoint, 'privateKey' | 'passphrase'> & {
      hasPrivateKey: boolean;
      hasPassphrase: boolean;
    });

export interface HostView {
  id: string;
  name: string;
  color: string;
  endpoint: EndpointView;
  policy: HostPolicy;
  production: boolean;
  labels: string[];
  /** Where "restricted" allows bind mounts (see allowedBindPathsSchema); absent: none. */
  allowedBindPaths?: string[];
}

export interface EngineInfo {
  /** The engine's own id (docker info ID): tells hosts apart even when names match. */
  id: string;
  name: string;
  engineVersion: string;
  /** The API version negotiated for this host: min(engine's, Berthmaster's). */
  apiVersion: string;
  os: string;
  osType: string;
  arch: string;
  kernelVersion: string;
  cpus: number;
  memTotal: number;
  containers: number;
  containersRunning: number;
  containersPaused: number;
  containersStopped: number;
  images: number;
}

export type HostState = 'connecting' | 'connected' | 'error';

export interface HostStatus {
  state: HostState;
  since: number;
  error?: AppErrorShape;
  engine?: EngineInfo;
  /** When the next automatic reconnect attempt happens (state error). */
  retryAt?: number;
}

export interface HostsSnapshot {
  hosts: HostView[];
  statuses: Record<string, HostStatus>;
  /** A problem the user must know about, e.g. a corrupt hosts file that was set aside. */
  notice?: string;
}

/**
 * A server certificate as "Trust this certificate" shows it: carried as the `data` of the
 * TLS_ERROR a connection to a server with an unknown CA fails with.
 */
export interface TlsCertificateInfo {
  host: string;
  port: number;
  subject: string;
  issuer: string;
  /** As the certificate states them, e.g. "Jan  1 00:00:00 2026 GMT". */
  validFrom: string;
  validTo: string;
  /** "AB:CD:…", what a pin stores. */
  fingerprint256: string;
  subjectAltNames: string;
  selfSigned: boolean;
}

/** A local engine that answered /_ping on this machine (hosts.discover). */
export interface DiscoveredEngine {
  socketPath: string;
  /** Who runs it: "Docker Desktop", "Colima (dev)", "Podman"... */
  source: string;
  engineVersion: string;
  /** A host name not taken yet. */
  suggestedName: string;
  /** The name of the host that already uses this socket. */
  addedAs?: string;
}

export interface ConnectionLogEntry {
  at: number;
  level: 'info' | 'error';
  message: string;
  durationMs?: number;
}

export const hostsContract = {
  list: call<HostView[]>()(z.strictObject({})),
  add: call<HostView>()(hostInputSchema),
  update: call<HostView>()(
    z.strictObject({
      id: hostIdSchema,
      name: hostNameSchema.optional(),
      color: hostColorSchema.optional(),
      endpoint: endpointSchema.optional(),
      policy: hostPolicySchema.optional(),
      production: z.boolean().optional(),
      labels: hostLabelsSchema.optional(),
      allowedBindPaths: allowedBindPathsSchema.optional(),
    }),
  ),
  remove: call<void>()(z.strictObject({ id: hostIdSchema })),
  reorder: call<HostView[]>()(z.strictObject({ ids: z.array(hostIdSchema).max(1000) })),
  /** Probe an endpoint before saving it; `id` fills secrets left blank when editing. */
  test: call<EngineInfo>()(z.strictObject({ endpoint: endpointSchema, id: hostIdSchema.optional() }), {
    timeoutMs: 20_000,
  }),
  trustHostKey: call<void>()(
    z.strictObject({
      host: hostname,
      port,
      keyType: z.string().regex(/^[a-z0-9@.-]{1,64}$/),
      key: z.string().regex(/^[A-Za-z0-9+/=]{16,8192}$/, 'not a base64 key'),
    }),
  ),
  reconnect: call<void>()(z.strictObject({ id: hostIdSchema })),
  /** Fresh engine facts and counts of a connected host (the overview's cards). */
  engineInfo: call<EngineInfo>()(z.strictObject({ hostId: hostIdSchema }), { timeoutMs: 10_000 }),
  connectionLog: call<ConnectionLogEntry[]>()(z.strictObject({ id: hostIdSchema })),
  /** Local engines found on this machine (Docker Desktop, Colima, Podman...), pinged in parallel. */
  discover: call<DiscoveredEngine[]>()(z.strictObject({}), { timeoutMs: 10_000 }),
  /** Full snapshot of hosts and their connection status, re-sent on every change. */
  watch: stream<HostsSnapshot>()(z.strictObject({})),
};
