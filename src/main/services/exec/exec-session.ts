import type { Duplex } from 'node:stream';
import {
  AppError,
  EXEC_FLOW_HIGH,
  EXEC_FLOW_LOW,
  type AppErrorShape,
  type ExecOutputEvent,
  type ExecSessionInfo,
} from '@shared/contract';
import type { Dispose, StreamSink } from '../../rpc/handlers';
import type { EngineTty } from './engine-tty';
import { ByteRing } from './ring-buffer';
import { SessionViewer } from './session-viewer';

/** Recent output kept per session for re-attaching terminals. */
export const RING_BYTES = 256 * 1024;
/** Input that may wait in the socket before the process is considered not to be reading it. */
const MAX_PENDING_INPUT = 1024 * 1024;

let nextViewerId = 1;

export interface SessionLog {
  error(message: string, detail?: unknown): void;
}

/**
 * One terminal session in main: the engine's TTY stream, a ring of recent output, and the
 * terminals viewing it. It outlives any view; it ends when its process exits, when the engine
 * goes away, or when its tab is closed (close()).
 */
export class ExecSession {
  private readonly ring = new ByteRing(RING_BYTES);
  private readonly viewers = new Map<number, SessionViewer>();
  private tty: EngineTty | undefined;
  private paused = false;
  /** Output read while nobody watched; capped at the ring size, then the stream is paused. */
  private unviewed = 0;
  private closed = false;
  private readonly endListeners = new Set<() => void>();

  constructor(
    public info: ExecSessionInfo,
    private readonly log: SessionLog,
  ) {}

  get live(): boolean {
    return this.info.state === 'starting' || this.info.state === 'running';
  }

  /** Called once the engine stream is up. */
  start(tty: EngineTty): void {
    if (this.closed) {
      tty.socket.destroy();
      return;
    }
    this.tty = tty;
    this.info = { ...this.info, state: 'running' };
    const socket = tty.socket;
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    let ended = false;
    const onEnd = (err?: Error) => {
      if (ended) return;
      ended = true;
      void this.streamEnded(err);
    };
    socket.once('end', () => onEnd());
    socket.once('close', () => onEnd());
    // Kept for the socket's whole life: a write after the peer vanished must not throw unhandled.
    socket.on('error', (e: Error) => onEnd(e));
    this.updateFlow();
  }

  private onData(chunk: Buffer) {
    this.ring.append(chunk);
    if (this.viewers.size === 0) this.unviewed += chunk.length;
    for (const v of this.viewers.values()) v.push(chunk);
    this.updateFlow();
  }

  /**
   * Pauses the engine stream while any viewer is behind (its buffer is full or too many bytes are
   * unacknowledged) or while unwatched output exceeds the ring; resumes below the low watermark.
   */
  private updateFlow() {
    const socket = this.tty?.socket;
    if (!socket || !this.live) return;
    const views = [...this.viewers.values()];
    if (!this.paused) {
      const behind =
        views.length === 0
          ? this.unviewed >= RING_BYTES
          : views.some((v) => v.blocked || v.unacked > EXEC_FLOW_HIGH);
      if (behind) {
        this.paused = true;
        socket.pause();
      }
    } else {
      const caughtUp =
        views.length === 0
          ? this.unviewed < RING_BYTES
          : views.every((v) => !v.blocked && v.unacked <= EXEC_FLOW_LOW);
      if (caughtUp) {
        this.paused = false;
        socket.resume();
      }
    }
  }

  private async streamEnded(err?: Error) {
    if (this.closed || !this.live) return;
    const tty = this.tty;
    let next: Partial<ExecSessionInfo>;
    try {
      const outcome = tty ? await tty.outcome() : { state: 'running' as const };
      if (outcome.state === 'exited') next = { state: 'exited', exitCode: outcome.exitCode };
      else if (outcome.state === 'detached') next = { state: 'detached' };
      else {
        next = {
          state: 'disconnected',
          error: {
            code: 'ENGINE_UNREACHABLE',
            message: `The connection to the engine broke${err ? ` (${err.message})` : ''}; the process may still be running there.`,
          },
        };
      }
    } catch (e) {
      next = {
        state: 'disconnected',
        error: {
          code: 'ENGINE_UNREACHABLE',
          message: `The engine stopped answering${e instanceof Error ? ` (${e.message})` : ''}.`,
        },
      };
    }
    this.end(next);
  }

  /** The host went away: say so now rather than when TCP notices. */
  disconnect(error: AppErrorShape): void {
    if (!this.live) return;
    this.end({ state: 'disconnected', error });
  }

  private end(next: Partial<ExecSessionInfo>) {
    if (!this.live || this.closed) return;
    this.info = { ...this.info, ...next };
    this.tty?.socket.destroy();
    for (const v of this.viewers.values()) v.finish();
    for (const fn of this.endListeners) fn();
  }

  onEnd(fn: () => void): void {
    this.endListeners.add(fn);
  }

  /** Subscribes a terminal: recent output first, then live output, then the end. */
  addViewer(sink: StreamSink<ExecOutputEvent>): Dispose {
    const id = nextViewerId++;
    const viewer = new SessionViewer(
      id,
      sink,
      () => this.info,
      () => this.updateFlow(),
    );
    sink.emit({ type: 'attached', viewerId: id, session: this.info });
    const replay = this.ring.snapshot();
    if (replay.length > 0) viewer.push(replay);
    this.viewers.set(id, viewer);
    this.unviewed = 0;
    if (!this.live || this.closed) viewer.finish();
    this.updateFlow();
    return () => {
      this.viewers.delete(id);
      viewer.dispose();
      this.updateFlow();
    };
  }

  ack(viewerId: number, bytes: number): void {
    this.viewers.get(viewerId)?.ack(bytes);
    this.updateFlow();
  }

  write(data: Buffer): void {
    const socket = this.requireRunning();
    if (socket.writableLength > MAX_PENDING_INPUT) {
      throw new AppError({
        code: 'CONFLICT',
        message: 'The process is not reading its input; wait for it or press Ctrl+C.',
      });
    }
    socket.write(data);
  }

  async resize(cols: number, rows: number): Promise<void> {
    this.requireRunning();
    this.info = { ...this.info, cols, rows };
    await this.tty?.resize(cols, rows);
  }

  private requireRunning(): Duplex {
    const socket = this.tty?.socket;
    if (!socket || socket.destroyed || this.info.state !== 'running') {
      throw new AppError({ code: 'CONFLICT', message: 'This terminal session has ended.' });
    }
    return socket;
  }

  /**
   * The tab was closed: the engine stream is destroyed and every viewer's stream ends. A live exec
   * is hung up (see EngineTty.hangup): Docker has no call to end an exec, and closing the stream
   * alone leaves the shell running in the container. Best effort: a container without sh, grep
   * and kill keeps it.
   */
  close(): Promise<void> {
    if (this.closed) return Promise.resolve();
    const hangup = this.live && this.tty?.hangup ? this.tty.hangup() : Promise.resolve();
    this.closed = true;
    this.tty?.socket.destroy();
    for (const v of [...this.viewers.values()]) v.abort();
    this.viewers.clear();
    this.ring.clear();
    this.endListeners.clear();
    return hangup.catch((e: unknown) => this.log.error('ending the shell failed', e));
  }
}
