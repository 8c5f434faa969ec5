/**
 * Sends a keystroke at once, then collects what follows within the same frame and sends it as one
 * message: a lone key costs no wait (echo latency), a fast typist or a key repeat is one call per
 * frame, not one per character. Large pastes are split to fit the contract's input limit, in order.
 */
export class InputBatcher {
  private pending = '';
  private scheduled = false;

  constructor(
    private readonly send: (data: string) => void,
    private readonly schedule: (fn: () => void) => void,
    private readonly maxChunk: number,
  ) {}

  push(data: string): void {
    this.pending += data;
    if (this.pending.length >= this.maxChunk) {
      this.flush();
      return;
    }
    if (!this.scheduled) {
      // Leading edge: nothing was sent this frame, so this goes now and opens the frame's batch.
      this.flush();
      this.scheduled = true;
      this.schedule(() => {
        this.scheduled = false;
        this.flush();
      });
    }
  }

  flush(): void {
    while (this.pending.length > 0) {
      let cut = Math.min(this.pending.length, this.maxChunk);
      // Never split a surrogate pair: each half alone would be encoded as U+FFFD.
      const last = this.pending.charCodeAt(cut - 1);
      if (cut < this.pending.length && last >= 0xd800 && last <= 0xdbff) cut--;
      this.send(this.pending.slice(0, cut));
      this.pending = this.pending.slice(cut);
    }
  }

  clear(): void {
    this.pending = '';
  }
}
