import { describe, expect, it, vi } from 'vitest';
import { LOG_STDERR, LOG_STDOUT, type EngineEvent, type MergedLogLine } from '@shared/contract';
import { AlertStore } from '../../src/main/services/alerts/alert-store';
import { ContainerRules, DIE_HOLD_MS } from '../../src/main/services/alerts/container-rules';
import { LineSplitter, type SplitLine } from '../../src/main/services/merged-logs/line-splitter';
import { ReorderBuffer } from '../../src/main/services/merged-logs/reorder-buffer';
import { labelsMatch } from '../../src/main/services/merged-logs/selector';
import { retryAfterMs } from '../../src/main/services/updates/distribution';
import { classifyReference, digestsFor } from '../../src/main/services/updates/image-digests';

const line = (containerId: string, ts: string): MergedLogLine => ({
  hostId: 'h',
  containerId,
  ts,
  stream: LOG_STDOUT,
  text: `${containerId}@${ts}`,
});

describe('reorder buffer', () => {
  it('holds lines for the window and releases them in timestamp order across containers', () => {
    const b = new ReorderBuffer(100);
    b.add([line('a', '100.000000002'), line('a', '100.000000005')], 0);
    b.add([line('b', '100.000000001'), line('b', '100.000000004')], 50);
    expect(b.take(60)).toEqual([]);
    // a's lines are due; b's earlier ones go with them, b's later one waits.
    expect(b.take(100).map((l) => l.ts)).toEqual([
      '100.000000001',
      '100.000000002',
      '100.000000004',
      '100.000000005',
    ]);
    b.add([line('c', '99.000000000')], 200);
    expect(b.take(200, true).map((l) => l.ts)).toEqual(['99.000000000']);
  });
});

describe('line splitter', () => {
  it('splits runs into timestamped lines, joining a line cut between batches, per stream', () => {
    const s = new LineSplitter();
    const out: SplitLine[] = [];
    const t1 = '2024-01-02T03:04:05.5Z one\n2024-01-02T03:04:06.000000001Z tw';
    s.push(t1, [LOG_STDOUT, t1.length], out);
    const t2 = 'o\n';
    const e = '2024-01-02T03:04:07Z err\n';
    s.push(t2 + e, [LOG_STDOUT, t2.length, LOG_STDERR, e.length], out);
    expect(out).toEqual([
      { ts: '1704164645.500000000', stream: LOG_STDOUT, text: 'one' },
      { ts: '1704164646.000000001', stream: LOG_STDOUT, text: 'two' },
      { ts: '1704164647.000000000', stream: LOG_STDERR, text: 'err' },
    ]);
  });
});

describe('selectors and references', () => {
  it('matches label filters as the engine does', () => {
    expect(labelsMatch(['a', 'b=1'], { a: 'x', b: '1' })).toBe(true);
    expect(labelsMatch(['b=1'], { b: '2' })).toBe(false);
    expect(labelsMatch([], { a: '' })).toBe(false);
  });

  it('tells tags from pinned references and finds repo digests by familiar name', () => {
    expect(classifyReference('busybox')).toMatchObject({ kind: 'tag', reference: 'busybox:latest' });
    expect(classifyReference('reg:5000/a/b:1')).toMatchObject({ kind: 'tag', reference: 'reg:5000/a/b:1' });
    expect(classifyReference(`busybox@sha256:${'a'.repeat(64)}`).kind).toBe('pinned');
    expect(classifyReference(`sha256:${'b'.repeat(64)}`).kind).toBe('pinned');
    expect(digestsFor(['busybox@sha256:1', 'other@sha256:2'], 'docker.io/library/busybox')).toEqual([
      'sha256:1',
    ]);
    expect(digestsFor(['reg:5000/a@sha256:3'], 'reg:5000/a')).toEqual(['sha256:3']);
  });

  it('reads a registry’s wait from its rate-limit message', () => {
    expect(retryAfterMs('toomanyrequests: Retry-After: 120')).toBe(120_000);
    expect(retryAfterMs('too many requests, try again in 30 seconds')).toBe(30_000);
    expect(retryAfterMs('toomanyrequests: please wait')).toBeUndefined();
  });
});

const ev = (
  action: string,
  attributes: Record<string, string> = {},
  time = 1_000,
  id = 'c1',
): EngineEvent => ({
  hostId: 'h',
  time,
  timeNano: `${time}000000`,
  type: 'container',
  action,
  id,
  name: 'web',
  attributes,
});

describe('container alert rules', () => {
  it('one alert per condition; a stop is not an exit alert; an OOM is not also an exit', () => {
    vi.useFakeTimers();
    try {
      const store = new AlertStore();
      const rules = new ContainerRules(
        { raise: (a) => store.raise(a), resolve: (k, at) => store.resolve(k, at) },
        () => ({ restartCount: 2, restartMinutes: 5 }),
      );
      rules.handle(ev('die', { exitCode: '3' }));
      rules.handle(ev('die', { exitCode: '3' }, 1_100));
      vi.advanceTimersByTime(DIE_HOLD_MS);
      rules.handle(ev('die', { exitCode: '143' }, 2_000, 'c2'));
      rules.handle(ev('stop', {}, 2_001, 'c2'));
      rules.handle(ev('oom', {}, 3_000, 'c3'));
      rules.handle(ev('die', { exitCode: '137' }, 3_001, 'c3'));
      for (const t of [4_000, 4_100, 4_200, 4_300]) rules.handle(ev('start', {}, t, 'c4'));
      rules.handle(ev('health_status: unhealthy', {}, 5_000, 'c5'));
      rules.handle(ev('health_status: unhealthy', {}, 5_100, 'c5'));
      vi.advanceTimersByTime(DIE_HOLD_MS);
      const rulesOf = (id: string) =>
        store
          .list()
          .filter((a) => a.containerId === id)
          .map((a) => a.rule);
      expect(rulesOf('c1')).toEqual(['exit']);
      expect(store.list().find((a) => a.containerId === 'c1')?.count).toBe(1);
      expect(rulesOf('c2')).toEqual([]);
      expect(rulesOf('c3')).toEqual(['oom']);
      expect(rulesOf('c4')).toEqual(['restart-loop']);
      expect(rulesOf('c5')).toEqual(['unhealthy']);
      expect(store.list().find((a) => a.containerId === 'c5')?.count).toBe(2);
      rules.handle(ev('health_status: healthy', {}, 6_000, 'c5'));
      expect(store.list().find((a) => a.containerId === 'c5')?.resolvedAt).toBe(6_000);
      rules.dispose();
    } finally {
      vi.useRealTimers();
    }
  });
});
