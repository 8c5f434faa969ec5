import type { DemuxPiece } from './frame-demuxer';

/**
 * Size of one piece of a long line: the engine's log copier reads into a 16 KiB buffer and logs a
 * full buffer without a newline as a partial message (moby daemon/logger/copier.go, PLogMetaData
 * with Last=false); json-file and local store each piece as its own entry, with a newline only
 * after the last one.
 */
export const PIECE_BYTES = 16 * 1024;

/** The longest "timestamp + space" the engine writes (RFC3339NanoFixed is 30 characters). */
const MAX_PREFIX = 40;
const SPACE = 0x20;
const NL = 0x0a;
const NEWLINE = Buffer.from('\n');
/**
 * TTY: where a piece may end. json-file stores a character cut at the boundary as U+FFFD (three
 * bytes for each byte of it), so a piece read back can be a few bytes longer or shorter.
 */
const ZONE_START = PIECE_BYTES - 16;
const ZONE_BYTES = 48;
const TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d) $/;

interface StreamState {
  /** The last message ended without a newline: the next one continues its line. */
  continues: boolean;
  /** At a message start: the bytes of its timestamp prefix seen so far; undefined inside content. */
  prefix: Buffer | undefined;
  /** Content bytes of the current piece (counted only for a raw, TTY stream). */
  content: number;
  /** The current line's "timestamp + space", which every later piece of it repeats. */
  stamp?: Buffer | undefined;
  /** TTY: the current line has had a piece joined to it. */
  joined?: boolean;
  /** TTY: bytes kept back near a piece's end until it is clear whether a timestamp follows. */
  held?: Buffer | undefined;
}

const CR = 0x0d;
const STAMP_BYTES = 31;

/**
 * Where in data[from, to) a CR is followed by a timestamp, -1 for nowhere, or 'wait' when a CR is
 * too close to the end of data to tell.
 */
function lostLineEnd(data: Buffer, from: number, to: number): number | 'wait' {
  for (let cr = data.indexOf(CR, from); cr !== -1 && cr < to; cr = data.indexOf(CR, cr + 1)) {
    if (cr + 1 === data.length) return 'wait';
    if (data[cr + 1] === NL) continue; // CR LF: an ordinary line end
    if (data.length - cr - 1 < STAMP_BYTES) return 'wait';
    if (TIMESTAMP.test(data.toString('latin1', cr + 1, cr + 1 + STAMP_BYTES))) return cr;
  }
  return -1;
}

/**
 * Joins the pieces of long lines back together when timestamps are on. The engine writes each
 * piece as its own message with its own timestamp, so a 200 KB line arrives with a timestamp
 * every 16 KiB (`docker logs -t` shows them too). The timestamp of every piece after the first is
 * dropped here, in bytes, before UTF-8 decoding: a character the engine cut at the boundary has
 * its two halves on either side of that timestamp.
 *
 * Where a piece ends: without a TTY every message is one frame, so a frame not ending in a newline
 * is a partial piece. A TTY stream has no frames: every piece of a line carries the timestamp of
 * its first (moby's copier stamps them all alike), so near each 16 KiB boundary that exact
 * timestamp is looked for and dropped.
 */
export class PieceJoiner {
  private readonly states = new Map<number, StreamState>();

  /** `framed`: the stream was demuxed (no TTY), and pieces carry frame ends. */
  constructor(private readonly framed: boolean) {}

  push(pieces: readonly DemuxPiece[]): DemuxPiece[] {
    const out: DemuxPiece[] = [];
    for (const p of pieces) {
      // The engine's own error text (stream 3) carries no timestamps.
      if (p.stream === 3) out.push(p);
      else if (this.framed) this.framedPiece(p, out);
      else this.rawPiece(p, out);
    }
    return out;
  }

  private state(stream: number): StreamState {
    let s = this.states.get(stream);
    if (!s) {
      s = { continues: false, prefix: Buffer.alloc(0), content: 0 };
      this.states.set(stream, s);
    }
    return s;
  }

  private framedPiece(p: DemuxPiece, out: DemuxPiece[]): void {
    const s = this.state(p.stream);
    // The common case, a whole message that is a whole line after a whole line: it passes as it
    // is (its timestamp is kept, and no later piece can continue it).
    if (p.end && !s.continues && s.prefix?.length === 0 && p.data[p.data.length - 1] === NL) {
      out.push(p);
      return;
    }
    const pos = s.prefix ? this.takePrefix(s, p.stream, p.data, 0, out) : 0;
    if (pos < p.data.length) out.push({ stream: p.stream, data: p.data.subarray(pos) });
    if (!p.end) return;
    if (s.prefix?.length) out.push({ stream: p.stream, data: s.prefix }); // a frame shorter than a prefix
    s.continues = p.data.length > 0 && p.data[p.data.length - 1] !== NL;
    s.prefix = Buffer.alloc(0);
  }

  private rawPiece(p: DemuxPiece, out: DemuxPiece[]): void {
    const s = this.state(p.stream);
    const data = s.held ? Buffer.concat([s.held, p.data]) : p.data;
    s.held = undefined;
    let pos = 0;
    while (pos < data.length) {
      if (s.prefix) {
        pos = this.takePrefix(s, p.stream, data, pos, out);
        continue;
      }
      const nl = data.indexOf(NL, pos);
      const zone = ZONE_START - s.content;
      if (s.joined) {
        // The last piece of a joined line: the local driver of engines like 20.10 drops its
        // newline, so a TTY's "\r" right before a timestamp ends the line too.
        const cr = lostLineEnd(data, pos, Math.min(nl === -1 ? data.length : nl, pos + Math.max(zone, 0)));
        if (cr === 'wait') {
          s.held = Buffer.from(data.subarray(pos));
          return;
        }
        if (cr !== -1 && cr - pos < zone) {
          out.push(
            { stream: p.stream, data: data.subarray(pos, cr + 1) },
            { stream: p.stream, data: NEWLINE },
          );
          pos = cr + 1;
          this.lineEnded(s);
          continue;
        }
      }
      if (nl !== -1 && nl - pos < zone) {
        pos = this.content(s, p.stream, data, pos, nl + 1, out);
        continue;
      }
      if (zone > 0) {
        pos = this.content(s, p.stream, data, pos, Math.min(data.length, pos + zone), out);
        continue;
      }
      // Near the end of a piece: is the next piece's timestamp (the same as this line's) here?
      const window = ZONE_BYTES + (s.stamp?.length ?? 0);
      const at = s.stamp ? data.subarray(pos, pos + window).indexOf(s.stamp) : -1;
      const lineEnd = data.subarray(pos, pos + window).indexOf(NL);
      if (at !== -1 && (lineEnd === -1 || lineEnd > at)) {
        const next = pos + at + (s.stamp?.length ?? 0);
        if (data.length - next < STAMP_BYTES) {
          s.held = Buffer.from(data.subarray(pos)); // is the joined piece empty? wait and see
          return;
        }
        if (at > 0) out.push({ stream: p.stream, data: data.subarray(pos, pos + at) });
        pos = next;
        s.content = 0;
        s.joined = true;
        if (TIMESTAMP.test(data.toString('latin1', pos, pos + STAMP_BYTES))) {
          // An empty last piece whose newline the local driver dropped: the line ends here.
          out.push({ stream: p.stream, data: NEWLINE });
          this.lineEnded(s);
        }
      } else if (lineEnd !== -1) {
        pos = this.content(s, p.stream, data, pos, pos + lineEnd + 1, out);
      } else if (data.length - pos < window) {
        s.held = Buffer.from(data.subarray(pos)); // wait for the rest of the window
        return;
      } else {
        // No timestamp where a piece would end: the line simply goes on.
        out.push({ stream: p.stream, data: data.subarray(pos, pos + ZONE_BYTES) });
        pos += ZONE_BYTES;
        s.content = 0;
      }
    }
  }

  /** Passes data[pos, end) on as content; a newline at its end ends the line. */
  private content(
    s: StreamState,
    stream: 1 | 2 | 3,
    data: Buffer,
    pos: number,
    end: number,
    out: DemuxPiece[],
  ): number {
    out.push({ stream, data: data.subarray(pos, end) });
    s.content += end - pos;
    if (data[end - 1] === NL) this.lineEnded(s);
    return end;
  }

  private lineEnded(s: StreamState): void {
    s.prefix = Buffer.alloc(0);
    s.content = 0;
    s.stamp = undefined;
    s.joined = false;
  }

  /** The stream ended: bytes held while looking for a piece boundary are content after all. */
  flush(): DemuxPiece[] {
    const out: DemuxPiece[] = [];
    for (const [stream, s] of this.states) {
      const rest = s.held ?? (s.prefix?.length ? s.prefix : undefined);
      if (rest) out.push({ stream: stream as 1 | 2, data: rest });
      s.held = undefined;
    }
    return out;
  }

  /**
   * Reads a message's timestamp prefix from data[pos...]: kept for a new line, dropped for a
   * continuation. Returns where the content starts (data.length while the prefix is incomplete).
   */
  private takePrefix(
    s: StreamState,
    stream: 1 | 2 | 3,
    data: Buffer,
    pos: number,
    out: DemuxPiece[],
  ): number {
    const seen = s.prefix ?? Buffer.alloc(0);
    const room = MAX_PREFIX - seen.length;
    const space = data.indexOf(SPACE, pos);
    const found = space !== -1 && space - pos < room;
    const end = found ? space + 1 : Math.min(data.length, pos + room);
    const prefix = seen.length ? Buffer.concat([seen, data.subarray(pos, end)]) : data.subarray(pos, end);
    if (!found && prefix.length < MAX_PREFIX) {
      s.prefix = Buffer.from(prefix); // a copy: the engine's chunk is not ours to keep
      return end;
    }
    s.prefix = undefined;
    const afterPartial = s.continues;
    s.continues = false;
    const timestamp = found && TIMESTAMP.test(prefix.toString('latin1'));
    // Every piece of one line carries its first piece's timestamp (moby's copier stamps them alike).
    if (timestamp && afterPartial && s.stamp?.equals(prefix)) return end;
    // A new timestamp after a piece without a newline: that line ended, but the local driver of
    // engines like 20.10 lost its newline. Put it back.
    if (timestamp && afterPartial) out.push({ stream, data: NEWLINE });
    out.push({ stream, data: prefix });
    if (timestamp) s.stamp = Buffer.from(prefix);
    else s.content += prefix.length; // not a timestamp after all: those bytes were content
    return end;
  }
}
