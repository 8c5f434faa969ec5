import { describe, expect, it } from 'vitest';
import { decodeJson, encodeJson, holdsBytes } from '@shared/rpc/json-codec';

describe('json codec fast path (bench)', () => {
  it('decodes messages without bytes exactly as JSON.parse does', () => {
    const value = { type: 'result', id: 1, value: [{ name: 'a', labels: { k: 'v' }, n: 3 }], none: null };
    expect(decodeJson(encodeJson(value))).toEqual(value);
  });

  it('keeps byte arrays, nested or at the top level', () => {
    const bytes = new Uint8Array([0, 1, 2, 255]);
    const decoded = decodeJson(encodeJson({ a: [{ bytes }], b: bytes })) as {
      a: [{ bytes: Uint8Array }];
      b: Uint8Array;
    };
    expect(decoded.a[0].bytes).toBeInstanceOf(Uint8Array);
    expect([...decoded.a[0].bytes]).toEqual([0, 1, 2, 255]);
    expect([...decoded.b]).toEqual([0, 1, 2, 255]);
  });

  it('finds a byte array behind primitives, in arrays and objects, and none where there is none', () => {
    const list = Array.from({ length: 50 }, (_, i) => ({
      id: `c${i}`,
      n: i,
      ok: true,
      none: null,
      tags: ['a'],
    }));
    expect(holdsBytes({ t: 'result', result: list })).toBe(false);
    expect(holdsBytes([1, 'x', null, [2, [3, { deep: new Uint8Array(1) }]]])).toBe(true);
    expect(holdsBytes({ t: 'result', result: [...list, { id: 'last', data: Buffer.from('x') }] })).toBe(true);
    expect(holdsBytes('text')).toBe(false);
    expect(holdsBytes(new Uint8Array(0))).toBe(true);
  });

  it('leaves a string that mentions the marker a string', () => {
    const value = { text: '{"$bytes":"AAEC"}', other: '$bytes' };
    expect(decodeJson(encodeJson(value))).toEqual(value);
  });

  it('still revives when the marker and text share a message', () => {
    const decoded = decodeJson(encodeJson({ text: '"$bytes"', bytes: new Uint8Array([7]) })) as {
      text: string;
      bytes: Uint8Array;
    };
    expect(decoded.text).toBe('"$bytes"');
    expect([...decoded.bytes]).toEqual([7]);
  });

  it('encodes messages without bytes exactly as JSON.stringify does, and finds Buffers deep inside', () => {
    const plain = { type: 'result', id: 2, value: [{ a: [1, { b: 'x' }], when: new Date(0) }] };
    expect(encodeJson(plain)).toBe(JSON.stringify(plain));
    const deep = { type: 'event', value: { chunks: [[{ data: Buffer.from('hi') }]] } };
    const decoded = decodeJson(encodeJson(deep)) as { value: { chunks: [[{ data: Uint8Array }]] } };
    expect(Buffer.from(decoded.value.chunks[0][0].data).toString()).toBe('hi');
  });
});
