import { randomBytes } from 'node:crypto';
import net from 'node:net';
import type { Duplex } from 'node:stream';
import type Docker from 'dockerode';
import { AppError, type ForwardView } from '@shared/contract';
import { toAppError } from '../../errors/to-app-error';
import type { EngineClient } from '../hosts/engine-client';
import { engineStatus } from '../../engine/engine-error';
import { RelayHelper } from './relay-helper';

export interface ForwardSpec {
  hostId: string;
  /** Container id or name. */
  container: string;
  port: number;
  /** 0: any free port. */
  localPort: number;
  /** The image of the relay helper on socket and TLS hosts (needs sh and nc). */
  relayImage: string;
}

export interface PortForwardDeps {
  client(hostId: string): Promise<EngineClient>;
  hostName(hostId: string): string;
  /** Limits for tests against a hostile engine: one connection's dial, and each engine call of it. */
  dialTimeoutMs?: number;
  callTimeoutMs?: number;
}

/** How long one connection may take to reach the container before it is given up. */
const DIAL_TIMEOUT_MS = 15_000;

interface Forward {
  view: ForwardView;
  server: net.Server;
  sockets: Set<net.Socket>;
  relay?: RelayHelper;
}

/** The container's address as the engine's machine sees it, for direct-tcpip over SSH. */
async function containerAddress(docker: Docker, container: string, signal: AbortSignal): Promise<string> {
  const info = await docker.getContainer(container).inspect({ abortSignal: signal } as object);
  if (!info.State.Running) {
    throw new AppError({ code: 'CONFLICT', message: `${info.Name.replace(/^\//, '')} is not running.` });
  }
  if (info.HostConfig.NetworkMode === 'host') return '127.0.0.1';
  for (const net of Object.values(info.NetworkSettings.Networks ?? {}))
    if (net.IPAddress) return net.IPAddress;
  throw new AppError({
    code: 'CONFLICT',
    message: `${info.Name.replace(/^\//, '')} has no IP address on any network (network mode ${info.HostConfig.NetworkMode}).`,
  });
}

/**
 * Local ports (127.0.0.1 only) forwarded to any port of any container on any host, published or
 * not: over the SSH connection the app already holds (direct-tcpip) on SSH hosts, and through a
 * relay helper's hijacked exec streams on socket and TLS hosts. A forward follows the container
 * across restarts: over SSH each connection looks its address up again; the relay helper
 * follows the container's events.
 */
export class PortForwards {
  private readonly forwards = new Map<string, Forward>();
  private readonly listeners = new Set<(list: ForwardView[]) => void>();

  constructor(private readonly deps: PortForwardDeps) {}

  list(): ForwardView[] {
    return [...this.forwards.values()].map((f) => ({ ...f.view }));
  }

  watch(fn: (list: ForwardView[]) => void): () => void {
    this.listeners.add(fn);
    fn(this.list());
    return () => this.listeners.delete(fn);
  }

  private changed(): void {
    const list = this.list();
    for (const fn of this.listeners) fn(list);
  }

  async open(spec: ForwardSpec, signal: AbortSignal): Promise<ForwardView> {
    const client = await this.deps.client(spec.hostId);
    const info = await client.docker
      .getContainer(spec.container)
      .inspect({ abortSignal: signal } as object)
      .catch((e: unknown) => {
        if (engineStatus(e) === 404) {
          throw new AppError({
            code: 'NOT_FOUND',
            message: `There is no container ${spec.container} on ${this.deps.hostName(spec.hostId)}.`,
          });
        }
        throw e;
      });
    const via: ForwardView['via'] = client.forwardTcp ? 'ssh' : 'exec';
    const server = net.createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', (e: NodeJS.ErrnoException) =>
        reject(
          e.code === 'EADDRINUSE'
            ? new AppError({
                code: 'CONFLICT',
                message: `Port ${spec.localPort} on 127.0.0.1 is already in use on this machine: choose another, or 0 for any free port.`,
              })
            : e,
        ),
      );
      server.listen(spec.localPort, '127.0.0.1', () => resolve());
    });
    const id = `f-${randomBytes(6).toString('hex')}`;
    const forward: Forward = {
      view: {
        id,
        hostId: spec.hostId,
        containerId: info.Id,
        containerName: info.Name.replace(/^\//, ''),
        port: spec.port,
        localPort: (server.address() as net.AddressInfo).port,
        via,
        connections: 0,
        open: 0,
        bytesIn: 0,
        bytesOut: 0,
        createdAt: Date.now(),
      },
      server,
      sockets: new Set(),
    };
    if (via === 'exec') {
      forward.relay = new RelayHelper(client.docker, info.Id, spec.relayImage, this.deps.callTimeoutMs);
      forward.relay.prepare(AbortSignal.timeout(this.deps.dialTimeoutMs ?? DIAL_TIMEOUT_MS));
    }
    server.on('connection', (socket) => void this.handle(forward, socket));
    this.forwards.set(id, forward);
    this.changed();
    return { ...forward.view };
  }

  private async dial(forward: Forward, signal: AbortSignal): Promise<Duplex> {
    const client = await this.deps.client(forward.view.hostId);
    if (forward.relay) return forward.relay.connect(forward.view.port, signal);
    if (!client.forwardTcp) throw new AppError({ code: 'INTERNAL', message: 'This host has no SSH link.' });
    const address = await containerAddress(client.docker, forward.view.containerId, signal);
    return client.forwardTcp(address, forward.view.port);
  }

  private async handle(forward: Forward, socket: net.Socket): Promise<void> {
    const v = forward.view;
    v.connections++;
    v.open++;
    forward.sockets.add(socket);
    socket.setNoDelay(true);
    this.changed();
    let upstream: Duplex | undefined;
    const done = () => {
      if (!forward.sockets.delete(socket)) return;
      v.open--;
      upstream?.destroy();
      socket.destroy();
      this.changed();
    };
    socket.once('close', done);
    socket.once('error', done);
    try {
      upstream = await this.dial(forward, AbortSignal.timeout(this.deps.dialTimeoutMs ?? DIAL_TIMEOUT_MS));
    } catch (e) {
      v.lastError = toAppError(e).message;
      done();
      return;
    }
    if (socket.destroyed) {
      upstream.destroy();
      return;
    }
    delete v.lastError;
    upstream.once('close', done);
    upstream.once('error', done);
    socket.on('data', (b: Buffer) => (v.bytesOut += b.length));
    upstream.on('data', (b: Buffer) => (v.bytesIn += b.length));
    socket.pipe(upstream);
    upstream.pipe(socket);
  }

  async close(id: string): Promise<void> {
    const f = this.forwards.get(id);
    if (!f) throw new AppError({ code: 'NOT_FOUND', message: `No port forward ${id}.` });
    this.forwards.delete(id);
    f.server.close();
    for (const s of f.sockets) s.destroy();
    await f.relay?.dispose();
    this.changed();
  }

  /** A host that went away (removed, or its policy no longer allows forwarding) takes its forwards along. */
  async closeHost(hostId: string): Promise<void> {
    for (const [id, f] of this.forwards) if (f.view.hostId === hostId) await this.close(id);
  }

  dispose(): void {
    for (const id of [...this.forwards.keys()]) void this.close(id);
  }
}
