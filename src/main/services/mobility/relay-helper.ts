import { randomBytes } from 'node:crypto';
import net from 'node:net';
import { Duplex, PassThrough } from 'node:stream';
import type Docker from 'dockerode';
import { AppError } from '@shared/contract';
import { FrameDemuxer } from '../logs/frame-demuxer';
import { engineStatus, engineText } from '../../engine/engine-error';
import { HELPER_LABEL } from '../volumes/volume-helper';

export const FORWARD_HELPER_KIND = 'port-forward';
const REMOVE_TIMEOUT_MS = 30_000;

/**
 * A helper container in the target container's network namespace, kept running (sleeping) so
 * each forwarded connection can be an exec of `nc 127.0.0.1 PORT` inside it: the engine's own
 * hijacked exec stream carries the bytes, so no port needs publishing and nothing listens on
 * the host. Its namespace is the target's *current* one: after a restart of the target the
 * helper is made again.
 */
export class RelayHelper {
  private container: Docker.Container | undefined;
  /** The target's State.StartedAt the helper was made for. */
  private madeFor = '';
  private making: Promise<Docker.Container> | undefined;
  private disposed = false;

  constructor(
    private readonly docker: Docker,
    private readonly targetId: string,
    private readonly image: string,
  ) {}

  /** The running helper for the target's current run, made or re-made as needed. */
  private async ready(signal: AbortSignal): Promise<Docker.Container> {
    const target = await this.docker.getContainer(this.targetId).inspect({ abortSignal: signal } as object);
    if (!target.State.Running) {
      throw new AppError({ code: 'CONFLICT', message: `${target.Name.replace(/^\//, '')} is not running.` });
    }
    if (this.container && this.madeFor === target.State.StartedAt) return this.container;
    this.making ??= this.make(target.State.StartedAt).finally(() => (this.making = undefined));
    return this.making;
  }

  private async make(startedAt: string): Promise<Docker.Container> {
    await this.removeContainer();
    let container: Docker.Container;
    try {
      container = await this.docker.createContainer({
        name: `berthmaster-forward-${randomBytes(5).toString('hex')}`,
        Image: this.image,
        Entrypoint: ['sh', '-c', 'while :; do sleep 3600; done'],
        Cmd: [],
        Labels: { [HELPER_LABEL]: FORWARD_HELPER_KIND, [`${HELPER_LABEL}.target`]: this.targetId },
        HostConfig: { NetworkMode: `container:${this.targetId}`, AutoRemove: false },
        abortSignal: AbortSignal.timeout(REMOVE_TIMEOUT_MS),
      } as unknown as Docker.ContainerCreateOptions);
    } catch (e) {
      if (engineStatus(e) === 404) {
        throw new AppError({
          code: 'NOT_FOUND',
          message: `The forwarding helper image ${this.image} is not on this host: pull it (it needs sh and nc, as busybox has), or choose another in Settings.`,
          detail: engineText(e),
        });
      }
      throw e;
    }
    if (this.disposed) {
      // The forward was closed while this was being made: nothing may outlive it.
      await container.remove({ force: true }).catch(() => undefined);
      throw new AppError({ code: 'CANCELLED', message: 'The port forward was closed.' });
    }
    this.container = container;
    this.madeFor = startedAt;
    await container.start({ abortSignal: AbortSignal.timeout(REMOVE_TIMEOUT_MS) } as object);
    return container;
  }

  /** One TCP connection to 127.0.0.1:port inside the target's namespace, as a byte duplex. */
  async connect(port: number, signal: AbortSignal): Promise<Duplex> {
    const helper = await this.ready(signal);
    const exec = await helper.exec({
      Cmd: ['sh', '-c', 'exec nc 127.0.0.1 "$0"', String(port)],
      AttachStdin: true,
      AttachStdout: true,
      AttachStderr: true,
      Tty: false,
    });
    const socket = (await exec.start({ hijack: true, stdin: true, Tty: false })) as Duplex;
    if (socket instanceof net.Socket) socket.setNoDelay(true);
    return demuxed(socket);
  }

  /** Removes the helper for good: the forward is closed. */
  async dispose(): Promise<void> {
    this.disposed = true;
    await this.making?.catch(() => undefined);
    await this.removeContainer();
  }

  private async removeContainer(): Promise<void> {
    const c = this.container;
    this.container = undefined;
    if (c)
      await c
        .remove({ force: true, abortSignal: AbortSignal.timeout(REMOVE_TIMEOUT_MS) } as object)
        .catch(() => undefined);
  }
}

/**
 * The exec's output is multiplexed (no TTY, so bytes pass unaltered): a duplex whose readable
 * side is stdout only (nc's stderr is dropped) and whose writable side is the exec's stdin.
 */
function demuxed(socket: Duplex): Duplex {
  const out = new PassThrough();
  const demux = new FrameDemuxer();
  socket.on('data', (chunk: Buffer) => {
    for (const piece of demux.push(chunk)) {
      if (piece.stream === 1 && !out.write(piece.data)) socket.pause();
    }
  });
  out.on('drain', () => socket.resume());
  socket.once('end', () => out.end());
  socket.once('close', () => out.end());
  socket.once('error', (e) => out.destroy(e));
  return Duplex.from({ readable: out, writable: socket });
}
