import type { Readable } from 'node:stream';
import type Docker from 'dockerode';
import { timedCall } from '../../engine/timed-call';

/** After a failed or dropped events stream, how long before the next connection tries again. */
const RETRY_MS = 5_000;

/**
 * Follows one container's runs through the engine's events stream, filtered to its start, die
 * and destroy: `generation` moves on each of them and whenever the stream is not open, so what
 * was learnt about the container at one generation holds while the generation is unchanged.
 * Anything arriving on the filtered stream counts as such an event (nothing is parsed: a
 * stream that says more than it should only costs extra looks, never a missed restart).
 */
export class RunWatch {
  private stream: Readable | undefined;
  private opening = false;
  private closed = false;
  private retryAt = 0;
  private gen = 0;
  /** Ends the current stream (or the request opening it). */
  private controller: AbortController | undefined;

  constructor(
    private readonly docker: Docker,
    private readonly containerId: string,
    private readonly callMs?: number,
  ) {}

  /** The current generation, or undefined while no stream is open (nothing can be trusted then). */
  get generation(): number | undefined {
    return this.stream ? this.gen : undefined;
  }

  /** Opens the stream in the background unless it is open, opening, or failed a moment ago. */
  ensure(): void {
    if (this.stream || this.opening || this.closed || Date.now() < this.retryAt) return;
    this.opening = true;
    void this.open().finally(() => (this.opening = false));
  }

  private async open(): Promise<void> {
    // The stream outlives the timed call, so it gets a signal of its own; the call's limit ends it too.
    const controller = new AbortController();
    this.controller = controller;
    let stream: Readable;
    try {
      stream = await timedCall(
        'Following the container’s restarts',
        async (s) => {
          const abort = () => controller.abort();
          s.addEventListener('abort', abort, { once: true });
          try {
            return (await this.docker.getEvents({
              filters: {
                type: ['container'],
                container: [this.containerId],
                event: ['start', 'die', 'destroy'],
              },
              abortSignal: controller.signal,
            } as object)) as unknown as Readable;
          } finally {
            s.removeEventListener('abort', abort);
          }
        },
        { ...(this.callMs ? { ms: this.callMs } : {}), late: (late) => late.destroy() },
      );
    } catch {
      this.retryAt = Date.now() + RETRY_MS;
      return;
    }
    if (this.closed) {
      stream.destroy();
      return;
    }
    this.gen++;
    this.stream = stream;
    stream.on('data', () => this.gen++);
    const dropped = () => {
      if (this.stream !== stream) return;
      this.stream = undefined;
      this.gen++;
      this.retryAt = Date.now() + RETRY_MS;
      stream.destroy();
    };
    stream.once('end', dropped);
    stream.once('close', dropped);
    stream.once('error', dropped);
  }

  close(): void {
    this.closed = true;
    this.controller?.abort();
    this.stream?.destroy();
    this.stream = undefined;
  }
}
