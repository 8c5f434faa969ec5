import type { Duplex } from 'node:stream';
import { promises as fs } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { inspect } from 'node:util';
import Docker from 'dockerode';
import { AppError, type AppErrorShape, type EngineInfo, type Endpoint } from '@shared/contract';
import { limitResponseBodies } from '../../engine/body-limit';
import { keepBodiesOutOfQueries } from '../../engine/body-out-of-query';
import { toAppError } from '../../errors/to-app-error';
import { negotiateApiVersion, MIN_API_VERSION } from './api-version';
import { resolveSshConfig } from './ssh-config';
import { SshTunnel } from './ssh-tunnel';
import { certificateData, checkingAgent, isUnknownCaError, peekCertificate, pinCheck } from './tls-trust';
import { engineInfo, engineVersion } from './system-calls';
import { recordAgent, type RequestSink } from '../../engine/request-log/request-recorder';

export const CONNECT_TIMEOUT_MS = 10_000;

export interface EngineClient {
  docker: Docker;
  apiVersion: string;
  /** What the user would call this endpoint in an error message. */
  address: string;
  /** SSH handshakes made by this client (SSH hosts only). */
  sshHandshakes?(): number;
  /** A TCP stream to host:port as seen from the engine's machine, over the SSH link (SSH hosts only). */
  forwardTcp?(host: string, port: number): Promise<Duplex>;
  close(): void;
}

export interface EngineClientDeps {
  homeDir?: string;
  /** known_hosts lines: the user's ~/.ssh/known_hosts plus keys accepted in Berthmaster. */
  knownHosts(): string[];
  sshAuthSock?: string;
  /** Records every request this client makes (the host's API log). */
  recorder?: { hostId: string; sink: RequestSink };
}

const DOCKER_ENV = [
  'DOCKER_HOST',
  'DOCKER_TLS_VERIFY',
  'DOCKER_CERT_PATH',
  'DOCKER_CLIENT_TIMEOUT',
  'DOCKER_PATH_PREFIX',
  'SSH_AUTH_SOCK',
];

/**
 * docker-modem merges DOCKER_* from the process environment under our options (and can throw on a
 * malformed DOCKER_HOST). A host's explicit settings must win, so the constructor runs with those
 * variables hidden. Synchronous, so nothing else can observe the gap.
 */
function withoutDockerEnv<T>(fn: () => T): T {
  const saved: Record<string, string | undefined> = {};
  for (const k of DOCKER_ENV) {
    saved[k] = process.env[k];
    delete process.env[k];
  }
  try {
    return fn();
  } finally {
    for (const k of DOCKER_ENV) if (saved[k] !== undefined) process.env[k] = saved[k];
  }
}

function describe(endpoint: Endpoint): string {
  switch (endpoint.kind) {
    case 'socket':
      return endpoint.socketPath;
    case 'tcp':
    case 'tls':
      return `${endpoint.host}:${endpoint.port}`;
    case 'ssh':
      return `${endpoint.user ? `${endpoint.user}@` : ''}${endpoint.host}${endpoint.port ? `:${endpoint.port}` : ''}`;
  }
}

interface Transport {
  options: Docker.DockerOptions;
  address: string;
  sshHandshakes?(): number;
  forwardTcp?(host: string, port: number): Promise<Duplex>;
  close(): void;
}

async function readKeyFile(file: string): Promise<string> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch (e) {
    throw new AppError({
      code: 'INVALID_INPUT',
      message: `The SSH key file ${file} could not be read (${(e as NodeJS.ErrnoException).code ?? 'error'}).`,
    });
  }
}

async function sshTransport(
  endpoint: Extract<Endpoint, { kind: 'ssh' }>,
  deps: EngineClientDeps,
): Promise<Transport> {
  const home = deps.homeDir ?? os.homedir();
  let configText = '';
  try {
    configText = await fs.readFile(path.join(home, '.ssh', 'config'), 'utf8');
  } catch {
    // no ssh config: fine
  }
  const alias = resolveSshConfig(configText, endpoint.host, home);
  const host = alias.hostName ?? endpoint.host;
  const port = endpoint.port ?? alias.port ?? 22;
  const username = endpoint.user ?? alias.user ?? os.userInfo().username;
  let privateKey: string | undefined = endpoint.privateKey;
  if (!privateKey && endpoint.privateKeyPath) privateKey = await readKeyFile(endpoint.privateKeyPath);
  if (!privateKey && !endpoint.useAgent) {
    const candidates = [
      ...alias.identityFiles,
      path.join(home, '.ssh', 'id_ed25519'),
      path.join(home, '.ssh', 'id_ecdsa'),
      path.join(home, '.ssh', 'id_rsa'),
    ];
    for (const file of candidates) {
      try {
        privateKey = await fs.readFile(file, 'utf8');
        break;
      } catch {
        // try the next
      }
    }
  }
  const agentSock = endpoint.useAgent ? (alias.identityAgent ?? deps.sshAuthSock) : undefined;
  if (endpoint.useAgent && !agentSock) {
    throw new AppError({
      code: 'AUTH_FAILED',
      message: 'The SSH agent was chosen but SSH_AUTH_SOCK is not set for Berthmaster.',
    });
  }
  if (!privateKey && !agentSock) {
    throw new AppError({
      code: 'AUTH_FAILED',
      message: `No SSH key for ${username}@${host}: choose a key file, paste a key, or use the SSH agent.`,
    });
  }
  const label = `${username}@${host}:${port}`;
  const tunnelOpts: ConstructorParameters<typeof SshTunnel>[0] = {
    host,
    port,
    username,
    knownHosts: deps.knownHosts,
    readyTimeoutMs: CONNECT_TIMEOUT_MS,
    label,
  };
  if (privateKey) tunnelOpts.privateKey = privateKey;
  if (endpoint.passphrase) tunnelOpts.passphrase = endpoint.passphrase;
  if (agentSock) tunnelOpts.agent = agentSock;
  const tunnel = new SshTunnel(tunnelOpts);
  // The hostname is never dialled: the agent hands out SSH channels.
  return {
    options: { protocol: 'http', host: 'docker', port: 80, agent: tunnel.agent } as Docker.DockerOptions,
    address: label,
    sshHandshakes: () => tunnel.handshakes,
    forwardTcp: (to, toPort) => tunnel.forwardOut(to, toPort),
    close: () => tunnel.close(),
  };
}

/**
 * Each client gets its own agent: closing the client destroys the agent's sockets, so requests and
 * streams still in flight to a host that was declared dead fail at once instead of hanging.
 */
function ownAgent(secure: boolean): http.Agent {
  const opts = { keepAlive: true, keepAliveMsecs: 30_000 };
  return secure ? new https.Agent(opts) : new http.Agent(opts);
}

/**
 * docker-modem builds `util.inspect(options, {showHidden, depth: null})` for its debug line on
 * EVERY request, even with debug output off, and the options carry our agent: inspecting it walks
 * every pooled socket, TLS context and SSH channel (tens of ms per request, growing with each
 * open stream). A one-word inspection keeps that cost flat.
 */
function cheapToInspect(agent: http.Agent): void {
  Object.defineProperty(agent, inspect.custom, { value: () => '[engine agent]' });
}

const inspectSignal = () => '[abort signal]';

/**
 * The same debug line inspects each request's abort signal (an AbortSignal.timeout or .any walks
 * its timers and sources): most of what an idle TLS host's heartbeat cost (profile of the idle
 * bench, issue 23). Each signal gets a one-word inspection too, before the request is built.
 */
function cheapSignals(docker: Docker): void {
  const modem = docker.modem as unknown as {
    dial(options: { abortSignal?: AbortSignal }, cb: unknown): unknown;
  };
  const dial = modem.dial.bind(modem);
  modem.dial = (options, cb) => {
    const signal = options.abortSignal;
    if (signal && !Object.hasOwn(signal, inspect.custom))
      Object.defineProperty(signal, inspect.custom, { value: inspectSignal });
    return dial(options, cb);
  };
}

async function transportFor(endpoint: Endpoint, deps: EngineClientDeps): Promise<Transport> {
  const base = {
    host: undefined,
    port: undefined,
    socketPath: undefined,
    ca: undefined,
    cert: undefined,
    key: undefined,
    timeout: undefined,
  } as const;
  switch (endpoint.kind) {
    case 'socket': {
      const agent = ownAgent(false);
      return {
        options: { ...base, socketPath: endpoint.socketPath, agent } as Docker.DockerOptions,
        address: endpoint.socketPath,
        close: () => agent.destroy(),
      };
    }
    case 'tcp': {
      const agent = ownAgent(false);
      return {
        options: {
          ...base,
          protocol: 'http',
          host: endpoint.host,
          port: endpoint.port,
          agent,
        } as Docker.DockerOptions,
        address: describe(endpoint),
        close: () => agent.destroy(),
      };
    }
    case 'tls': {
      if (!endpoint.key) throw new AppError({ code: 'INVALID_INPUT', message: 'The client key is missing.' });
      const address = describe(endpoint);
      let agent: https.Agent;
      if (endpoint.trust === 'pin') {
        // Nothing pinned yet (a connection test): report what the server presents, send nothing.
        if (!endpoint.pin) throw await untrustedCertificateError(endpoint, undefined);
        agent = checkingAgent(pinCheck(endpoint.pin, address));
      } else if (endpoint.trust === 'insecure') {
        // Chosen explicitly for this host and shown with a red "TLS not verified" badge.
        agent = checkingAgent(() => undefined);
      } else {
        if (!endpoint.ca)
          throw new AppError({ code: 'INVALID_INPUT', message: 'The CA certificate is missing.' });
        agent = ownAgent(true) as https.Agent;
      }
      return {
        options: {
          ...base,
          protocol: 'https',
          host: endpoint.host,
          port: endpoint.port,
          ca: (endpoint.trust ?? 'ca') === 'ca' ? endpoint.ca : undefined,
          cert: endpoint.cert,
          key: endpoint.key,
          agent,
        } as Docker.DockerOptions,
        address,
        close: () => agent.destroy(),
      };
    }
    case 'ssh':
      return sshTransport(endpoint, deps);
  }
}

/**
 * Connects to an engine and negotiates the API version (dockerode doesn't): GET /version
 * unversioned, then a client pinned to min(engine, ours). Fails within CONNECT_TIMEOUT_MS.
 */
export async function openEngineClient(
  endpoint: Endpoint,
  deps: EngineClientDeps,
  signal?: AbortSignal,
): Promise<EngineClient> {
  const transport = await transportFor(endpoint, deps);
  // @types/dockerode omits the agent option that docker-modem honours.
  const { agent } = transport.options as { agent?: http.Agent };
  if (agent) cheapToInspect(agent);
  if (agent && deps.recorder) recordAgent(agent, deps.recorder.hostId, deps.recorder.sink);
  const timeout = AbortSignal.timeout(CONNECT_TIMEOUT_MS);
  const abortSignal = signal ? AbortSignal.any([signal, timeout]) : timeout;
  try {
    const probe = withoutDockerEnv(() => new Docker(transport.options));
    if (agent) limitResponseBodies(probe, agent, transport.address);
    let version: Docker.DockerVersion;
    try {
      version = await engineVersion(probe, abortSignal);
    } catch (e) {
      if (timeout.aborted) {
        throw new AppError({
          code: 'TIMEOUT',
          message: `No answer from ${transport.address} within ${CONNECT_TIMEOUT_MS / 1000} s: the host may be down, or a firewall drops the traffic.`,
        });
      }
      throw e;
    }
    const apiVersion = negotiateApiVersion(version.ApiVersion);
    if (!apiVersion) {
      throw new AppError({
        code: 'ENGINE_ERROR',
        message: `The engine at ${transport.address} speaks API ${version.ApiVersion}; Berthmaster needs ${MIN_API_VERSION} or newer.`,
      });
    }
    const docker = withoutDockerEnv(() => new Docker({ ...transport.options, version: `v${apiVersion}` }));
    if (agent) limitResponseBodies(docker, agent, transport.address);
    keepBodiesOutOfQueries(docker);
    cheapSignals(docker);
    const client: EngineClient = { docker, apiVersion, address: transport.address, close: transport.close };
    if (transport.sshHandshakes) client.sshHandshakes = transport.sshHandshakes;
    if (transport.forwardTcp) client.forwardTcp = transport.forwardTcp;
    return client;
  } catch (e) {
    transport.close();
    if (e instanceof AppError) throw e;
    if (endpoint.kind === 'tls' && isUnknownCaError(e)) throw await untrustedCertificateError(endpoint, e);
    throw new AppError(toAppError(e, { address: transport.address }));
  }
}

/**
 * A CA-verified host whose server certificate does not chain to the given CA: the error carries
 * the certificate's details, so the user can compare the fingerprint and pin it instead.
 */
async function untrustedCertificateError(endpoint: Extract<Endpoint, { kind: 'tls' }>, cause: unknown) {
  const address = describe(endpoint);
  const base: AppErrorShape =
    cause === undefined
      ? { code: 'TLS_ERROR', message: `No certificate is pinned for ${address} yet.` }
      : toAppError(cause, { address });
  try {
    const client: { cert?: string; key?: string } = { cert: endpoint.cert };
    if (endpoint.key) client.key = endpoint.key;
    const info = await peekCertificate(endpoint.host, endpoint.port, client, CONNECT_TIMEOUT_MS);
    const why =
      cause === undefined
        ? `No certificate is pinned for ${address} yet.`
        : `The server certificate of ${address} is not signed by the CA you gave (unknown CA).`;
    return new AppError({
      ...base,
      message:
        `${why} Its SHA-256 fingerprint is ${info.fingerprint256}: if the server's administrator confirms ` +
        'it, trust this certificate to pin it.',
      data: certificateData(info),
    });
  } catch {
    return new AppError(base);
  }
}

export async function readEngineInfo(client: EngineClient, signal?: AbortSignal): Promise<EngineInfo> {
  const [info, version] = await Promise.all([
    engineInfo(client.docker, signal),
    engineVersion(client.docker, signal),
  ]);
  const num = (v: unknown) => (typeof v === 'number' ? v : 0);
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  return {
    id: str(info.ID),
    name: str(info.Name),
    engineVersion: version.Version,
    apiVersion: client.apiVersion,
    os: str(info.OperatingSystem),
    osType: str(info.OSType),
    arch: str(info.Architecture),
    kernelVersion: str(info.KernelVersion),
    cpus: num(info.NCPU),
    memTotal: num(info.MemTotal),
    containers: num(info.Containers),
    containersRunning: num(info.ContainersRunning),
    containersPaused: num(info.ContainersPaused),
    containersStopped: num(info.ContainersStopped),
    images: num(info.Images),
  };
}
