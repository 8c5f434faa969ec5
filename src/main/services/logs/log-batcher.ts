import { TextDecoder } from 'node:util';
import type { LogEvent } from '@shared/contract';
import type { StreamSink } from '../../rpc/handlers';
import type { DemuxPiece } from './frame-demuxer';

export interface LogBatcherOptions {
  /**
   * Flush when this many bytes are pending (default 256 KiB: a 100 MB log is 400 WebSocket
   * messages, not 1,600; the page splits one such batch in a few ms).
   */
  maxBytes?: number;
  /** ...or when the oldest pending byte is this old (default 16 ms: one frame). */
  maxDelayMs?: number;
  /** The subscriber's window is full: stop reading the engine. */
  pause(): void;
  /** The subscriber has room again. */
  resume(): void;
}

/**
 * Packs demuxed pieces into `data` events: one string plus [stream, length] runs, adjacent pieces
 * of the same stream merged. Thousands of log lines become one message, and the engine response
 * is paused whenever the subscriber falls behind (the RPC credit window is full).
 */
export class LogBatcher {
  private pending: string[] = [];
  private runs: number[] = [];
  /** Bytes taken in since the last flush (what the size limit counts). */
  private bytes = 0;
  /** One streaming decoder per stream: a UTF-8 character cut between pieces is joined here. */
  private readonly decoders = new Map<number, TextDecoder>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private waiting = false;
  private closed = false;
  private readonly maxBytes: number;
  private readonly maxDelayMs: number;

  constructor(
    private readonly sink: StreamSink<LogEvent>,
    private readonly opts: LogBatcherOptions,
  ) {
    this.maxBytes = opts.maxBytes ?? 256 * 1024;
    this.maxDelayMs = opts.maxDelayMs ?? 16;
  }

  add(pieces: readonly DemuxPiece[]): void {
    if (this.closed) return;
    // Adjacent pieces of one stream (a line each, mostly) are decoded together: one decoder call
    // per run instead of one per line.
    let run: Buffer[] = [];
    let runStream = 0;
    let runBytes = 0;
    const decodeRun = () => {
      if (runBytes === 0) return;
      const bytes = run.length === 1 ? (run[0] as Buffer) : Buffer.concat(run, runBytes);
      this.append(runStream, this.decoder(runStream).decode(bytes, { stream: true }));
      run = [];
      runBytes = 0;
    };
    for (const p of pieces) {
      if (p.data.length === 0) continue;
      if (p.stream !== runStream) decodeRun();
      runStream = p.stream;
      run.push(p.data);
      runBytes += p.data.length;
      this.bytes += p.data.length;
    }
    decodeRun();
    if (this.bytes >= this.maxBytes) this.flush();
    else if (this.bytes > 0) this.timer ??= setTimeout(() => this.flush(), this.maxDelayMs);
  }

  /** The stream is over: bytes of an unfinished character come out as U+FFFD, then the last batch. */
  end(): void {
    for (const [stream, d] of this.decoders) this.append(stream, d.decode());
    this.flush();
  }

  private decoder(stream: number): TextDecoder {
    let d = this.decoders.get(stream);
    if (!d) {
      d = new TextDecoder('utf-8');
      this.decoders.set(stream, d);
    }
    return d;
  }

  private append(stream: number, text: string): void {
    if (!text) return;
    this.pending.push(text);
    const last = this.runs.length - 2;
    if (last >= 0 && this.runs[last] === stream)
      this.runs[last + 1] = (this.runs[last + 1] ?? 0) + text.length;
    else this.runs.push(stream, text.length);
  }

  /** Sends what is pending now (also called before the stream ends). */
  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pending.length === 0 || this.closed) {
      this.bytes = 0;
      return;
    }
    const event: LogEvent = { type: 'data', text: this.pending.join(''), runs: this.runs };
    this.pending = [];
    this.runs = [];
    this.bytes = 0;
    if (!this.sink.emit(event) && !this.waiting) {
      this.waiting = true;
      this.opts.pause();
      void this.sink.writable().then(() => {
        this.waiting = false;
        if (!this.closed && !this.sink.signal.aborted) this.opts.resume();
      });
    }
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.pending = [];
    this.runs = [];
    this.bytes = 0;
  }
}
