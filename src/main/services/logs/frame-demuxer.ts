/** Stream types of the engine's multiplexed format (moby pkg/stdcopy). */
export const FRAME_STDIN = 0;
export const FRAME_STDOUT = 1;
export const FRAME_STDERR = 2;
export const FRAME_SYSTEMERR = 3;

/** A piece of one frame's payload: 1 stdout, 2 stderr, 3 the engine's own error text. */
export interface DemuxPiece {
  stream: 1 | 2 | 3;
  data: Buffer;
  /** These are the last bytes of their frame (one frame is one message the engine logged). */
  end?: boolean;
}

const HEADER_SIZE = 8;

/**
 * Splits the engine's multiplexed stream (8-byte header: type, 0, 0, 0, big-endian uint32 size,
 * then the payload) into tagged pieces. Network chunks cut anywhere, including inside a header,
 * so the state survives between calls; payloads are passed on as they arrive instead of waiting
 * for the whole frame. Stdin (type 0) goes to stdout, as the Go client does.
 *
 * A header with an unknown type means the stream is not what we think it is: the rest is passed
 * on raw as stdout after one system line saying so, rather than guessing at frame boundaries.
 */
export class FrameDemuxer {
  private header = Buffer.alloc(HEADER_SIZE);
  private headerFill = 0;
  private remaining = 0;
  private stream: 1 | 2 | 3 = 1;
  private raw = false;

  push(chunk: Buffer): DemuxPiece[] {
    const out: DemuxPiece[] = [];
    if (this.raw) {
      if (chunk.length) out.push({ stream: 1, data: chunk });
      return out;
    }
    let pos = 0;
    while (pos < chunk.length) {
      if (this.remaining > 0) {
        const n = Math.min(this.remaining, chunk.length - pos);
        this.remaining -= n;
        const piece: DemuxPiece = { stream: this.stream, data: chunk.subarray(pos, pos + n) };
        if (this.remaining === 0) piece.end = true;
        out.push(piece);
        pos += n;
        continue;
      }
      const n = Math.min(HEADER_SIZE - this.headerFill, chunk.length - pos);
      chunk.copy(this.header, this.headerFill, pos, pos + n);
      this.headerFill += n;
      pos += n;
      if (this.headerFill < HEADER_SIZE) break;
      this.headerFill = 0;
      const type = this.header.readUInt8(0);
      const size = this.header.readUInt32BE(4);
      if (type > FRAME_SYSTEMERR) {
        this.raw = true;
        out.push({
          stream: 3,
          data: Buffer.from(`Unrecognized stream header (type ${type}); showing the rest unprocessed.\n`),
        });
        const rest = Buffer.concat([this.header, chunk.subarray(pos)]);
        out.push({ stream: 1, data: rest });
        return out;
      }
      this.stream = type === FRAME_STDERR ? 2 : type === FRAME_SYSTEMERR ? 3 : 1;
      this.remaining = size;
    }
    return out;
  }

  /** True when the stream stopped inside a frame (a truncated stream). */
  get midFrame(): boolean {
    return !this.raw && (this.remaining > 0 || this.headerFill > 0);
  }
}
