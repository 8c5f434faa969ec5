import { randomBytes } from 'node:crypto';
import net from 'node:net';
import { Duplex } from 'node:stream';
import type Docker from 'dockerode';
import { AppError } from '@shared/contract';
import { FrameDemuxer } from '../logs/frame-demuxer';
import { engineStatus, engineText } from '../../engine/engine-error';
import { HELPER_LABEL } from '../volumes/volume-helper';
import { timedCall } from '../../engine/timed-call';
import { RunWatch } from './run-watch';

export const FORWARD_HELPER_KIND = 'port-forward';

/**
 * A helper container in the target container's network namespace, kept running (sleeping) so
 * each forwarded connection can be an exec of `nc 127.0.0.1 PORT` inside it: the engine's own
 * hijacked exec stream carries the bytes, so no port needs publishing and nothing listens on
 * the host. Its namespace is the target's *current* one: after a restart of the target the
 * helper is made again. The target is looked up only when its events say it may have changed
 * (or while they cannot be followed): not once per connection.
 */
export class RelayHelper {
  private container: Docker.Container | undefined;
  /** The target's State.StartedAt the helper was made for. */
  private madeFor = '';
  private making: Promise<Docker.Container> | undefined;
  private disposed = false;
  private readonly runs: RunWatch;
  /** The events generation at which the helper was last known to match the target's run. */
  private checkedAt: number | undefined;

  constructor(
    private readonly docker: Docker,
    private readonly targetId: string,
    private readonly image: string,
    /** Each engine call's own limit (the caller's signal bounds a whole connect too). */
    private readonly callMs?: number,
  ) {
    this.runs = new RunWatch(docker, targetId, callMs);
    this.runs.ensure();
  }

  private call<T>(
    what: string,
    fn: (signal: AbortSignal) => Promise<T>,
    signal?: AbortSignal,
    late?: (v: T) => void,
  ) {
    return timedCall(what, fn, {
      ...(signal ? { signal } : {}),
      ...(this.callMs ? { ms: this.callMs } : {}),
      ...(late ? { late } : {}),
    });
  }

  /** The running helper for the target's current run, made or re-made as needed. */
  private async ready(signal: AbortSignal): Promise<Docker.Container> {
    const gen = this.runs.generation;
    if (this.container && !this.making && gen !== undefined && gen === this.checkedAt) return this.container;
    this.runs.ensure();
    const target = await this.call(
      'Looking up the container',
      (s) => this.docker.getContainer(this.targetId).inspect({ abortSignal: s } as object),
      signal,
    );
    if (!target.State.Running) {
      throw new AppError({ code: 'CONFLICT', message: `${target.Name.replace(/^\//, '')} is not running.` });
    }
    let helper: Docker.Container;
    if (this.container && this.madeFor === target.State.StartedAt) helper = this.container;
    else {
      this.making ??= this.make(target.State.StartedAt).finally(() => (this.making = undefined));
      helper = await this.making;
    }
    // No start, die or destroy of the target since before the look: the next connection may skip it.
    this.checkedAt = gen;
    return helper;
  }

  /** The helper failed an exec (removed, stopped, paused under us): look and remake next time. */
  private distrust(): void {
    this.checkedAt = undefined;
    this.madeFor = '';
  }

  private async make(startedAt: string): Promise<Docker.Container> {
    await this.removeContainer();
    let container: Docker.Container;
    try {
      container = await this.call(
        'Creating the relay helper',
        (s) =>
          this.docker.createContainer({
            name: `berthmaster-forward-${randomBytes(5).toString('hex')}`,
            Image: this.image,
            Entrypoint: ['sh', '-c', 'while :; do sleep 3600; done'],
            Cmd: [],
            Labels: { [HELPER_LABEL]: FORWARD_HELPER_KIND, [`${HELPER_LABEL}.target`]: this.targetId },
            HostConfig: { NetworkMode: `container:${this.targetId}`, AutoRemove: false },
            abortSignal: s,
          } as unknown as Docker.ContainerCreateOptions),
        undefined,
        // Made after it was given up: nothing may be left behind.
        (late) => void late.remove({ force: true }).catch(() => undefined),
      );
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
    await this.call('Starting the relay helper', (s) => container.start({ abortSignal: s } as object));
    return container;
  }

  /**
   * Makes the helper now, so the first connection does not wait for it; a failure here is
   * reported by that connection, which tries again.
   */
  prepare(signal: AbortSignal): void {
    this.ready(signal).catch(() => undefined);
  }

  /** One TCP connection to 127.0.0.1:port inside the target's namespace, as a byte duplex. */
  async connect(port: number, signal: AbortSignal): Promise<Duplex> {
    try {
      return await this.relay(await this.ready(signal), port, signal);
    } catch (e) {
      // A helper gone or stopped without our events saying so: looked up, remade, tried once more.
      const status = engineStatus(e);
      if (status !== 404 && status !== 409) throw e;
      this.distrust();
      return this.relay(await this.ready(signal), port, signal);
    }
  }

  private async relay(helper: Docker.Container, port: number, signal: AbortSignal): Promise<Duplex> {
    const exec = await this.call(
      'Creating the relay exec',
      (s) =>
        helper.exec({
          Cmd: ['sh', '-c', 'exec nc 127.0.0.1 "$0"', String(port)],
          AttachStdin: true,
          AttachStdout: true,
          AttachStderr: true,
          Tty: false,
          abortSignal: s,
        } as Docker.ExecCreateOptions),
      signal,
    );
    const socket = await this.call(
      'Starting the relay exec',
      async (s) =>
        (await exec.start({ hijack: true, stdin: true, Tty: false, abortSignal: s } as object)) as Duplex,
      signal,
      (late) => late.destroy(),
    );
    if (socket instanceof net.Socket) socket.setNoDelay(true);
    return demuxed(socket);
  }

  /** Removes the helper for good: the forward is closed. */
  async dispose(): Promise<void> {
    this.disposed = true;
    this.runs.close();
    await this.making?.catch(() => undefined);
    await this.removeContainer();
  }

  private async removeContainer(): Promise<void> {
    const c = this.container;
    this.container = undefined;
    if (c)
      await this.call('Removing the relay helper', (s) =>
        c.remove({ force: true, abortSignal: s } as object),
      ).catch(() => undefined);
  }
}

/** Read-ahead of a relayed connection: big enough that the engine's stream is rarely paused. */
const RELAY_BUFFER = 1024 * 1024;

/**
 * The exec's output is multiplexed (no TTY, so bytes pass unaltered): a duplex whose readable
 * side is stdout only (nc's stderr is dropped) and whose writable side is the exec's stdin. The
 * stdout pieces of one network chunk are pushed as views of it (no copy), and the engine's socket is paused
 * only when a whole megabyte waits unread (the bench measured the forward at 0.6x of the raw
 * stream with a 16 KiB PassThrough in between, pausing the TLS socket every few frames).
 */
class ExecRelayStream extends Duplex {
  private readonly demux = new FrameDemuxer();

  constructor(private readonly socket: Duplex) {
    super({ readableHighWaterMark: RELAY_BUFFER, writableHighWaterMark: RELAY_BUFFER });
    socket.on('data', (chunk: Buffer) => {
      // Each stdout piece is a view into the chunk: pushed as it is, without copying.
      let room = true;
      for (const p of this.demux.push(chunk)) if (p.stream === 1) room = this.push(p.data) && room;
      if (!room) socket.pause();
    });
    const end = () => {
      if (!this.readableEnded) this.push(null);
    };
    socket.once('end', end);
    socket.once('close', end);
    socket.once('error', (e) => this.destroy(e));
  }

  override _read(): void {
    this.socket.resume();
  }

  override _write(chunk: Buffer, _enc: BufferEncoding, done: (e?: Error | null) => void): void {
    this.socket.write(chunk, done);
  }

  override _final(done: (e?: Error | null) => void): void {
    this.socket.end();
    done();
  }

  override _destroy(e: Error | null, done: (e?: Error | null) => void): void {
    this.socket.destroy();
    done(e);
  }
}

function demuxed(socket: Duplex): Duplex {
  return new ExecRelayStream(socket);
}
