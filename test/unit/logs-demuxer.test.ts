import { describe, expect, it, vi } from 'vitest';
import type { LogEvent } from '@shared/contract';
import { FrameDemuxer, type DemuxPiece } from '../../src/main/services/logs/frame-demuxer';
import { LogBatcher } from '../../src/main/services/logs/log-batcher';
import type { StreamSink } from '../../src/main/rpc/handlers';

function frame(type: number, payload: string | Buffer): Buffer {
  const body = typeof payload === 'string' ? Buffer.from(payload) : payload;
  const header = Buffer.alloc(8);
  header.writeUInt8(type, 0);
  header.writeUInt32BE(body.length, 4);
  return Buffer.concat([header, body]);
}

/** Joins pieces per stream, so tests compare what a reader would see. */
function collect(pieces: DemuxPiece[]) {
  const out: Record<number, string> = { 1: '', 2: '', 3: '' };
  const order: number[] = [];
  for (const p of pieces) {
    out[p.stream] += p.data.toString('utf8');
    if (order[order.length - 1] !== p.stream) order.push(p.stream);
  }
  return { stdout: out[1], stderr: out[2], system: out[3], order };
}

function feed(demuxer: FrameDemuxer, stream: Buffer, cuts: number[]): DemuxPiece[] {
  const pieces: DemuxPiece[] = [];
  let from = 0;
  for (const at of [...cuts, stream.length]) {
    // Copies, so a piece never aliases a buffer the test reuses.
    pieces.push(...demuxer.push(Buffer.from(stream.subarray(from, at))));
    from = at;
  }
  return pieces;
}

const interleaved = Buffer.concat(
  Array.from({ length: 50 }, (_, i) => [frame(1, `out ${i + 1}\n`), frame(2, `err ${i + 1}\n`)]).flat(),
);
const expectedOut = Array.from({ length: 50 }, (_, i) => `out ${i + 1}\n`).join('');
const expectedErr = Array.from({ length: 50 }, (_, i) => `err ${i + 1}\n`).join('');

describe('FrameDemuxer', () => {
  it('separates whole frames of stdout and stderr', () => {
    const r = collect(new FrameDemuxer().push(interleaved));
    expect(r.stdout).toBe(expectedOut);
    expect(r.stderr).toBe(expectedErr);
    expect(r.order.length).toBe(100);
  });

  it('gives the same result for every single cut point (headers and payloads split)', () => {
    for (let cut = 1; cut < 60; cut++) {
      const r = collect(feed(new FrameDemuxer(), interleaved, [cut]));
      expect(r.stdout).toBe(expectedOut);
      expect(r.stderr).toBe(expectedErr);
    }
  });

  it('survives one byte at a time', () => {
    const cuts = Array.from({ length: interleaved.length - 1 }, (_, i) => i + 1);
    const r = collect(feed(new FrameDemuxer(), interleaved, cuts));
    expect(r.stdout).toBe(expectedOut);
    expect(r.stderr).toBe(expectedErr);
  });

  it('survives random chunking, including a header split over three chunks', () => {
    let seed = 7;
    const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let round = 0; round < 200; round++) {
      const cuts: number[] = [];
      let at = 0;
      while ((at += 1 + Math.floor(rand() * 23)) < interleaved.length) cuts.push(at);
      const r = collect(feed(new FrameDemuxer(), interleaved, cuts));
      expect(r.stdout).toBe(expectedOut);
      expect(r.stderr).toBe(expectedErr);
    }
  });

  it('passes a large payload on in pieces as it arrives, without waiting for the frame end', () => {
    const big = Buffer.alloc(100_000, 'x');
    const stream = frame(1, big);
    const d = new FrameDemuxer();
    const first = d.push(stream.subarray(0, 1000));
    expect(first.reduce((n, p) => n + p.data.length, 0)).toBe(992);
    expect(d.midFrame).toBe(true);
    const rest = d.push(stream.subarray(1000));
    expect(rest.reduce((n, p) => n + p.data.length, 0)).toBe(100_000 - 992);
    expect(d.midFrame).toBe(false);
  });

  it('keeps a UTF-8 character split across frames intact in bytes', () => {
    const e = Buffer.from('é'); // two bytes
    const stream = Buffer.concat([
      frame(1, Buffer.from([e[0] as number])),
      frame(1, Buffer.from([e[1] as number, 10])),
    ]);
    const pieces = feed(new FrameDemuxer(), stream, [9]);
    expect(Buffer.concat(pieces.map((p) => p.data)).toString('utf8')).toBe('é\n');
  });

  it('turns a Systemerr frame (type 3) into a system piece', () => {
    const stream = Buffer.concat([frame(1, 'ok\n'), frame(3, 'Error grabbing logs: boom\n')]);
    const r = collect(new FrameDemuxer().push(stream));
    expect(r.stdout).toBe('ok\n');
    expect(r.system).toBe('Error grabbing logs: boom\n');
  });

  it('treats stdin frames (type 0) as stdout and allows empty frames', () => {
    const r = collect(
      new FrameDemuxer().push(Buffer.concat([frame(0, 'in\n'), frame(1, ''), frame(2, 'e\n')])),
    );
    expect(r.stdout).toBe('in\n');
    expect(r.stderr).toBe('e\n');
  });

  it('says so and passes the rest on raw when a header has an unknown type', () => {
    const d = new FrameDemuxer();
    const pieces = [...d.push(frame(1, 'a\n')), ...d.push(Buffer.from('\x09garbage that is not framed\n'))];
    pieces.push(...d.push(Buffer.from('more\n')));
    const r = collect(pieces);
    expect(r.stdout?.startsWith('a\n')).toBe(true);
    expect(r.stdout).toContain('garbage that is not framed\nmore\n');
    expect(r.system).toMatch(/Unrecognized stream header \(type 9\)/);
  });

  it('demuxes a real capture from the engine (timestamps, ANSI, UTF-8)', () => {
    const capture = Buffer.from(
      '010000000000002f323032362d31312d32375432323a35303a30362e3630343633333139355a201b5b33316d7265641b5b306d20c3a90a' +
        '0200000000000025323032362d31312d32375432323a35303a30362e3630343638313330365a2065727220310a',
      'hex',
    );
    const r = collect(feed(new FrameDemuxer(), capture, [3, 50]));
    expect(r.stdout).toBe('2026-11-27T22:50:06.604633195Z \x1b[31mred\x1b[0m é\n');
    expect(r.stderr).toBe('2026-11-27T22:50:06.604681306Z err 1\n');
  });
});

function fakeSink(window: number) {
  const events: LogEvent[] = [];
  let credit = window;
  let wake: (() => void) | undefined;
  const controller = new AbortController();
  const sink: StreamSink<LogEvent> = {
    emit(e) {
      events.push(e);
      credit--;
      return credit > 0;
    },
    writable: () => (credit > 0 ? Promise.resolve() : new Promise<void>((r) => (wake = r))),
    end: vi.fn(),
    signal: controller.signal,
  };
  return {
    sink,
    events,
    ack(n: number) {
      credit += n;
      wake?.();
      wake = undefined;
    },
  };
}

describe('LogBatcher', () => {
  const piece = (stream: 1 | 2 | 3, text: string): DemuxPiece => ({ stream, data: Buffer.from(text) });

  it('packs many pieces into one event with merged [stream, length] runs', () => {
    const { sink, events } = fakeSink(64);
    const b = new LogBatcher(sink, { pause: vi.fn(), resume: vi.fn() });
    b.add([piece(1, 'a\n'), piece(1, 'b\n'), piece(2, 'c\n'), piece(1, 'd\n'), piece(3, 'x\n')]);
    expect(events).toHaveLength(0);
    b.flush();
    expect(events).toHaveLength(1);
    const e = events[0];
    if (e?.type !== 'data') throw new Error('expected data');
    expect(e.text).toBe('a\nb\nc\nd\nx\n');
    expect(e.runs).toEqual([1, 4, 2, 2, 1, 2, 3, 2]);
  });

  it('joins a UTF-8 character cut between pieces, per stream, even with the other stream in between', () => {
    const { sink, events } = fakeSink(64);
    const b = new LogBatcher(sink, { pause: vi.fn(), resume: vi.fn() });
    const e = Buffer.from('é€\n'); // 2 + 3 bytes
    b.add([{ stream: 1, data: e.subarray(0, 1) }, piece(2, 'x\n'), { stream: 1, data: e.subarray(1, 3) }]);
    b.flush();
    b.add([{ stream: 1, data: e.subarray(3) }]);
    b.end();
    const text = events.map((ev) => (ev.type === 'data' ? ev.text : '')).join('');
    expect(text).toBe('x\né€\n');
    const first = events[0];
    if (first?.type !== 'data') throw new Error('expected data');
    // Runs count UTF-16 units of the text: "x\n" (2), "é" (1).
    expect(first.runs).toEqual([2, 2, 1, 1]);
  });

  it('turns an unfinished character at the end into U+FFFD', () => {
    const { sink, events } = fakeSink(64);
    const b = new LogBatcher(sink, { pause: vi.fn(), resume: vi.fn() });
    b.add([{ stream: 1, data: Buffer.from([0xc3]) }]);
    b.end();
    expect(events.map((ev) => (ev.type === 'data' ? ev.text : ''))).toEqual(['\ufffd']);
  });

  it('flushes by itself after the delay, and at once when the size limit is reached', async () => {
    const { sink, events } = fakeSink(64);
    const b = new LogBatcher(sink, { pause: vi.fn(), resume: vi.fn(), maxBytes: 10, maxDelayMs: 5 });
    b.add([piece(1, '12345')]);
    expect(events).toHaveLength(0);
    await new Promise((r) => setTimeout(r, 20));
    expect(events).toHaveLength(1);
    b.add([piece(1, '1234567890')]);
    expect(events).toHaveLength(2);
  });

  it('pauses the source when the window is full and resumes once acked', async () => {
    const { sink, events, ack } = fakeSink(2);
    const pause = vi.fn();
    const resume = vi.fn();
    const b = new LogBatcher(sink, { pause, resume, maxBytes: 1 });
    b.add([piece(1, 'a')]);
    expect(pause).not.toHaveBeenCalled();
    b.add([piece(1, 'b')]);
    expect(pause).toHaveBeenCalledTimes(1);
    expect(events).toHaveLength(2);
    ack(2);
    await Promise.resolve();
    expect(resume).toHaveBeenCalledTimes(1);
  });
});
