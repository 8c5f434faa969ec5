/**
 * The most recent `capacity` bytes of a session's output, replayed when a terminal re-attaches
 * (renderer reload, view switch). Chunks are kept as they came and trimmed from the front, so an
 * append costs no copy.
 */
export class ByteRing {
  private chunks: Buffer[] = [];
  private size = 0;

  constructor(readonly capacity: number) {}

  get length(): number {
    return this.size;
  }

  append(chunk: Buffer): void {
    if (chunk.length === 0) return;
    if (chunk.length >= this.capacity) {
      this.chunks = [Buffer.from(chunk.subarray(chunk.length - this.capacity))];
      this.size = this.capacity;
      return;
    }
    this.chunks.push(chunk);
    this.size += chunk.length;
    while (this.size > this.capacity) {
      const first = this.chunks[0] as Buffer;
      const excess = this.size - this.capacity;
      if (first.length <= excess) {
        this.chunks.shift();
        this.size -= first.length;
      } else {
        this.chunks[0] = first.subarray(excess);
        this.size -= excess;
      }
    }
  }

  /**
   * The kept bytes in one buffer. When older output was dropped, the cut may fall inside a UTF-8
   * character: its continuation bytes are skipped so the replay doesn't start with garbage.
   */
  snapshot(): Buffer {
    const all = Buffer.concat(this.chunks, this.size);
    if (this.size < this.capacity) return all;
    let start = 0;
    while (start < all.length && start < 3 && ((all[start] as number) & 0xc0) === 0x80) start++;
    return all.subarray(start);
  }

  clear(): void {
    this.chunks = [];
    this.size = 0;
  }
}
