/**
 * Runs `check` every `everyMs` (0: never), measured from the end of the previous run, so a slow
 * check never overlaps the next. Between runs nothing happens: no engine or registry is touched.
 */
export class UpdateSchedule {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private everyMs = 0;
  nextAt: number | undefined;

  constructor(
    private readonly check: () => Promise<unknown>,
    private readonly onChange: (nextAt: number | undefined) => void,
  ) {}

  set(everyMs: number): void {
    if (everyMs === this.everyMs && (this.timer || everyMs === 0)) return;
    this.everyMs = everyMs;
    this.arm();
  }

  private arm(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.nextAt = this.everyMs > 0 ? Date.now() + this.everyMs : undefined;
    if (this.everyMs > 0) {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        void this.check()
          .catch(() => undefined)
          .finally(() => this.arm());
      }, this.everyMs);
      this.timer.unref?.();
    }
    this.onChange(this.nextAt);
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.nextAt = undefined;
  }
}
