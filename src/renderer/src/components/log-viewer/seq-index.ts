/**
 * A sorted list of line sequence numbers (the lines a filter keeps, or the search matches) that
 * grows at the end and loses its oldest entries when the ring drops lines. Trimming moves an
 * offset instead of shifting the array; the array is compacted once half of it is dead.
 */
export class SeqIndex {
  private seqs: number[] = [];
  private start = 0;

  get length(): number {
    return this.seqs.length - this.start;
  }

  at(i: number): number | undefined {
    return i >= 0 && i < this.length ? this.seqs[this.start + i] : undefined;
  }

  push(seq: number): void {
    this.seqs.push(seq);
  }

  /** Drops entries below `firstSeq`; returns how many went. */
  trimBelow(firstSeq: number): number {
    const before = this.start;
    while (this.start < this.seqs.length && (this.seqs[this.start] as number) < firstSeq) this.start++;
    const removed = this.start - before;
    if (this.start > 1024 && this.start > this.seqs.length / 2) {
      this.seqs = this.seqs.slice(this.start);
      this.start = 0;
    }
    return removed;
  }

  clear(): void {
    this.seqs = [];
    this.start = 0;
  }

  /** Position of the first entry >= seq (length when none). */
  lowerBound(seq: number): number {
    let lo = this.start;
    let hi = this.seqs.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.seqs[mid] as number) < seq) lo = mid + 1;
      else hi = mid;
    }
    return lo - this.start;
  }

  /** Position of `seq`, or -1. */
  indexOf(seq: number): number {
    const i = this.lowerBound(seq);
    return this.at(i) === seq ? i : -1;
  }
}
