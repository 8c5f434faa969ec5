import { describe, expect, it } from 'vitest';
import type { ApiLogEntry } from '@shared/contract';
import type { RunSpec } from '@shared/contract/container-run-spec';
import {
  addToHistory,
  outcomeText,
  recordOutcome,
  draftOf,
  HISTORY_MAX,
  parseBody,
  queryOf,
  type HistoryItem,
} from '../../../src/renderer/src/lib/api-console';
import { mergeLogBatch } from '../../../src/renderer/src/lib/api-log-batch';
import { statusText, statusTone } from '../../../src/renderer/src/lib/api-log-format';
import { runFormCopy } from '@shared/apilog/form-copy';

function entry(id: number, patch: Partial<ApiLogEntry> = {}): ApiLogEntry {
  return {
    id,
    hostId: 'h',
    at: id,
    method: 'GET',
    path: '/v1.41/containers/json',
    query: [],
    state: 'done',
    status: 200,
    bytesIn: 0,
    bytesOut: 0,
    streaming: false,
    ...patch,
  };
}

describe('API log batches', () => {
  it('puts new entries on top and updates open ones in place', () => {
    const prev = [entry(2, { state: 'open', status: undefined }), entry(1)];
    const next = mergeLogBatch(prev, [entry(3), entry(2, { state: 'done', status: 200, durationMs: 5 })], 10);
    expect(next.map((e) => e.id)).toEqual([3, 2, 1]);
    expect(next[1]?.state).toBe('done');
  });

  it('keeps at most the limit, dropping the oldest', () => {
    const next = mergeLogBatch([entry(2), entry(1)], [entry(4), entry(3)], 3);
    expect(next.map((e) => e.id)).toEqual([4, 3, 2]);
  });

  it('says open, error and the status class plainly', () => {
    expect(statusText(entry(1, { state: 'open', status: undefined }))).toBe('open');
    expect(statusText(entry(1, { state: 'open', status: 200 }))).toBe('200 open');
    expect(statusText(entry(1, { state: 'error', status: undefined }))).toBe('error');
    expect(statusTone(entry(1, { status: 404 }))).toBe('warn');
    expect(statusTone(entry(1, { status: 500 }))).toBe('bad');
  });
});

describe('console drafts and history', () => {
  it('parses the body: empty is no body, bad JSON says why', () => {
    expect(parseBody('  ')).toEqual({ ok: true });
    expect(parseBody('{"a":1}')).toEqual({ ok: true, body: { a: 1 } });
    const bad = parseBody('{a:1}');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.message).toMatch(/^The body is not valid JSON/);
  });

  it('drops unnamed query rows and trims names', () => {
    expect(
      queryOf({
        method: 'GET',
        path: '/x',
        body: '',
        query: [
          [' all ', '1'],
          ['', 'x'],
        ],
      }),
    ).toEqual([['all', '1']]);
  });

  it('opens a logged request with its body pretty-printed', () => {
    const d = draftOf({ method: 'POST', path: '/networks/create', body: { Name: 'n' } });
    expect(d.body).toBe('{\n  "Name": "n"\n}');
  });

  it('keeps a bounded history, newest first, without repeats', () => {
    let h: HistoryItem[] = [];
    const item = (i: number): HistoryItem => ({
      at: i,
      hostId: 'h',
      method: 'GET',
      path: `/p${i}`,
      query: [],
      body: '',
    });
    for (let i = 0; i < HISTORY_MAX + 5; i++) h = addToHistory(h, item(i));
    expect(h).toHaveLength(HISTORY_MAX);
    expect(h[0]?.path).toBe(`/p${HISTORY_MAX + 4}`);
    h = addToHistory(h, { ...item(10), at: 999 });
    expect(h[0]?.path).toBe('/p10');
    expect(h.filter((x) => x.path === '/p10')).toHaveLength(1);
  });

  it('records every send: its status and duration; a replay shows the last outcome until its own answer', () => {
    const base = { hostId: 'h', method: 'GET' as const, path: '/info', query: [], body: '' };
    let h = addToHistory([], { ...base, at: 1 });
    expect(outcomeText(h[0]!)).toBe('…');
    h = recordOutcome(h, 1, { status: 200, durationMs: 12.4 });
    expect(h[0]).toMatchObject({ status: 200, durationMs: 12.4, pending: false });
    expect(outcomeText(h[0]!)).toBe('200 · 12 ms');
    // Replay: the same request moves up and keeps its last outcome while pending.
    h = addToHistory(h, { ...base, at: 2 });
    expect(h).toHaveLength(1);
    expect(h[0]).toMatchObject({ at: 2, status: 200, durationMs: 12.4, pending: true });
    h = recordOutcome(h, 2, { status: 500, durationMs: 1500 });
    expect(outcomeText(h[0]!)).toBe('500 · 1.50 s');
    h = recordOutcome(h, 2, { error: 'refused by the policy' });
    expect(h[0]).not.toHaveProperty('status');
    expect(outcomeText(h[0]!)).toBe('failed');
    // A stream: its status at the head (still open), the duration at its end.
    h = addToHistory(h, { ...base, path: '/events', at: 3 });
    h = recordOutcome(h, 3, { status: 200 }, false);
    expect(h[0]).toMatchObject({ status: 200, pending: true });
    h = recordOutcome(h, 3, { status: 200, durationMs: 4000 });
    expect(outcomeText(h[0]!)).toBe('200 · 4.00 s');
    // An unknown send (history cleared meanwhile) changes nothing.
    expect(recordOutcome(h, 42, { status: 204 })).toBe(h);
  });
});

describe('copy as for the run form', () => {
  const spec = {
    image: 'busybox',
    name: 'web',
    env: [],
    labels: {},
    ports: [],
    mounts: [],
    restartPolicy: { name: 'no' },
    autoRemove: false,
    tty: false,
    interactive: false,
  } as unknown as RunSpec;

  it('copies create then start, and docker run -d when the form starts it', () => {
    const c = runFormCopy(spec, true);
    expect(c.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /containers/create',
      'POST /containers/web/start',
    ]);
    expect(c.dockerCli).toMatch(/^docker run -d /);
    expect(c.dockerCli).toContain('busybox');
  });

  it('copies only the create, as docker create, when it does not start', () => {
    const c = runFormCopy(spec, false);
    expect(c.requests).toHaveLength(1);
    expect(c.dockerCli).toMatch(/^docker create /);
  });
});
