import { describe, expect, it } from 'vitest';
import { decodeFrame, encodeFrame } from '@shared/rpc/frame-codec';

const latin1 = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('latin1');

describe('WebSocket frame codec', () => {
  it('sends a message without bytes as the text JSON.stringify gives', () => {
    const message = { t: 'result', id: 3, value: [{ name: 'a', n: 1 }, null] };
    const frame = encodeFrame(message);
    expect(frame).toBe(JSON.stringify(message));
    expect(decodeFrame(frame as string)).toEqual(message);
  });

  it('sends bytes as they are in a binary frame, without base64', () => {
    const bytes = new Uint8Array(Array.from({ length: 256 }, (_, i) => i));
    const frame = encodeFrame({ t: 'event', id: 7, value: { type: 'data', bytes } });
    expect(frame).toBeInstanceOf(Uint8Array);
    const bin = frame as Uint8Array;
    // A 4-byte header length, a small JSON header, then the 256 bytes themselves.
    expect(bin.byteLength).toBeLessThan(256 + 80);
    expect(latin1(bin).endsWith(latin1(bytes))).toBe(true);
    expect(latin1(bin)).not.toContain('$bytes');
    const back = decodeFrame(bin) as { t: string; id: number; value: { type: string; bytes: Uint8Array } };
    expect(back.t).toBe('event');
    expect(back.value.type).toBe('data');
    expect(back.value.bytes.constructor).toBe(Uint8Array);
    expect([...back.value.bytes]).toEqual([...bytes]);
  });

  it('keeps several byte arrays and Node Buffers, nested, in order, and empty ones', () => {
    const a = Buffer.from('héllo');
    const b = new Uint8Array([0, 255]);
    const when = new Date(0);
    const message = { list: [{ a }, { b }], empty: new Uint8Array(0), text: '{"$bin":[0,1]}', when };
    const back = decodeFrame(encodeFrame(message)) as {
      list: [{ a: Uint8Array }, { b: Uint8Array }];
      empty: Uint8Array;
      text: string;
      when: string;
    };
    expect(back.when).toBe(when.toISOString());
    expect(Buffer.from(back.list[0].a).toString()).toBe('héllo');
    expect([...back.list[1].b]).toEqual([0, 255]);
    expect(back.empty.byteLength).toBe(0);
    expect(back.text).toBe('{"$bin":[0,1]}');
  });

  it('decodes from an ArrayBuffer (the browser) and from a view into a larger buffer (Node)', () => {
    const frame = encodeFrame({ bytes: new Uint8Array([1, 2, 3]) }) as Uint8Array;
    const copy = frame.slice().buffer;
    expect([...(decodeFrame(copy) as { bytes: Uint8Array }).bytes]).toEqual([1, 2, 3]);
    const padded = new Uint8Array(frame.byteLength + 10);
    padded.set(frame, 5);
    const view = padded.subarray(5, 5 + frame.byteLength);
    expect([...(decodeFrame(view) as { bytes: Uint8Array }).bytes]).toEqual([1, 2, 3]);
  });

  it('still reads text frames with base64 bytes (older clients)', () => {
    const back = decodeFrame('{"bytes":{"$bytes":"AQI="}}') as { bytes: Uint8Array };
    expect([...back.bytes]).toEqual([1, 2]);
  });

  it('refuses malformed binary frames instead of reading outside them', () => {
    expect(() => decodeFrame(new Uint8Array([1, 0]))).toThrow(/shorter/);
    const tooLong = new Uint8Array(8);
    new DataView(tooLong.buffer).setUint32(0, 100, true);
    expect(() => decodeFrame(tooLong)).toThrow(/longer/);
    const head = new TextEncoder().encode('{"x":{"$bin":[0,9]}}');
    const outside = new Uint8Array(4 + head.byteLength + 2);
    new DataView(outside.buffer).setUint32(0, head.byteLength, true);
    outside.set(head, 4);
    expect(() => decodeFrame(outside)).toThrow(/outside/);
    const negative = new TextEncoder().encode('{"x":{"$bin":[-1,1]}}');
    const neg = new Uint8Array(4 + negative.byteLength + 2);
    new DataView(neg.buffer).setUint32(0, negative.byteLength, true);
    neg.set(negative, 4);
    expect(() => decodeFrame(neg)).toThrow(/outside/);
  });
});
