import { describe, expect, it } from 'vitest';
import { normalizeEvent, toSinceParam } from '../../src/main/services/events/normalize-event';
import { NdjsonSplitter } from '../../src/main/engine/ndjson';

describe('engine events', () => {
  it('normalises a container event', () => {
    // As the engine sends it: timeNano is a JSON number (beyond float precision).
    const e = normalizeEvent(
      'h-1',
      JSON.parse(
        '{"Type":"container","Action":"start","Actor":{"ID":"abc","Attributes":{"name":"web","image":"nginx"}},"time":1700000000,"timeNano":1700000000123456789}',
      ),
    );
    expect(e).toMatchObject({ hostId: 'h-1', type: 'container', action: 'start', id: 'abc', name: 'web' });
    expect(e?.time).toBe(1700000000123);
  });

  it('keeps nanosecond precision when timeNano arrives as a string', () => {
    const e = normalizeEvent('h', {
      Type: 'image',
      Action: 'pull',
      Actor: { ID: 'busybox:latest' },
      timeNano: '1700000000000000001',
    });
    expect(e?.timeNano).toBe('1700000000000000001');
    expect(e?.name).toBe('busybox:latest');
  });

  it('ignores lines that are not events', () => {
    expect(normalizeEvent('h', { hello: 1 })).toBeUndefined();
    expect(normalizeEvent('h', null)).toBeUndefined();
  });

  it('formats since as seconds.nanoseconds', () => {
    expect(toSinceParam('1700000000123456789')).toBe('1700000000.123456789');
    expect(toSinceParam('5')).toBe('0.000000005');
  });

  it('splits NDJSON across arbitrary chunk boundaries, including inside a UTF-8 character', () => {
    const lines: string[] = [];
    const splitter = new NdjsonSplitter((l) => lines.push(l));
    const split = (b: Uint8Array) => splitter.push(b);
    const bytes = new TextEncoder().encode('{"a":"é"}\n{"b":2}\n{"c":');
    // Cut inside the two-byte é.
    split(bytes.subarray(0, 7));
    split(bytes.subarray(7, 13));
    split(bytes.subarray(13));
    split(new TextEncoder().encode('3}\n'));
    expect(lines).toEqual(['{"a":"é"}', '{"b":2}', '{"c":3}']);
  });
});
