import { describe, expect, it } from 'vitest';
import { LOG_STDERR, LOG_STDOUT, LOG_SYSTEM } from '@shared/contract';
import { LineRing } from '../../../src/renderer/src/components/log-viewer/line-ring';
import { LogDecoder, MAX_LINE_CHARS } from '../../../src/renderer/src/components/log-viewer/log-decoder';
import { LogModel } from '../../../src/renderer/src/components/log-viewer/log-model';
import { tsToUnix, unixAfter } from '../../../src/renderer/src/components/log-viewer/log-time';
import { compileSearch } from '../../../src/renderer/src/components/log-viewer/search';
import { SeqIndex } from '../../../src/renderer/src/components/log-viewer/seq-index';
import {
  applySgr,
  color256,
  parseAnsi,
  stripAnsi,
} from '../../../src/renderer/src/components/log-viewer/sgr';

const line = (text: string, stream: 1 | 2 | 3 = 1) => ({ stream, text, ts: '' });

describe('SGR parser', () => {
  it('leaves plain text alone', () => {
    expect(parseAnsi('hello')).toEqual({ plain: 'hello', runs: [] });
  });

  it('parses 16 colours, bright colours, bold and reset', () => {
    const r = parseAnsi('a\x1b[31mred\x1b[1;92mbold green\x1b[0m end');
    expect(r.plain).toBe('aredbold green end');
    expect(r.runs).toEqual([
      { start: 1, end: 4, style: { fg: 'var(--ansi-1)' } },
      { start: 4, end: 14, style: { fg: 'var(--ansi-10)', bold: true } },
    ]);
  });

  it('parses 256-colour and truecolor foreground and background', () => {
    const r = parseAnsi('\x1b[38;5;196mx\x1b[48;2;10;20;30my\x1b[39;49mz');
    expect(r.plain).toBe('xyz');
    expect(r.runs[0]).toEqual({ start: 0, end: 1, style: { fg: 'rgb(255,0,0)' } });
    expect(r.runs[1]).toEqual({ start: 1, end: 2, style: { fg: 'rgb(255,0,0)', bg: 'rgb(10,20,30)' } });
    expect(r.runs).toHaveLength(2);
  });

  it('maps the 256-colour table like xterm', () => {
    expect(color256(1)).toBe('var(--ansi-1)');
    expect(color256(16)).toBe('rgb(0,0,0)');
    expect(color256(231)).toBe('rgb(255,255,255)');
    expect(color256(232)).toBe('rgb(8,8,8)');
    expect(color256(255)).toBe('rgb(238,238,238)');
    expect(color256(256)).toBeUndefined();
  });

  it('treats ESC[m as reset and turns attributes off one by one', () => {
    expect(applySgr({ fg: 'x', bold: true }, [])).toEqual({});
    expect(
      applySgr({ bold: true, dim: true, italic: true, underline: true, inverse: true }, [22, 23, 24, 27]),
    ).toEqual({});
    expect(applySgr({}, [2, 3, 4, 7, 41, 101])).toEqual({
      dim: true,
      italic: true,
      underline: true,
      inverse: true,
      bg: 'var(--ansi-9)',
    });
  });

  it('drops other escapes (cursor, erase, OSC, charset) and an unfinished one', () => {
    expect(stripAnsi('\x1b[2K\x1b[1Gprogress \x1b]0;title\x07done\x1b(B!')).toBe('progress done!');
    expect(stripAnsi('a\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\b')).toBe('alinkb');
    expect(stripAnsi('cut\x1b[3')).toBe('cut');
  });

  it('never produces markup: the text comes back as text', () => {
    const r = parseAnsi('\x1b[31m<img src=x onerror=alert(1)>\x1b[0m');
    expect(r.plain).toBe('<img src=x onerror=alert(1)>');
  });
});

describe('LogDecoder', () => {
  it('keeps a partial line per stream while the other stream writes whole lines', () => {
    const d = new LogDecoder(false);
    const out1 = d.push('hé' + 'x\n', [LOG_STDOUT, 2, LOG_STDERR, 2]);
    const out2 = d.push('llo\n', [LOG_STDOUT, 4]);
    expect(out1).toEqual([{ stream: LOG_STDERR, text: 'x', ts: '' }]);
    expect(out2).toEqual([{ stream: LOG_STDOUT, text: 'héllo', ts: '' }]);
  });

  it('carries partial lines, strips CR and flushes the last unterminated line', () => {
    const d = new LogDecoder(false);
    expect(d.push('one\r\ntw', [1, 7])).toEqual([line('one')]);
    expect(d.push('o\nthr', [1, 5])).toEqual([line('two')]);
    expect(d.flush()).toEqual([line('thr')]);
  });

  it('splits the timestamp off each line', () => {
    const d = new LogDecoder(true);
    const text = '2026-11-27T22:50:06.604633195Z hello world\nno timestamp\n';
    expect(d.push(text, [LOG_SYSTEM, text.length])).toEqual([
      { stream: LOG_SYSTEM, text: 'hello world', ts: '2026-11-27T22:50:06.604633195Z' },
      { stream: LOG_SYSTEM, text: 'no timestamp', ts: '' },
    ]);
  });

  it('finds the timestamp of a line assembled from two batches, and strips its CR', () => {
    const d = new LogDecoder(true);
    expect(d.push('2026-01-01T00:00:00.1Z hel', [2, 26])).toEqual([]);
    expect(d.push('lo\r\nnext-no-ts\n', [2, 15])).toEqual([
      { stream: 2, text: 'hello', ts: '2026-01-01T00:00:00.1Z' },
      { stream: 2, text: 'next-no-ts', ts: '' },
    ]);
  });

  it('cuts a runaway line without newline', () => {
    const d = new LogDecoder(false);
    const big = 'x'.repeat(MAX_LINE_CHARS + 10);
    const out = d.push(big, [1, big.length]);
    expect(out).toHaveLength(1);
    expect(out[0]?.text.length).toBe(MAX_LINE_CHARS);
    expect(d.flush()[0]?.text).toBe('x'.repeat(10));
  });
});

describe('LineRing', () => {
  it('keeps the newest lines, counts the dropped ones, and keeps sequence numbers stable', () => {
    const r = new LineRing(3);
    for (let i = 0; i < 5; i++) r.push(line(`l${i}`, i % 2 ? 2 : 1));
    expect(r.size).toBe(3);
    expect(r.total).toBe(5);
    expect(r.dropped).toBe(2);
    expect(r.firstSeq).toBe(2);
    expect([2, 3, 4].map((s) => r.text(s))).toEqual(['l2', 'l3', 'l4']);
    expect(r.stream(3)).toBe(2);
    expect(r.has(1)).toBe(false);
    expect(() => r.text(1)).toThrow(RangeError);
  });

  it('stores the ANSI-free text next to the raw text', () => {
    const r = new LineRing(2);
    r.push(line('\x1b[32mok\x1b[0m'));
    expect(r.text(0)).toBe('\x1b[32mok\x1b[0m');
    expect(r.plain(0)).toBe('ok');
  });

  it('stays bounded with a million lines arriving in batches, releasing old batches', () => {
    const r = new LineRing(1000);
    const d = new LogDecoder(true);
    for (let b = 0; b < 1000; b++) {
      let text = '';
      for (let i = b * 1000; i < (b + 1) * 1000; i++)
        text += `2026-01-01T00:00:00.${String(i).padStart(9, '0')}Z line ${i}\n`;
      r.pushBatch(d.pushBatch(text, [b % 2 ? 2 : 1, text.length]));
    }
    expect(r.size).toBe(1000);
    expect(r.dropped).toBe(999_000);
    expect(r.text(999_999)).toBe('line 999999');
    expect(r.ts(999_999)).toBe('2026-01-01T00:00:00.000999999Z');
    expect(r.stream(999_999)).toBe(2);
    expect(r.text(r.firstSeq)).toBe('line 999000');
    expect(r.lastTs()).toBe('2026-01-01T00:00:00.000999999Z');
    // Only the batches that still hold kept lines are referenced.
    expect((r as unknown as { chunks: unknown[]; head: number }).chunks.length).toBeLessThan(70);
  });

  it('drops part of a batch and keeps the rest addressable', () => {
    const r = new LineRing(3);
    const d = new LogDecoder(false);
    r.pushBatch(d.pushBatch('a\nb\n', [1, 4]));
    r.pushBatch(d.pushBatch('c\nd\n', [2, 4]));
    expect(r.firstSeq).toBe(1);
    expect([1, 2, 3].map((s) => `${r.stream(s)}${r.text(s)}`)).toEqual(['1b', '2c', '2d']);
  });
});

describe('SeqIndex', () => {
  it('trims from the front, compacts, and finds positions', () => {
    const s = new SeqIndex();
    for (let i = 0; i < 5000; i += 2) s.push(i);
    expect(s.trimBelow(3000)).toBe(1500);
    expect(s.at(0)).toBe(3000);
    expect(s.length).toBe(1000);
    expect(s.indexOf(3002)).toBe(1);
    expect(s.indexOf(3001)).toBe(-1);
    expect(s.lowerBound(3001)).toBe(1);
  });
});

describe('LogModel', () => {
  function feed(model: LogModel, entries: Array<[1 | 2, string]>) {
    const runs: number[] = [];
    let text = '';
    for (const [stream, t] of entries) {
      const line = `2026-01-01T00:00:00.000000001Z ${t}\n`;
      text += line;
      runs.push(stream, line.length);
    }
    model.ingest(text, runs);
  }

  it('filters by stream and to search matches, and keeps the indexes right as lines drop', () => {
    const m = new LogModel(4);
    feed(m, [
      [1, 'out 1'],
      [2, 'err 1'],
      [1, 'out 2'],
    ]);
    expect(m.rowCount).toBe(3);
    const { search } = compileSearch('ERR', { regex: false, caseSensitive: false });
    m.setFilters({ showStdout: true, showStderr: true, search, onlyMatches: false });
    expect(m.matches.length).toBe(1);
    m.setFilters({ showStdout: true, showStderr: true, search, onlyMatches: true });
    expect(m.rowCount).toBe(1);
    expect(m.ring.plain(m.rowSeq(0) as number)).toBe('err 1');
    feed(m, [
      [2, 'err 2'],
      [1, 'out 3'],
      [2, 'err 3'],
    ]);
    // Capacity 4: "out 1", "err 1" were dropped.
    expect(m.ring.dropped).toBe(2);
    expect(m.rowCount).toBe(2);
    expect([...m.plainRows(false)]).toEqual(['err 2', 'err 3']);
    expect([...m.plainRows(true)][0]).toBe('2026-01-01T00:00:00.000000001Z err 2');
    expect(m.rowsDroppedFromTop).toBe(1);
    m.setFilters({ showStdout: false, showStderr: true, search: undefined, onlyMatches: false });
    expect([...m.plainRows(false)]).toEqual(['err 2', 'err 3']);
    m.setFilters({ showStdout: true, showStderr: false, search: undefined, onlyMatches: false });
    expect([...m.plainRows(false)]).toEqual(['out 2', 'out 3']);
    expect(m.rowOf(m.ring.firstSeq)).toBe(0);
  });

  it('reports a bad regex instead of throwing', () => {
    const r = compileSearch('(', { regex: true, caseSensitive: false });
    expect(r.search).toBeUndefined();
    expect(r.error).toBeTruthy();
    const ok = compileSearch('a+', { regex: true, caseSensitive: true });
    expect(ok.search?.ranges('caaab aA')).toEqual([
      [1, 4],
      [6, 7],
    ]);
  });
});

describe('log times', () => {
  it('converts an RFC 3339 nano timestamp to Unix seconds and steps one nanosecond past it', () => {
    expect(tsToUnix('2024-01-02T03:04:05.123456789Z')).toBe('1704164645.123456789');
    expect(tsToUnix('2024-01-02T03:04:05Z')).toBe('1704164645.000000000');
    expect(tsToUnix('2024-01-02T05:04:05.5+02:00')).toBe('1704164645.500000000');
    expect(tsToUnix('nope')).toBeUndefined();
    expect(unixAfter('1704164645.123456789')).toBe('1704164645.123456790');
    expect(unixAfter('1704164645.999999999')).toBe('1704164646.000000000');
  });
});
