/**
 * Flow control of a terminal's output. Tells main how many output bytes the terminal has written
 * (parsed into xterm's buffer), in batches: at once when a batch is big, otherwise shortly after
 * the last write, so a quiet stream never stalls. Main pauses the engine stream while too much is
 * unacknowledged, so what waits for xterm (the backlog) stays bounded.
 */
export class AckBatcher {
  private pending = 0;
  private receivedBytes = 0;
  private writtenBytes = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly send: (bytes: number) => void,
    private readonly threshold: number,
    private readonly delayMs: number,
  ) {}

  /** Output arrived and was handed to xterm. */
  received(bytes: number): void {
    this.receivedBytes += bytes;
  }

  /** Bytes received but not yet written by xterm. */
  get backlog(): number {
    return this.receivedBytes - this.writtenBytes;
  }

  written(bytes: number): void {
    this.writtenBytes += bytes;
    this.pending += bytes;
    if (this.pending >= this.threshold) {
      this.flush();
    } else if (this.timer === undefined) {
      this.timer = setTimeout(() => this.flush(), this.delayMs);
    }
  }

  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pending === 0) return;
    const n = this.pending;
    this.pending = 0;
    this.send(n);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.pending = 0;
  }
}
