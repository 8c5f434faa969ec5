import { EventEmitter } from 'node:events';
import type { IncomingMessage } from 'node:http';
import { describe, expect, it, vi } from 'vitest';
import type { LogEvent } from '@shared/contract';
import type { StreamSink } from '../../src/main/rpc/handlers';
import { FrameDemuxer } from '../../src/main/services/logs/frame-demuxer';
import { PieceJoiner, PIECE_BYTES } from '../../src/main/services/logs/piece-joiner';
import { pipePieces, type PieceStage } from '../../src/main/services/logs/pipe-pieces';

const TS = '2026-12-07T02:33:01.000000001Z ';
const TS2 = '2026-12-07T02:33:01.000000002Z ';

function frame(type: number, payload: string): Buffer {
  const body = Buffer.from(payload);
  const header = Buffer.alloc(8);
  header.writeUInt8(type, 0);
  header.writeUInt32BE(body.length, 4);
  return Buffer.concat([header, body]);
}

/** A fake engine response: what one socket read emits, one 'data' event per chunk, in one turn. */
function fakeBody() {
  const body = Object.assign(new EventEmitter(), {
    pause: vi.fn(),
    resume: vi.fn(),
    destroy: vi.fn(),
  });
  return {
    body: body as unknown as IncomingMessage,
    read(chunks: Buffer[]) {
      for (const c of chunks) body.emit('data', c);
    },
    end: () => body.emit('end'),
  };
}

function collectingSink() {
  const events: LogEvent[] = [];
  const sink: StreamSink<LogEvent> = {
    emit: (e) => {
      events.push(e);
      return true;
    },
    writable: () => Promise.resolve(),
    end: vi.fn(),
    signal: new AbortController().signal,
  };
  const text = () => events.map((e) => (e.type === 'data' ? e.text : '')).join('');
  return { sink, events, text };
}

/** The stage of a framed stream with timestamps, as pipeLogBody builds it, counting its calls. */
function framedStage() {
  const demuxer = new FrameDemuxer();
  const joiner = new PieceJoiner(true);
  const stage = {
    calls: 0,
    push(chunk: Buffer) {
      stage.calls++;
      return joiner.push(demuxer.push(chunk));
    },
    flush: () => joiner.flush(),
  } satisfies PieceStage & { calls: number };
  return stage;
}

describe('pipePieces', () => {
  it("handles the many chunks of one socket read (the engine's one HTTP chunk per line) in one pass", async () => {
    const { body, read, end } = fakeBody();
    const { sink, text } = collectingSink();
    const stage = framedStage();
    const done = new Promise<void>((resolve) => pipePieces(body, sink, stage, () => resolve()));
    const lines = Array.from({ length: 500 }, (_, i) => `${TS}line ${i}\n`);
    read(lines.map((l, i) => frame(i % 2 ? 2 : 1, l)));
    await Promise.resolve();
    expect(stage.calls).toBe(1);
    end();
    await done;
    expect(text()).toBe(lines.join(''));
  });

  it('joins a long line whose pieces arrive in different reads, among whole lines', async () => {
    const { body, read, end } = fakeBody();
    const { sink, text } = collectingSink();
    const done = new Promise<void>((resolve) => pipePieces(body, sink, framedStage(), () => resolve()));
    const first = 'a'.repeat(PIECE_BYTES);
    // A whole line, then a long line's first piece (no newline) in the same read...
    read([frame(1, `${TS}short\n`), frame(1, `${TS2}${first}`)]);
    await Promise.resolve();
    // ...its last piece repeats the line's timestamp, which is dropped; then a whole line again.
    read([frame(1, `${TS2}end of it\n`), frame(1, `${TS}after\n`)]);
    await Promise.resolve();
    end();
    await done;
    expect(text()).toBe(`${TS}short\n${TS2}${first}end of it\n${TS}after\n`);
  });

  it('puts back the newline an engine lost after a partial piece followed by a whole line', async () => {
    const { body, read, end } = fakeBody();
    const { sink, text } = collectingSink();
    const done = new Promise<void>((resolve) => pipePieces(body, sink, framedStage(), () => resolve()));
    read([frame(1, `${TS}cut short`), frame(1, `${TS2}next\n`), frame(1, `${TS2}whole\n`)]);
    end();
    await done;
    expect(text()).toBe(`${TS}cut short\n${TS2}next\n${TS2}whole\n`);
  });
});
