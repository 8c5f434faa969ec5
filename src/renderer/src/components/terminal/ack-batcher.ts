/**
 * Tells main how many output bytes the terminal has written (flow control), in batches: at once
 * when a batch is big, otherwise shortly after the last write, so a quiet stream never stalls.
 */
export class AckBatcher {
  private pending = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly send: (bytes: number) => void,
    private readonly threshold: number,
    private readonly delayMs: number,
  ) {}

  written(bytes: number): void {
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
